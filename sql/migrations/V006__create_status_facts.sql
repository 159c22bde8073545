-- Facts of the strategy KPI sheets (総合戦略 効果検証) and the welfare progress sheets (地域福祉計画
-- 進行管理・評価シート) that the indicator tables of V004 do not hold: the evaluated items and their
-- A/B/C statuses, and the overview table of welfare grades. Lineage columns as in V004.

-- fct_plan_items: grain one row per evaluated item per sheet load: a strategy basic goal
-- (基本目標) or measure (具体的な施策 (ア)(イ)…), or a welfare project (事業). owner_code is the key
-- the indicators use: 1 for basic goal 1, 1-ア for its measure (ア), 1-2 for welfare (1)②.
create table fct_plan_items (
    plan_id varchar not null,
    owner_code varchar not null,
    item_kind varchar not null,
    item_name varchar not null,
    basic_goal_no integer,
    basic_goal_name varchar,
    direction_no integer,
    direction_name varchar,
    departments_text varchar,
    department_name varchar,
    description varchar,
    evaluation_fiscal_year integer not null,
    _source_file varchar not null,
    _source_sha256 varchar not null,
    _sheet_name varchar not null,
    _cell varchar not null,
    _raw_text varchar,
    _load_run_id bigint not null,
    _sheet_load_id bigint not null
);
comment on table fct_plan_items is '評価項目: basic goals and measures of the strategy, projects of the welfare plan, with their departments (担当課・課名)';

-- fct_statuses: grain one status per evaluated item per evaluation year per sheet load.
-- category: 数値目標 and KPI (strategy: status of an indicator), 福祉事業評価 (welfare: the project's
-- self-evaluation). status is A, B or C; status_label the printed text after it.
create table fct_statuses (
    plan_id varchar not null,
    category varchar not null,
    owner_code varchar not null,
    indicator_no integer,
    evaluation_fiscal_year integer not null,
    status varchar not null,
    status_label varchar,
    _source_file varchar not null,
    _source_sha256 varchar not null,
    _sheet_name varchar not null,
    _cell varchar not null,
    _raw_text varchar,
    _load_run_id bigint not null,
    _sheet_load_id bigint not null
);
comment on table fct_statuses is '評価: the A/B/C status of each 数値目標, KPI and welfare project, as printed';

-- fct_overview_grades: grain one grade per welfare project per fiscal year, as the overview table
-- (評価一覧) prints it; checked against the project's own sheet in v_data_quality_findings.
create table fct_overview_grades (
    plan_id varchar not null,
    owner_code varchar not null,
    basic_goal_no integer,
    direction_no integer not null,
    direction_name varchar,
    project_no integer not null,
    project_name varchar,
    fiscal_year integer not null,
    grade varchar,
    evaluation_fiscal_year integer not null,
    _source_file varchar not null,
    _source_sha256 varchar not null,
    _sheet_name varchar not null,
    _cell varchar not null,
    _raw_text varchar,
    _load_run_id bigint not null,
    _sheet_load_id bigint not null
);
comment on table fct_overview_grades is '評価一覧: the grade of every welfare project for each year R3-R5, from the overview table';

insert into dim_plans values
    ('regional_strategy_2', '第２期まち・ひと・しごと創生総合戦略', 'strategy_kpi'),
    ('welfare_plan_4', '第４期地域福祉計画・地域福祉活動計画', 'welfare_progress');

-- dim_status_scales: the statuses each category can take, in printed order, with their printed
-- labels, so that a status nobody got still appears with a count of 0.
create table dim_status_scales (
    plan_id varchar not null,
    category varchar not null,
    status varchar not null,
    status_label varchar,
    sort_order integer not null
);
comment on table dim_status_scales is '評価区分: the A/B/C (or 1-4) scale of each category with its printed label';

insert into dim_status_scales values
    ('comprehensive_plan', '施策進捗', '1', null, 1),
    ('comprehensive_plan', '施策進捗', '2', null, 2),
    ('comprehensive_plan', '施策進捗', '3', null, 3),
    ('comprehensive_plan', '施策進捗', '4', null, 4),
    ('comprehensive_plan', '施策必要性', '1', null, 1),
    ('comprehensive_plan', '施策必要性', '2', null, 2),
    ('comprehensive_plan', '施策必要性', '3', null, 3),
    ('comprehensive_plan', '施策必要性', '4', null, 4),
    ('regional_strategy_2', '数値目標', 'A', '目標達成', 1),
    ('regional_strategy_2', '数値目標', 'B', '目標達成（見込み）', 2),
    ('regional_strategy_2', '数値目標', 'C', '目標達成に至らない', 3),
    ('regional_strategy_2', 'KPI', 'A', '目標達成（見込み）', 1),
    ('regional_strategy_2', 'KPI', 'B', '策定当初より良くなっている', 2),
    ('regional_strategy_2', 'KPI', 'C', '策定当初より悪くなっている', 3),
    ('welfare_plan_4', '福祉事業評価', 'A', '着実に進捗している', 1),
    ('welfare_plan_4', '福祉事業評価', 'B', 'ある程度進捗している', 2),
    ('welfare_plan_4', '福祉事業評価', 'C', '進捗が順調でない', 3),
    ('welfare_plan_4', '福祉事業評価（評価一覧）', 'A', '着実に進捗している', 1),
    ('welfare_plan_4', '福祉事業評価（評価一覧）', 'B', 'ある程度進捗している', 2),
    ('welfare_plan_4', '福祉事業評価（評価一覧）', 'C', '進捗が順調でない', 3);
