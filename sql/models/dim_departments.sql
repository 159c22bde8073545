-- dim_departments: one row per municipality and department (課) named by a current policy sheet,
-- with how many policies it owns (担当課) and how many it is related to (関連課).
with

owned as (
    select municipality_code, department_name, count(distinct policy_code) as policies
    from cur_policy_evaluations
    group by all
),

related as (
    select municipality_code, department_name, count(distinct policy_code) as policies
    from cur_policy_related_departments
    group by all
)

select
    coalesce(o.municipality_code, r.municipality_code) as municipality_code,
    coalesce(o.department_name, r.department_name) as department_name,
    coalesce(o.policies, 0) as owned_policy_count,
    coalesce(r.policies, 0) as related_policy_count
from owned as o
full outer join related as r
    on r.municipality_code is not distinct from o.municipality_code and r.department_name = o.department_name
