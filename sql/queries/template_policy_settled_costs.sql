-- template_policy_settled_costs: the settled cost (決算額) of the year before of each project row of the
-- year's 施策評価 sheets, with the text the cell printed ($1: municipality_code, $2: evaluation_fiscal_year).
select policy_code, row_no, cost_thousand_yen, _raw_text
from fct_project_costs
where cost_basis = 'settled' and fiscal_year = $2 - 1
    and _sheet_load_id in (
        select sheet_load_id from v_current_sheet_loads
        where municipality_code = $1 and evaluation_fiscal_year = $2 and sheet_family = 'policy_evaluation')
