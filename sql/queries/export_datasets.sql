-- export_datasets: every analyst view (v_), fact (fct_) and dimension (dim_) of the warehouse with its
-- columns and their types, in name and column order: what an export writes.
select t.table_name, t.table_type, c.column_name, c.data_type
from information_schema.tables as t
inner join information_schema.columns as c
    on c.table_catalog = t.table_catalog and c.table_schema = t.table_schema and c.table_name = t.table_name
where t.table_catalog = current_database() and t.table_schema = 'main'
    and (t.table_name like 'v\_%' escape '\' or t.table_name like 'fct\_%' escape '\'
        or t.table_name like 'dim\_%' escape '\')
order by t.table_name, c.ordinal_position
