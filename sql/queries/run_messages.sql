-- run_messages: the findings of one run (?: load_run_id), in the order the run prints them.
select severity, source_file, sheet_name, cell, message, raw_text
from etl_messages where load_run_id = ?
order by severity, source_file, sheet_name, cell
