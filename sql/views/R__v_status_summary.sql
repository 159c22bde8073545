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
