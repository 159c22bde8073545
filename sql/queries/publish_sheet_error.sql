-- publish_sheet_error: an error on a whole sheet found at publishing, before the sheet is rejected
-- (?: load_run_id, sheet_load_id, source_file, sheet_name, rule, message, municipality_code).
insert into etl_messages (load_run_id, sheet_load_id, source_file, sheet_name, cell, severity, rule,
    message, raw_text, municipality_code)
values (?, ?, ?, ?, null, 'error', ?, ?, null, ?)
