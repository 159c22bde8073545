-- report_policy_ratings: the 進捗状況 and 必要性 ratings of the latest evaluation year of the
-- municipality ($1: municipality_code): counts and shares from v_policy_rating_share, each rating's
-- printed label from v_status_summary.
with latest as (
    select max(evaluation_fiscal_year) as evaluation_fiscal_year
    from v_policy_rating_share where municipality_code = $1
)
select r.rating_kind, r.rating, s.status_label, r.policy_count, r.total_count, r.share_percent,
    r.evaluation_fiscal_year, s.plan_name
from v_policy_rating_share as r
inner join latest as l on l.evaluation_fiscal_year = r.evaluation_fiscal_year
left join v_status_summary as s
    on s.municipality_code = r.municipality_code and s.plan = 'comprehensive_plan'
    and s.category = case r.rating_kind when 'progress' then '施策進捗' else '施策必要性' end
    and s.evaluation_fiscal_year = r.evaluation_fiscal_year and s.status = cast(r.rating as varchar)
where r.municipality_code = $1
order by r.rating_kind desc, r.rating
