-- v_policy_rating_share: one row per evaluation year, rating kind (progress 進捗状況 / necessity
-- 必要性) and rating 1..4: how many policies got it and their share in percent, rounded to one
-- decimal by the largest-remainder method so that the shares of a year and kind add up to 100.0.
create or replace view v_policy_rating_share as

with

published as (
    select sheet_load_id from etl_sheet_loads where status = 'published'
),

ratings as (
    select r.*
    from fct_policy_ratings as r
    inner join published as p on p.sheet_load_id = r._sheet_load_id
),

scale as (
    select
        y.evaluation_fiscal_year,
        k.rating_kind,
        s.rating
    from (select distinct evaluation_fiscal_year from ratings) as y
    cross join (values ('progress'), ('necessity')) as k(rating_kind)
    cross join range(1, 5) as s(rating)
),

counted as (
    select
        s.evaluation_fiscal_year,
        s.rating_kind,
        s.rating::integer as rating,
        count(r.policy_code) as policy_count
    from scale as s
    left join ratings as r
        on r.evaluation_fiscal_year = s.evaluation_fiscal_year
        and r.rating_kind = s.rating_kind
        and r.rating = s.rating
    group by s.evaluation_fiscal_year, s.rating_kind, s.rating
),

with_totals as (
    select
        *,
        sum(policy_count) over (partition by evaluation_fiscal_year, rating_kind) as total_count
    from counted
),

-- largest remainder in tenths of a percent: floor every share, then give the tenths still missing
-- to the largest remainders
floored as (
    select
        *,
        case when total_count > 0 then (policy_count * 1000) // total_count end as floor_tenths,
        case when total_count > 0 then (policy_count * 1000) % total_count end as remainder
    from with_totals
),

apportioned as (
    select
        *,
        1000 - sum(floor_tenths) over (partition by evaluation_fiscal_year, rating_kind) as missing_tenths,
        row_number() over (
            partition by evaluation_fiscal_year, rating_kind order by remainder desc, rating
        ) as remainder_rank
    from floored
),

final as (
    select
        evaluation_fiscal_year,
        rating_kind,
        rating,
        policy_count,
        total_count::integer as total_count,
        case
            when total_count > 0
                then ((floor_tenths + case when remainder_rank <= missing_tenths then 1 else 0 end) / 10.0)::decimal(4, 1)
        end as share_percent
    from apportioned
)

select * from final;
