-- dim_departments has one row per department name.
select department_name, count(*) as row_count
from dim_departments
group by department_name
having count(*) > 1
