-- v_indicator_progress: one row per municipality, indicator (and sub-row) and fiscal year with a
-- reported value, for every plan (an indicator is the municipality's own: its plan, owner and
-- number are matched within one municipality): the actual (実績) when one was reported, else the
-- forecast (見込み), from the latest report; beside it the baseline (策定当初), the target for that
-- year if the plan sets one, else the final target, achievement_ratio = value ÷ target and
-- progress_ratio = (value − baseline) ÷ (target − baseline), which also measures indicators that go
-- down (待機児童数 toward 0).
-- higher_is_better is the indicator's direction by the macro of the same name (R__macros.sql: lower is
-- better when the final target is less than half the baseline; null without both numbers), and
-- directed_progress_ratio the progress that honours it: (value − baseline) ÷ |target − baseline|, positive
-- when the value is better than the baseline and negative when worse. It equals progress_ratio except
-- for a target lowered below the baseline of an indicator that goes up, where progress_ratio reads a
-- fall as progress (ふれあい推進事業の参加者数 8,776 -> 5,495 against 7,500: progress_ratio 2.57, the city
-- rates it C; directed_progress_ratio -2.57). is_target_met compares the value with the target in
-- that direction.
-- value is null (and value_text holds the token) when the sheet shows no number; a ratio is null
-- when a number is missing or its denominator is 0.
-- The logic lives in calc_indicator_progress; its result is kept in the table mart_indicator_progress, refreshed in the
-- transaction that publishes a run (jp.evalsheet.load.Marts), and v_indicator_progress reads that table, so
-- analysts and BI tools do not pay for the computation on every query.
create or replace view calc_indicator_progress as

with

plans as (
    select * from dim_plans
),

municipalities as (
    select * from dim_municipalities
),

-- not materialized: each of the three readers scans the table for the columns it needs
-- (pipeline/docs/decisions/0001-indicator-values-not-materialized.md)
indicator_values as not materialized (
    select v.*
    from cur_indicator_values as v
),

latest_definitions as (
    select *
    from (
        select
            i.*,
            row_number() over (
                partition by i.municipality_code, i.plan_id, i.owner_code, i.indicator_no
                order by i.evaluation_fiscal_year desc
            ) as recency
        from cur_indicators as i
    )
    where recency = 1
),

reported as (
    select *
    from (
        select
            *,
            row_number() over (
                partition by municipality_code, plan_id, owner_code, indicator_no, sub_label, fiscal_year
                order by (value_kind = 'actual') desc, reported_fiscal_year desc
            ) as preference
        from indicator_values
        where value_kind in ('actual', 'forecast')
    )
    where preference = 1
),

targets as (
    select * from int_indicator_targets
),

baselines as (
    select * from int_indicator_baselines
),

final_targets as (
    select *
    from (
        select
            *,
            row_number() over (
                partition by municipality_code, plan_id, owner_code, indicator_no, sub_label order by fiscal_year desc
            ) as lateness
        from targets
    )
    where lateness = 1
),

-- the last target with a number, which decides the direction with the baseline
final_numeric_targets as (
    select municipality_code, plan_id, owner_code, indicator_no, sub_label, arg_max(value, fiscal_year) as value
    from targets
    where value is not null
    group by municipality_code, plan_id, owner_code, indicator_no, sub_label
),

with_targets as (
    select
        r.*,
        coalesce(same_year.value, final_target.value) as target_value,
        case when same_year.value is not null then same_year.fiscal_year else final_target.fiscal_year end
            as target_fiscal_year,
        b.value as baseline_value,
        b.fiscal_year as baseline_fiscal_year,
        higher_is_better(b.value, direction_target.value) as higher_is_better
    from reported as r
    left join targets as same_year
        on same_year.municipality_code = r.municipality_code and same_year.plan_id = r.plan_id
        and same_year.owner_code = r.owner_code
        and same_year.indicator_no = r.indicator_no and same_year.sub_label is not distinct from r.sub_label
        and same_year.fiscal_year = r.fiscal_year
    left join final_targets as final_target
        on final_target.municipality_code = r.municipality_code and final_target.plan_id = r.plan_id
        and final_target.owner_code = r.owner_code
        and final_target.indicator_no = r.indicator_no and final_target.sub_label is not distinct from r.sub_label
    left join baselines as b
        on b.municipality_code = r.municipality_code and b.plan_id = r.plan_id and b.owner_code = r.owner_code
        and b.indicator_no = r.indicator_no and b.sub_label is not distinct from r.sub_label
    left join final_numeric_targets as direction_target
        on direction_target.municipality_code = r.municipality_code and direction_target.plan_id = r.plan_id
        and direction_target.owner_code = r.owner_code and direction_target.indicator_no = r.indicator_no
        and direction_target.sub_label is not distinct from r.sub_label
),

final as (
    select
        r.municipality_code,
        m.municipality_name,
        r.plan_id as plan,
        pl.plan_name,
        d.indicator_category,
        r.owner_code,
        r.indicator_no,
        d.indicator_name,
        r.sub_label,
        d.unit,
        r.fiscal_year,
        r.value_kind,
        r.value,
        case when r.value is null then r._raw_text end as value_text,
        r.baseline_value,
        r.baseline_fiscal_year,
        r.target_value,
        r.target_fiscal_year,
        ratio(r.value, r.target_value) as achievement_ratio,
        ratio(r.value - r.baseline_value, r.target_value - r.baseline_value) as progress_ratio,
        r.higher_is_better,
        ratio(
            (r.value - r.baseline_value) * case when r.higher_is_better then 1 when not r.higher_is_better then -1 end,
            abs(r.target_value - r.baseline_value)
        ) as directed_progress_ratio,
        case when r.higher_is_better then r.value >= r.target_value
            when not r.higher_is_better then r.value <= r.target_value end as is_target_met,
        d.is_cumulative,
        r.is_year_inferred,
        r.reported_fiscal_year,
        r._source_file,
        r._sheet_name,
        r._cell
    from with_targets as r
    inner join latest_definitions as d
        on d.municipality_code = r.municipality_code and d.plan_id = r.plan_id and d.owner_code = r.owner_code
        and d.indicator_no = r.indicator_no
    left join plans as pl on pl.plan_id = r.plan_id
    left join municipalities as m on m.municipality_code = r.municipality_code
)

