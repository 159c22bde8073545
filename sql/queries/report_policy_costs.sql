-- report_policy_costs: each policy's cost by year, settled or forecast, with the change on the year
-- before ($1: municipality_code).
select policy_code, policy_name, department_name, fiscal_year, cost_thousand_yen, cost_basis,
    yoy_change_thousand_yen, yoy_change_ratio, project_count, reported_fiscal_year
from v_policy_cost_trend
where municipality_code = $1
order by policy_code, fiscal_year
