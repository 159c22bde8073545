-- v_project_cost_trend: one row per municipality, project, policy that lists it with its costs,
-- and fiscal year: the cost from the best report (settled over forecast, then the latest report), with the
-- change from the previous fiscal year. 【再掲】 listings carry no cost and are left out.
-- The logic lives in calc_project_cost_trend; its result is kept in the table mart_project_cost_trend, refreshed in the
-- transaction that publishes a run (jp.evalsheet.load.Marts), and v_project_cost_trend reads that table, so
-- analysts and BI tools do not pay for the computation on every query.
create or replace view calc_project_cost_trend as

with

municipalities as (
    select * from dim_municipalities
),

costs as (
    select c.*
    from cur_project_costs as c
    where not c.is_relisted
),

ranked as (
    select
        *,
        row_number() over (
            partition by municipality_code, policy_code, project_name, fiscal_year
            order by (cost_basis = 'settled') desc, reported_fiscal_year desc
        ) as preference
    from costs
),

chosen as (
    select
        *,
        lag(fiscal_year) over (
            partition by municipality_code, policy_code, project_name order by fiscal_year
        ) as previous_fiscal_year,
        lag(cost_thousand_yen) over (
            partition by municipality_code, policy_code, project_name order by fiscal_year
        ) as previous_cost
    from ranked
    where preference = 1
),

final as (
    select
        c.municipality_code,
        m.municipality_name,
        c.policy_code,
        c.project_name,
        c.fiscal_year,
        c.cost_thousand_yen,
        c.cost_basis,
        yoy_change(c.cost_thousand_yen, c.previous_cost, c.fiscal_year, c.previous_fiscal_year) as yoy_change_thousand_yen,
        yoy_ratio(c.cost_thousand_yen, c.previous_cost, c.fiscal_year, c.previous_fiscal_year) as yoy_change_ratio,
        c.reported_fiscal_year,
        c._raw_text,
        c._source_file,
        c._sheet_name,
        c._cell
    from chosen as c
    left join municipalities as m on m.municipality_code = c.municipality_code
)

select * from final;

comment on view calc_project_cost_trend is 'internal: the computation of v_project_cost_trend; query v_project_cost_trend instead';

create or replace table mart_project_cost_trend as select * from calc_project_cost_trend;

comment on table mart_project_cost_trend is 'internal: the rows of v_project_cost_trend as of the last published run; query v_project_cost_trend instead';

create or replace view v_project_cost_trend as select * from mart_project_cost_trend;

comment on view v_project_cost_trend is '事務事業別コスト推移: one row per municipality, policy, project and fiscal year: the cost from the best report with the change from the previous year';
comment on column v_project_cost_trend.municipality_code is '団体コード municipality: the 6-digit 全国地方公共団体コード (朝霞市 = 112275); joins dim_municipalities';
comment on column v_project_cost_trend.municipality_name is '団体名 municipality name, from dim_municipalities (null when a run gave only the code)';
comment on column v_project_cost_trend.policy_code is '施策コード policy code (3 digits, 611); with municipality_code and plan_id joins dim_policies';
comment on column v_project_cost_trend.project_name is '事務事業名 project name; with municipality_code joins dim_projects';
comment on column v_project_cost_trend.fiscal_year is '年度 fiscal year, the Gregorian year of its April (R4 = 2022); joins dim_fiscal_years';
comment on column v_project_cost_trend.cost_thousand_yen is '総コスト total cost (事業費+人件費) in thousand yen (千円) of the project, from the best report (settled over forecast, then the latest); null when printed -';
comment on column v_project_cost_trend.cost_basis is '決算・決算見込み cost basis: settled (決算) or forecast (決算見込み)';
comment on column v_project_cost_trend.yoy_change_thousand_yen is '前年度比増減 change from the previous fiscal year in thousand yen; null when that year is missing';
comment on column v_project_cost_trend.yoy_change_ratio is '前年度比増減率 change from the previous fiscal year as a ratio of its cost (0.1 = +10 %); null when that year is missing or its cost is 0';
comment on column v_project_cost_trend.reported_fiscal_year is '報告年度 evaluation year of the report the figure comes from (the FY2023 sheet settles the FY2022 cost)';
comment on column v_project_cost_trend._raw_text is '原文 the cell''s text exactly as the sheet shows it (lineage)';
comment on column v_project_cost_trend._source_file is '提出ファイル source file the figure was read from (lineage)';
comment on column v_project_cost_trend._sheet_name is 'シート名 sheet the figure was read from (lineage)';
comment on column v_project_cost_trend._cell is 'セル cell (A1) that shows the figure (lineage)';
