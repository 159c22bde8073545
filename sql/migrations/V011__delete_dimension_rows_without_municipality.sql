-- The subject dimensions are about to get primary keys (V012), whose columns cannot be null. A warehouse
-- from before municipalities were recorded (V007) may hold dimension rows without a municipality,
-- until a run gives its rows one: they are deleted here, and the next publish derives them again from
-- the facts, with the municipality that run gives them (RunPublisher rebuilds these tables at every
-- publish). This is a migration of its own because DuckDB 2.0 still sees rows deleted in the same
-- transaction when it checks the columns of a primary key added by ALTER TABLE.

delete from dim_municipalities where municipality_code is null;
delete from dim_departments where municipality_code is null;
delete from dim_policies where municipality_code is null;
delete from dim_indicators where municipality_code is null;
delete from dim_projects where municipality_code is null;