select * from final;

comment on view calc_indicator_progress is 'internal: the computation of v_indicator_progress; query v_indicator_progress instead';

create or replace table mart_indicator_progress as select * from calc_indicator_progress;

comment on table mart_indicator_progress is 'internal: the rows of v_indicator_progress as of the last published run; query v_indicator_progress instead';

create or replace view v_indicator_progress as select * from mart_indicator_progress;

comment on view v_indicator_progress is '指標の進捗: one row per municipality, indicator (and sub-row) and fiscal year: the value beside baseline and target, with achievement and progress ratios, the indicator''s direction and the progress in that direction';
comment on column v_indicator_progress.municipality_code is '団体コード municipality: the 6-digit 全国地方公共団体コード (朝霞市 = 112275); joins dim_municipalities';
comment on column v_indicator_progress.municipality_name is '団体名 municipality name, from dim_municipalities (null when a run gave only the code)';
comment on column v_indicator_progress.plan is '計画 plan: comprehensive_plan (総合計画 後期基本計画), regional_strategy_2 (総合戦略) or welfare_plan_4 (地域福祉計画); joins dim_plans.plan_id';
comment on column v_indicator_progress.plan_name is '計画名 plan name, from dim_plans';
comment on column v_indicator_progress.indicator_category is '指標区分 indicator category: 施策指標 (policy sheets), 数値目標 or KPI (strategy), 福祉事業指標 (welfare)';
comment on column v_indicator_progress.owner_code is '所属コード owner of the indicator: the policy (611), the basic goal (1) or measure (1-ア) of the strategy, the welfare project (1-2)';
comment on column v_indicator_progress.indicator_no is '指標番号 number of the indicator within its owner (指標1, KPI ①); with municipality_code, plan and owner_code joins dim_indicators';
comment on column v_indicator_progress.indicator_name is '指標名 indicator name without its unit, from the latest report';
comment on column v_indicator_progress.sub_label is '内訳 sub-row of a two-row indicator (啓発 / 研修); null for the others';
comment on column v_indicator_progress.unit is '単位 unit of the indicator (人, 件, %)';
comment on column v_indicator_progress.fiscal_year is '年度 fiscal year of the value, the Gregorian year of its April (R4 = 2022); joins dim_fiscal_years';
comment on column v_indicator_progress.value_kind is '値の種類 actual (実績) when one was reported for the year, else forecast (見込み)';
comment on column v_indicator_progress.value is '実績値 the actual or forecast value; null when the sheet shows no number (see value_text)';
comment on column v_indicator_progress.value_text is '原文 the printed token when it is not a number (-, ※ not surveyed, 中止 cancelled, 調査・研究 a milestone); null when value is a number';
comment on column v_indicator_progress.baseline_value is '策定当初 baseline value of the plan (the strategy''s 策定当初); null when the sheet prints none (policy and welfare sheets)';
comment on column v_indicator_progress.baseline_fiscal_year is '策定当初の年度 fiscal year of the baseline (R1 = 2019)';
comment on column v_indicator_progress.target_value is '目標値 target value: the target of the same year if the plan sets one, else the final one (the printed 目標値 of the target year)';
comment on column v_indicator_progress.target_fiscal_year is '目標年度 fiscal year of that target (R7 = 2025)';
comment on column v_indicator_progress.achievement_ratio is '達成率 value ÷ target (1.0 = target reached for an indicator that goes up); null when a number is missing or the target is 0. Not direction-aware: see is_target_met';
comment on column v_indicator_progress.progress_ratio is '進捗率 (value − baseline) ÷ (target − baseline), 0 at the baseline and 1.0 at the target; reads a fall as progress when a target was lowered below the baseline of an indicator that goes up (ふれあい推進事業 2.57): use directed_progress_ratio';
comment on column v_indicator_progress.higher_is_better is '指標の方向 direction: true when a higher value is better, false when lower is better (final target less than half the baseline, 待機児童数 44 → 0), null without a numeric baseline and final target';
comment on column v_indicator_progress.directed_progress_ratio is '方向を考慮した進捗率 (value − baseline) ÷ |target − baseline| in the indicator''s direction: positive better than the baseline, negative worse (ふれあい推進事業 8,776 → 5,495: −2.57); equals progress_ratio unless the target was lowered; null when higher_is_better is null';
comment on column v_indicator_progress.is_target_met is '目標達成 the value reaches the target in the indicator''s direction (≥ when higher is better, ≤ when lower); null when a number or the direction is missing';
comment on column v_indicator_progress.is_cumulative is '累計 true when the indicator counts a running total (its name says 累計)';
comment on column v_indicator_progress.is_year_inferred is '年度の推定 true when the value was typed once in a cell merged over several years and repeated for each';
comment on column v_indicator_progress.reported_fiscal_year is '報告年度 evaluation year of the report the value comes from (the latest report wins)';
comment on column v_indicator_progress._source_file is '提出ファイル source file the value was read from (lineage)';
comment on column v_indicator_progress._sheet_name is 'シート名 sheet the value was read from (lineage)';
comment on column v_indicator_progress._cell is 'セル cell (A1) that shows the value (lineage)';
