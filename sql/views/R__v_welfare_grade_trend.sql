-- v_welfare_grade_trend: one row per municipality, welfare project (事業) and fiscal year graded (R3,
-- R4, R5): the grade the overview table (評価一覧) prints, the grade of the project's own sheet for
-- the years it evaluates, and, for that year and grade, how many of the municipality's projects got
-- it and their share of the year (one decimal, adding up to 100.0 over A, B and C).
-- The logic lives in calc_welfare_grade_trend; its result is kept in the table mart_welfare_grade_trend, refreshed in the
-- transaction that publishes a run (jp.evalsheet.load.Marts), and v_welfare_grade_trend reads that table, so
-- analysts and BI tools do not pay for the computation on every query.
create or replace view calc_welfare_grade_trend as

with

municipalities as (
    select * from dim_municipalities
),

overview as (
    select o.*
    from cur_overview_grades as o
    where o.grade is not null
),

sheets as (
    select s.municipality_code, s.owner_code, s.evaluation_fiscal_year, s.status, s._source_file, s._sheet_name, s._cell
    from cur_statuses as s
    where s.category = '福祉事業評価'
),

items as (
    select i.municipality_code, i.owner_code, arg_max(i.item_name, i.evaluation_fiscal_year) as project_name
    from cur_plan_items as i
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
comment on column v_welfare_grade_trend.municipality_code is '団体コード municipality: the 6-digit 全国地方公共団体コード (朝霞市 = 112275); joins dim_municipalities';
comment on column v_welfare_grade_trend.municipality_name is '団体名 municipality name, from dim_municipalities (null when a run gave only the code)';
comment on column v_welfare_grade_trend.owner_code is '事業コード welfare project: 施策の方向性 and 事業 numbers, (1)② = 1-2';
comment on column v_welfare_grade_trend.basic_goal_no is '基本目標 number of the basic goal of the welfare plan';
comment on column v_welfare_grade_trend.direction_no is '施策の方向性 number of the policy direction （１）..（１７）';
comment on column v_welfare_grade_trend.direction_name is '施策の方向性 name of the policy direction, as the overview prints it';
comment on column v_welfare_grade_trend.project_no is '事業番号 number of the project within its direction (② = 2)';
comment on column v_welfare_grade_trend.project_name is '事業名 project name as its own sheet prints it, else as the overview does';
comment on column v_welfare_grade_trend.fiscal_year is '年度 year graded (R3-R5), Gregorian year of its April (R5 = 2023)';
comment on column v_welfare_grade_trend.grade is '評価一覧の評価 grade the overview table prints: A, B or C';
comment on column v_welfare_grade_trend.sheet_grade is '評価シートの評価 grade of the project''s own sheet for that year; null when no sheet evaluates that year';
comment on column v_welfare_grade_trend.grade_count is '件数 number of the municipality''s projects with the same overview grade that year';
comment on column v_welfare_grade_trend.year_total_count is '合計 number of projects graded that year';
comment on column v_welfare_grade_trend.grade_share_percent is '割合 share of the grade that year in percent, one decimal, adding up to 100.0 over A, B and C';
comment on column v_welfare_grade_trend._source_file is '提出ファイル source file the figure was read from (lineage)';
comment on column v_welfare_grade_trend._sheet_name is 'シート名 sheet the figure was read from (lineage)';
comment on column v_welfare_grade_trend._cell is 'セル cell (A1) that shows the figure (lineage)';
