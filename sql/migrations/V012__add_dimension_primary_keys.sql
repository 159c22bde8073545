-- Primary keys on the dimensions that had none, so that BI tools (DBeaver, Metabase) show each
-- dimension's key and the joins to it. The keys are those the data tests dim_*_unique.sql check after
-- every load. The subject dimensions are rebuilt at every publish by deleting their rows and inserting
-- them again in one transaction (RunPublisher), never dropped: the keys (and the comments of
-- R__comments_on_dimensions.sql) stay. V005 left them undeclared because DuckDB used to refuse a key
-- deleted and inserted again in one transaction; DuckDB 2.0 allows it.

alter table dim_municipalities add primary key (municipality_code);
alter table dim_departments add primary key (municipality_code, department_name);
alter table dim_policies add primary key (municipality_code, plan_id, policy_code);
alter table dim_indicators add primary key (municipality_code, indicator_id);
alter table dim_projects add primary key (municipality_code, project_name);
alter table dim_status_scales add primary key (plan_id, category, status);
