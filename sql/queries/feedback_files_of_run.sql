-- feedback_files_of_run: the files of one run (?, ?: load_run_id) with their outcome, the name of
-- the feedback workbook an earlier run gave each, and whether it was read before.
select f.source_file, f.outcome, e.earlier_workbook, e.source_file is not null as read_before
from etl_file_loads as f
left join (
    select source_file, municipality_code,
        arg_max(feedback_workbook, load_run_id) filter (where feedback_workbook is not null)
            as earlier_workbook
    from etl_file_loads where load_run_id < ? group by all
) as e on e.source_file = f.source_file and e.municipality_code is not distinct from f.municipality_code
where f.load_run_id = ? order by f.source_file
