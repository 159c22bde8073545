package jp.evalsheet.template;

import java.util.List;
import java.util.Map;

/**
 * What a 総合戦略 効果検証 template of one 基本目標 holds before the department fills it in: blank
 * ({@link #blank()}), or the goal as last published with its 数値目標 and the KPIs of its measures,
 * each with its baseline, the actuals known so far and the target. Values are as printed
 * ({@link java.math.BigDecimal} for a number, {@link String} for {@code -} or {@code 58.2%}).
 */
record StrategyForm(Integer goalNo, String goalName, List<Target> targets, List<Measure> measures) {

    /** A 数値目標: its baseline with the baseline's own year ({@code H28}), actuals by fiscal year, target. */
    record Target(int no, String name, String unit, String baselineYear, Object baseline, Map<Integer, Object> actuals,
            Object target) {
    }

    /** A 具体的な施策 ({@code ア}) with its 担当課 and KPIs; {@code baselineYear} is the one its table prints. */
    record Measure(String letter, String name, String department, String baselineYear, List<Kpi> kpis) {
    }

    /** A KPI with its baseline, actuals by fiscal year and target. */
    record Kpi(int no, String name, String unit, Object baseline, Map<Integer, Object> actuals, Object target,
            String department) {
    }

    /** The letters of the measures, in order. */
    static final String LETTERS = "アイウエオカキクケコ";

    /** A blank goal: three 数値目標 rows and three measures of three KPI rows each. */
    static StrategyForm blank() {
        List<Target> targets = java.util.stream.IntStream.rangeClosed(1, 3)
                .mapToObj(no -> new Target(no, null, null, null, null, Map.of(), null)).toList();
        List<Measure> measures = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> new Measure(String.valueOf(LETTERS.charAt(i)), null, null, "R1",
                        java.util.stream.IntStream.rangeClosed(1, 3)
                                .mapToObj(no -> new Kpi(no, null, null, null, Map.of(), null, null)).toList()))
                .toList();
        return new StrategyForm(null, null, targets, measures);
    }

    boolean isBlank() {
        return goalNo == null;
    }
}
