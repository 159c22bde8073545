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

municipalities as (
    select * from dim_municipalities
),

costs as (
    select c.*
    from cur_project_costs as c
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
comment on column v_annual_policy_costs.municipality_code is '団体コード municipality: the 6-digit 全国地方公共団体コード (朝霞市 = 112275); joins dim_municipalities';
comment on column v_annual_policy_costs.municipality_name is '団体名 municipality name, from dim_municipalities (null when a run gave only the code)';
comment on column v_annual_policy_costs.plan_id is '計画 plan: comprehensive_plan (総合計画 後期基本計画), regional_strategy_2 (総合戦略) or welfare_plan_4 (地域福祉計画); joins dim_plans.plan_id';
comment on column v_annual_policy_costs.policy_code is '施策コード policy code (3 digits, 611); with municipality_code and plan_id joins dim_policies';
comment on column v_annual_policy_costs.policy_name is '施策名 policy name as its evaluation of that report prints it';
comment on column v_annual_policy_costs.department_name is '担当課 department in charge of the policy (owning department), as that report prints it';
comment on column v_annual_policy_costs.fiscal_year is '年度 fiscal year, the Gregorian year of its April (R4 = 2022); joins dim_fiscal_years';
comment on column v_annual_policy_costs.cost_thousand_yen is '総コスト total cost (事業費+人件費) in thousand yen (千円) of the policy''s own projects (【再掲】 rows excluded, - counted as 0)';
comment on column v_annual_policy_costs.cost_basis is '決算・決算見込み cost basis: settled (決算) or forecast (決算見込み)';
comment on column v_annual_policy_costs.reported_fiscal_year is '報告年度 evaluation year of the report the figure comes from (the FY2023 sheet settles the FY2022 cost)';
comment on column v_annual_policy_costs.project_count is '事務事業数 number of the policy''s own projects (not 【再掲】) in the chosen report';
comment on column v_annual_policy_costs._sheet_load_id is '取込シートID the sheet load (etl_sheet_loads.sheet_load_id); joins v_current_sheet_loads and v_sheet_versions';
