-- record_feedback_workbooks: records the feedback workbook name of each file of a run
-- (?: file names, ?: workbook names, as two arrays; ?: load_run_id).
update etl_file_loads as f set feedback_workbook = n.name
from (select unnest(?) as source_file, unnest(?) as name) as n
where f.load_run_id = ? and f.source_file = n.source_file
