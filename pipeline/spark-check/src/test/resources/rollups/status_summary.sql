-- v_status_summary in Spark SQL, from the exported facts and dimensions: per municipality, plan,
-- category, evaluation year and status of its scale, the count and the share rounded to one decimal
-- by largest remainder, so that the shares add up to 100.0 as the city prints them
-- (KPI A 9 = 33.3, B 11 = 40.8, C 7 = 25.9 of 27). The same logic as sql/views/R__v_grade_shares.sql.
with

published as (
    select sheet_load_id from v_current_sheet_loads
),

policy_ratings as (
    select
        r.municipality_code,
        'comprehensive_plan' as plan_id,
        case r.rating_kind when 'progress' then '施策進捗' else '施策必要性' end as category,
        r.evaluation_fiscal_year,
        cast(r.rating as string) as status,
        r.rating_label as status_label
    from fct_policy_ratings as r
    inner join published as p on p.sheet_load_id = r._sheet_load_id
),

statuses as (
    select s.municipality_code, s.plan_id, s.category, s.evaluation_fiscal_year, s.status, s.status_label
    from fct_statuses as s
    inner join published as p on p.sheet_load_id = s._sheet_load_id
),

overview_grades as (
    select
        o.municipality_code, o.plan_id, '福祉事業評価（評価一覧）' as category, o.fiscal_year as evaluation_fiscal_year,
        o.grade as status, cast(null as string) as status_label
    from fct_overview_grades as o
    inner join published as p on p.sheet_load_id = o._sheet_load_id
    where o.grade is not null
),

graded as (
    select * from policy_ratings
    union all
    select * from statuses
    union all
    select * from overview_grades
),

frame as (
    select g.municipality_code, g.plan_id, g.category, g.evaluation_fiscal_year, s.status, s.status_label, s.sort_order
    from (select distinct municipality_code, plan_id, category, evaluation_fiscal_year from graded) as g
    inner join dim_status_scales as s on s.plan_id = g.plan_id and s.category = g.category
),

counts as (
    select municipality_code, plan_id, category, evaluation_fiscal_year, status,
        max(status_label) as status_label, count(*) as status_count
    from graded
    group by municipality_code, plan_id, category, evaluation_fiscal_year, status
),

counted as (
    select
        f.municipality_code, f.plan_id, f.category, f.evaluation_fiscal_year, f.status,
        coalesce(f.status_label, c.status_label) as status_label, f.sort_order,
        coalesce(c.status_count, 0) as status_count
    from frame as f
    left join counts as c
        on c.municipality_code = f.municipality_code and c.plan_id = f.plan_id and c.category = f.category
        and c.evaluation_fiscal_year = f.evaluation_fiscal_year and c.status = f.status
),

with_totals as (
    select *, sum(status_count) over (partition by municipality_code, plan_id, category, evaluation_fiscal_year) as total_count
    from counted
),

floored as (
    select
        *,
        case when total_count > 0 then (status_count * 1000) div total_count end as floor_tenths,
        case when total_count > 0 then (status_count * 1000) % total_count end as remainder
    from with_totals
),

apportioned as (
    select
        *,
        1000 - sum(floor_tenths) over (partition by municipality_code, plan_id, category, evaluation_fiscal_year)
            as missing_tenths,
        row_number() over (
            partition by municipality_code, plan_id, category, evaluation_fiscal_year
            order by remainder desc nulls last, sort_order
        ) as remainder_rank
    from floored
)

select
    a.municipality_code,
    m.municipality_name,
    a.plan_id as plan,
    p.plan_name,
    a.category,
    a.evaluation_fiscal_year,
    a.status,
    a.status_label,
    cast(a.status_count as int) as status_count,
    cast(a.total_count as int) as total_count,
    case
        when a.total_count > 0 then cast(
            (a.floor_tenths + case when a.remainder_rank <= a.missing_tenths then 1 else 0 end) / 10.0 as decimal(4, 1))
    end as share_percent,
    a.sort_order
from apportioned as a
left join dim_municipalities as m on m.municipality_code = a.municipality_code
left join dim_plans as p on p.plan_id = a.plan_id
