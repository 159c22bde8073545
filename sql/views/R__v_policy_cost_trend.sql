-- v_policy_cost_trend: one row per municipality, policy and fiscal year: total cost (thousand yen)
-- of its own projects, settled preferred over forecast, re-listed (【再掲】) projects excluded, with the change
-- from the previous fiscal year (null when that year is missing or its cost is 0).
create or replace view v_policy_cost_trend as

with

policy_costs as (
    select * from v_annual_policy_costs
),

with_previous as (
    select
        *,
        lag(fiscal_year) over (
            partition by municipality_code, plan_id, policy_code order by fiscal_year
        ) as previous_fiscal_year,
        lag(cost_thousand_yen) over (
            partition by municipality_code, plan_id, policy_code order by fiscal_year
        ) as previous_cost
    from policy_costs
),

final as (
    select
        municipality_code,
        municipality_name,
        policy_code,
        policy_name,
        department_name,
        fiscal_year,
        cost_thousand_yen,
        cost_basis,
        yoy_change(cost_thousand_yen, previous_cost, fiscal_year, previous_fiscal_year) as yoy_change_thousand_yen,
        yoy_ratio(cost_thousand_yen, previous_cost, fiscal_year, previous_fiscal_year) as yoy_change_ratio,
        reported_fiscal_year,
        project_count,
        plan_id
    from with_previous
)

select * from final;

comment on view v_policy_cost_trend is '施策別コスト推移: one row per municipality, policy and fiscal year: total cost of its own projects with the change from the previous year';
comment on column v_policy_cost_trend.municipality_code is '団体コード municipality: the 6-digit 全国地方公共団体コード (朝霞市 = 112275); joins dim_municipalities';
comment on column v_policy_cost_trend.municipality_name is '団体名 municipality name, from dim_municipalities (null when a run gave only the code)';
comment on column v_policy_cost_trend.policy_code is '施策コード policy code (3 digits, 611); with municipality_code and plan_id joins dim_policies';
comment on column v_policy_cost_trend.policy_name is '施策名 policy name as the chosen report prints it';
comment on column v_policy_cost_trend.department_name is '担当課 department in charge of the policy, as the chosen report prints it';
comment on column v_policy_cost_trend.fiscal_year is '年度 fiscal year, the Gregorian year of its April (R4 = 2022); joins dim_fiscal_years';
comment on column v_policy_cost_trend.cost_thousand_yen is '総コスト total cost (事業費+人件費) in thousand yen (千円) of the policy''s own projects, settled preferred over forecast, 【再掲】 rows excluded';
comment on column v_policy_cost_trend.cost_basis is '決算・決算見込み cost basis: settled (決算) or forecast (決算見込み)';
comment on column v_policy_cost_trend.yoy_change_thousand_yen is '前年度比増減 change from the previous fiscal year in thousand yen; null when that year is missing';
comment on column v_policy_cost_trend.yoy_change_ratio is '前年度比増減率 change from the previous fiscal year as a ratio of its cost (0.1 = +10 %); null when that year is missing or its cost is 0';
comment on column v_policy_cost_trend.reported_fiscal_year is '報告年度 evaluation year of the report the figure comes from (the FY2023 sheet settles the FY2022 cost)';
comment on column v_policy_cost_trend.project_count is '事務事業数 number of the policy''s own projects (not 【再掲】) in the chosen report';
comment on column v_policy_cost_trend.plan_id is '計画 plan: comprehensive_plan (総合計画 後期基本計画), regional_strategy_2 (総合戦略) or welfare_plan_4 (地域福祉計画); joins dim_plans.plan_id';
