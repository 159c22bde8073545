-- template_indicator_values: every indicator value of a plan's current sheets of one municipality and
-- evaluation year, with the text the cell printed ($1: municipality_code, $2: evaluation_fiscal_year,
-- $3: sheet_family, $4: plan_id).
select owner_code, indicator_no, value_kind, fiscal_year, sub_label, value, _raw_text
from fct_indicator_values
where plan_id = $4
    and _sheet_load_id in (
        select sheet_load_id from v_current_sheet_loads
        where municipality_code = $1 and evaluation_fiscal_year = $2 and sheet_family = $3)
