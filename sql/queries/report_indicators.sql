-- report_indicators: the latest value of each indicator of the municipality ($1: municipality_code):
-- the latest year with a number, else the latest year, with its direction, progress and whether the
-- target is met, as v_indicator_progress gives them; strategy first, then the comprehensive plan,
-- then welfare.
with

latest as (
    select *
    from v_indicator_progress
    where municipality_code = $1
    qualify row_number() over (
        partition by plan, owner_code, indicator_no, sub_label
        order by (value is not null) desc, fiscal_year desc
    ) = 1
)

select
    plan_name, indicator_category, owner_code, indicator_no, indicator_name, sub_label, unit, fiscal_year,
    value_kind, value, value_text, baseline_value, baseline_fiscal_year, target_value, target_fiscal_year,
    higher_is_better, achievement_ratio, directed_progress_ratio, is_target_met
from latest
order by
    case plan when 'regional_strategy_2' then 1 when 'comprehensive_plan' then 2 else 3 end,
    indicator_category desc,
    try_cast(split_part(owner_code, '-', 1) as integer), owner_code, indicator_no, sub_label
