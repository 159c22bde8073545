-- dim_indicators: one row per municipality and indicator (plan, owner, number), named, measured and
-- defined as its latest current sheet prints it; indicator_id is plan_id:owner_code:indicator_no.
select
    i.municipality_code,
    i.plan_id || ':' || i.owner_code || ':' || i.indicator_no as indicator_id,
    i.plan_id,
    arg_max(i.indicator_category, i.evaluation_fiscal_year) as indicator_category,
    i.owner_code,
    i.indicator_no,
    arg_max(i.indicator_name, i.evaluation_fiscal_year) as indicator_name,
    arg_max(i.unit, i.evaluation_fiscal_year) as unit,
    arg_max(i.definition, i.evaluation_fiscal_year) as definition,
    arg_max(i.is_cumulative, i.evaluation_fiscal_year) as is_cumulative
from cur_indicators as i
group by i.municipality_code, i.plan_id, i.owner_code, i.indicator_no
