-- v_policy_rating_share: one row per municipality, evaluation year, rating kind (progress 進捗状況 /
-- necessity 必要性) and rating 1..4: how many of the municipality's policies got it and their share
-- in percent, rounded to one decimal by the largest-remainder method so that the shares of a
-- municipality, year and kind add up to 100.0.
create or replace view v_policy_rating_share as

with

shares as (
    select * from v_grade_shares
    where plan_id = 'comprehensive_plan' and category in ('施策進捗', '施策必要性')
),

final as (
    select
        municipality_code,
        municipality_name,
        evaluation_fiscal_year,
        case category when '施策進捗' then 'progress' else 'necessity' end as rating_kind,
        cast(status as integer) as rating,
        status_count as policy_count,
        total_count,
        share_percent
    from shares
)

select * from final;

comment on view v_policy_rating_share is '施策の進捗状況・必要性の割合: one row per municipality, evaluation year, rating kind and rating 1-4: how many policies got it and their share';
