package jp.evalsheet.report;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the annual report of one municipality (a council's report) shows, read from the published
 * warehouse's views by {@link AnnualReportQueries} and laid out by {@link AnnualReportWorkbook}: the
 * printed summary tables (数値目標 and KPI, the policy ratings, the welfare overview by year), each
 * policy's cost trend, the progress of every indicator and the data-quality findings.
 *
 * @param municipalityCode the 全国地方公共団体コード, such as 112275
 * @param municipalityName its name as the warehouse records it (朝霞市)
 * @param lastLoadRunId the run that loaded the newest of its current sheets
 * @param lastLoadedAt when that run loaded them
 * @param strategy the 数値目標 and KPI tables of the latest evaluation year (v_status_summary)
 * @param policyRatings the 進捗状況 and 必要性 tables of the latest evaluation year (v_policy_rating_share)
 * @param welfareOverview the welfare overview's grades, one table per graded year (v_status_summary)
 * @param welfareProjects the welfare overview's projects with their grade of each year (v_welfare_grade_trend)
 * @param policyCosts each policy's cost trend (v_policy_cost_trend), by policy code
 * @param indicators the latest value of every indicator beside its baseline and target (v_indicator_progress)
 * @param findings the data-quality findings of the municipality (v_data_quality_findings)
 */
public record AnnualReport(String municipalityCode, String municipalityName, long lastLoadRunId,
        LocalDateTime lastLoadedAt, List<StatusTable> strategy, List<StatusTable> policyRatings,
        List<StatusTable> welfareOverview, List<WelfareProject> welfareProjects, List<PolicyCostTrend> policyCosts,
        List<IndicatorProgress> indicators, List<Finding> findings) {

    /**
     * The count and share of each status of one category in one evaluation year, as the city prints
     * it: the status rows, the total and the share of the better statuses (A and B; ratings 3 and 4).
     *
     * @param planName the plan (第２期まち・ひと・しごと創生総合戦略)
     * @param category the category as the views name it (数値目標, KPI, 施策進捗 …)
     * @param evaluationFiscalYear the year evaluated (for the welfare overview: the year graded)
     * @param rows one per status of the scale, in printed order
     * @param totalCount the items with a status
     * @param achievedCount the items rated A or B (3 or 4)
     * @param achievedSharePercent their share, one decimal, from v_status_achievement_share
     */
    public record StatusTable(String planName, String category, int evaluationFiscalYear, List<StatusRow> rows,
            int totalCount, int achievedCount, BigDecimal achievedSharePercent) {
    }

    /** One status of a {@link StatusTable}: {@code B 策定当初より良くなっている 11 40.8}. */
    public record StatusRow(String status, String label, int count, BigDecimal sharePercent) {
    }

    /**
     * A project of the welfare overview (評価一覧) with the grade it printed for each year, and the
     * grade of the project's own sheet for the latest year graded.
     */
    public record WelfareProject(String ownerCode, int basicGoalNo, int directionNo, String directionName,
            int projectNo, String projectName, Map<Integer, String> gradeByYear, String sheetGrade) {
    }

    /** A policy (施策) and its total cost per fiscal year, oldest first. */
    public record PolicyCostTrend(String policyCode, String policyName, String departmentName, List<PolicyCost> years) {
    }

    /**
     * The cost of a policy in one fiscal year, in thousand yen: settled (決算) or, when no settled
     * figure is reported yet, the forecast (決算見込み).
     */
    public record PolicyCost(int fiscalYear, BigDecimal costThousandYen, boolean settled, BigDecimal yoyChangeThousandYen,
            Double yoyChangeRatio, int projectCount, int reportedFiscalYear) {
    }

    /**
     * The latest reported value of an indicator (the latest with a number, else the latest token such
     * as 調査・研究) beside its baseline (策定当初) and target, with the direction that decides whether
     * it is met: {@code higherIsBetter} is null when the sheet prints no baseline to tell it.
     */
    public record IndicatorProgress(String planName, String category, String ownerCode, int indicatorNo,
            String indicatorName, String subLabel, String unit, int fiscalYear, boolean actual, BigDecimal value,
            String valueText, BigDecimal baselineValue, Integer baselineFiscalYear, BigDecimal targetValue,
            Integer targetFiscalYear, Boolean higherIsBetter, Double achievementRatio, Double directedProgressRatio,
            Boolean targetMet) {
    }

    /** A data-quality finding: where to look and what is wrong (the message is the operators' English). */
    public record Finding(String severity, String rule, String sourceFile, String sheetName, String cell,
            String message) {
    }
}
