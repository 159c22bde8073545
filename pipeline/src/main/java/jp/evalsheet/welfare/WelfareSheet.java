package jp.evalsheet.welfare;

import java.util.List;
import java.util.Locale;

import jp.evalsheet.extract.Located;
import jp.evalsheet.extract.SheetContent;
import jp.evalsheet.grid.CellRange;
import jp.evalsheet.value.ParsedValue;
import jp.evalsheet.value.Status;

/**
 * Everything one 地域福祉計画 進行管理・評価シート (welfare plan progress sheet, one project) holds,
 * each value with the cell it came from. The subject is the project within the plan:
 * {@code 1-2} is 施策の方向性 (1), 事業 ②.
 *
 * @param sheetName the sheet's name in its file
 * @param evaluationFiscalYear the year evaluated (2023 for the R5 sheets): the era year printed in the
 *     title area, else the latest year with an 実績値
 * @param bureau 部局名 as printed, or {@code null} when the sheet leaves it blank
 * @param sections the sections (課) named in 課名, in printed order; the first owns the sheet
 * @param sectionsCell the 課名 cell and its raw text (several sections on several lines)
 * @param subsection 係名 as printed, or {@code null} when blank
 * @param basicGoal the 基本目標 cell, e.g. {@code １　市民の暮らしを支える仕組みづくり}
 * @param direction the 施策の方向性 cell, e.g. {@code （１）地域共生社会の実現に向けた仕組みづくり}
 * @param project the 事業名 cell, e.g. {@code ①関係機関との連携}
 * @param outline the 事業の概要 cell, or {@code null} when absent
 * @param indicator the 指標名 cell
 * @param yearColumns the fiscal years of the year table's columns, left to right (2021..2025)
 * @param values every value of the year table that is not blank: targets and actuals per year and
 *     sub-row, including the years covered by a merged cell
 * @param blankYears every year-table cell that is blank and is not covered by a merged value: the
 *     years not yet reported (R6, R7 actuals) and, in a CSV, the years a lost merge covered
 * @param evaluation the self-evaluation (A/B/C and its label): the value of 評価, or the letter printed alone
 *     beside the key of the grades
 * @param narratives the text blocks under their printed headings
 */
public record WelfareSheet(
        String sheetName,
        int evaluationFiscalYear,
        Located bureau,
        List<String> sections,
        Located sectionsCell,
        Located subsection,
        int basicGoalNo,
        String basicGoalName,
        Located basicGoal,
        int directionNo,
        String directionName,
        Located direction,
        int projectNo,
        String projectName,
        Located project,
        Located outline,
        String indicatorName,
        Located indicator,
        List<Integer> yearColumns,
        List<YearValue> values,
        List<BlankYear> blankYears,
        Evaluation evaluation,
        List<Narrative> narratives) implements SheetContent {

    /** The sheet's facts, by column ({@link WelfareFacts}). */
    @Override
    public void appendFacts(jp.evalsheet.extract.FactSink sink) {
        WelfareFacts.append(this, sink);
    }

    /** The sheet family name stored with every load of a welfare progress sheet. */
    public static final String FAMILY = "welfare_progress";

    /** The plan the welfare sheets evaluate: 第４期地域福祉計画・地域福祉活動計画. */
    public static final String PLAN_ID = "welfare_plan_4";

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public String planId() {
        return PLAN_ID;
    }

    /** 施策の方向性 number and 事業 number: {@code 1-1} for (1)①, {@code 17-1} for (17)①. */
    @Override
    public String subjectCode() {
        return subjectCode(directionNo, projectNo);
    }

    /** The first section of 課名. */
    @Override
    public String departmentName() {
        return sections.get(0);
    }

    public static String subjectCode(int directionNo, int projectNo) {
        return directionNo + "-" + projectNo;
    }

    /** The values of one kind, in year order (sub-rows in printed order within a year). */
    public List<YearValue> values(Kind kind) {
        return values.stream().filter(v -> v.kind() == kind).toList();
    }

    /** The value of one kind and year on a one-row indicator, or {@code null} when that year is blank. */
    public YearValue value(Kind kind, int fiscalYear) {
        return values.stream().filter(v -> v.kind() == kind && v.fiscalYear() == fiscalYear)
                .findFirst().orElse(null);
    }

    /** The sub-row labels of a two-row indicator (啓発, 研修), empty for a one-row indicator. */
    public List<String> subLabels() {
        return values.stream().map(YearValue::subLabel).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** Which row of the year table a value is in: 目標値 or 実績値. */
    public enum Kind {
        TARGET, ACTUAL;

        public String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One value of the year table.
     *
     * @param fiscalYear the Gregorian fiscal year of the column (R3 is 2021)
     * @param kind 目標値 or 実績値
     * @param value the cell as printed, read by {@code NumberParser}: {@code 80件} is 80 件,
     *     {@code 調査・研究} is text
     * @param subLabel the sub-row label of a two-row indicator ({@code 啓発}, {@code 研修}), else {@code null}
     * @param cell the A1 address the value stands in; for a merged cell its top-left
     * @param mergedFrom the merge range when the value is typed in a cell merged across several year
     *     columns (on every year it covers), else {@code null}
     * @param inferredFromMerge whether the year was assigned only by the merge range: true for the
     *     covered years right of the merge's first column, false for the column the value stands in
     */
    public record YearValue(int fiscalYear, Kind kind, ParsedValue value, String subLabel, String cell,
            CellRange mergedFrom, boolean inferredFromMerge) {
    }

    /** A year-table cell that shows nothing and is covered by no merged value. */
    public record BlankYear(int fiscalYear, Kind kind, String subLabel, String cell) {
    }

    /**
     * The self-evaluation: {@code A　着実に進捗している} is code A, label 着実に進捗している. A letter printed alone
     * (raw {@code A}) takes its label from the key of the grades printed beside it, or {@code ""} without one.
     */
    public record Evaluation(String code, String label, String raw, String cell) {

        static Evaluation of(Status status, String cell) {
            return new Evaluation(status.code(), status.label(), status.raw(), cell);
        }
    }

    /** A narrative block under its printed heading; {@code key} is a stable English name. */
    public record Narrative(String key, String heading, String text, String cell) {
    }
}
