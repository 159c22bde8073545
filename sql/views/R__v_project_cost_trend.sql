-- v_project_cost_trend: one row per municipality, project, policy that lists it with its costs,
-- and fiscal year: the cost from the best report (settled over forecast, then the latest report), with the
-- change from the previous fiscal year. 【再掲】 listings carry no cost and are left out.
-- The logic lives in calc_project_cost_trend; its result is kept in the table mart_project_cost_trend, refreshed in the
-- transaction that publishes a run (jp.evalsheet.load.Marts), and v_project_cost_trend reads that table, so
-- analysts and BI tools do not pay for the computation on every query.
create or replace view calc_project_cost_trend as

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
    where not c.is_relisted
),

ranked as (
    select
        *,
        row_number() over (
            partition by municipality_code, policy_code, project_name, fiscal_year
            order by (cost_basis = 'settled') desc, reported_fiscal_year desc
        ) as preference
    from costs
),

chosen as (
    select
        *,
        lag(fiscal_year) over (
            partition by municipality_code, policy_code, project_name order by fiscal_year
        ) as previous_fiscal_year,
        lag(cost_thousand_yen) over (
            partition by municipality_code, policy_code, project_name order by fiscal_year
        ) as previous_cost
    from ranked
    where preference = 1
),

final as (
    select
        c.municipality_code,
        m.municipality_name,
        c.policy_code,
        c.project_name,
        c.fiscal_year,
        c.cost_thousand_yen,
        c.cost_basis,
        yoy_change(c.cost_thousand_yen, c.previous_cost, c.fiscal_year, c.previous_fiscal_year) as yoy_change_thousand_yen,
        yoy_ratio(c.cost_thousand_yen, c.previous_cost, c.fiscal_year, c.previous_fiscal_year) as yoy_change_ratio,
        c.reported_fiscal_year,
        c._raw_text,
        c._source_file,
        c._sheet_name,
        c._cell
    from chosen as c
    left join municipalities as m on m.municipality_code = c.municipality_code
)

select * from final;

comment on view calc_project_cost_trend is 'internal: the computation of v_project_cost_trend; query v_project_cost_trend instead';

create or replace table mart_project_cost_trend as select * from calc_project_cost_trend;

comment on table mart_project_cost_trend is 'internal: the rows of v_project_cost_trend as of the last published run; query v_project_cost_trend instead';

create or replace view v_project_cost_trend as select * from mart_project_cost_trend;

comment on view v_project_cost_trend is '事務事業別コスト推移: one row per municipality, policy, project and fiscal year: the cost from the best report with the change from the previous year';
