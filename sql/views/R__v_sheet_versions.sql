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
comment on column v_sheet_versions.municipality_code is '団体コード municipality: the 6-digit 全国地方公共団体コード (朝霞市 = 112275); joins dim_municipalities';
comment on column v_sheet_versions.municipality_name is '団体名 municipality name, from dim_municipalities (null when a run gave only the code)';
comment on column v_sheet_versions.sheet_family is 'シート種別 sheet family: policy_evaluation (施策評価シート), strategy_kpi (総合戦略 効果検証), welfare_progress (地域福祉計画 評価シート) or welfare_overview (評価一覧)';
comment on column v_sheet_versions.plan_id is '計画 plan: comprehensive_plan (総合計画 後期基本計画), regional_strategy_2 (総合戦略) or welfare_plan_4 (地域福祉計画); joins dim_plans.plan_id';
comment on column v_sheet_versions.subject_code is '対象コード subject of the sheet: the policy (611), the basic goal or measures of the strategy (1, 1-ア, 1+2+3+4), the welfare project (1-2) or overview';
comment on column v_sheet_versions.evaluation_fiscal_year is '評価年度 evaluation year of the sheet (Gregorian year of its April, R4 = 2022); joins dim_fiscal_years.fiscal_year';
comment on column v_sheet_versions.version is '版 version number within the municipality, subject and evaluation year, in load order (1 = first submission)';
comment on column v_sheet_versions.is_current is '現行 true for the published version, the one the views read';
comment on column v_sheet_versions.status is '状態 published (current) or superseded (replaced by a resubmission)';
comment on column v_sheet_versions.source_file is '提出ファイル file the version came from';
comment on column v_sheet_versions.source_sha256 is 'SHA-256 ハッシュ of the file''s bytes';
comment on column v_sheet_versions.sheet_name is 'シート名 name of the sheet (tab), or the file name for a CSV';
comment on column v_sheet_versions.facts_loaded is '取込件数 number of facts loaded from the version';
comment on column v_sheet_versions.load_run_id is '取込実行ID the load run (etl_load_runs.load_run_id) that loaded the version';
comment on column v_sheet_versions.loaded_at is '取込日時 when the version was loaded';
comment on column v_sheet_versions.superseded_by_load_run_id is '置換した実行 the load run whose resubmission replaced this version; null while current';
comment on column v_sheet_versions.sheet_load_id is '取込シートID sheet load id of the version; the facts'' _sheet_load_id';
