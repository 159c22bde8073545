-- publish_partial_replacements: the pending sheets of the run ($1: load_run_id) that have row errors
-- and would replace a published version of their subject, each with that version's file and sheet.
select s.sheet_load_id, s.source_file, s.sheet_name, s.subject_code, s.municipality_code,
    any_value(o.source_file) as published_file, any_value(o.sheet_name) as published_sheet
from etl_sheet_loads as s
inner join etl_sheet_loads as o
    on o.status = 'published' and o.municipality_code = s.municipality_code
    and o.sheet_family = s.sheet_family and o.plan_id = s.plan_id and o.subject_code = s.subject_code
    and o.evaluation_fiscal_year = s.evaluation_fiscal_year
where s.load_run_id = $1 and s.status = 'pending'
    and exists (select 1 from etl_messages as m where m.sheet_load_id = s.sheet_load_id and m.severity = 'error')
group by all
order by s.sheet_load_id
