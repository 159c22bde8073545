-- fct_printed_status_counts: grain one printed figure of the strategy's roll-up (総括) per category
-- per status per sheet load, as the report prints it: ＜数値目標の達成状況＞ and ＜KPIの進捗状況＞ with
-- the count and share of A, B, C and 合計, and the A+B share (指標の総括). v_data_quality_findings
-- compares them with the statuses of the KPI sheets (rule printed_summary_differs).
create table fct_printed_status_counts (
    plan_id varchar not null,
    category varchar not null,
    status varchar not null,
    printed_count integer,
    printed_share_percent decimal(5, 1),
    evaluation_fiscal_year integer not null,
    _source_file varchar not null,
    _source_sha256 varchar not null,
    _sheet_name varchar not null,
    _cell varchar not null,
    _raw_text varchar,
    _load_run_id bigint not null,
    _sheet_load_id bigint not null,
    municipality_code varchar not null
);
comment on table fct_printed_status_counts is '総括: the printed counts and shares of the A/B/C statuses of the strategy (数値目標, KPI), cross-checked against the sheets';
comment on column fct_printed_status_counts.category is '区分: 数値目標 or KPI';
comment on column fct_printed_status_counts.status is '評価: A, B, C, 合計 (total) or A+B';
comment on column fct_printed_status_counts.printed_count is '件数: the printed count, null when only a share is printed';
comment on column fct_printed_status_counts.printed_share_percent is '割合: the printed share in percent (42.9)';
