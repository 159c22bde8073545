-- Macros the views share. This file sorts before R__v_*.sql, so the views can use them.

-- yoy_change: the change from the previous fiscal year, or null when the previous row is not the
-- year just before (a gap in the series).
create or replace macro yoy_change(amount, previous_amount, fiscal_year, previous_fiscal_year) as
    case when previous_fiscal_year = fiscal_year - 1 then amount - previous_amount end;

-- yoy_ratio: the change from the previous fiscal year as a ratio of the previous amount, or null
-- when that year is missing or its amount is 0.
create or replace macro yoy_ratio(amount, previous_amount, fiscal_year, previous_fiscal_year) as
    case when previous_fiscal_year = fiscal_year - 1 and previous_amount <> 0
        then (amount - previous_amount) / previous_amount end;
