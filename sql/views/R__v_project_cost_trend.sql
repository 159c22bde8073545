-- v_project_cost_trend: one row per project per policy that lists it with its costs, per fiscal
-- year: the cost from the best report (settled over forecast, then the latest report), with the
-- change from the previous fiscal year. 【再掲】 listings carry no cost and are left out.
create or replace view v_project_cost_trend as

with

published as (
    select sheet_load_id from etl_sheet_loads where status = 'published'
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
            partition by policy_code, project_name, fiscal_year
            order by (cost_basis = 'settled') desc, reported_fiscal_year desc
        ) as preference
    from costs
),

chosen as (
    select
        *,
        lag(fiscal_year) over (partition by policy_code, project_name order by fiscal_year) as previous_fiscal_year,
        lag(cost_thousand_yen) over (partition by policy_code, project_name order by fiscal_year) as previous_cost
    from ranked
    where preference = 1
),

final as (
    select
        policy_code,
        project_name,
        fiscal_year,
        cost_thousand_yen,
        cost_basis,
        yoy_change(cost_thousand_yen, previous_cost, fiscal_year, previous_fiscal_year) as yoy_change_thousand_yen,
        yoy_ratio(cost_thousand_yen, previous_cost, fiscal_year, previous_fiscal_year) as yoy_change_ratio,
        reported_fiscal_year,
        _raw_text,
        _source_file,
        _sheet_name,
        _cell
    from chosen
)

select * from final;
