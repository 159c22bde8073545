-- dim_projects: one row per municipality and project (事務事業) listed on a current policy sheet, with
-- its home policy (where it is not 【再掲】) and how many policies list it.
select
    p.municipality_code,
    p.project_name,
    arg_max(p.policy_code, p.evaluation_fiscal_year) filter (where not p.is_relisted) as home_policy_code,
    count(distinct p.policy_code) as listed_policy_count
from cur_policy_projects as p
group by p.municipality_code, p.project_name
