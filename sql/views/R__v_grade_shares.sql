-- v_grade_shares: one row per municipality, plan, category, evaluation year and status of its
-- scale: how many of the municipality's items got that status and their share in percent, rounded
-- to one decimal by the largest remainder method so that the shares of a municipality, plan,
-- category and year add up to exactly 100.0, the way the city prints them (11 of 27 is 40.74 %,
-- printed 40.8 so that 33.3 + 40.8 + 25.9 = 100.0).
-- Categories: 施策進捗 and 施策必要性 (policy ratings 1-4), 数値目標 and KPI (strategy), 福祉事業評価
-- (each welfare project's own sheet) and 福祉事業評価（評価一覧） (the overview table, one year each for
-- R3, R4, R5; its evaluation_fiscal_year is the year graded).
-- The base of v_policy_rating_share and v_status_summary.
-- The logic lives in calc_grade_shares; its result is kept in the table mart_grade_shares, refreshed in the
-- transaction that publishes a run (jp.evalsheet.load.Marts), and v_grade_shares reads that table, so
-- analysts and BI tools do not pay for the computation on every query.
create or replace view calc_grade_shares as

with

municipalities as (
    select * from dim_municipalities
),

policy_ratings as (
    select
        r.municipality_code,
        'comprehensive_plan' as plan_id,
        case r.rating_kind when 'progress' then '施策進捗' else '施策必要性' end as category,
        r.evaluation_fiscal_year,
        cast(r.rating as varchar) as status,
        r.rating_label as status_label
    from cur_policy_ratings as r
),

statuses as (
    select s.municipality_code, s.plan_id, s.category, s.evaluation_fiscal_year, s.status, s.status_label
    from cur_statuses as s
),

overview_grades as (
    select
        o.municipality_code, o.plan_id, '福祉事業評価（評価一覧）' as category, o.fiscal_year, o.grade,
        null as status_label
    from cur_overview_grades as o
    where o.grade is not null
),

graded as (
    select * from policy_ratings
    union all
    select * from statuses
    union all
    select * from overview_grades
),

scales as (
    select * from dim_status_scales
),

-- every status of the scale for each municipality, plan, category and year graded, so that a
-- status nobody got is counted 0
frame as (
    select
        g.municipality_code,
        g.plan_id,
        g.category,
        g.evaluation_fiscal_year,
        s.status,
        s.status_label,
        s.sort_order
    from (select distinct municipality_code, plan_id, category, evaluation_fiscal_year from graded) as g
    inner join scales as s on s.plan_id = g.plan_id and s.category = g.category
),

-- counted by an equality join on the whole key (a status outside the scale is not counted)
counts as (
    select municipality_code, plan_id, category, evaluation_fiscal_year, status,
        max(status_label) as status_label, count(*) as status_count
    from graded
    group by municipality_code, plan_id, category, evaluation_fiscal_year, status
),

counted as (
    select
        f.municipality_code,
        f.plan_id,
        f.category,
        f.evaluation_fiscal_year,
        f.status,
        coalesce(f.status_label, c.status_label) as status_label,
        f.sort_order,
        coalesce(c.status_count, 0) as status_count
    from frame as f
    left join counts as c
        on c.municipality_code = f.municipality_code and c.plan_id = f.plan_id and c.category = f.category
        and c.evaluation_fiscal_year = f.evaluation_fiscal_year and c.status = f.status
),

with_totals as (
    select
        *,
        sum(status_count) over (partition by municipality_code, plan_id, category, evaluation_fiscal_year) as total_count
    from counted
),

-- largest remainder in tenths of a percent: floor every share, then give the tenths still missing
-- to the largest remainders (ties to the status printed first)
floored as (
    select
        *,
        case when total_count > 0 then (status_count * 1000) // total_count end as floor_tenths,
        case when total_count > 0 then (status_count * 1000) % total_count end as remainder
    from with_totals
),

apportioned as (
    select
        *,
        1000 - sum(floor_tenths) over (
            partition by municipality_code, plan_id, category, evaluation_fiscal_year
        ) as missing_tenths,
        row_number() over (
            partition by municipality_code, plan_id, category, evaluation_fiscal_year order by remainder desc, sort_order
        ) as remainder_rank
    from floored
),

final as (
    select
        a.municipality_code,
        m.municipality_name,
        a.plan_id,
        a.category,
        a.evaluation_fiscal_year,
        a.status,
        a.status_label,
        a.status_count::integer as status_count,
        a.total_count::integer as total_count,
        case
            when a.total_count > 0 then (
                (a.floor_tenths + case when a.remainder_rank <= a.missing_tenths then 1 else 0 end) / 10.0
            )::decimal(4, 1)
        end as share_percent,
        a.sort_order
    from apportioned as a
    left join municipalities as m on m.municipality_code = a.municipality_code
)

select * from final;

comment on view calc_grade_shares is 'internal: the computation of v_grade_shares; query v_grade_shares instead';

create or replace table mart_grade_shares as select * from calc_grade_shares;

comment on table mart_grade_shares is 'internal: the rows of v_grade_shares as of the last published run; query v_grade_shares instead';

create or replace view v_grade_shares as select * from mart_grade_shares;

comment on view v_grade_shares is '評価区分の件数と割合: one row per municipality, plan, category, evaluation year and status: count and share in percent (one decimal, adding up to 100.0)';
comment on column v_grade_shares.municipality_code is '団体コード municipality: the 6-digit 全国地方公共団体コード (朝霞市 = 112275); joins dim_municipalities';
comment on column v_grade_shares.municipality_name is '団体名 municipality name, from dim_municipalities (null when a run gave only the code)';
comment on column v_grade_shares.plan_id is '計画 plan: comprehensive_plan (総合計画 後期基本計画), regional_strategy_2 (総合戦略) or welfare_plan_4 (地域福祉計画); joins dim_plans.plan_id';
comment on column v_grade_shares.category is '区分 category: 数値目標, KPI, 福祉事業評価 (the projects'' own sheets), 福祉事業評価（評価一覧） (the overview table), 施策進捗 or 施策必要性 (policy ratings)';
comment on column v_grade_shares.evaluation_fiscal_year is '評価年度 evaluation year of the sheet (Gregorian year of its April, R4 = 2022); joins dim_fiscal_years.fiscal_year; for the overview, the year graded';
comment on column v_grade_shares.status is '評価 status: A, B or C; 1 to 4 for the policy ratings';
comment on column v_grade_shares.status_label is '評価の説明 label of the status as printed on the scale (目標達成（見込み）), from dim_status_scales or the sheets';
comment on column v_grade_shares.status_count is '件数 number of items with the status (0 when none got it)';
comment on column v_grade_shares.total_count is '合計 number of rated items of the municipality, plan, category and year';
comment on column v_grade_shares.share_percent is '割合 share in percent, one decimal, rounded by largest remainder so that a group adds up to exactly 100.0, as the city prints it (KPI B 11 of 27 = 40.8)';
comment on column v_grade_shares.sort_order is '表示順 position of the status on its scale (A = 1, rating 1 = 1), for sorting';
