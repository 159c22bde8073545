-- v_current_sheet_loads: one row per municipality and sheet whose facts the views read: the
-- published version of each subject (policy, KPI table, project) and evaluation year of each
-- municipality (全国地方公共団体コード), with the file it came from.
create or replace view v_current_sheet_loads as

with

loads as (
    select * from etl_sheet_loads
),

municipalities as (
    select * from dim_municipalities
),

final as (
    select
        l.municipality_code,
        m.municipality_name,
        l.sheet_load_id,
        l.sheet_family,
        l.plan_id,
        l.subject_code,
        l.evaluation_fiscal_year,
        l.department_name,
        l.source_file,
        l.source_sha256,
        l.sheet_name,
        l.facts_loaded,
        l.load_run_id,
        l.loaded_at
    from loads as l
    left join municipalities as m on m.municipality_code = l.municipality_code
    where l.status = 'published'
)

select * from final;

comment on view v_current_sheet_loads is '現行シート: one row per municipality and current (published) sheet that the views read, with its file and load run';
