-- The run log: what each run of the ingestion job read, loaded and rejected, and why.
-- load_run_id is the Spring Batch job instance id, so a restarted run keeps its load_run_id.

create sequence etl_sheet_load_id_seq start 1;

-- etl_load_runs: one row per run of the ingestion job.
create table etl_load_runs (
    load_run_id bigint primary key,
    job_name varchar not null,
    input_dir varchar not null,
    is_dry_run boolean not null default false,
    started_at timestamp not null,
    finished_at timestamp,
    status varchar not null,
    files_seen integer,
    files_loaded integer,
    files_unchanged integer,
    files_rejected integer,
    sheets_loaded integer,
    sheets_rejected integer,
    facts_loaded bigint
);
comment on table etl_load_runs is '取込実行ログ: one row per run of the annual ingestion job';

-- etl_file_loads: one row per run per submitted file.
create table etl_file_loads (
    load_run_id bigint not null,
    source_file varchar not null,
    source_sha256 varchar not null,
    size_bytes bigint not null,
    file_format varchar not null,
    outcome varchar not null,
    sheets_found integer not null,
    sheets_loaded integer not null,
    sheets_rejected integer not null,
    facts_loaded bigint not null,
    message varchar
);
comment on table etl_file_loads is '提出ファイル: one row per run per submitted file; outcome is loaded, partially_loaded, unchanged or rejected';

-- etl_sheet_loads: one row per sheet read into the warehouse. Facts point here through _sheet_load_id.
-- status: pending (written by a run that has not published yet), published (the current version
-- of its subject), superseded (an earlier version, kept as history), rejected.
create table etl_sheet_loads (
    sheet_load_id bigint primary key,
    load_run_id bigint not null,
    source_file varchar not null,
    source_sha256 varchar not null,
    sheet_name varchar not null,
    sheet_family varchar not null,
    plan_id varchar not null,
    subject_code varchar not null,
    evaluation_fiscal_year integer not null,
    department_name varchar,
    facts_loaded integer not null,
    status varchar not null,
    superseded_by_load_run_id bigint,
    loaded_at timestamp not null
);
comment on table etl_sheet_loads is '取込シート: one row per sheet loaded; the published row of a subject and year is the current one, earlier ones stay as history';

-- etl_messages: every problem found while reading a file: errors reject a sheet or a file,
-- warnings are loaded and shown in v_data_quality_findings.
create table etl_messages (
    load_run_id bigint not null,
    sheet_load_id bigint,
    source_file varchar not null,
    sheet_name varchar,
    cell varchar,
    severity varchar not null,
    rule varchar not null,
    message varchar not null,
    raw_text varchar
);
comment on table etl_messages is '取込メッセージ: errors (the sheet or file was rejected) and warnings found while reading submissions';
