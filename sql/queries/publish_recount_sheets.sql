-- publish_recount_sheets: the sheet counts of the run's files ($1: load_run_id) after sheets were
-- rejected at publishing.
update etl_file_loads as f
set sheets_loaded = (select count(*) from etl_sheet_loads as s
        where s.load_run_id = f.load_run_id and s.source_file = f.source_file and s.status = 'pending'),
    sheets_rejected = f.sheets_rejected + (select count(*) from etl_sheet_loads as s
        where s.load_run_id = f.load_run_id and s.source_file = f.source_file and s.status = 'rejected')
where f.load_run_id = $1
