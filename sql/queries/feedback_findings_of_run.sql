-- feedback_findings_of_run: what one run (?, ?: load_run_id) found in each file: the messages of
-- its reading and the data-quality findings of what it published.
select source_file, severity, sheet_name, cell, rule, message, raw_text from etl_messages
where load_run_id = ?
union
select source_file, severity, sheet_name, cell, rule, message, raw_text from v_data_quality_findings
where load_run_id = ?
