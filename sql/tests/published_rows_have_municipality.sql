-- Every published sheet load names its municipality, and every fact of a published sheet names the
-- same one, so that no view can mix or drop municipalities. Rows loaded before the warehouse
-- recorded municipalities (V007) have none until a run names one with --municipality, which assigns
-- them all to it: a run that names none must not publish next to them.
with

published as (
    select sheet_load_id, municipality_code from etl_sheet_loads where status = 'published'
),

facts as (
    select 'fct_policy_evaluations' as table_name, _sheet_load_id, municipality_code from fct_policy_evaluations
    union all
    select 'fct_policy_related_departments', _sheet_load_id, municipality_code from fct_policy_related_departments
    union all
    select 'fct_indicators', _sheet_load_id, municipality_code from fct_indicators
    union all
    select 'fct_indicator_values', _sheet_load_id, municipality_code from fct_indicator_values
    union all
    select 'fct_policy_projects', _sheet_load_id, municipality_code from fct_policy_projects
    union all
    select 'fct_project_costs', _sheet_load_id, municipality_code from fct_project_costs
    union all
    select 'fct_policy_cost_totals', _sheet_load_id, municipality_code from fct_policy_cost_totals
    union all
    select 'fct_policy_ratings', _sheet_load_id, municipality_code from fct_policy_ratings
    union all
    select 'fct_narratives', _sheet_load_id, municipality_code from fct_narratives
    union all
    select 'fct_plan_items', _sheet_load_id, municipality_code from fct_plan_items
    union all
    select 'fct_statuses', _sheet_load_id, municipality_code from fct_statuses
    union all
    select 'fct_overview_grades', _sheet_load_id, municipality_code from fct_overview_grades
    union all
    select 'fct_printed_status_counts', _sheet_load_id, municipality_code from fct_printed_status_counts
)

select
    'etl_sheet_loads' as table_name,
    sheet_load_id,
    municipality_code,
    'a published sheet load has no municipality: run once with --municipality=CODE_NAME (such as '
        || '--municipality=112275_朝霞市) to assign the rows loaded before municipalities were recorded' as fix
from published
where municipality_code is null
union all
select
    f.table_name,
    f._sheet_load_id,
    f.municipality_code,
    'a fact names another municipality (or none) than its published sheet load ' || coalesce(p.municipality_code, 'null')
from facts as f
inner join published as p on p.sheet_load_id = f._sheet_load_id
where f.municipality_code is distinct from p.municipality_code
