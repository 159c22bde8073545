-- dim_policies: one row per municipality and policy (施策), named and owned as its latest current
-- evaluation says, with the first and latest years it was evaluated.
select
    e.municipality_code,
    e.plan_id,
    e.policy_code,
    arg_max(e.policy_name, e.evaluation_fiscal_year) as policy_name,
    arg_max(e.department_name, e.evaluation_fiscal_year) as department_name,
    min(e.evaluation_fiscal_year) as first_evaluation_fiscal_year,
    max(e.evaluation_fiscal_year) as latest_evaluation_fiscal_year
from cur_policy_evaluations as e
group by e.municipality_code, e.plan_id, e.policy_code
