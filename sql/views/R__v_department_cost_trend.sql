-- v_department_cost_trend: one row per municipality, owning department (担当課) and fiscal year: the
-- total cost of the policies it owns in that municipality, settled preferred over forecast, re-listed projects counted once.
-- cost_basis is forecast when any policy's figure for that year is still a forecast.
create or replace view v_department_cost_trend as

with

policy_costs as (
    select * from v_annual_policy_costs
),

department_years as (
    select
        municipality_code,
        any_value(municipality_name) as municipality_name,
        department_name,
        fiscal_year,
        sum(cost_thousand_yen) as cost_thousand_yen,
        case when bool_or(cost_basis = 'forecast') then 'forecast' else 'settled' end as cost_basis,
        count(*) as policy_count
    from policy_costs
    group by municipality_code, department_name, fiscal_year
),

with_previous as (
    select
        *,
        lag(fiscal_year) over (partition by municipality_code, department_name order by fiscal_year) as previous_fiscal_year,
        lag(cost_thousand_yen) over (partition by municipality_code, department_name order by fiscal_year) as previous_cost
    from department_years
),

final as (
    select
        municipality_code,
        municipality_name,
        department_name,
        fiscal_year,
        cost_thousand_yen,
        cost_basis,
        yoy_change(cost_thousand_yen, previous_cost, fiscal_year, previous_fiscal_year) as yoy_change_thousand_yen,
        yoy_ratio(cost_thousand_yen, previous_cost, fiscal_year, previous_fiscal_year) as yoy_change_ratio,
        policy_count
    from with_previous
)

select * from final;

comment on view v_department_cost_trend is '担当課別コスト推移: one row per municipality, owning department (担当課) and fiscal year: total cost of its policies with the change from the previous year';
