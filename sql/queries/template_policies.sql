-- template_policies: the policies of the year's 施策評価 sheets, with their 担当課 ($1: municipality_code, $2: evaluation_fiscal_year).
select policy_code, policy_name, department_name, related_departments_text, target_state, machi_hito_shigoto_goal
from fct_policy_evaluations
where _sheet_load_id in (
    select sheet_load_id from v_current_sheet_loads
    where municipality_code = $1 and evaluation_fiscal_year = $2 and sheet_family = 'policy_evaluation')
order by policy_code
