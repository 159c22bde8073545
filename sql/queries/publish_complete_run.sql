-- publish_complete_run: the run's row once it is published (?: finished_at, files_seen, files_loaded,
-- files_unchanged, files_rejected, sheets_loaded, sheets_rejected, facts_loaded, load_run_id).
update etl_load_runs set status = 'completed', finished_at = ?, files_seen = ?, files_loaded = ?,
    files_unchanged = ?, files_rejected = ?, sheets_loaded = ?, sheets_rejected = ?, facts_loaded = ?
where load_run_id = ?
