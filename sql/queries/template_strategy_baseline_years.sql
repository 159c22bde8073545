-- template_strategy_baseline_years: the baseline year of each indicator of the year's KPI sheets ($1: municipality_code, $2: evaluation_fiscal_year).
select distinct owner_code, indicator_no, fiscal_year
from fct_indicator_values
where plan_id = 'regional_strategy_2' and value_kind = 'baseline'
    and _sheet_load_id in (
        select sheet_load_id from v_current_sheet_loads
        where municipality_code = $1 and evaluation_fiscal_year = $2 and sheet_family = 'strategy_kpi')
