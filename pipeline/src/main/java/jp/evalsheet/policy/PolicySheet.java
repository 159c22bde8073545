package jp.evalsheet.policy;

import java.util.List;

import jp.evalsheet.extract.Located;
import jp.evalsheet.extract.SheetContent;

import jp.evalsheet.value.ParsedValue;
import jp.evalsheet.value.Rating;

/**
 * Everything one 施策評価シート (policy evaluation sheet) holds, each value with the cell it came from.
 * The evaluation year is the year of the sheet's forecast (見込み) columns: a sheet of R4 reports R2
 * and R3 settled and R4 as a forecast.
 */
public record PolicySheet(
        String sheetName,
        int evaluationFiscalYear,
        String policyCode,
        String policyName,
        Located codeCell,
        String departmentName,
        Located departmentCell,
        List<String> relatedDepartments,
        Located relatedDepartmentsCell,
        Located targetState,
        Located machiHitoShigotoGoal,
        List<Indicator> indicators,
        List<PolicyRating> ratings,
        List<Project> projects,
        List<PrintedTotal> printedTotals,
        List<Narrative> narratives) implements SheetContent {

    /** The sheet's facts, by column ({@link PolicyFacts}). */
    @Override
    public void appendFacts(jp.evalsheet.extract.FactSink sink) {
        PolicyFacts.append(this, sink);
    }

    /** The sheet family name stored with every load of a policy sheet. */
    public static final String FAMILY = "policy_evaluation";

    /** The plan the policy sheets evaluate: 総合計画 後期基本計画. */
    public static final String PLAN_ID = "comprehensive_plan";

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public String planId() {
        return PLAN_ID;
    }

    @Override
    public String subjectCode() {
        return policyCode;
    }

    /** Which kind of figure a column of values holds. */
    public enum ValueKind {
        ACTUAL, FORECAST, TARGET;

        public String sqlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether a cost is settled (決算) or a forecast (決算見込み). */
    public enum CostBasis {
        SETTLED, FORECAST;

        public String sqlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** 指標 N: its name and unit split from the printed name, and its values by year. */
    public record Indicator(int number, String name, String unit, String nameAsPrinted, String definition,
            String mhsTag, boolean cumulative, String cell, List<IndicatorValue> values) {
    }

    public record IndicatorValue(int fiscalYear, ValueKind kind, ParsedValue value, String cell) {
    }

    /** A rating of 3 進捗状況 ({@code progress}) or 4 必要性 ({@code necessity}). */
    public record PolicyRating(String kind, Rating rating, String cell) {
    }

    /** A row of 5 施策構成事務事業: a component project, its costs by year and 今後の方向性. */
    public record Project(int rowNumber, String name, String nameAsPrinted, boolean relisted, String direction,
            String cell, List<ProjectCost> costs) {
    }

    public record ProjectCost(int fiscalYear, CostBasis basis, ParsedValue value, String cell) {
    }

    /** A printed total: the 計 row ({@code total}) or the 経年変化 block ({@code trend}). */
    public record PrintedTotal(String kind, int fiscalYear, CostBasis basis, ParsedValue value, String cell) {
    }

    /** A narrative block under its printed heading; {@code key} is a stable English name. */
    public record Narrative(String key, String heading, String text, String cell) {
    }
}
