-- dim_policies has one row per municipality, plan and policy code.
select municipality_code, plan_id, policy_code, count(*) as row_count
from dim_policies
group by municipality_code, plan_id, policy_code
having count(*) > 1
