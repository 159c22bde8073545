-- template_welfare_projects: the projects of the year's welfare sheets, with their 基本目標, 方向性 and
-- 課名 ($1: municipality_code, $2: evaluation_fiscal_year).
select owner_code, basic_goal_no, basic_goal_name, direction_no, direction_name, _raw_text, department_name,
    description
from fct_plan_items
where plan_id = 'welfare_plan_4' and item_kind = 'project'
    and _sheet_load_id in (
        select sheet_load_id from v_current_sheet_loads
        where municipality_code = $1 and evaluation_fiscal_year = $2 and sheet_family = 'welfare_progress')
order by direction_no, owner_code
