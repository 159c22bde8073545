-- publish_undated_sheets: the pending sheets of the run ($1: load_run_id) that print no evaluation year
-- (a strategy 総括 saved alone), each with the year it takes: the latest of its municipality's sheets
-- of the same family in this run, else of its published ones; null when there is neither.
select s.sheet_load_id, s.source_file, s.sheet_name, s.municipality_code,
    coalesce(
        (select max(o.evaluation_fiscal_year) from etl_sheet_loads as o
            where o.load_run_id = s.load_run_id and o.status = 'pending' and o.evaluation_fiscal_year > 0
                and o.municipality_code = s.municipality_code and o.sheet_family = s.sheet_family),
        (select max(o.evaluation_fiscal_year) from etl_sheet_loads as o
            where o.status = 'published' and o.evaluation_fiscal_year > 0
                and o.municipality_code = s.municipality_code and o.sheet_family = s.sheet_family)
    ) as fiscal_year
from etl_sheet_loads as s
where s.load_run_id = $1 and s.status = 'pending' and s.evaluation_fiscal_year = 0
order by s.sheet_load_id
