-- template_strategy_goals: the 基本目標 of the year's KPI sheets ($1: municipality_code, $2: evaluation_fiscal_year).
select distinct owner_code, item_name
from fct_plan_items
where plan_id = 'regional_strategy_2' and item_kind = 'basic_goal'
    and _sheet_load_id in (
        select sheet_load_id from v_current_sheet_loads
        where municipality_code = $1 and evaluation_fiscal_year = $2 and sheet_family = 'strategy_kpi')
order by 1
