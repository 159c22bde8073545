-- The printed shares of each plan, category and year add up to exactly 100.0.
select plan_id, category, evaluation_fiscal_year, sum(share_percent) as total_share
from v_grade_shares
where total_count > 0
group by plan_id, category, evaluation_fiscal_year
having sum(share_percent) <> 100.0
