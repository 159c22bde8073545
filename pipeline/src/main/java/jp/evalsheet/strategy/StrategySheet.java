package jp.evalsheet.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.evalsheet.extract.Located;
import jp.evalsheet.extract.SheetContent;
import jp.evalsheet.value.ParsedValue;

/**
 * Everything one sheet of the 総合戦略 効果検証 (verification of the 第２期まち・ひと・しごと創生総合戦略)
 * holds, each value with the cell it came from: for each 基本目標 (basic goal) it shows, the goal's
 * 数値目標 (numeric targets) and 具体的な施策 (measures (ア)(イ)(ウ)) with their KPIs; the narrative
 * blocks; and the printed roll-up (総括) when the sheet prints one. A sheet laid out as the report
 * prints it may hold one goal whole, the 数値目標 of several goals, one measure's page, or the 総括 alone.
 *
 * <p>Every figure is a {@link YearValue}: the fiscal year, whether it is the baseline (策定当初), an
 * actual (実績値) or the target (目標値), the parsed cell and its address, so that a loader writes one
 * fact row per value with {@link NumericTarget#values()} or {@link Kpi#values()}.
 *
 * @param sheetName the sheet (or CSV file) name
 * @param evaluationFiscalYear the year evaluated: the era year of the title (効果検証（令和6年度）),
 *     otherwise the latest year of an actual column; {@code 0} while unknown (a 総括 sheet alone, whose
 *     year the submission's other sheets or the run then give)
 * @param title the title cell, or {@code null} when the sheet prints none
 * @param goals the basic goals the sheet shows, in sheet order (empty for a 総括 sheet alone)
 * @param narratives the narrative blocks
 * @param summary the printed roll-up, or {@code null} when the sheet prints none
 */
