-- v_policy_cost_trend: one row per municipality, policy and fiscal year: total cost (thousand yen)
-- of its own projects, settled preferred over forecast, re-listed (【再掲】) projects excluded, with the change
-- from the previous fiscal year (null when that year is missing or its cost is 0).
create or replace view v_policy_cost_trend as

with

policy_costs as (
    select * from v_annual_policy_costs
),

with_previous as (
    select
        *,
        lag(fiscal_year) over (
            partition by municipality_code, plan_id, policy_code order by fiscal_year
        ) as previous_fiscal_year,
        lag(cost_thousand_yen) over (
            partition by municipality_code, plan_id, policy_code order by fiscal_year
        ) as previous_cost
    from policy_costs
),

final as (
    select
        municipality_code,
        municipality_name,
        policy_code,
        policy_name,
        department_name,
        fiscal_year,
        cost_thousand_yen,
        cost_basis,
        yoy_change(cost_thousand_yen, previous_cost, fiscal_year, previous_fiscal_year) as yoy_change_thousand_yen,
        yoy_ratio(cost_thousand_yen, previous_cost, fiscal_year, previous_fiscal_year) as yoy_change_ratio,
        reported_fiscal_year,
        project_count,
        plan_id
    from with_previous
)

select * from final;

comment on view v_policy_cost_trend is '施策別コスト推移: one row per municipality, policy and fiscal year: total cost of its own projects with the change from the previous year';
