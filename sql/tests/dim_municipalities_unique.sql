-- dim_municipalities has one row per municipality code.
select municipality_code, count(*) as row_count
from dim_municipalities
group by municipality_code
having count(*) > 1
