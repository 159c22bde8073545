-- template_welfare_values: the targets and actuals of each project of the year's welfare sheets, in
-- the order of their cells, with the text each cell printed ($1: municipality_code, $2: evaluation_fiscal_year).
select owner_code, value_kind, fiscal_year, coalesce(sub_label, ''), value, _raw_text
from fct_indicator_values
where plan_id = 'welfare_plan_4'
    and _sheet_load_id in (
        select sheet_load_id from v_current_sheet_loads
        where municipality_code = $1 and evaluation_fiscal_year = $2 and sheet_family = 'welfare_progress')
order by owner_code, _cell
