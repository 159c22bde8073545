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
comment on column v_current_sheet_loads.municipality_code is '団体コード municipality: the 6-digit 全国地方公共団体コード (朝霞市 = 112275); joins dim_municipalities';
comment on column v_current_sheet_loads.municipality_name is '団体名 municipality name, from dim_municipalities (null when a run gave only the code)';
comment on column v_current_sheet_loads.sheet_load_id is '取込シートID sheet load id; the facts'' _sheet_load_id points here';
comment on column v_current_sheet_loads.sheet_family is 'シート種別 sheet family: policy_evaluation (施策評価シート), strategy_kpi (総合戦略 効果検証), welfare_progress (地域福祉計画 評価シート) or welfare_overview (評価一覧)';
comment on column v_current_sheet_loads.plan_id is '計画 plan: comprehensive_plan (総合計画 後期基本計画), regional_strategy_2 (総合戦略) or welfare_plan_4 (地域福祉計画); joins dim_plans.plan_id';
comment on column v_current_sheet_loads.subject_code is '対象コード subject of the sheet: the policy (611), the basic goal or measures of the strategy (1, 1-ア, 1+2+3+4), the welfare project (1-2) or overview';
comment on column v_current_sheet_loads.evaluation_fiscal_year is '評価年度 evaluation year of the sheet (Gregorian year of its April, R4 = 2022); joins dim_fiscal_years.fiscal_year';
comment on column v_current_sheet_loads.department_name is '担当課 department that submitted the sheet, as printed (null when the sheet names none)';
comment on column v_current_sheet_loads.source_file is '提出ファイル file the sheet came from, relative to the input folder';
comment on column v_current_sheet_loads.source_sha256 is 'SHA-256 ハッシュ of the file''s bytes';
comment on column v_current_sheet_loads.sheet_name is 'シート名 name of the sheet (tab) in the file, or the file name for a CSV';
comment on column v_current_sheet_loads.facts_loaded is '取込件数 number of facts (figures) loaded from the sheet';
comment on column v_current_sheet_loads.load_run_id is '取込実行ID the load run (etl_load_runs.load_run_id) that loaded the sheet';
comment on column v_current_sheet_loads.loaded_at is '取込日時 when the sheet was loaded (local time of the run)';
