-- v_status_items holds exactly the items v_status_summary counts: the same number of items for every
-- municipality, plan, category, evaluation year and status, so that counting the items and reading the
-- summary never disagree.
with

items as (
    select municipality_code, plan, category, evaluation_fiscal_year, status, count(*) as item_count
    from v_status_items
    group by municipality_code, plan, category, evaluation_fiscal_year, status
),

summary as (
    select municipality_code, plan, category, evaluation_fiscal_year, status, status_count
    from v_status_summary
    where status_count > 0
)

select
    coalesce(i.municipality_code, s.municipality_code) as municipality_code,
    coalesce(i.plan, s.plan) as plan,
    coalesce(i.category, s.category) as category,
    coalesce(i.evaluation_fiscal_year, s.evaluation_fiscal_year) as evaluation_fiscal_year,
    coalesce(i.status, s.status) as status,
    i.item_count,
    s.status_count
from items as i
full outer join summary as s
    on s.municipality_code is not distinct from i.municipality_code and s.plan = i.plan and s.category = i.category
    and s.evaluation_fiscal_year = i.evaluation_fiscal_year and s.status = i.status
where i.item_count is distinct from s.status_count
