-- v_data_quality_findings: one row per problem found in the data itself, with the municipality,
-- file, sheet and cell to look at: the warnings raised while reading the current sheets, the
-- errors of the latest run (what was rejected) and its warnings about sheets it did not load
-- (hidden, of no known family), and the cross-checks over the current facts:
--   printed_total_differs_from_projects / printed_trend_differs_from_projects: a printed 計 or
--     経年変化 that differs from the sum of its projects;
--   relisted_project_with_cost: a 【再掲】 row that prints a cost;
--   target_met_but_not_rated_a: the latest actual reaches the target but the status is B or C;
--   status_contradicts_baseline: rated B (策定当初より良くなっている, 目標達成（見込み）) but the
--     latest actual is worse than the baseline;
--   cumulative_value_decreases: a 累計 indicator that goes down from one year to the next;
--   target_looks_cumulative: a per-year indicator whose target is five times every value so far;
--   missing_status: a 数値目標 or KPI printed without a status;
--   no_progress (info): the latest actual is 0 against a positive target;
--   overview_grade_differs_from_sheet: the welfare overview prints another grade than the project's sheet;
--   same_indicator_different_targets: one indicator (the same actual values in two plans) with
--     different targets for the same year.
-- Direction: an indicator goes down when its target is less than half its baseline (待機児童数 toward 0),
-- by the macro higher_is_better that v_indicator_progress uses too.
-- Every cross-check compares a municipality's facts with its own only. municipality_code is null for
-- a file of the latest run whose municipality could not be told (rule unknown_municipality).
-- The logic lives in calc_data_quality_findings; its result is kept in the table mart_data_quality_findings, refreshed in the
-- transaction that publishes a run (jp.evalsheet.load.Marts), and v_data_quality_findings reads that table, so
-- analysts and BI tools do not pay for the computation on every query.
create or replace view calc_data_quality_findings as

with

loads as (
    select * from etl_sheet_loads
),

municipalities as (
    select * from dim_municipalities
),

-- each municipality's latest run: the last run that read any of its files (null: the files whose
-- municipality was unknown), so that one municipality's run does not hide another's errors
latest_run as (
    select municipality_code, max(load_run_id) as load_run_id
    from etl_file_loads
    group by municipality_code
),

read_findings as (
    select
        m.municipality_code,
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
    left join latest_run as r
        on r.load_run_id = m.load_run_id and r.municipality_code is not distinct from m.municipality_code
    where (m.severity <> 'error' and l.status = 'published')
        or (r.load_run_id is not null and (m.sheet_load_id is null or m.severity = 'error'))
),

printed_totals as (
    select t.*
    from cur_policy_cost_totals as t
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
        t.municipality_code,
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
        c.municipality_code,
        c._source_file as source_file,
        c._sheet_name as sheet_name,
        c._cell as cell,
        'warning' as severity,
        'relisted_project_with_cost' as rule,
        'policy ' || c.policy_code || ': ' || c.project_name
            || ' is marked 【再掲】 but prints a cost; it is counted under its own policy only' as message,
        c._raw_text as raw_text,
        c._load_run_id as load_run_id
    from cur_project_costs as c
    where c.is_relisted and c.cost_thousand_yen is not null
),

-- not materialized: read eleven times by the checks, each needing a few of its columns
-- (pipeline/docs/decisions/0001-indicator-values-not-materialized.md)
indicator_values as not materialized (
    select v.* from cur_indicator_values as v
),

indicators as (
    select i.* from cur_indicators as i
),

statuses as (
    select s.* from cur_statuses as s
),

latest_actuals as (
    select
        municipality_code, plan_id, owner_code, indicator_no, sub_label,
        max(fiscal_year) as fiscal_year,
        arg_max(value, fiscal_year) as value,
        arg_max(_cell, fiscal_year) as cell
    from indicator_values
    where value_kind = 'actual' and value is not null
    group by municipality_code, plan_id, owner_code, indicator_no, sub_label
),

