-- v_welfare_grade_trend: one row per municipality, welfare project (事業) and fiscal year graded (R3,
-- R4, R5): the grade the overview table (評価一覧) prints, the grade of the project's own sheet for
-- the years it evaluates, and, for that year and grade, how many of the municipality's projects got
-- it and their share of the year (one decimal, adding up to 100.0 over A, B and C).
-- The logic lives in calc_welfare_grade_trend; its result is kept in the table mart_welfare_grade_trend, refreshed in the
-- transaction that publishes a run (jp.evalsheet.load.Marts), and v_welfare_grade_trend reads that table, so
-- analysts and BI tools do not pay for the computation on every query.
create or replace view calc_welfare_grade_trend as

with

published as (
    select sheet_load_id from etl_sheet_loads where status = 'published'
),

municipalities as (
    select * from dim_municipalities
),

overview as (
    select o.*
    from fct_overview_grades as o
    inner join published as p on p.sheet_load_id = o._sheet_load_id
    where o.grade is not null
),

sheets as (
    select s.municipality_code, s.owner_code, s.evaluation_fiscal_year, s.status, s._source_file, s._sheet_name, s._cell
    from fct_statuses as s
    inner join published as p on p.sheet_load_id = s._sheet_load_id
    where s.category = '福祉事業評価'
),

items as (
    select i.municipality_code, i.owner_code, arg_max(i.item_name, i.evaluation_fiscal_year) as project_name
    from fct_plan_items as i
    inner join published as p on p.sheet_load_id = i._sheet_load_id
    where i.plan_id = 'welfare_plan_4'
    group by i.municipality_code, i.owner_code
),

shares as (
    select * from v_grade_shares
    where plan_id = 'welfare_plan_4' and category = '福祉事業評価（評価一覧）'
),

final as (
    select
        o.municipality_code,
        m.municipality_name,
        o.owner_code,
        o.basic_goal_no,
        o.direction_no,
        o.direction_name,
        o.project_no,
        coalesce(i.project_name, o.project_name) as project_name,
        o.fiscal_year,
        o.grade,
        s.status as sheet_grade,
        sh.status_count as grade_count,
        sh.total_count as year_total_count,
        sh.share_percent as grade_share_percent,
        o._source_file,
        o._sheet_name,
        o._cell
    from overview as o
    left join sheets as s
        on s.municipality_code = o.municipality_code and s.owner_code = o.owner_code
        and s.evaluation_fiscal_year = o.fiscal_year
    left join items as i on i.municipality_code = o.municipality_code and i.owner_code = o.owner_code
    left join shares as sh
        on sh.municipality_code = o.municipality_code and sh.evaluation_fiscal_year = o.fiscal_year
        and sh.status = o.grade
    left join municipalities as m on m.municipality_code = o.municipality_code
)

select * from final;

comment on view calc_welfare_grade_trend is 'internal: the computation of v_welfare_grade_trend; query v_welfare_grade_trend instead';

create or replace table mart_welfare_grade_trend as select * from calc_welfare_grade_trend;

comment on table mart_welfare_grade_trend is 'internal: the rows of v_welfare_grade_trend as of the last published run; query v_welfare_grade_trend instead';

create or replace view v_welfare_grade_trend as select * from mart_welfare_grade_trend;

comment on view v_welfare_grade_trend is '福祉事業評価の推移: one row per municipality, welfare project and graded year: the overview''s grade, the project''s own grade, and that year''s count and share of the grade';
