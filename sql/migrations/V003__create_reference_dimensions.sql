-- Reference dimensions that do not come from the submissions.

-- dim_fiscal_years: one row per Japanese fiscal year (April to March), Gregorian year of its April.
create table dim_fiscal_years (
    fiscal_year integer primary key,
    era_label varchar not null,
    wareki_label varchar not null
);
comment on table dim_fiscal_years is '年度: fiscal years April-March, with the era label used on the sheets (R4 = 2022)';

insert into dim_fiscal_years
select
    fiscal_year,
    case when fiscal_year >= 2019 then 'R' || (fiscal_year - 2018) else 'H' || (fiscal_year - 1988) end,
    case
        when fiscal_year = 2019 then '令和元年度'
        when fiscal_year > 2019 then '令和' || (fiscal_year - 2018) || '年度'
        when fiscal_year = 1989 then '平成元年度'
        else '平成' || (fiscal_year - 1988) || '年度'
    end
from range(1989, 2051) as years(fiscal_year);

-- dim_plans: the plans whose sheets the warehouse holds.
create table dim_plans (
    plan_id varchar primary key,
    plan_name varchar not null,
    sheet_family varchar not null
);
comment on table dim_plans is '計画: the city plans evaluated by the sheets';

insert into dim_plans values
    ('comprehensive_plan', '総合計画 後期基本計画', 'policy_evaluation');
