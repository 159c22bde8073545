-- dim_policies has one row per plan and policy code.
select plan_id, policy_code, count(*) as row_count
from dim_policies
group by plan_id, policy_code
having count(*) > 1
