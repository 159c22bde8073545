-- dim_projects has one row per municipality and project name.
select municipality_code, project_name, count(*) as row_count
from dim_projects
group by municipality_code, project_name
having count(*) > 1
