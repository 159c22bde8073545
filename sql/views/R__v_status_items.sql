-- v_status_items: one row per municipality, evaluated item and evaluation year, with the item's current
-- status: each 数値目標 and KPI of the strategy, each welfare project's evaluation on its own sheet
-- (福祉事業評価), each grade of the welfare overview table (福祉事業評価（評価一覧）, one per graded year),
-- and each policy's 進捗状況 and 必要性 ratings (施策進捗, 施策必要性, 1-4).
-- Only the current version of each sheet is read (v_current_sheet_loads, the published sheet loads every
-- view reads), so an item counts once however often its sheet was resubmitted: count(*) over fct_statuses
-- counts every version (34 KPIs after one resubmission of 基本目標1, for 27).
-- These are the items v_status_summary counts, category by category (the data test
-- status_items_match_status_summary.sql checks it after every load); an item printed without a status
-- (a 数値目標 no longer surveyed) has no row there or here. is_latest_evaluation marks each item's
-- latest evaluation year, for "every item once, as it stands now".
create or replace view v_status_items as

with

plans as (
    select * from dim_plans
),

municipalities as (
    select * from dim_municipalities
),

scales as (
    select * from dim_status_scales
),

-- the welfare projects as their own sheets name them, for the overview's grades too
welfare_projects as (
    select
        i.municipality_code,
        i.owner_code,
        arg_max(i.item_name, i.evaluation_fiscal_year) as item_name,
        arg_max(i.department_name, i.evaluation_fiscal_year) as department_name
    from cur_plan_items as i
    where i.plan_id = 'welfare_plan_4'
    group by i.municipality_code, i.owner_code
),

-- 数値目標 and KPI (an indicator's status) and 福祉事業評価 (a project's, indicator_no null)
statuses as (
    select
        s.municipality_code,
        s.plan_id,
        s.category,
        s.evaluation_fiscal_year,
        s.owner_code,
        s.indicator_no,
        coalesce(i.indicator_name, w.item_name) as item_name,
        coalesce(i.department_name, w.department_name) as department_name,
        s.status,
        s.status_label,
        s._source_file,
        s._sheet_name,
        s._cell,
        s._sheet_load_id
    from cur_statuses as s
    left join fct_indicators as i
        on i._sheet_load_id = s._sheet_load_id and i.owner_code = s.owner_code and i.indicator_no = s.indicator_no
    left join fct_plan_items as w
        on w._sheet_load_id = s._sheet_load_id and w.owner_code = s.owner_code and s.indicator_no is null
),

policy_ratings as (
    select
        r.municipality_code,
        'comprehensive_plan' as plan_id,
        case r.rating_kind when 'progress' then '施策進捗' else '施策必要性' end as category,
        r.evaluation_fiscal_year,
        r.policy_code as owner_code,
        cast(null as integer) as indicator_no,
        e.policy_name as item_name,
        e.department_name,
        cast(r.rating as varchar) as status,
        r.rating_label as status_label,
        r._source_file,
        r._sheet_name,
        r._cell,
        r._sheet_load_id
    from cur_policy_ratings as r
    left join fct_policy_evaluations as e on e._sheet_load_id = r._sheet_load_id and e.policy_code = r.policy_code
),

-- the overview grades one project for each year it covers; that year is the evaluation year here, as in
-- v_status_summary
overview_grades as (
    select
        o.municipality_code,
        o.plan_id,
        '福祉事業評価（評価一覧）' as category,
        o.fiscal_year as evaluation_fiscal_year,
        o.owner_code,
        cast(null as integer) as indicator_no,
        coalesce(w.item_name, o.project_name) as item_name,
        w.department_name,
        o.grade as status,
        cast(null as varchar) as status_label,
        o._source_file,
        o._sheet_name,
        o._cell,
        o._sheet_load_id
    from cur_overview_grades as o
    left join welfare_projects as w on w.municipality_code = o.municipality_code and w.owner_code = o.owner_code
    where o.grade is not null
),

items as (
    select * from statuses
    union all
    select * from policy_ratings
    union all
    select * from overview_grades
),

final as (
    select
        i.municipality_code,
        m.municipality_name,
        i.plan_id as plan,
        p.plan_name,
        i.category,
        i.evaluation_fiscal_year,
        i.owner_code,
        i.indicator_no,
        i.item_name,
        i.department_name,
        i.status,
        coalesce(i.status_label, s.status_label) as status_label,
        s.sort_order,
        i.evaluation_fiscal_year = max(i.evaluation_fiscal_year) over (
            partition by i.municipality_code, i.plan_id, i.category, i.owner_code, i.indicator_no
        ) as is_latest_evaluation,
        i._source_file,
        i._sheet_name,
        i._cell,
        i._sheet_load_id
    from items as i
    left join scales as s on s.plan_id = i.plan_id and s.category = i.category and s.status = i.status
    left join plans as p on p.plan_id = i.plan_id
    left join municipalities as m on m.municipality_code = i.municipality_code
)

select * from final;

comment on view v_status_items is '評価項目と現在の評価: one row per municipality, evaluated item (数値目標, KPI, 福祉事業, 施策) and evaluation year with its current status; an item counts once however often its sheet was resubmitted';
comment on column v_status_items.municipality_code is '団体コード municipality: the 6-digit 全国地方公共団体コード (朝霞市 = 112275); joins dim_municipalities';
comment on column v_status_items.municipality_name is '団体名 municipality name, from dim_municipalities';
comment on column v_status_items.plan is '計画 plan: comprehensive_plan, regional_strategy_2 or welfare_plan_4; joins dim_plans.plan_id';
comment on column v_status_items.plan_name is '計画名 plan name, from dim_plans';
comment on column v_status_items.category is '区分 category: 数値目標, KPI, 福祉事業評価 (the project''s own sheet), 福祉事業評価（評価一覧） (the overview table), 施策進捗 or 施策必要性';
comment on column v_status_items.evaluation_fiscal_year is '評価年度 evaluation year (Gregorian year of its April, R6 = 2024); for the overview, the year graded';
comment on column v_status_items.owner_code is '項目コード item code: the measure of a KPI (1-ア), the basic goal of a 数値目標 (1), the welfare project ((1)② = 1-2), or the policy (施策 611)';
comment on column v_status_items.indicator_no is '指標番号 number of the 数値目標 or KPI within its owner (①= 1); null for a welfare project or a policy';
comment on column v_status_items.item_name is '項目名 item name: the indicator (指標名), the welfare project (事業名, as its own sheet prints it) or the policy (施策名)';
comment on column v_status_items.department_name is '担当課 department in charge, as printed; null for a 数値目標 (a basic goal names none)';
comment on column v_status_items.status is '評価 status: A, B or C; 1 to 4 for the policy ratings (the circled digit)';
comment on column v_status_items.status_label is '評価の説明 status label as printed (目標達成（見込み）, おおむね順調), else the label of its scale in dim_status_scales';
comment on column v_status_items.sort_order is '表示順 position of the status on its scale (A = 1), from dim_status_scales';
comment on column v_status_items.is_latest_evaluation is '最新の評価 true for the item''s latest evaluation year: filter on it to count every item once as it stands now';
comment on column v_status_items._source_file is '提出ファイル source file of the current sheet (lineage)';
comment on column v_status_items._sheet_name is 'シート名 sheet the status was read from (lineage)';
comment on column v_status_items._cell is 'セル cell (A1) that shows the status (lineage)';
comment on column v_status_items._sheet_load_id is '取込シートID the current sheet load; joins v_current_sheet_loads.sheet_load_id';
