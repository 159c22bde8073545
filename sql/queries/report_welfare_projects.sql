-- report_welfare_projects: each welfare project's grade by year, oldest first ($1: municipality_code).
select owner_code, basic_goal_no, direction_no, direction_name, project_no, project_name, fiscal_year,
    grade, sheet_grade
from v_welfare_grade_trend
where municipality_code = $1
order by basic_goal_no, direction_no, project_no, fiscal_year
