-- Enumerated columns hold only their accepted values.
select 'fct_project_costs.cost_basis' as column_name, cost_basis as value from fct_project_costs
where cost_basis not in ('settled', 'forecast')
union all
select 'fct_indicator_values.value_kind', value_kind from fct_indicator_values
where value_kind not in ('baseline', 'actual', 'forecast', 'target')
union all
select 'fct_policy_ratings.rating_kind', rating_kind from fct_policy_ratings
where rating_kind not in ('progress', 'necessity')
union all
select 'fct_policy_ratings.rating', cast(rating as varchar) from fct_policy_ratings
where rating not between 1 and 4
union all
select 'etl_sheet_loads.status', status from etl_sheet_loads
where status not in ('pending', 'published', 'superseded', 'rejected', 'abandoned')
