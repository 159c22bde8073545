package jp.evalsheet.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jp.evalsheet.report.AnnualReport.StatusRow;
import jp.evalsheet.report.AnnualReport.StatusTable;
import jp.evalsheet.report.AnnualReport.WelfareProject;
import jp.evalsheet.report.ReportSheet.Column;
import jp.evalsheet.report.ReportStyles.Format;
import jp.evalsheet.value.EraYearParser;

/**
 * The sheets of the printed summary tables: the strategy's 数値目標 and KPI (counts and shares of A,
 * B and C with A+B, as on the first page of the city's 効果検証), the policy ratings (進捗状況 and
 * 必要性, with the share of ratings 3 and 4) and the welfare overview's grades by year.
 */
final class StatusSheets {

    /** What the city prints above each table, by the views' category. */
    private static final Map<String, String> HEADINGS = Map.of(
            "数値目標", "数値目標の達成状況",
            "KPI", "KPIの進捗状況",
            "施策進捗", "施策の進捗状況",
            "施策必要性", "施策の必要性");

    private static final String SOURCES = "v_status_summary（A・B・C・合計）、v_status_achievement_share（A+B）";

    private StatusSheets() {
    }

    static void strategy(ReportSheet sheet, List<StatusTable> tables) {
        sheet.title(tables.isEmpty() ? "総合戦略 指標の総括" : tables.get(0).planName() + " 指標の総括");
        if (tables.isEmpty()) {
            sheet.note("この団体の総合戦略（数値目標・KPI）の評価は、倉庫にありません。");
        }
        for (StatusTable table : tables) {
            sheet.heading(HEADINGS.getOrDefault(table.category(), table.category()) + "（"
                    + EraYearParser.warekiLabel(table.evaluationFiscalYear()) + "評価）");
            sheet.source(SOURCES);
            statusTable(sheet, table, "件数", "A+B", "目標達成に向け概ね進捗している（AとBの割合の合計）");
        }
        sheet.finish();
    }

    static void policyRatings(ReportSheet sheet, List<StatusTable> tables) {
        sheet.title(tables.isEmpty() ? "施策評価の集計" : tables.get(0).planName() + " 施策評価の集計");
        if (tables.isEmpty()) {
            sheet.note("この団体の施策評価シートの評価は、倉庫にありません。");
        }
        for (StatusTable table : tables) {
            sheet.heading(HEADINGS.getOrDefault(table.category(), table.category()) + "（"
                    + EraYearParser.warekiLabel(table.evaluationFiscalYear()) + "評価、4段階）");
            sheet.source("v_policy_rating_share（件数・割合）、v_status_summary（内容）、v_status_achievement_share（3・4）");
            statusTable(sheet, table, "施策数", "3・4", "評価3または4の施策（割合の合計）");
        }
        sheet.finish();
    }

    /** The overview's grades: a table of counts and shares by year graded, then every project's grades. */
    static void welfare(ReportSheet sheet, List<StatusTable> years, List<WelfareProject> projects) {
        sheet.title((years.isEmpty() ? "地域福祉計画" : years.get(0).planName()) + " 評価一覧の集計");
        if (years.isEmpty()) {
            sheet.note("この団体の地域福祉計画の評価一覧は、倉庫にありません。");
            sheet.finish();
            return;
        }
        sheet.heading("評価一覧の年度別集計");
        sheet.source(SOURCES);
        List<Column> columns = new ArrayList<>(List.of(new Column("評価", Format.CODE), new Column("内容", Format.TEXT)));
        for (StatusTable year : years) {
            String label = EraYearParser.eraLabel(year.evaluationFiscalYear()) + "年度";
            columns.add(new Column(label + "\n件数", Format.COUNT));
            columns.add(new Column(label + "\n割合", Format.SHARE));
        }
        List<Object[]> rows = new ArrayList<>();
        List<StatusRow> scale = years.get(0).rows();
        for (int s = 0; s < scale.size(); s++) {
            List<Object> values = new ArrayList<>(List.of(scale.get(s).status(), label(years, s)));
            for (StatusTable year : years) {
                StatusRow row = year.rows().get(s);
                values.add(row.count());
                values.add(row.sharePercent());
            }
            rows.add(values.toArray());
        }
        List<Object> total = new ArrayList<>(List.of("合計", ""));
        List<Object> achieved = new ArrayList<>(List.of("A+B", "AとBの割合の合計"));
        for (StatusTable year : years) {
            total.add(year.totalCount());
            total.add(sumOfShares(year));
            achieved.add(year.achievedCount());
            achieved.add(year.achievedSharePercent());
        }
        sheet.table(columns, rows, List.of(total.toArray(), achieved.toArray()));

        TreeSet<Integer> graded = new TreeSet<>();
        projects.forEach(project -> graded.addAll(project.gradeByYear().keySet()));
        if (graded.isEmpty()) {
            sheet.finish();
            return;
        }
        sheet.heading("評価一覧（事業別）");
        sheet.source("v_welfare_grade_trend");
        List<Column> projectColumns = new ArrayList<>(List.of(new Column("基本目標", Format.CODE),
                new Column("施策の方向性", Format.TEXT), new Column("番号", Format.CODE), new Column("事業名", Format.TEXT)));
        graded.forEach(year -> projectColumns.add(new Column(EraYearParser.eraLabel(year) + "年度", Format.CODE)));
        projectColumns.add(new Column("事業シートの評価\n（" + EraYearParser.eraLabel(graded.last()) + "年度）", Format.CODE));
        List<Object[]> projectRows = new ArrayList<>();
        for (WelfareProject project : projects) {
            List<Object> values = new ArrayList<>(List.of(project.basicGoalNo(),
                    "（" + project.directionNo() + "）" + project.directionName(), project.projectNo(), project.projectName()));
            graded.forEach(year -> values.add(project.gradeByYear().get(year)));
            values.add(project.sheetGrade());
            projectRows.add(values.toArray());
        }
        sheet.table(projectColumns, projectRows, List.of());
        sheet.finish();
    }

    private static void statusTable(ReportSheet sheet, StatusTable table, String countHeader, String achievedStatus,
            String achievedLabel) {
        List<Column> columns = List.of(new Column("評価", Format.CODE), new Column("内容", Format.TEXT),
                new Column(countHeader, Format.COUNT), new Column("割合", Format.SHARE));
        List<Object[]> rows = table.rows().stream()
                .map(row -> new Object[] {row.status(), row.label(), row.count(), row.sharePercent()}).toList();
        sheet.table(columns, rows, List.of(
                new Object[] {"合計", "", table.totalCount(), sumOfShares(table)},
                new Object[] {achievedStatus, achievedLabel, table.achievedCount(), table.achievedSharePercent()}));
    }

    /** The printed 100.0: the shares of the view add up to it by construction (largest remainder). */
    private static BigDecimal sumOfShares(StatusTable table) {
        return table.totalCount() == 0 ? null : table.rows().stream().map(StatusRow::sharePercent)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The label of a status, from the first year that names it. */
    private static String label(List<StatusTable> years, int status) {
        return years.stream().map(year -> year.rows().get(status).label()).filter(java.util.Objects::nonNull)
                .findFirst().orElse("");
    }
}
