-- v_data_quality_findings: one row per problem found in the data itself, with the file, sheet and
-- cell to look at: the warnings raised while reading the current sheets, the errors of the latest
-- run (what was rejected), and the cross-checks over the loaded facts (a printed 計 or 経年変化
-- that differs from the sum of its projects).
create or replace view v_data_quality_findings as

with

loads as (
    select * from etl_sheet_loads
),

latest_run as (
    select max(load_run_id) as load_run_id from etl_load_runs
),

read_findings as (
    select
        m.source_file,
        m.sheet_name,
        m.cell,
        m.severity,
        m.rule,
        m.message,
        m.raw_text,
        m.load_run_id
    from etl_messages as m
    left join loads as l on l.sheet_load_id = m.sheet_load_id
    where (m.severity = 'warning' and l.status = 'published')
        or (m.severity = 'error' and m.load_run_id = (select load_run_id from latest_run))
),

printed_totals as (
    select t.*
    from fct_policy_cost_totals as t
    inner join loads as l on l.sheet_load_id = t._sheet_load_id
    where l.status = 'published'
),

project_sums as (
    select
        _sheet_load_id,
        fiscal_year,
        sum(case when not is_relisted then coalesce(cost_thousand_yen, 0) else 0 end) as cost_thousand_yen
    from fct_project_costs
    group by _sheet_load_id, fiscal_year
),

total_mismatches as (
    select
        t._source_file as source_file,
        t._sheet_name as sheet_name,
        t._cell as cell,
        'warning' as severity,
        case t.total_kind when 'total' then 'printed_total_differs_from_projects'
            else 'printed_trend_differs_from_projects' end as rule,
        'policy ' || t.policy_code || ' FY' || t.fiscal_year || ': the printed '
            || case t.total_kind when 'total' then '計' else '経年変化' end || ' is '
            || coalesce(cast(t.cost_thousand_yen as varchar), t._raw_text)
            || ' thousand yen but its projects (without 【再掲】) add up to '
            || cast(coalesce(s.cost_thousand_yen, 0) as varchar) as message,
        t._raw_text as raw_text,
        t._load_run_id as load_run_id
    from printed_totals as t
    left join project_sums as s on s._sheet_load_id = t._sheet_load_id and s.fiscal_year = t.fiscal_year
    where coalesce(t.cost_thousand_yen, 0) <> coalesce(s.cost_thousand_yen, 0)
),

relisted_with_cost as (
    select
        c._source_file as source_file,
        c._sheet_name as sheet_name,
        c._cell as cell,
        'warning' as severity,
        'relisted_project_with_cost' as rule,
        'policy ' || c.policy_code || ': ' || c.project_name
            || ' is marked 【再掲】 but prints a cost; it is counted under its own policy only' as message,
        c._raw_text as raw_text,
        c._load_run_id as load_run_id
    from fct_project_costs as c
    inner join loads as l on l.sheet_load_id = c._sheet_load_id
    where l.status = 'published' and c.is_relisted and c.cost_thousand_yen is not null
),

final as (
    select * from read_findings
    union all
    select * from total_mismatches
    union all
    select * from relisted_with_cost
)

select * from final;
