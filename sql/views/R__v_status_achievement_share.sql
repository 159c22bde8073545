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
