-- v_annual_policy_costs: one row per municipality, policy and fiscal year: the total cost (thousand
-- yen) of the projects the policy lists with their costs, from the best report for that year: a
-- settled figure (決算) over a forecast (決算見込み), then the latest report. 【再掲】 rows are not
-- summed, and a cost printed as - counts as 0, as the sheets' own 計 row does.
-- The base of v_policy_cost_trend and v_department_cost_trend.
-- The logic lives in calc_annual_policy_costs; its result is kept in the table mart_annual_policy_costs, refreshed in the
-- transaction that publishes a run (jp.evalsheet.load.Marts), and v_annual_policy_costs reads that table, so
-- analysts and BI tools do not pay for the computation on every query.
create or replace view calc_annual_policy_costs as

with

published as (
    select sheet_load_id from etl_sheet_loads where status = 'published'
),

municipalities as (
    select * from dim_municipalities
),

costs as (
    select c.*
    from fct_project_costs as c
    inner join published as p on p.sheet_load_id = c._sheet_load_id
),

reports as (
    select
        municipality_code,
        policy_code,
        fiscal_year,
        cost_basis,
        reported_fiscal_year,
        _sheet_load_id,
        sum(case when not is_relisted then coalesce(cost_thousand_yen, 0) else 0 end) as cost_thousand_yen,
        count(*) filter (where not is_relisted) as project_count
    from costs
    group by municipality_code, policy_code, fiscal_year, cost_basis, reported_fiscal_year, _sheet_load_id
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

final as (
    select
        r.municipality_code,
        m.municipality_name,
        e.plan_id,
        r.policy_code,
        e.policy_name,
        e.department_name,
        r.fiscal_year,
        r.cost_thousand_yen,
        r.cost_basis,
        r.reported_fiscal_year,
        r.project_count,
        r._sheet_load_id
    from ranked as r
    inner join fct_policy_evaluations as e on e._sheet_load_id = r._sheet_load_id
    left join municipalities as m on m.municipality_code = r.municipality_code
    where r.preference = 1
)

select * from final;

comment on view calc_annual_policy_costs is 'internal: the computation of v_annual_policy_costs; query v_annual_policy_costs instead';

create or replace table mart_annual_policy_costs as select * from calc_annual_policy_costs;

comment on table mart_annual_policy_costs is 'internal: the rows of v_annual_policy_costs as of the last published run; query v_annual_policy_costs instead';

create or replace view v_annual_policy_costs as select * from mart_annual_policy_costs;

comment on view v_annual_policy_costs is '年度別施策コスト: one row per municipality, policy and fiscal year: the total cost of the best report (settled over forecast, then the latest), the base of the cost trends';