-- the targets and baselines as v_indicator_progress reads them (int_indicator_targets, int_indicator_baselines):
-- the last target with a number, and the baseline when it is a number
-- materialized: read four times by the checks below, and each read of the view would rank every
-- target again (at nation size that raised the job's peak memory by about 400 MiB; decision 0002)
targets as materialized (
    select * from int_indicator_targets
),

final_targets as (
    select
        municipality_code, plan_id, owner_code, indicator_no, sub_label,
        max(fiscal_year) as fiscal_year,
        arg_max(value, fiscal_year) as value,
        arg_max(_cell, fiscal_year) as cell
    from targets
    where value is not null
    group by municipality_code, plan_id, owner_code, indicator_no, sub_label
),

baselines as (
    select municipality_code, plan_id, owner_code, indicator_no, sub_label, value, fiscal_year
    from int_indicator_baselines
    where value is not null
),

-- per indicator (and sub-row): the latest actual beside the target for that year (or the final
-- one) and the baseline; direction -1 (the indicator goes down) when higher_is_better (R__macros.sql)
-- says false for the baseline and the final target, else 1 (also when it cannot tell)
assessed as (
    select
        a.*,
        coalesce(same_year.value, t.value) as target_value,
        coalesce(same_year.fiscal_year, t.fiscal_year) as target_fiscal_year,
        b.value as baseline_value,
        case when higher_is_better(b.value, t.value) = false then -1 else 1 end as direction
    from latest_actuals as a
    left join targets as same_year
        on same_year.municipality_code = a.municipality_code and same_year.plan_id = a.plan_id
        and same_year.owner_code = a.owner_code
        and same_year.indicator_no = a.indicator_no and same_year.sub_label is not distinct from a.sub_label
        and same_year.fiscal_year = a.fiscal_year and same_year.value is not null
    left join final_targets as t
        on t.municipality_code = a.municipality_code and t.plan_id = a.plan_id and t.owner_code = a.owner_code
        and t.indicator_no = a.indicator_no and t.sub_label is not distinct from a.sub_label
    left join baselines as b
        on b.municipality_code = a.municipality_code and b.plan_id = a.plan_id and b.owner_code = a.owner_code
        and b.indicator_no = a.indicator_no and b.sub_label is not distinct from a.sub_label
),

-- one row per status with its indicator's assessment; a welfare project's status covers its
-- indicator (no 1) and all of its sub-rows
rated as (
    select
        s.municipality_code, s.plan_id, s.category, s.owner_code, coalesce(s.indicator_no, 1) as indicator_no,
        s.status, s.status_label, s._source_file, s._sheet_name, s._cell, s._raw_text, s._load_run_id,
        bool_and(a.target_value is not null and a.direction * (a.value - a.target_value) >= 0) as target_met,
        bool_or(a.baseline_value is not null and a.direction * (a.value - a.baseline_value) < 0) as worse_than_baseline,
        string_agg(coalesce(a.sub_label || ' ', '') || 'FY' || a.fiscal_year || ' ' || cast(a.value as double)
            || ' (cell ' || a.cell || ')', ', ' order by a.sub_label) as latest_text,
        string_agg(cast(a.target_value as double) || ' (FY' || a.target_fiscal_year || ')', ', ' order by a.sub_label)
            as target_text,
        max(cast(a.baseline_value as double)) as baseline_value
    from statuses as s
    inner join assessed as a
        on a.municipality_code = s.municipality_code and a.plan_id = s.plan_id and a.owner_code = s.owner_code
        and a.indicator_no = coalesce(s.indicator_no, 1)
    group by all
),

target_met_not_a as (
    select
        municipality_code, _source_file as source_file, _sheet_name as sheet_name, _cell as cell, 'warning' as severity,
        'target_met_but_not_rated_a' as rule,
        category || ' ' || owner_code || ' #' || indicator_no || ': the status is ' || status || ' ' || coalesce(status_label, '')
            || ' but the latest actual (' || latest_text || ') reaches the target ' || target_text || '; expected A'
            as message,
        _raw_text as raw_text, _load_run_id as load_run_id
    from rated
    where status in ('B', 'C') and target_met
),

contradicts_baseline as (
    select
        municipality_code, _source_file, _sheet_name, _cell, 'warning',
        'status_contradicts_baseline',
        category || ' ' || owner_code || ' #' || indicator_no || ': the status is ' || status || ' ' || coalesce(status_label, '')
            || ' but the latest actual (' || latest_text || ') is worse than the baseline ' || baseline_value,
        _raw_text, _load_run_id
    from rated
    where status = 'B' and worse_than_baseline
),

series as (
    select
        v.*,
        lag(v.value) over (
            partition by v.municipality_code, v.plan_id, v.owner_code, v.indicator_no, v.sub_label, v._sheet_load_id
            order by v.fiscal_year
        ) as previous_value,
        lag(v.fiscal_year) over (
            partition by v.municipality_code, v.plan_id, v.owner_code, v.indicator_no, v.sub_label, v._sheet_load_id
            order by v.fiscal_year
        ) as previous_fiscal_year
    from indicator_values as v
    inner join indicators as i
        on i._sheet_load_id = v._sheet_load_id and i.owner_code = v.owner_code and i.indicator_no = v.indicator_no
    where i.is_cumulative and v.value_kind in ('baseline', 'actual') and v.value is not null
),

cumulative_decreases as (
    select
        municipality_code, _source_file, _sheet_name, _cell, 'warning',
        'cumulative_value_decreases',
        owner_code || ' #' || indicator_no || ': a cumulative (累計) value goes down from ' || cast(previous_value as double)
            || ' in FY' || previous_fiscal_year || ' to ' || cast(value as double) || ' in FY' || fiscal_year,
        _raw_text, _load_run_id
    from series
    where value < previous_value
),

per_year_sizes as (
    select
        i.municipality_code, i.plan_id, i.owner_code, i.indicator_no, i.indicator_name,
        max(v.value) filter (where v.value_kind in ('actual', 'baseline')) as largest_value,
        count(*) filter (where v.value_kind = 'actual' and v.value is not null) as actual_count
    from indicators as i
    inner join indicator_values as v
        on v._sheet_load_id = i._sheet_load_id and v.owner_code = i.owner_code and v.indicator_no = i.indicator_no
    where not i.is_cumulative
    group by all
),

target_looks_cumulative as (
    select
        s.municipality_code, v._source_file, v._sheet_name, t.cell, 'warning',
        'target_looks_cumulative',
        s.owner_code || ' #' || s.indicator_no || ' ' || s.indicator_name || ': the target ' || cast(t.value as double)
            || ' is more than five times every value so far (at most ' || cast(s.largest_value as double)
            || '), as if it counted all years; the name has no 累計',
        v._raw_text, v._load_run_id
    from per_year_sizes as s
    inner join final_targets as t
        on t.municipality_code = s.municipality_code and t.plan_id = s.plan_id and t.owner_code = s.owner_code
        and t.indicator_no = s.indicator_no and t.sub_label is null
    inner join targets as v
        on v.municipality_code = t.municipality_code and v.plan_id = t.plan_id and v.owner_code = t.owner_code
        and v.indicator_no = t.indicator_no and v.fiscal_year = t.fiscal_year and v.sub_label is null
    where s.actual_count >= 3 and s.largest_value > 0 and t.value > 5 * s.largest_value
),

missing_status as (
    select
        i.municipality_code, i._source_file, i._sheet_name, i._cell, 'warning',
        'missing_status',
        i.indicator_category || ' ' || i.owner_code || ' #' || i.indicator_no || ' ' || i.indicator_name
            || ' has no status (A, B or C) and is left out of the status counts',
        i._raw_text, i._load_run_id
    from indicators as i
    left join statuses as s
        on s._sheet_load_id = i._sheet_load_id and s.owner_code = i.owner_code and s.indicator_no = i.indicator_no
    where i.indicator_category in ('数値目標', 'KPI') and s._sheet_load_id is null
),

no_progress as (
    select
        a.municipality_code, v._source_file, v._sheet_name, a.cell, 'info',
        'no_progress',
        a.owner_code || ' #' || a.indicator_no || coalesce(' ' || a.sub_label, '') || ': the latest actual (FY'
            || a.fiscal_year || ') is 0 against a target of ' || cast(a.target_value as double),
        v._raw_text, v._load_run_id
    from assessed as a
    inner join indicator_values as v
        on v.municipality_code = a.municipality_code and v.plan_id = a.plan_id and v.owner_code = a.owner_code
        and v.indicator_no = a.indicator_no and v.sub_label is not distinct from a.sub_label and v.value_kind = 'actual'
        and v.fiscal_year = a.fiscal_year
    where a.value = 0 and a.target_value > 0 and a.direction = 1
),

overview_differs as (
    select
        o.municipality_code, o._source_file, o._sheet_name, o._cell, 'warning',
        'overview_grade_differs_from_sheet',
        'welfare project ' || o.owner_code || ' ' || coalesce(o.project_name, '') || ': the overview prints ' || o.grade
            || ' for FY' || o.fiscal_year || ' but its own sheet (' || s._source_file || ', sheet ' || s._sheet_name
            || ', cell ' || s._cell || ') says ' || s.status,
        o._raw_text, o._load_run_id
    from cur_overview_grades as o
    inner join statuses as s
        on s.municipality_code = o.municipality_code and s.plan_id = o.plan_id and s.owner_code = o.owner_code
        and s.category = '福祉事業評価'
        and s.evaluation_fiscal_year = o.fiscal_year
    where o.grade is not null and o.grade <> s.status
),

-- the printed roll-up (総括) against the statuses of the sheets of the same municipality, plan and
-- evaluation year: a count that differs, or a share further from the sheets' share than its rounding
-- (the city rounds by largest remainder, so a printed share may be 0.1 from the plain rounding)
printed_summary as (
    select c.* from cur_printed_status_counts as c
),

sheet_status_counts as (
    select
        municipality_code, plan_id, category, evaluation_fiscal_year,
        count(*) filter (where status = 'A') as a_count,
        count(*) filter (where status = 'B') as b_count,
        count(*) filter (where status = 'C') as c_count,
        count(*) as total_count
    from statuses
    where category in ('数値目標', 'KPI')
    group by municipality_code, plan_id, category, evaluation_fiscal_year
),

summary_compared as (
    select
        s.*,
        k.total_count,
        case s.status
            when 'A' then k.a_count when 'B' then k.b_count when 'C' then k.c_count
            when '合計' then k.total_count when 'A+B' then k.a_count + k.b_count
        end as sheet_count
    from printed_summary as s
    left join sheet_status_counts as k
        on k.municipality_code = s.municipality_code and k.plan_id = s.plan_id and k.category = s.category
        and k.evaluation_fiscal_year = s.evaluation_fiscal_year
),

summary_differs as (
    select
        municipality_code, _source_file, _sheet_name, _cell, 'warning',
        'printed_summary_differs',
        case
            when total_count is null then 'the 総括 prints ' || category || ' ' || status || ' for FY'
                || evaluation_fiscal_year || ' but no sheet of that year gives a ' || category || ' status'
            else 'the 総括 prints ' || category || ' ' || status || ' as '
                || coalesce(printed_count || '件', '') || coalesce(' ' || printed_share_percent || '%', '')
                || ' but the sheets give ' || sheet_count || '件 of ' || total_count || ' ('
                || round(100.0 * sheet_count / total_count, 1) || '%)'
        end,
        _raw_text, _load_run_id
    from summary_compared
    where total_count is null
        or printed_count <> sheet_count
        or abs(printed_share_percent - 100.0 * sheet_count / total_count) >= 0.1
),

-- the same indicator reported in two plans: equal values in every fiscal year both report (at
-- least two), compared with the target each plan sets for the same year
reported_values as (
    select municipality_code, plan_id, owner_code, indicator_no, fiscal_year, arg_max(value, reported_fiscal_year) as value
    from indicator_values
    where value_kind in ('actual', 'forecast') and value is not null and sub_label is null
    group by all
),

-- candidates share a value in at least two years (an equality join, cheap at any size) ...
candidates as (
    select
        a.municipality_code,
        a.plan_id as plan_a, a.owner_code as owner_a, a.indicator_no as no_a,
        b.plan_id as plan_b, b.owner_code as owner_b, b.indicator_no as no_b
    from reported_values as a
    inner join reported_values as b
        on b.municipality_code = a.municipality_code and b.fiscal_year = a.fiscal_year and b.value = a.value
        and b.plan_id > a.plan_id
    group by all
    having count(*) >= 2
),

-- ... that differ in a year both report ...
differing as (
    select distinct c.*
    from candidates as c
    inner join reported_values as a
        on a.municipality_code = c.municipality_code and a.plan_id = c.plan_a and a.owner_code = c.owner_a
        and a.indicator_no = c.no_a
    inner join reported_values as b
        on b.municipality_code = c.municipality_code and b.plan_id = c.plan_b and b.owner_code = c.owner_b
        and b.indicator_no = c.no_b and b.fiscal_year = a.fiscal_year
    where a.value <> b.value
),

-- ... and are twins when no year that both report differs
twins as (
    select * from candidates
    except
    select * from differing
),

twin_targets as (
    select
        tw.*, ta.fiscal_year, ta.value as target_a, tb.value as target_b,
        ta._source_file as file_a, ta._sheet_name as sheet_a, ta._cell as cell_a, ta._raw_text as raw_a,
        ta._load_run_id as run_a, tb._source_file as file_b, tb._sheet_name as sheet_b, tb._cell as cell_b
    from twins as tw
    inner join targets as ta
        on ta.municipality_code = tw.municipality_code and ta.plan_id = tw.plan_a and ta.owner_code = tw.owner_a
        and ta.indicator_no = tw.no_a
    inner join targets as tb
        on tb.municipality_code = tw.municipality_code and tb.plan_id = tw.plan_b and tb.owner_code = tw.owner_b
        and tb.indicator_no = tw.no_b and tb.fiscal_year = ta.fiscal_year
    where ta.value <> tb.value
),

different_targets as (
    select
        municipality_code, file_a, sheet_a, cell_a, 'warning',
        'same_indicator_different_targets',
        'indicator ' || plan_a || ' ' || owner_a || ' #' || no_a || ' reports the same values as ' || plan_b || ' '
            || owner_b || ' #' || no_b || ' (' || file_b || ', sheet ' || sheet_b || ', cell ' || cell_b
            || ') but its FY' || fiscal_year || ' target is ' || cast(target_a as double) || ' there '
            || cast(target_b as double),
        raw_a, run_a
    from twin_targets
),

findings as (
    select * from read_findings
    union all
    select * from total_mismatches
    union all
    select * from relisted_with_cost
    union all
    select * from target_met_not_a
    union all
    select * from contradicts_baseline
    union all
    select * from cumulative_decreases
    union all
    select * from target_looks_cumulative
    union all
    select * from missing_status
    union all
    select * from no_progress
    union all
    select * from overview_differs
    union all
    select * from different_targets
    union all
    select * from summary_differs
),

final as (
    select
        f.municipality_code,
        m.municipality_name,
        f.source_file,
        f.sheet_name,
        f.cell,
        f.severity,
        f.rule,
        f.message,
        f.raw_text,
        f.load_run_id
    from findings as f
    left join municipalities as m on m.municipality_code = f.municipality_code
)

select * from final;

comment on view calc_data_quality_findings is 'internal: the computation of v_data_quality_findings; query v_data_quality_findings instead';

create or replace table mart_data_quality_findings as select * from calc_data_quality_findings;

comment on table mart_data_quality_findings is 'internal: the rows of v_data_quality_findings as of the last published run; query v_data_quality_findings instead';

create or replace view v_data_quality_findings as select * from mart_data_quality_findings;

comment on view v_data_quality_findings is 'データ品質指摘: one row per problem found in the data (warnings of current sheets, errors of the latest run, cross-checks within each municipality), with its municipality, file, sheet and cell';
comment on column v_data_quality_findings.municipality_code is '団体コード municipality: the 6-digit 全国地方公共団体コード (朝霞市 = 112275); joins dim_municipalities; null for a file whose municipality could not be told (unknown_municipality)';
comment on column v_data_quality_findings.municipality_name is '団体名 municipality name, from dim_municipalities (null when a run gave only the code)';
comment on column v_data_quality_findings.source_file is '提出ファイル file to look at';
comment on column v_data_quality_findings.sheet_name is 'シート名 sheet to look at; null for a problem of the whole file';
comment on column v_data_quality_findings.cell is 'セル cell (A1) to look at; null for a problem of a whole sheet or file';
comment on column v_data_quality_findings.severity is '重要度 severity: error (the row, sheet or file was not loaded), warning (loaded, but check it) or info';
comment on column v_data_quality_findings.rule is 'ルール name of the check that found it (invalid_status, printed_total_differs_from_projects, target_met_but_not_rated_a ...)';
comment on column v_data_quality_findings.message is '内容 what was expected and what was found, in English';
comment on column v_data_quality_findings.raw_text is '原文 the cell''s text as the sheet shows it, when there is one';
comment on column v_data_quality_findings.load_run_id is '取込実行ID the load run (etl_load_runs.load_run_id) that read the file or loaded the figure';
