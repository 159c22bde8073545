-- v_sheet_versions: one row per version of a sheet that was ever loaded: every resubmission of the
-- same municipality's subject (policy, basic goal, welfare project) and evaluation year, numbered in
-- load order within that municipality. The published version is current; superseded versions stay,
-- with the run that replaced them.
create or replace view v_sheet_versions as

with

loads as (
    select * from etl_sheet_loads
    where status in ('published', 'superseded')
),

municipalities as (
    select * from dim_municipalities
),

final as (
    select
        l.municipality_code,
        m.municipality_name,
        l.sheet_family,
        l.plan_id,
        l.subject_code,
        l.evaluation_fiscal_year,
        row_number() over (
            partition by l.municipality_code, l.sheet_family, l.plan_id, l.subject_code, l.evaluation_fiscal_year
            order by l.sheet_load_id
        ) as version,
        l.status = 'published' as is_current,
        l.status,
        l.source_file,
        l.source_sha256,
        l.sheet_name,
        l.facts_loaded,
        l.load_run_id,
        l.loaded_at,
        l.superseded_by_load_run_id,
        l.sheet_load_id
    from loads as l
    left join municipalities as m on m.municipality_code = l.municipality_code
)

select * from final;

comment on view v_sheet_versions is 'シートの版: one row per version of a sheet ever loaded, numbered within its municipality, subject and evaluation year; the published one is current';
