-- template_policy_projects: the projects of each policy of the year's 施策評価 sheets ($1: municipality_code, $2: evaluation_fiscal_year).
select policy_code, row_no, name_as_printed, is_relisted, direction
from fct_policy_projects
where _sheet_load_id in (
    select sheet_load_id from v_current_sheet_loads
    where municipality_code = $1 and evaluation_fiscal_year = $2 and sheet_family = 'policy_evaluation')
order by policy_code, row_no
