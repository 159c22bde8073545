-- v_policy_rating_share: one row per municipality, evaluation year, rating kind (progress 進捗状況 /
-- necessity 必要性) and rating 1..4: how many of the municipality's policies got it and their share
-- in percent, rounded to one decimal by the largest-remainder method so that the shares of a
-- municipality, year and kind add up to 100.0.
create or replace view v_policy_rating_share as

with

shares as (
    select * from v_grade_shares
    where plan_id = 'comprehensive_plan' and category in ('施策進捗', '施策必要性')
),

final as (
    select
        municipality_code,
        municipality_name,
        evaluation_fiscal_year,
        case category when '施策進捗' then 'progress' else 'necessity' end as rating_kind,
        cast(status as integer) as rating,
        status_count as policy_count,
        total_count,
        share_percent
    from shares
)

select * from final;

comment on view v_policy_rating_share is '施策の進捗状況・必要性の割合: one row per municipality, evaluation year, rating kind and rating 1-4: how many policies got it and their share';
comment on column v_policy_rating_share.municipality_code is '団体コード municipality: the 6-digit 全国地方公共団体コード (朝霞市 = 112275); joins dim_municipalities';
comment on column v_policy_rating_share.municipality_name is '団体名 municipality name, from dim_municipalities (null when a run gave only the code)';
comment on column v_policy_rating_share.evaluation_fiscal_year is '評価年度 evaluation year of the sheet (Gregorian year of its April, R4 = 2022); joins dim_fiscal_years.fiscal_year';
comment on column v_policy_rating_share.rating_kind is '評価の種類 rating kind: progress (3 進捗状況) or necessity (4 必要性)';
comment on column v_policy_rating_share.rating is '評価 rating 1 to 4, the circled digit of the sheet';
comment on column v_policy_rating_share.policy_count is '施策数 number of policies with the rating';
comment on column v_policy_rating_share.total_count is '合計 number of policies rated that year';
comment on column v_policy_rating_share.share_percent is '割合 share in percent, one decimal, rounded by largest remainder so that a group adds up to exactly 100.0, as the city prints it';
