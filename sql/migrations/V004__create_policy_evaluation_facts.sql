-- Facts read from the 施策評価シート (policy evaluation sheets). Every row carries its lineage:
-- the file, its SHA-256, the sheet, the cell, the raw text as the sheet shows it, and the load run.
-- Rows belong to one sheet load (_sheet_load_id); only published sheet loads are current, see
-- v_current_sheet_loads. The views are what analysts read; these tables keep the full history.

-- fct_policy_evaluations: grain one row per policy per evaluation fiscal year per sheet load.
create table fct_policy_evaluations (
    plan_id varchar not null,
    policy_code varchar not null,
    policy_name varchar not null,
    evaluation_fiscal_year integer not null,
    department_name varchar not null,
    related_departments_text varchar,
    target_state varchar,
    machi_hito_shigoto_goal varchar,
    _source_file varchar not null,
    _source_sha256 varchar not null,
    _sheet_name varchar not null,
    _cell varchar not null,
    _raw_text varchar,
    _load_run_id bigint not null,
    _sheet_load_id bigint not null
);
comment on table fct_policy_evaluations is '施策評価: one row per policy (施策) per evaluation year: 施策名, 担当課, 関連課, 目指す姿';

-- fct_policy_related_departments: grain one row per related department (関連課) per policy evaluation.
create table fct_policy_related_departments (
    policy_code varchar not null,
    evaluation_fiscal_year integer not null,
    ordinal integer not null,
    department_name varchar not null,
    _source_file varchar not null,
    _source_sha256 varchar not null,
    _sheet_name varchar not null,
    _cell varchar not null,
    _raw_text varchar,
    _load_run_id bigint not null,
    _sheet_load_id bigint not null
);
comment on table fct_policy_related_departments is '関連課: the related departments of a policy evaluation, one per row';

-- fct_indicators: grain one row per indicator (指標) per sheet load, for every sheet family.
-- indicator_category: 施策指標 (policy sheets), 数値目標 and KPI (strategy), 福祉事業指標 (welfare).
create table fct_indicators (
    plan_id varchar not null,
    indicator_category varchar not null,
    owner_code varchar not null,
    indicator_no integer not null,
    indicator_name varchar not null,
    unit varchar,
    name_as_printed varchar not null,
    definition varchar,
    mhs_tag varchar,
    department_name varchar,
    is_cumulative boolean not null,
    evaluation_fiscal_year integer not null,
    _source_file varchar not null,
    _source_sha256 varchar not null,
    _sheet_name varchar not null,
    _cell varchar not null,
    _raw_text varchar,
    _load_run_id bigint not null,
    _sheet_load_id bigint not null
);
comment on table fct_indicators is '指標: one row per indicator per sheet load: name, unit (単位), definition';

-- fct_indicator_values: grain one row per indicator per fiscal year per value kind per sub-row per
-- report. value_kind: baseline (策定当初), actual (実績), forecast (見込み), target (目標). value is
-- null when the sheet shows no number; value_status then says why (blank, not_applicable,
-- not_surveyed, cancelled, text). sub_label names the sub-row of a two-row indicator (啓発 / 研修).
-- is_year_inferred: the value was typed once in a cell merged over several years and is repeated
-- for each year the merge covers.
create table fct_indicator_values (
    plan_id varchar not null,
    owner_code varchar not null,
    indicator_no integer not null,
    fiscal_year integer not null,
    value_kind varchar not null,
    sub_label varchar,
    value decimal(18, 4),
    value_unit varchar,
    value_status varchar not null,
    is_year_inferred boolean not null,
    reported_fiscal_year integer not null,
    _source_file varchar not null,
    _source_sha256 varchar not null,
    _sheet_name varchar not null,
    _cell varchar not null,
    _raw_text varchar,
    _load_run_id bigint not null,
    _sheet_load_id bigint not null
);
comment on table fct_indicator_values is '指標値: one row per indicator, fiscal year, kind (baseline 策定当初 / actual 実績 / forecast 見込み / target 目標) and reporting year';