public record StrategySheet(
        String sheetName,
        int evaluationFiscalYear,
        Located title,
        List<Goal> goals,
        List<Narrative> narratives,
        PrintedSummary summary) implements SheetContent {

    /** The sheet's facts, by column ({@link StrategyFacts}). */
    @Override
    public void appendFacts(jp.evalsheet.extract.FactSink sink) {
        StrategyFacts.append(this, sink);
    }

    /** The sheet family name stored with every load of a strategy sheet. */
    public static final String FAMILY = "strategy_kpi";

    /** The plan the sheets evaluate: 第２期朝霞市まち・ひと・しごと創生総合戦略. */
    public static final String PLAN_ID = "regional_strategy_2";

    /** The start of the subject code of a sheet of narratives alone: {@code 所見:1-ア}. */
    public static final String NARRATIVE_SUBJECT_PREFIX = "所見:";

    /** The subject code of a sheet that holds the printed roll-up alone. */
    public static final String SUMMARY_SUBJECT = "総括";

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public String planId() {
        return PLAN_ID;
    }

    /**
     * What the sheet covers, so that a later submission of the same part replaces it: the goal number
     * ({@code "1"}) for a sheet of one goal with its 数値目標 (and any measures) or of one goal alone;
     * otherwise its parts joined by {@code +}: a goal's number for its 数値目標, {@code 1-ア} for a
     * measure ({@code "1-ア"} for one measure's page, {@code "1+2+3+4"} for the 数値目標 page of four
     * goals); {@link #SUMMARY_SUBJECT} for the 総括 alone; {@code 所見:} and the owners of its narratives
     * for a page of narratives alone ({@code 所見:1-ア}, {@code 所見:1+2+3+4}).
     */
    @Override
    public String subjectCode() {
        if (goals.isEmpty()) {
            return SUMMARY_SUBJECT;
        }
        if (goals.stream().allMatch(g -> g.numericTargets().isEmpty() && g.measures().isEmpty()) && !narratives.isEmpty()) {
            return NARRATIVE_SUBJECT_PREFIX + String.join("+", narratives.stream().map(Narrative::ownerCode).distinct().toList());
        }
        if (goals.size() == 1 && (!goals.get(0).numericTargets().isEmpty() || goals.get(0).measures().isEmpty())) {
            return Integer.toString(goals.get(0).number());
        }
        List<String> parts = new ArrayList<>();
        for (Goal goal : goals) {
            if (!goal.numericTargets().isEmpty() || goal.measures().isEmpty()) {
                parts.add(Integer.toString(goal.number()));
            }
            for (Measure measure : goal.measures()) {
                parts.add(measureCode(goal.number(), measure.label()));
            }
        }
        return String.join("+", parts);
    }

    /** The code of a measure as an owner of KPIs and narratives: {@code 1-ア}. */
    public static String measureCode(int goalNumber, String measureLabel) {
        return goalNumber + "-" + measureLabel;
    }

    /** The 担当課 of the first measure as printed (possibly several, e.g. {@code 健康づくり課、保育課}), or {@code null}. */
    @Override
    public String departmentName() {
        List<Measure> measures = measures();
        return measures.isEmpty() ? null : measures.get(0).departmentsRaw();
    }

    /** The same sheet with its evaluation year set (for a 総括 sheet whose year another sheet gives). */
    @Override
    public StrategySheet withEvaluationFiscalYear(int year) {
        return new StrategySheet(sheetName, year, title, goals, narratives, summary);
    }

    /** The number of the first goal; {@code 0} for a 総括 sheet alone. */
    public int basicGoalNumber() {
        return goals.isEmpty() ? 0 : goals.get(0).number();
    }

    /** The name of the first goal as printed, or {@code null}. */
    public String basicGoalName() {
        return goals.isEmpty() ? null : goals.get(0).name();
    }

    /** The cell of the first goal's label, or {@code null}. */
    public Located basicGoalCell() {
        return goals.isEmpty() ? null : goals.get(0).cell();
    }

    /** Every 数値目標 of every goal, in sheet order. */
    public List<NumericTarget> numericTargets() {
        return goals.stream().flatMap(g -> g.numericTargets().stream()).toList();
    }

    /** Every measure of every goal, in sheet order. */
    public List<Measure> measures() {
        return goals.stream().flatMap(g -> g.measures().stream()).toList();
    }

    /** Every KPI of every measure, in sheet order. */
    public List<Kpi> kpis() {
        List<Kpi> kpis = new ArrayList<>();
        for (Measure measure : measures()) {
            kpis.addAll(measure.kpis());
        }
        return List.copyOf(kpis);
    }

    /**
     * A 基本目標 as the sheet shows it.
     *
     * @param number the goal number, 1 to 4 in the second phase
     * @param name the goal's name as printed on this sheet, line breaks removed ({@code ""} when only the
     *     number is printed)
     * @param cell the cell the goal was read from (its label, or the title cell with its number)
     */
    public record Goal(int number, String name, Located cell, List<NumericTarget> numericTargets, List<Measure> measures) {
    }

    /**
     * The printed roll-up (総括): per category (数値目標, KPI) the count and share of each status as the
     * report prints them, and the A+B share.
     */
    public record PrintedSummary(List<PrintedCount> counts) {
    }

    /**
     * One printed figure of the roll-up.
     *
     * @param category {@code 数値目標} or {@code KPI}
     * @param status {@code A}, {@code B}, {@code C}, {@code 合計} or {@code A+B}
     * @param count the printed count, or {@code null} when only a share is printed (A+B)
     * @param sharePercent the printed share in percent (42.9), or {@code null} when none is printed
     * @param cell the cell of the count, or of the share when no count is printed
     * @param raw the printed text of that cell
     */
    public record PrintedCount(String category, String status, Integer count, java.math.BigDecimal sharePercent,
            String cell, String raw) {
    }

    /** Which figure of an indicator a value is. */
    public enum ValueKind {
        /** 策定当初: the value when the strategy was drawn up, with its own year (H28, R元 …). */
        BASELINE,
        /** 実績値: the value reached in a fiscal year. */
        ACTUAL,
        /** 目標値: the value aimed at for the final year. */
        TARGET;

        public String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One figure of a numeric target or KPI.
     *
     * @param fiscalYear the Gregorian fiscal year (R元 and R1 are 2019)
     * @param yearRaw the printed text the year was read from: the column label (策定当初（R1）) or the
     *     year printed under the value (（H2７）)
     * @param value the cell as printed and parsed; {@link jp.evalsheet.value.ValueKind#BLANK} for an empty cell
     * @param cell the A1 address of the value cell
     */
    public record YearValue(int fiscalYear, ValueKind kind, String yearRaw, ParsedValue value, String cell) {
    }

    /**
     * The printed status (評価 / 進捗状況) of a numeric target or KPI: a letter A, B or C and its wording.
     *
     * @param code {@code A}, {@code B} or {@code C}
     * @param label the wording with wrapped lines re-joined, e.g. {@code 目標達成（見込み）}
     * @param raw the exact cell text, line breaks included
     */
    public record StatusCell(String code, String label, String raw, String cell) {
    }

    /**
     * A 数値目標 of the basic goal.
     *
     * @param number the printed number ① = 1, or the position in the table when none is printed
     * @param name the name with line breaks removed
     * @param unit the printed unit (人, %, ％, ―), or {@code null}
     * @param cell the address of the name cell
     * @param status the printed status, or {@code null} when the cell is blank
     */
    public record NumericTarget(int number, String name, String nameAsPrinted, String unit, String cell,
            YearValue baseline, List<YearValue> actuals, YearValue target, StatusCell status) {

        /** Baseline, actuals and target in that order: one fact row each. */
        public List<YearValue> values() {
            return allValues(baseline, actuals, target);
        }
    }

    /**
     * A 具体的な施策 (specific measure) with its KPIs.
     *
     * @param label the katakana of its heading: ア, イ, ウ …
     * @param name the measure's name as printed, line breaks removed
     * @param cell the address of the heading
     * @param departmentsRaw the 担当課 text as printed, or {@code null} when none is printed
     * @param departments the 担当課 split at 、 , and line breaks
     * @param departmentsCell the address of the 担当課 value, or {@code null}
     */
    public record Measure(String label, String name, String cell, String departmentsRaw, List<String> departments,
            String departmentsCell, List<Kpi> kpis) {
    }

    /**
     * A KPI (重要業績評価指標) of a measure.
     *
     * @param number the printed number ① = 1, or the position in the table when none is printed
     * @param name the name with line breaks removed, e.g. {@code 市の支援による空き店舗の活用件数（累計）}
     * @param unit the unit column, or the unit split from the name's final parentheses when the table
     *     has no unit column; {@code null} when neither
     * @param department the KPI's own 担当課 column, or {@code null} when the table has none
     * @param cumulative whether the name says 累計
     * @param cell the address of the name cell
     * @param status the printed status, or {@code null} when the cell is blank
     */
    public record Kpi(int number, String name, String nameAsPrinted, String unit, String department,
            boolean cumulative, String cell, YearValue baseline, List<YearValue> actuals, YearValue target,
            StatusCell status) {

        /** Baseline, actuals and target in that order: one fact row each. */
        public List<YearValue> values() {
            return allValues(baseline, actuals, target);
        }
    }

    /**
     * A narrative block under its printed heading.
     *
     * @param key a stable English name: {@code kpi_progress} (各KPIの進捗状況), {@code main_efforts}
     *     (主な取組と成果), {@code issues} (今後の課題), {@code committee_opinion} (外部評価委員会からの意見),
     *     {@code target_comment} (指標へのコメント)
     * @param heading the heading as printed
     * @param cell the address of the first cell of the text
     * @param goalNumber the goal the block belongs to
     * @param measureLabel the measure the block belongs to (ア …), or {@code null} for a block of the goal
     */
    public record Narrative(String key, String heading, String text, String cell, int goalNumber, String measureLabel) {

        /** The owner code: the measure's ({@code 1-ア}) or the goal's ({@code 1}). */
        public String ownerCode() {
            return measureLabel == null ? Integer.toString(goalNumber) : measureCode(goalNumber, measureLabel);
        }
    }

    private static List<YearValue> allValues(YearValue baseline, List<YearValue> actuals, YearValue target) {
        List<YearValue> values = new ArrayList<>();
        values.add(baseline);
        values.addAll(actuals);
        values.add(target);
        return List.copyOf(values);
    }
}
