-- dim_projects has one row per project name.
select project_name, count(*) as row_count
from dim_projects
group by project_name
having count(*) > 1
