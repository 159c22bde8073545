-- dim_municipalities: one row per municipality with current sheets, named as its latest sheet load
-- names it, with its prefecture (from the first two digits of the 全国地方公共団体コード). Read from
-- the sheet loads themselves: v_current_sheet_loads takes its names from this dimension.
select
    l.municipality_code,
    arg_max(l.municipality_name, l.sheet_load_id) filter (where l.municipality_name is not null) as municipality_name,
    left(l.municipality_code, 2) as prefecture_code,
    any_value(p.prefecture_name) as prefecture_name
from etl_sheet_loads as l
left join dim_prefectures as p on p.prefecture_code = left(l.municipality_code, 2)
where l.status = 'published' and l.municipality_code is not null
group by l.municipality_code
