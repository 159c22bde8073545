-- v_status_achievement_share: one row per municipality, plan, category and evaluation year: how
-- many of the municipality's items are rated A or B (targets met, or on the way / better than the
-- baseline) and their share of all rated items, rounded to one decimal (数値目標 3 of 7 = 42.9, KPI
-- 20 of 27 = 74.1).
-- For the policy ratings (1-4) the same share counts ratings 3 and 4.
create or replace view v_status_achievement_share as

with

shares as (
    select * from v_grade_shares
),

final as (
    select
        municipality_code,
        any_value(municipality_name) as municipality_name,
        plan_id as plan,
        category,
        evaluation_fiscal_year,
        sum(status_count) filter (where status in ('A', 'B', '3', '4'))::integer as achieved_count,
        max(total_count) as total_count,
        case when max(total_count) > 0 then round(
            100.0 * sum(status_count) filter (where status in ('A', 'B', '3', '4')) / max(total_count), 1
        )::decimal(4, 1) end as achieved_share_percent
    from shares
    group by municipality_code, plan_id, category, evaluation_fiscal_year
)

select * from final;

comment on view v_status_achievement_share is '達成割合: one row per municipality, plan, category and evaluation year: count and share of items rated A or B (ratings 3 and 4 for policies)';
comment on column v_status_achievement_share.municipality_code is '団体コード municipality: the 6-digit 全国地方公共団体コード (朝霞市 = 112275); joins dim_municipalities';
comment on column v_status_achievement_share.municipality_name is '団体名 municipality name, from dim_municipalities (null when a run gave only the code)';
comment on column v_status_achievement_share.plan is '計画 plan: comprehensive_plan (総合計画 後期基本計画), regional_strategy_2 (総合戦略) or welfare_plan_4 (地域福祉計画); joins dim_plans.plan_id';
comment on column v_status_achievement_share.category is '区分 category: 数値目標, KPI, 福祉事業評価 (the projects'' own sheets), 福祉事業評価（評価一覧） (the overview table), 施策進捗 or 施策必要性 (policy ratings)';
comment on column v_status_achievement_share.evaluation_fiscal_year is '評価年度 evaluation year of the sheet (Gregorian year of its April, R4 = 2022); joins dim_fiscal_years.fiscal_year; for the overview, the year graded';
comment on column v_status_achievement_share.achieved_count is 'A+B件数 number of items rated A or B (ratings 3 and 4 for the policies)';
comment on column v_status_achievement_share.total_count is '合計 number of rated items';
comment on column v_status_achievement_share.achieved_share_percent is 'A+B割合 share of items rated A or B in percent, one decimal (数値目標 42.9, KPI 74.1)';
