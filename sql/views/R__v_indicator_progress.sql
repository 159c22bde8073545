-- v_indicator_progress: one row per indicator per fiscal year with a reported value: the actual
-- (実績) when one was reported, else the forecast (見込み), from the latest report; beside it the
-- target for that year if the plan sets one, else the final target, and value ÷ target.
-- value is null (and value_text holds the token) when the sheet shows no number.
create or replace view v_indicator_progress as

with

published as (
    select sheet_load_id from etl_sheet_loads where status = 'published'
),

plans as (
    select * from dim_plans
),

indicator_values as (
    select v.*
    from fct_indicator_values as v
    inner join published as p on p.sheet_load_id = v._sheet_load_id
),

latest_definitions as (
    select *
    from (
        select
            i.*,
            row_number() over (
                partition by i.plan_id, i.owner_code, i.indicator_no order by i.evaluation_fiscal_year desc
            ) as recency
        from fct_indicators as i
        inner join published as p on p.sheet_load_id = i._sheet_load_id
    )
    where recency = 1
),

reported as (
    select *
    from (
        select
            *,
            row_number() over (
                partition by plan_id, owner_code, indicator_no, fiscal_year
                order by (value_kind = 'actual') desc, reported_fiscal_year desc
            ) as preference
        from indicator_values
        where value_kind in ('actual', 'forecast')
    )
    where preference = 1
),

targets as (
    select *
    from (
        select
            *,
            row_number() over (
                partition by plan_id, owner_code, indicator_no, fiscal_year order by reported_fiscal_year desc
            ) as recency
        from indicator_values
        where value_kind = 'target'
    )
    where recency = 1
),

final_targets as (
    select *
    from (
        select
            *,
            row_number() over (partition by plan_id, owner_code, indicator_no order by fiscal_year desc) as lateness
        from targets
    )
    where lateness = 1
),

final as (
    select
        r.plan_id as plan,
        pl.plan_name,
        r.owner_code,
        r.indicator_no,
        d.indicator_name,
        d.unit,
        r.fiscal_year,
        r.value_kind,
        r.value,
        case when r.value is null then r._raw_text end as value_text,
        coalesce(same_year.value, final_target.value) as target_value,
        case when same_year.value is not null then same_year.fiscal_year else final_target.fiscal_year end
            as target_fiscal_year,
        case
            when coalesce(same_year.value, final_target.value) <> 0
                then r.value / coalesce(same_year.value, final_target.value)
        end as achievement_ratio,
        d.is_cumulative,
        r.reported_fiscal_year,
        r._source_file,
        r._sheet_name,
        r._cell
    from reported as r
    inner join latest_definitions as d
        on d.plan_id = r.plan_id and d.owner_code = r.owner_code and d.indicator_no = r.indicator_no
    left join plans as pl on pl.plan_id = r.plan_id
    left join targets as same_year
        on same_year.plan_id = r.plan_id and same_year.owner_code = r.owner_code
        and same_year.indicator_no = r.indicator_no and same_year.fiscal_year = r.fiscal_year
    left join final_targets as final_target
        on final_target.plan_id = r.plan_id and final_target.owner_code = r.owner_code
        and final_target.indicator_no = r.indicator_no
)

select * from final;
