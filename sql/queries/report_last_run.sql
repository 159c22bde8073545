-- report_last_run: the latest run that published a current sheet of the municipality ($1:
-- municipality_code), and when it loaded it, for the report's cover.
select load_run_id, loaded_at from v_current_sheet_loads where municipality_code = $1
order by load_run_id desc, loaded_at desc limit 1
