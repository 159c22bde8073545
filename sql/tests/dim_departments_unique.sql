-- dim_departments has one row per municipality and department name.
select municipality_code, department_name, count(*) as row_count
from dim_departments
group by municipality_code, department_name
having count(*) > 1
