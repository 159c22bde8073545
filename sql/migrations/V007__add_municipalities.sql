-- Municipalities: one warehouse can hold the sheets of many municipalities (a prefecture, the
-- nation). A municipality is keyed by its 全国地方公共団体コード (6 digits with check digit, 朝霞市
-- = 112275); the job takes it from the submission's folder (input/112275_朝霞市/…) or from the
-- --municipality option. Every run-log row, fact and derived dimension carries municipality_code,
-- and a sheet's identity is (municipality, family, plan, subject, evaluation year).
-- The column is added as the last column of each table. Rows loaded before this migration have no
-- municipality until a run names one (RunPublisher assigns them to that run's --municipality).

-- dim_prefectures: the 47 prefectures by the first two digits of the 団体コード.
create table dim_prefectures (
    prefecture_code varchar primary key,
    prefecture_name varchar not null
);
comment on table dim_prefectures is '都道府県: the 47 prefectures, keyed by the first two digits of the 全国地方公共団体コード';

insert into dim_prefectures values
    ('01', '北海道'), ('02', '青森県'), ('03', '岩手県'), ('04', '宮城県'), ('05', '秋田県'), ('06', '山形県'),
    ('07', '福島県'), ('08', '茨城県'), ('09', '栃木県'), ('10', '群馬県'), ('11', '埼玉県'), ('12', '千葉県'),
    ('13', '東京都'), ('14', '神奈川県'), ('15', '新潟県'), ('16', '富山県'), ('17', '石川県'), ('18', '福井県'),
    ('19', '山梨県'), ('20', '長野県'), ('21', '岐阜県'), ('22', '静岡県'), ('23', '愛知県'), ('24', '三重県'),
    ('25', '滋賀県'), ('26', '京都府'), ('27', '大阪府'), ('28', '兵庫県'), ('29', '奈良県'), ('30', '和歌山県'),
    ('31', '鳥取県'), ('32', '島根県'), ('33', '岡山県'), ('34', '広島県'), ('35', '山口県'), ('36', '徳島県'),
    ('37', '香川県'), ('38', '愛媛県'), ('39', '高知県'), ('40', '福岡県'), ('41', '佐賀県'), ('42', '長崎県'),
    ('43', '熊本県'), ('44', '大分県'), ('45', '宮崎県'), ('46', '鹿児島県'), ('47', '沖縄県');

-- dim_municipalities: grain one row per municipality with a current sheet; rebuilt at every publish.
-- municipality_name is the name of its folder or option (latest load), null when only a code was given.
create table dim_municipalities (
    municipality_code varchar not null,
    municipality_name varchar,
    prefecture_code varchar not null,
    prefecture_name varchar
);
comment on table dim_municipalities is '団体: one row per municipality with current sheets, keyed by its 6-digit 全国地方公共団体コード';

alter table etl_file_loads add column municipality_code varchar;
alter table etl_file_loads add column municipality_name varchar;
alter table etl_sheet_loads add column municipality_code varchar;
alter table etl_sheet_loads add column municipality_name varchar;
alter table etl_messages add column municipality_code varchar;

alter table fct_policy_evaluations add column municipality_code varchar;
alter table fct_policy_related_departments add column municipality_code varchar;
alter table fct_indicators add column municipality_code varchar;
alter table fct_indicator_values add column municipality_code varchar;
alter table fct_policy_projects add column municipality_code varchar;
alter table fct_project_costs add column municipality_code varchar;
alter table fct_policy_cost_totals add column municipality_code varchar;
alter table fct_policy_ratings add column municipality_code varchar;
alter table fct_narratives add column municipality_code varchar;
alter table fct_plan_items add column municipality_code varchar;
alter table fct_statuses add column municipality_code varchar;
alter table fct_overview_grades add column municipality_code varchar;

alter table dim_departments add column municipality_code varchar;
alter table dim_policies add column municipality_code varchar;
alter table dim_indicators add column municipality_code varchar;
alter table dim_projects add column municipality_code varchar;

comment on column etl_sheet_loads.municipality_code is '全国地方公共団体コード of the municipality that submitted the sheet (part of the sheet''s identity)';
comment on column dim_indicators.indicator_id is 'plan_id:owner_code:indicator_no, unique within a municipality';
