-- v_department_cost_trend: one row per municipality, owning department (担当課) and fiscal year: the
-- total cost of the policies it owns in that municipality, settled preferred over forecast, re-listed projects counted once.
-- cost_basis is forecast when any policy's figure for that year is still a forecast.
create or replace view v_department_cost_trend as

with

policy_costs as (
    select * from v_annual_policy_costs
),

department_years as (
    select
        municipality_code,
        any_value(municipality_name) as municipality_name,
        department_name,
        fiscal_year,
        sum(cost_thousand_yen) as cost_thousand_yen,
        case when bool_or(cost_basis = 'forecast') then 'forecast' else 'settled' end as cost_basis,
        count(*) as policy_count
    from policy_costs
    group by municipality_code, department_name, fiscal_year
),

with_previous as (
    select
        *,
        lag(fiscal_year) over (partition by municipality_code, department_name order by fiscal_year) as previous_fiscal_year,
        lag(cost_thousand_yen) over (partition by municipality_code, department_name order by fiscal_year) as previous_cost
    from department_years
),

final as (
    select
        municipality_code,
        municipality_name,
        department_name,
        fiscal_year,
        cost_thousand_yen,
        cost_basis,
        yoy_change(cost_thousand_yen, previous_cost, fiscal_year, previous_fiscal_year) as yoy_change_thousand_yen,
        yoy_ratio(cost_thousand_yen, previous_cost, fiscal_year, previous_fiscal_year) as yoy_change_ratio,
        policy_count
    from with_previous
)

select * from final;

comment on view v_department_cost_trend is '担当課別コスト推移: one row per municipality, owning department (担当課) and fiscal year: total cost of its policies with the change from the previous year';
comment on column v_department_cost_trend.municipality_code is '団体コード municipality: the 6-digit 全国地方公共団体コード (朝霞市 = 112275); joins dim_municipalities';
comment on column v_department_cost_trend.municipality_name is '団体名 municipality name, from dim_municipalities (null when a run gave only the code)';
comment on column v_department_cost_trend.department_name is '担当課 owning department; with municipality_code joins dim_departments';
comment on column v_department_cost_trend.fiscal_year is '年度 fiscal year, the Gregorian year of its April (R4 = 2022); joins dim_fiscal_years';
comment on column v_department_cost_trend.cost_thousand_yen is '総コスト total cost (事業費+人件費) in thousand yen (千円), summed over the policies the department owns';
comment on column v_department_cost_trend.cost_basis is '決算・決算見込み cost basis: settled (決算) or forecast (決算見込み); forecast while any policy''s figure for the year is';
comment on column v_department_cost_trend.yoy_change_thousand_yen is '前年度比増減 change from the previous fiscal year in thousand yen; null when that year is missing';
comment on column v_department_cost_trend.yoy_change_ratio is '前年度比増減率 change from the previous fiscal year as a ratio of its cost (0.1 = +10 %); null when that year is missing or its cost is 0';
comment on column v_department_cost_trend.policy_count is '施策数 number of the department''s policies with a cost that year';
