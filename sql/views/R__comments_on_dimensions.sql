-- Comments on the dimensions (dim_*), table and columns, in Japanese and English, for the catalogues of
-- BI tools (DBeaver, Metabase show them; DuckDB's JDBC driver returns them as REMARKS). The dimensions
-- are created by the versioned migrations and never dropped: the job rebuilds the subject dimensions by
-- deleting and inserting their rows (RunPublisher), which keeps these comments. Repeatable, so that a
-- comment can be corrected here; a column added to a dimension needs its comment here too (the build
-- fails without it: WarehouseCatalogueIntegrationTests).

comment on table dim_fiscal_years is '年度 fiscal years: one row per fiscal year (April to March), key fiscal_year, with the era labels the sheets use (R4 = 2022)';
comment on column dim_fiscal_years.fiscal_year is '年度 fiscal year, the Gregorian year of its April (R4 = 2022); primary key';
comment on column dim_fiscal_years.era_label is '年度略称 era label as the sheets abbreviate it (R4, H31)';
comment on column dim_fiscal_years.wareki_label is '和暦 Japanese-era label (令和4年度, 令和元年度)';

comment on table dim_plans is '計画 plans: one row per plan whose sheets the warehouse reads, key plan_id';
comment on column dim_plans.plan_id is '計画ID plan id (comprehensive_plan, regional_strategy_2, welfare_plan_4); primary key';
comment on column dim_plans.plan_name is '計画名 plan name (総合計画 後期基本計画, 第２期まち・ひと・しごと創生総合戦略, 第４期地域福祉計画・地域福祉活動計画)';
comment on column dim_plans.sheet_family is 'シート種別 sheet family of the plan''s evaluation sheets (policy_evaluation, strategy_kpi, welfare_progress)';

comment on table dim_status_scales is '評価区分 status scales: one row per plan, category and status, key (plan_id, category, status), in printed order with the printed label';
comment on column dim_status_scales.plan_id is '計画ID plan id; joins dim_plans; part of the primary key';
comment on column dim_status_scales.category is '区分 category: 数値目標, KPI, 福祉事業評価, 福祉事業評価（評価一覧）, 施策進捗 or 施策必要性; part of the primary key';
comment on column dim_status_scales.status is '評価 status: A, B, C, or 1-4 for the policy ratings; part of the primary key';
comment on column dim_status_scales.status_label is '評価の説明 label of the status as the plan prints it (A 目標達成（見込み）); null for the policy ratings';
comment on column dim_status_scales.sort_order is '表示順 position of the status on its scale (A = 1)';

comment on table dim_prefectures is '都道府県 prefectures: the 47, key prefecture_code, the first two digits of the 全国地方公共団体コード';
comment on column dim_prefectures.prefecture_code is '都道府県コード prefecture code, two digits (埼玉県 = 11); primary key';
comment on column dim_prefectures.prefecture_name is '都道府県名 prefecture name (埼玉県)';

comment on table dim_municipalities is '団体 municipalities: one row per municipality with current sheets, key municipality_code (全国地方公共団体コード); rebuilt at every publish';
comment on column dim_municipalities.municipality_code is '団体コード the 6-digit 全国地方公共団体コード with its check digit (朝霞市 = 112275); primary key, and the municipality_code of every view, fact and dimension';
comment on column dim_municipalities.municipality_name is '団体名 municipality name as its folder or --municipality option gave it (latest load); null when only a code was given';
comment on column dim_municipalities.prefecture_code is '都道府県コード first two digits of the code; joins dim_prefectures';
comment on column dim_municipalities.prefecture_name is '都道府県名 prefecture name, from dim_prefectures';

comment on table dim_departments is '課 departments: one row per municipality and department (課) named as 担当課 or 関連課 on a current policy sheet, key (municipality_code, department_name); rebuilt at every publish';
comment on column dim_departments.department_name is '課名 department name as printed; part of the primary key';
comment on column dim_departments.owned_policy_count is '担当施策数 number of current policies the department owns (担当課)';
comment on column dim_departments.related_policy_count is '関連施策数 number of current policies naming the department as related (関連課)';
comment on column dim_departments.municipality_code is '団体コード municipality (全国地方公共団体コード); joins dim_municipalities; part of the primary key';

comment on table dim_policies is '施策 policies: one row per municipality, plan and policy, key (municipality_code, plan_id, policy_code), named as in its latest evaluation; rebuilt at every publish';
comment on column dim_policies.plan_id is '計画ID plan of the policy (comprehensive_plan); joins dim_plans; part of the primary key';
comment on column dim_policies.policy_code is '施策コード policy code (3 digits, 611); part of the primary key';
comment on column dim_policies.policy_name is '施策名 policy name in its latest evaluation';
comment on column dim_policies.department_name is '担当課 department in charge in its latest evaluation; with municipality_code joins dim_departments';
comment on column dim_policies.first_evaluation_fiscal_year is '初回評価年度 first evaluation year of a current sheet of the policy';
comment on column dim_policies.latest_evaluation_fiscal_year is '最新評価年度 latest evaluation year of a current sheet of the policy';
comment on column dim_policies.municipality_code is '団体コード municipality (全国地方公共団体コード); joins dim_municipalities; part of the primary key';

comment on table dim_indicators is '指標 indicators: one row per municipality and indicator of any plan, key (municipality_code, indicator_id), attributes from its latest report; rebuilt at every publish';
comment on column dim_indicators.indicator_id is '指標ID plan_id:owner_code:indicator_no (regional_strategy_2:3-イ:1); with municipality_code the primary key';
comment on column dim_indicators.plan_id is '計画ID plan of the indicator; joins dim_plans';
comment on column dim_indicators.indicator_category is '指標区分 category: 施策指標 (policy), 数値目標 or KPI (strategy), 福祉事業指標 (welfare)';
comment on column dim_indicators.owner_code is '所属コード owner: the policy (611), the basic goal (1) or measure (1-ア), the welfare project (1-2)';
comment on column dim_indicators.indicator_no is '指標番号 number within its owner (指標1, KPI ①)';
comment on column dim_indicators.indicator_name is '指標名 indicator name without its unit, from the latest report';
comment on column dim_indicators.unit is '単位 unit (人, 件, %)';
comment on column dim_indicators.definition is '指標の定義 definition as printed (policy sheets); null when none';
comment on column dim_indicators.is_cumulative is '累計 true when the indicator counts a running total';
comment on column dim_indicators.municipality_code is '団体コード municipality (全国地方公共団体コード); joins dim_municipalities; part of the primary key';

comment on table dim_projects is '事務事業 projects: one row per municipality and project name, key (municipality_code, project_name); a project re-listed (【再掲】) under other policies appears once; rebuilt at every publish';
comment on column dim_projects.project_name is '事務事業名 project name as printed; part of the primary key';
comment on column dim_projects.home_policy_code is '所属施策 the policy that lists the project with its costs (not 【再掲】) in the latest report; with municipality_code joins dim_policies';
comment on column dim_projects.listed_policy_count is '掲載施策数 number of policies listing the project, its home included';
comment on column dim_projects.municipality_code is '団体コード municipality (全国地方公共団体コード); joins dim_municipalities; part of the primary key';
