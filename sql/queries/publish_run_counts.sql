-- publish_run_counts: the counts of the run ($1: load_run_id) recorded in its row and printed: files
-- seen, loaded, unchanged and rejected; sheets published and rejected; facts of its published sheets.
select
    count(*),
    count(*) filter (where outcome in ('loaded', 'partially_loaded')),
    count(*) filter (where outcome = 'unchanged'),
    count(*) filter (where outcome = 'rejected'),
    coalesce((select count(*) from etl_sheet_loads where load_run_id = $1 and status = 'published'), 0),
    coalesce(sum(sheets_rejected), 0),
    coalesce((select sum(facts_loaded) from etl_sheet_loads where load_run_id = $1 and status = 'published'), 0)
from etl_file_loads
where load_run_id = $1
