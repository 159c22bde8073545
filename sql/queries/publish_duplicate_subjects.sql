-- publish_duplicate_subjects: the pending sheets of the run ($1: load_run_id) whose subject and year
-- another pending sheet of the run also holds, each with the others' files and sheets.
select s.sheet_load_id, s.source_file, s.sheet_name, s.subject_code, s.evaluation_fiscal_year, s.municipality_code,
    string_agg(o.source_file || ' (sheet ' || o.sheet_name || ')', ', ' order by o.source_file, o.sheet_name) as others
from etl_sheet_loads as s
inner join etl_sheet_loads as o
    on o.load_run_id = s.load_run_id and o.status = 'pending' and o.sheet_load_id <> s.sheet_load_id
    and o.municipality_code = s.municipality_code and o.sheet_family = s.sheet_family and o.plan_id = s.plan_id
    and o.subject_code = s.subject_code and o.evaluation_fiscal_year = s.evaluation_fiscal_year
where s.load_run_id = $1 and s.status = 'pending'
group by all
order by s.sheet_load_id
