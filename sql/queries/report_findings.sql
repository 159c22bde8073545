-- report_findings: the data-quality findings of the municipality's current sheets ($1:
-- municipality_code), errors first.
select severity, rule, source_file, sheet_name, cell, message
from v_data_quality_findings
where municipality_code = $1
order by case severity when 'error' then 1 when 'warning' then 2 else 3 end, rule, source_file,
    sheet_name, len(cell), cell, message