-- fct_policy_projects: grain one row per project (事務事業) listed on a policy sheet.
create table fct_policy_projects (
    policy_code varchar not null,
    evaluation_fiscal_year integer not null,
    row_no integer not null,
    project_name varchar not null,
    name_as_printed varchar not null,
    is_relisted boolean not null,
    direction varchar,
    _source_file varchar not null,
    _source_sha256 varchar not null,
    _sheet_name varchar not null,
    _cell varchar not null,
    _raw_text varchar,
    _load_run_id bigint not null,
    _sheet_load_id bigint not null
);
comment on table fct_policy_projects is '施策構成事務事業: one row per project listed on a policy sheet, with 今後の方向性; is_relisted marks 【再掲】';

-- fct_project_costs: grain one row per listed project per fiscal year per reporting year.
-- cost_basis: settled (決算) or forecast (決算見込み). A 【再掲】 row keeps is_relisted and is never summed.
create table fct_project_costs (
    policy_code varchar not null,
    row_no integer not null,
    project_name varchar not null,
    is_relisted boolean not null,
    fiscal_year integer not null,
    cost_basis varchar not null,
    cost_thousand_yen decimal(18, 3),
    value_status varchar not null,
    reported_fiscal_year integer not null,
    _source_file varchar not null,
    _source_sha256 varchar not null,
    _sheet_name varchar not null,
    _cell varchar not null,
    _raw_text varchar,
    _load_run_id bigint not null,
    _sheet_load_id bigint not null
);
comment on table fct_project_costs is '総コスト: total cost (事業費+人件費, thousand yen) per project, fiscal year and reporting year';
comment on column fct_project_costs.cost_thousand_yen is '総コスト（単位：千円）; null when the sheet prints - or —';

-- fct_policy_cost_totals: grain one printed total per policy per fiscal year per row kind per report.
-- total_kind: total (the 計 row) or trend (the 経年変化 row).
create table fct_policy_cost_totals (
    policy_code varchar not null,
    total_kind varchar not null,
    fiscal_year integer not null,
    cost_basis varchar not null,
    cost_thousand_yen decimal(18, 3),
    value_status varchar not null,
    reported_fiscal_year integer not null,
    _source_file varchar not null,
    _source_sha256 varchar not null,
    _sheet_name varchar not null,
    _cell varchar not null,
    _raw_text varchar,
    _load_run_id bigint not null,
    _sheet_load_id bigint not null
);
comment on table fct_policy_cost_totals is '計・経年変化: the totals as the sheet prints them, kept to check against the sum of the projects';

-- fct_policy_ratings: grain one row per policy per evaluation year per rating kind.
-- rating_kind: progress (3 進捗状況) or necessity (4 必要性); rating 1..4 is the circled digit.
create table fct_policy_ratings (
    policy_code varchar not null,
    evaluation_fiscal_year integer not null,
    rating_kind varchar not null,
    rating integer not null,
    rating_label varchar,
    _source_file varchar not null,
    _source_sha256 varchar not null,
    _sheet_name varchar not null,
    _cell varchar not null,
    _raw_text varchar,
    _load_run_id bigint not null,
    _sheet_load_id bigint not null
);
comment on table fct_policy_ratings is '進捗状況・必要性: the 4-step ratings of a policy, the circled digit and its label';

-- fct_narratives: grain one row per narrative block per sheet load, for every sheet family.
create table fct_narratives (
    plan_id varchar not null,
    owner_code varchar not null,
    evaluation_fiscal_year integer not null,
    block_key varchar not null,
    heading varchar not null,
    body_text varchar not null,
    _source_file varchar not null,
    _source_sha256 varchar not null,
    _sheet_name varchar not null,
    _cell varchar not null,
    _raw_text varchar,
    _load_run_id bigint not null,
    _sheet_load_id bigint not null
);
comment on table fct_narratives is '記述: the narrative blocks (実施内容, 判断の根拠, 今後の展開 ...) as written';
