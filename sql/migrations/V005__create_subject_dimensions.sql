-- Dimensions derived from the current (published) sheet loads. The job rebuilds them in the same
-- transaction that publishes a run, so they always agree with the facts the views read.
-- Their keys are unique by construction and checked by the data tests after every load; they are
-- not declared as primary keys because DuckDB checks a key deleted and re-inserted in one
-- transaction too eagerly.

-- dim_departments: grain one row per department (課) named on any current sheet.
create table dim_departments (
    department_name varchar not null,
    owned_policy_count integer not null,
    related_policy_count integer not null
);
comment on table dim_departments is '課: every department named as 担当課 or 関連課 on a current sheet';

-- dim_policies: grain one row per policy (施策) of a plan; attributes from its latest evaluation.
create table dim_policies (
    plan_id varchar not null,
    policy_code varchar not null,
    policy_name varchar not null,
    department_name varchar not null,
    first_evaluation_fiscal_year integer not null,
    latest_evaluation_fiscal_year integer not null
);
comment on table dim_policies is '施策: one row per policy, named as in its latest evaluation';

-- dim_indicators: grain one row per indicator (指標) of a plan; attributes from its latest report.
create table dim_indicators (
    indicator_id varchar not null,
    plan_id varchar not null,
    indicator_category varchar not null,
    owner_code varchar not null,
    indicator_no integer not null,
    indicator_name varchar not null,
    unit varchar,
    definition varchar,
    is_cumulative boolean not null
);
comment on table dim_indicators is '指標: one row per indicator; indicator_id is plan_id:owner_code:indicator_no';

-- dim_projects: grain one row per project (事務事業) by name; home_policy_code is the policy that
-- lists it with its costs (not 【再掲】) in the latest report.
create table dim_projects (
    project_name varchar not null,
    home_policy_code varchar,
    listed_policy_count integer not null
);
comment on table dim_projects is '事務事業: one row per project; a project re-listed (【再掲】) under other policies appears once';
