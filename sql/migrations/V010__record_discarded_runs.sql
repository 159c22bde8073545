-- A run that was killed or failed and then discarded by a plain new run (which starts again from the
-- published warehouse and so takes the same run number) leaves its trace in the new run's row.
alter table etl_load_runs add column replaced_unfinished_run varchar;
comment on column etl_load_runs.replaced_unfinished_run is '破棄した未完了の実行: the unfinished run this run discarded (its number, start, status and input), or null';
