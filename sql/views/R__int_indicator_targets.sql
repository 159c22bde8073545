-- int_indicator_targets: the target (目標値) of each indicator (and sub-row) for each fiscal year, as
-- the latest current sheet reports it (a later evaluation may revise a target): the one definition
-- of an indicator's targets, which v_indicator_progress and v_data_quality_findings read. value is
-- null when the sheet prints no number (※, 調査・研究); the final target is the latest year's.
create or replace view int_indicator_targets as

select * exclude (recency)
from (
    select
        v.*,
        row_number() over (
            partition by v.municipality_code, v.plan_id, v.owner_code, v.indicator_no, v.sub_label, v.fiscal_year
            order by v.reported_fiscal_year desc
        ) as recency
    from cur_indicator_values as v
    where v.value_kind = 'target'
)
where recency = 1;

comment on view int_indicator_targets is 'internal model: each indicator''s target per fiscal year as the latest current sheet reports it, which the v_ views read';
