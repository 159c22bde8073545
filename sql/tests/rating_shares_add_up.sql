-- The printed shares of each year and rating kind add up to exactly 100.0.
select evaluation_fiscal_year, rating_kind, sum(share_percent) as total_share
from v_policy_rating_share
where total_count > 0
group by evaluation_fiscal_year, rating_kind
having sum(share_percent) <> 100.0
