-- publish_supersede: at publishing, every published sheet that a pending sheet of the run ($1:
-- load_run_id) replaces (same municipality, family, plan, subject and evaluation year) is superseded by it.
update etl_sheet_loads as old
set status = 'superseded', superseded_by_load_run_id = $1
where old.status = 'published'
    and exists (
        select 1 from etl_sheet_loads as new
        where new.load_run_id = $1 and new.status = 'pending'
            and new.municipality_code = old.municipality_code
            and new.sheet_family = old.sheet_family and new.plan_id = old.plan_id
            and new.subject_code = old.subject_code
            and new.evaluation_fiscal_year = old.evaluation_fiscal_year
    )
