-- v_policy_cost_trend in Spark SQL, from the exported facts and dimensions: per municipality, policy
-- and fiscal year, the cost of its own projects (【再掲】 rows not summed, - as 0) from the best
-- report (settled over forecast, then the latest), with the change from the year before (null after
-- a gap, and the ratio null after a cost of 0). The same logic as sql/views/R__v_annual_policy_costs.sql
-- and R__v_policy_cost_trend.sql.
with

published as (
    select sheet_load_id from v_current_sheet_loads
),

reports as (
    select
        c.municipality_code,
        c.policy_code,
        c.fiscal_year,
        c.cost_basis,
        c.reported_fiscal_year,
        c._sheet_load_id,
        sum(case when not c.is_relisted then coalesce(c.cost_thousand_yen, 0) else 0 end) as cost_thousand_yen,
        count(*) filter (where not c.is_relisted) as project_count
    from fct_project_costs as c
    inner join published as p on p.sheet_load_id = c._sheet_load_id
    group by c.municipality_code, c.policy_code, c.fiscal_year, c.cost_basis, c.reported_fiscal_year, c._sheet_load_id
),

ranked as (
    select
        *,
        row_number() over (
            partition by municipality_code, policy_code, fiscal_year
            order by (cost_basis = 'settled') desc, reported_fiscal_year desc
        ) as preference
    from reports
),

annual as (
    select
        r.municipality_code, m.municipality_name, e.plan_id, r.policy_code, e.policy_name, e.department_name,
        r.fiscal_year, r.cost_thousand_yen, r.cost_basis, r.reported_fiscal_year, r.project_count
    from ranked as r
    inner join fct_policy_evaluations as e on e._sheet_load_id = r._sheet_load_id
    left join dim_municipalities as m on m.municipality_code = r.municipality_code
    where r.preference = 1
),

with_previous as (
    select
        *,
        lag(fiscal_year) over (partition by municipality_code, plan_id, policy_code order by fiscal_year)
            as previous_fiscal_year,
        lag(cost_thousand_yen) over (partition by municipality_code, plan_id, policy_code order by fiscal_year)
            as previous_cost
    from annual
)

select
    municipality_code,
    municipality_name,
    policy_code,
    policy_name,
    department_name,
    fiscal_year,
    cost_thousand_yen,
    cost_basis,
    case when previous_fiscal_year = fiscal_year - 1 then cost_thousand_yen - previous_cost end
        as yoy_change_thousand_yen,
    case
        when previous_fiscal_year = fiscal_year - 1 and previous_cost <> 0
            then cast(cost_thousand_yen - previous_cost as double) / cast(previous_cost as double)
    end as yoy_change_ratio,
    reported_fiscal_year,
    project_count,
    plan_id
from with_previous
