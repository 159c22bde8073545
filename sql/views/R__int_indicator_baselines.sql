-- int_indicator_baselines: the baseline (策定当初) of each indicator (and sub-row), with its own
-- fiscal year, as the latest current sheet reports it: the one definition of an indicator's
-- baseline, which v_indicator_progress and v_data_quality_findings read. value is null when the
-- sheet prints no number; most policy and welfare indicators print no baseline at all.
create or replace view int_indicator_baselines as

select * exclude (recency)
from (
    select
        v.*,
        row_number() over (
            partition by v.municipality_code, v.plan_id, v.owner_code, v.indicator_no, v.sub_label
            order by v.reported_fiscal_year desc
        ) as recency
    from cur_indicator_values as v
    where v.value_kind = 'baseline'
)
where recency = 1;

comment on view int_indicator_baselines is 'internal model: each indicator''s baseline as the latest current sheet reports it, which the v_ views read';
