-- template_strategy_indicators: the 数値目標 and KPIs of the year's KPI sheets, with their unit and
-- department ($1: municipality_code, $2: evaluation_fiscal_year).
select distinct indicator_category, owner_code, indicator_no, name_as_printed, unit, department_name
from fct_indicators
where plan_id = 'regional_strategy_2'
    and _sheet_load_id in (
        select sheet_load_id from v_current_sheet_loads
        where municipality_code = $1 and evaluation_fiscal_year = $2 and sheet_family = 'strategy_kpi')
order by 2, 3
