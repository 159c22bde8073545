-- template_welfare_indicators: the indicator of each project of the year's welfare sheets ($1: municipality_code, $2: evaluation_fiscal_year).
select owner_code, name_as_printed
from fct_indicators
where plan_id = 'welfare_plan_4'
    and _sheet_load_id in (
        select sheet_load_id from v_current_sheet_loads
        where municipality_code = $1 and evaluation_fiscal_year = $2 and sheet_family = 'welfare_progress')
