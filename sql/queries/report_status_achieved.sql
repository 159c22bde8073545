-- report_status_achieved: the A+B count and share of one category of a plan, every evaluation year,
-- as v_status_achievement_share gives them ($1: municipality_code, $2: plan, $3: category).
select evaluation_fiscal_year, achieved_count, achieved_share_percent
from v_status_achievement_share
where municipality_code = $1 and plan = $2 and category = $3
