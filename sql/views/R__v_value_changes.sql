-- v_value_changes: one row per figure that a resubmission changed, added or removed: the value
-- and raw text in the version that was replaced and in the version that replaced it, with the
-- cell of each. Covers indicator values, project costs, statuses and policy ratings. A version
-- replaces the previous one of the same municipality, subject and evaluation year only.
-- The logic lives in calc_value_changes; its result is kept in the table mart_value_changes, refreshed in the
-- transaction that publishes a run (jp.evalsheet.load.Marts), and v_value_changes reads that table, so
-- analysts and BI tools do not pay for the computation on every query.
create or replace view calc_value_changes as

with

municipalities as (
    select * from dim_municipalities
),

versions as (
    select
        municipality_code,
        sheet_load_id,
        sheet_family,
        plan_id,
        subject_code,
        evaluation_fiscal_year,
        load_run_id,
        source_file,
        lead(sheet_load_id) over (
            partition by municipality_code, sheet_family, plan_id, subject_code, evaluation_fiscal_year
            order by sheet_load_id
        ) as next_sheet_load_id,
        lead(load_run_id) over (
            partition by municipality_code, sheet_family, plan_id, subject_code, evaluation_fiscal_year
            order by sheet_load_id
        ) as next_load_run_id
    from etl_sheet_loads
    where status in ('published', 'superseded')
),

pairs as (
    select * from versions where next_sheet_load_id is not null
),

facts as (
    select
        _sheet_load_id,
        'indicator ' || owner_code || ' #' || indicator_no || coalesce(' ' || sub_label, '') || ' ' || value_kind
            || ' FY' || fiscal_year as fact_key,
        cast(value as varchar) as value,
        _raw_text,
        _cell
    from fct_indicator_values
    union all
    select
        _sheet_load_id,
        'cost ' || policy_code || ' ' || project_name || ' FY' || fiscal_year || ' ' || cost_basis,
        cast(cost_thousand_yen as varchar),
        _raw_text,
        _cell
    from fct_project_costs
    union all
    select
        _sheet_load_id,
        'status ' || category || ' ' || owner_code || coalesce(' #' || indicator_no, ''),
        status,
        _raw_text,
        _cell
    from fct_statuses
    union all
    select
        _sheet_load_id,
        'rating ' || policy_code || ' ' || rating_kind,
        cast(rating as varchar),
        _raw_text,
        _cell
    from fct_policy_ratings
),

old_facts as (
    select p.sheet_load_id as pair_id, f.fact_key, f.value, f._raw_text, f._cell
    from pairs as p
    inner join facts as f on f._sheet_load_id = p.sheet_load_id
),

new_facts as (
    select p.sheet_load_id as pair_id, f.fact_key, f.value, f._raw_text, f._cell
    from pairs as p
    inner join facts as f on f._sheet_load_id = p.next_sheet_load_id
),

changes as (
    select
        coalesce(o.pair_id, n.pair_id) as pair_id,
        coalesce(o.fact_key, n.fact_key) as fact_key,
        o.value as old_value,
        o._raw_text as old_raw_text,
        o._cell as old_cell,
        n.value as new_value,
        n._raw_text as new_raw_text,
        n._cell as new_cell
    from old_facts as o
    full outer join new_facts as n on n.pair_id = o.pair_id and n.fact_key = o.fact_key
    where o.value is distinct from n.value or o._raw_text is distinct from n._raw_text
),

final as (
    select
        p.municipality_code,
        m.municipality_name,
        p.sheet_family,
        p.plan_id,
        p.subject_code,
        p.evaluation_fiscal_year,
        c.fact_key,
        case when c.old_raw_text is null and c.old_value is null then 'added'
            when c.new_raw_text is null and c.new_value is null then 'removed'
            else 'changed' end as change,
        c.old_value,
        c.old_raw_text,
        c.old_cell,
        c.new_value,
        c.new_raw_text,
        c.new_cell,
        p.load_run_id as old_load_run_id,
        p.next_load_run_id as new_load_run_id,
        p.source_file as old_source_file
    from changes as c
    inner join pairs as p on p.sheet_load_id = c.pair_id
    left join municipalities as m on m.municipality_code = p.municipality_code
)

select * from final;

comment on view calc_value_changes is 'internal: the computation of v_value_changes; query v_value_changes instead';

create or replace table mart_value_changes as select * from calc_value_changes;

comment on table mart_value_changes is 'internal: the rows of v_value_changes as of the last published run; query v_value_changes instead';

create or replace view v_value_changes as select * from mart_value_changes;

comment on view v_value_changes is '再提出による変更: one row per figure a resubmission changed, added or removed, within one municipality''s subject and evaluation year';
comment on column v_value_changes.municipality_code is '団体コード municipality: the 6-digit 全国地方公共団体コード (朝霞市 = 112275); joins dim_municipalities';
comment on column v_value_changes.municipality_name is '団体名 municipality name, from dim_municipalities (null when a run gave only the code)';
comment on column v_value_changes.sheet_family is 'シート種別 sheet family: policy_evaluation (施策評価シート), strategy_kpi (総合戦略 効果検証), welfare_progress (地域福祉計画 評価シート) or welfare_overview (評価一覧)';
comment on column v_value_changes.plan_id is '計画 plan: comprehensive_plan (総合計画 後期基本計画), regional_strategy_2 (総合戦略) or welfare_plan_4 (地域福祉計画); joins dim_plans.plan_id';
comment on column v_value_changes.subject_code is '対象コード subject of the sheet: the policy (611), the basic goal or measures of the strategy (1, 1-ア, 1+2+3+4), the welfare project (1-2) or overview';
comment on column v_value_changes.evaluation_fiscal_year is '評価年度 evaluation year of the sheet (Gregorian year of its April, R4 = 2022); joins dim_fiscal_years.fiscal_year';
comment on column v_value_changes.fact_key is '項目 the figure that changed: indicator, cost, status or rating with its owner, number, kind and year';
comment on column v_value_changes.change is '変更 changed, added (only in the new version) or removed (only in the old one)';
comment on column v_value_changes.old_value is '旧値 value in the replaced version, as text';
comment on column v_value_changes.old_raw_text is '旧原文 the cell''s text in the replaced version';
comment on column v_value_changes.old_cell is '旧セル cell (A1) in the replaced version';
comment on column v_value_changes.new_value is '新値 value in the version that replaced it, as text';
comment on column v_value_changes.new_raw_text is '新原文 the cell''s text in the new version';
comment on column v_value_changes.new_cell is '新セル cell (A1) in the new version';
comment on column v_value_changes.old_load_run_id is '旧取込実行ID load run of the replaced version';
comment on column v_value_changes.new_load_run_id is '新取込実行ID load run of the version that replaced it';
comment on column v_value_changes.old_source_file is '旧提出ファイル file of the replaced version';
