-- At most one published sheet load per municipality, subject and evaluation year: the current version.
select municipality_code, sheet_family, plan_id, subject_code, evaluation_fiscal_year, count(*) as row_count
from etl_sheet_loads
where status = 'published'
group by municipality_code, sheet_family, plan_id, subject_code, evaluation_fiscal_year
having count(*) > 1
