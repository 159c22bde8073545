package jp.evalsheet.samples;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.evalsheet.value.EraYearParser;

/** The figures of the strategy's truth tables as the lines a test expects from the warehouse. */
public final class StrategyTruth {

    private static final String[] YEARS = {"R2", "R3", "R4", "R5", "R6"};

    private StrategyTruth() {
    }

    /**
     * One line per printed value of a 数値目標 or KPI row of the truth:
     * {@code category|owner|number|name|unit|cumulative|value_kind|fiscal_year|value|raw}, with the
     * unit half-width as the warehouse stores it.
     */
    public static List<String> values(String category, String owner, String number, Map<String, String> row) {
        String name = row.containsKey("kpi_name") ? row.get("kpi_name") : row.get("target_name");
        String prefix = String.join("|", category, owner, number, name, row.get("unit").replace("％", "%"),
                String.valueOf(row.containsKey("cumulative") ? Boolean.parseBoolean(row.get("cumulative")) : name.contains("累計")));
        List<String> values = new ArrayList<>();
        values.add(prefix + "|baseline|" + EraYearParser.parseFiscalYear(row.get("baseline_year")).getAsInt() + "|"
                + number(row.get("baseline_value_num")) + "|" + row.get("baseline_value"));
        for (int i = 0; i < YEARS.length; i++) {
            String year = YEARS[i];
            if (!row.get("actual_" + year).isEmpty()) {
                values.add(prefix + "|actual|" + (2020 + i) + "|" + number(row.get("actual_" + year + "_num")) + "|"
                        + row.get("actual_" + year));
            }
        }
        values.add(prefix + "|target|2025|" + number(row.get("target_R7_num")) + "|" + row.get("target_R7"));
        return values;
    }

    /** Every value of every 数値目標 and KPI of the truth tables. */
    public static List<String> allValues() {
        List<String> expected = new ArrayList<>();
        for (Map<String, String> row : TruthTable.load("strategy_numeric_target").rows()) {
            expected.addAll(values("数値目標", row.get("basic_goal_no"), row.get("target_no"), row));
        }
        for (Map<String, String> row : TruthTable.load("strategy_kpi").rows()) {
            expected.addAll(values("KPI", row.get("basic_goal_no") + "-" + row.get("measure_label"), row.get("kpi_no"), row));
        }
        return expected;
    }

    /** A truth number as the warehouse shows it: {@code 40923}, {@code 77.5}, or {@code null} for none. */
    public static String number(String value) {
        return value.isEmpty() ? "null" : new BigDecimal(value).stripTrailingZeros().toPlainString();
    }
}
