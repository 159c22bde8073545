-- report_status_counts: the A/B/C (or grade, or rating) counts and shares of one category of a plan,
-- every evaluation year, as v_status_summary gives them ($1: municipality_code, $2: plan, $3: category).
select evaluation_fiscal_year, status, status_label, status_count, total_count, share_percent, plan_name
from v_status_summary
where municipality_code = $1 and plan = $2 and category = $3
order by evaluation_fiscal_year, sort_order
