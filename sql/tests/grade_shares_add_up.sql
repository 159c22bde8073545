-- The printed shares of each municipality, plan, category and year add up to exactly 100.0.
select municipality_code, plan_id, category, evaluation_fiscal_year, sum(share_percent) as total_share
from v_grade_shares
where total_count > 0
group by municipality_code, plan_id, category, evaluation_fiscal_year
having sum(share_percent) <> 100.0
