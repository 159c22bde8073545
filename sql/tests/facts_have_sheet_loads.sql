-- Every fact points to the sheet load it came from.
select 'fct_project_costs' as fact_table, _sheet_load_id from fct_project_costs
where _sheet_load_id not in (select sheet_load_id from etl_sheet_loads)
union all
select 'fct_indicator_values', _sheet_load_id from fct_indicator_values
where _sheet_load_id not in (select sheet_load_id from etl_sheet_loads)
union all
select 'fct_policy_ratings', _sheet_load_id from fct_policy_ratings
where _sheet_load_id not in (select sheet_load_id from etl_sheet_loads)
union all
select 'fct_policy_evaluations', _sheet_load_id from fct_policy_evaluations
where _sheet_load_id not in (select sheet_load_id from etl_sheet_loads)
union all
select 'fct_printed_status_counts', _sheet_load_id from fct_printed_status_counts
where _sheet_load_id not in (select sheet_load_id from etl_sheet_loads)
