-- v_current_sheet_loads: one row per sheet whose facts the views read: the published version of
-- each subject (policy, KPI table, project) and evaluation year, with the file it came from.
create or replace view v_current_sheet_loads as

with

loads as (
    select * from etl_sheet_loads
),

final as (
    select
        sheet_load_id,
        sheet_family,
        plan_id,
        subject_code,
        evaluation_fiscal_year,
        department_name,
        source_file,
        source_sha256,
        sheet_name,
        facts_loaded,
        load_run_id,
        loaded_at
    from loads
    where status = 'published'
)

select * from final;
