-- template_policy_indicators: the indicators of each policy of the year's 施策評価 sheets ($1: municipality_code, $2: evaluation_fiscal_year).
select owner_code, indicator_no, name_as_printed, definition
from fct_indicators
where plan_id = 'comprehensive_plan'
    and _sheet_load_id in (
        select sheet_load_id from v_current_sheet_loads
        where municipality_code = $1 and evaluation_fiscal_year = $2 and sheet_family = 'policy_evaluation')
order by owner_code, indicator_no
