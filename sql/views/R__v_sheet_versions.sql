-- v_sheet_versions: one row per version of a sheet that was ever loaded: every resubmission of the
-- same subject (policy, basic goal, welfare project) and evaluation year, numbered in load order.
-- The published version is current; superseded versions stay, with the run that replaced them.
create or replace view v_sheet_versions as

with

loads as (
    select * from etl_sheet_loads
    where status in ('published', 'superseded')
),

final as (
    select
        sheet_family,
        plan_id,
        subject_code,
        evaluation_fiscal_year,
        row_number() over (
            partition by sheet_family, plan_id, subject_code, evaluation_fiscal_year order by sheet_load_id
        ) as version,
        status = 'published' as is_current,
        status,
        source_file,
        source_sha256,
        sheet_name,
        facts_loaded,
        load_run_id,
        loaded_at,
        superseded_by_load_run_id,
        sheet_load_id
    from loads
)

select * from final;
