-- cur_policy_projects: the rows of fct_policy_projects that the current (published) sheets hold: 施策構成事務事業 projects listed on policy sheets.
-- The one definition of "current" for this fact: every view reads it instead of filtering the
-- fact by etl_sheet_loads itself. A sheet load is published once its run is, and stays so until a
-- later version of its subject replaces it (jp.evalsheet.load.RunPublisher). Like every view, it starts with
-- the municipality.
create or replace view cur_policy_projects as

select f.municipality_code, f.* exclude (municipality_code)
from fct_policy_projects as f
where f._sheet_load_id in (select sheet_load_id from etl_sheet_loads where status = 'published');

comment on view cur_policy_projects is 'internal model: the rows of fct_policy_projects of the current (published) sheets, which the v_ views read';
