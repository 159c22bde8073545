-- cur_indicator_values: the rows of fct_indicator_values that the current (published) sheets hold: 指標値 indicator values (baseline, actual, forecast, target).
-- The one definition of "current" for this fact: every view reads it instead of filtering the
-- fact by etl_sheet_loads itself. A sheet load is published once its run is, and stays so until a
-- later version of its subject replaces it (jp.evalsheet.load.RunPublisher). Like every view, it starts with
-- the municipality.
create or replace view cur_indicator_values as

select f.municipality_code, f.* exclude (municipality_code)
from fct_indicator_values as f
where f._sheet_load_id in (select sheet_load_id from etl_sheet_loads where status = 'published');

comment on view cur_indicator_values is 'internal model: the rows of fct_indicator_values of the current (published) sheets, which the v_ views read';
