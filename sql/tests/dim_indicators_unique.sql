-- dim_indicators has one row per municipality and indicator_id.
select municipality_code, indicator_id, count(*) as row_count
from dim_indicators
group by municipality_code, indicator_id
having count(*) > 1
