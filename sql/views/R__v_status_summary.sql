-- v_status_summary: one row per municipality, plan, category (数値目標, KPI, 福祉事業評価, 施策進捗,
-- 施策必要性), evaluation year and status: the count of the municipality's items and the share
-- printed the way the city prints it (one decimal, adding up to 100.0). Reproduces the first page
-- of 朝霞市's strategy verification: 数値目標 A 0 (0.0) B 3 (42.9) C 4 (57.1) of 7; KPI A 9 (33.3)
-- B 11 (40.8) C 7 (25.9) of 27.
-- Items printed without a status (a 数値目標 no longer surveyed) are not counted.
create or replace view v_status_summary as

with

shares as (
    select * from v_grade_shares
),

plans as (
    select * from dim_plans
),

final as (
    select
        s.municipality_code,
        s.municipality_name,
        s.plan_id as plan,
        p.plan_name,
        s.category,
        s.evaluation_fiscal_year,
        s.status,
        s.status_label,
        s.status_count,
        s.total_count,
        s.share_percent,
        s.sort_order
    from shares as s
    left join plans as p on p.plan_id = s.plan_id
)

select * from final;

comment on view v_status_summary is '評価区分集計: one row per municipality, plan, category, evaluation year and status: count and share as the city prints them';
comment on column v_status_summary.municipality_code is '団体コード municipality: the 6-digit 全国地方公共団体コード (朝霞市 = 112275); joins dim_municipalities';
comment on column v_status_summary.municipality_name is '団体名 municipality name, from dim_municipalities (null when a run gave only the code)';
comment on column v_status_summary.plan is '計画 plan: comprehensive_plan (総合計画 後期基本計画), regional_strategy_2 (総合戦略) or welfare_plan_4 (地域福祉計画); joins dim_plans.plan_id';
comment on column v_status_summary.plan_name is '計画名 plan name, from dim_plans';
comment on column v_status_summary.category is '区分 category: 数値目標, KPI, 福祉事業評価 (the projects'' own sheets), 福祉事業評価（評価一覧） (the overview table), 施策進捗 or 施策必要性 (policy ratings)';
comment on column v_status_summary.evaluation_fiscal_year is '評価年度 evaluation year of the sheet (Gregorian year of its April, R4 = 2022); joins dim_fiscal_years.fiscal_year; for the overview, the year graded';
comment on column v_status_summary.status is '評価 status: A, B or C; 1 to 4 for the policy ratings';
comment on column v_status_summary.status_label is '評価の説明 label of the status as printed on the scale (目標達成（見込み）), from dim_status_scales or the sheets';
comment on column v_status_summary.status_count is '件数 number of items with the status (0 when none got it); the rows of v_status_items';
comment on column v_status_summary.total_count is '合計 number of rated items of the municipality, plan, category and year';
comment on column v_status_summary.share_percent is '割合 share in percent, one decimal, rounded by largest remainder so that a group adds up to exactly 100.0, as the city prints it (KPI B 11 of 27 = 40.8)';
comment on column v_status_summary.sort_order is '表示順 position of the status on its scale (A = 1, rating 1 = 1), for sorting';
