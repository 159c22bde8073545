-- dim_indicators has one row per indicator_id.
select indicator_id, count(*) as row_count
from dim_indicators
group by indicator_id
having count(*) > 1
