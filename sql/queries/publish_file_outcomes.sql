-- publish_file_outcomes: the outcome of the run's files ($1: load_run_id) that lost sheets at
-- publishing: rejected when none is left, else partially loaded.
update etl_file_loads set outcome = case when sheets_loaded = 0 then 'rejected' else 'partially_loaded' end
where load_run_id = $1 and sheets_rejected > 0 and outcome in ('loaded', 'partially_loaded')
