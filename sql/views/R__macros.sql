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

-- ratio: numerator ÷ denominator, or null when the denominator is 0 or either is null. A zero
-- numerator gives 0.0, never -0.0 (0 ÷ a negative target), which BI tools print as "-0": adding
-- 0.0 turns a negative zero into a positive one and leaves every other number as it is.
create or replace macro ratio(numerator, denominator) as
    case when denominator <> 0 then numerator / denominator + 0.0 end;

-- higher_is_better: the direction of an indicator, from its baseline (策定当初) and its final target
-- (目標値), the one rule every view uses: false (lower is better) when the target is less than half the
-- baseline (待機児童数 44 -> 0), true otherwise. A target only somewhat below the baseline is a target
-- lowered for an indicator that goes up (市内循環バス利用者数 415,286 -> 320,000, ふれあい推進事業の
-- 参加者数 8,776 -> 7,500, both after the pandemic; the city rates the second C, 策定当初より悪くなっている,
-- for falling to 5,495). Null when either number is missing: most policy and welfare indicators print
-- no baseline, and a value such as ※ or 調査・研究 is no number.
create or replace macro higher_is_better(baseline_value, target_value) as
    case when baseline_value is not null and target_value is not null
        then not (baseline_value > 0 and target_value < baseline_value / 2) end;
