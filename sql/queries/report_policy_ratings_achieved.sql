-- report_policy_ratings_achieved: the share of ratings 3 and 4 of each rating category of the
-- comprehensive plan in one evaluation year ($1: municipality_code, $2: evaluation_fiscal_year).
select category, achieved_count, achieved_share_percent from v_status_achievement_share
where municipality_code = $1 and plan = 'comprehensive_plan' and evaluation_fiscal_year = $2
