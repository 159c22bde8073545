-- run_files: the files of one run (?: load_run_id) with their outcome and counts, for the summary a run prints.
select source_file, outcome, sheets_loaded, sheets_rejected, facts_loaded
from etl_file_loads where load_run_id = ? order by source_file
