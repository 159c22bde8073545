-- cur_policy_related_departments: the rows of fct_policy_related_departments that the current (published) sheets hold: 関連課 related departments.
-- The one definition of "current" for this fact: every view reads it instead of filtering the
-- fact by etl_sheet_loads itself. A sheet load is published once its run is, and stays so until a
-- later version of its subject replaces it (jp.evalsheet.load.RunPublisher). Like every view, it starts with
-- the municipality.
create or replace view cur_policy_related_departments as

select f.municipality_code, f.* exclude (municipality_code)
from fct_policy_related_departments as f
where f._sheet_load_id in (select sheet_load_id from etl_sheet_loads where status = 'published');

comment on view cur_policy_related_departments is 'internal model: the rows of fct_policy_related_departments of the current (published) sheets, which the v_ views read';
