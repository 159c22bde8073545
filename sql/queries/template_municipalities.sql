-- template_municipalities: the municipality with current sheets of the code ($1: municipality_code),
-- or, when the code is null, the first two, to tell one from several.
select distinct municipality_code, municipality_name
from v_current_sheet_loads
where $1 is null or municipality_code = $1
order by 1
limit 2
