package jp.evalsheet.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.evalsheet.report.AnnualReport.Finding;
import jp.evalsheet.report.ReportSheet.Column;
import jp.evalsheet.report.ReportStyles.Format;

/**
 * The data-quality findings of the municipality: how many of each kind, then each with the file,
 * sheet and cell to look at. The kinds are described in Japanese; each finding's own message stays
 * in the operators' English, as the feedback workbooks and the view give it.
 */
final class FindingsSheet {

    static final String SOURCE = "v_data_quality_findings";

    /** The cross-checks of v_data_quality_findings, in the council's words. */
    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("printed_total_differs_from_projects", "印刷された計が事業の合計と異なる"),
            Map.entry("printed_trend_differs_from_projects", "印刷された経年変化が事業の合計と異なる"),
            Map.entry("relisted_project_with_cost", "【再掲】の事業にコストが記載されている"),
            Map.entry("target_met_but_not_rated_a", "最新の実績が目標に達しているのにA評価でない"),
            Map.entry("status_contradicts_baseline", "B評価だが最新の実績が策定当初より悪い"),
            Map.entry("cumulative_value_decreases", "累計の指標の値が前年度より減っている"),
            Map.entry("target_looks_cumulative", "単年度の指標の目標値が累計のように大きい"),
            Map.entry("missing_status", "評価（A・B・C）が記載されていない（集計に含まれない）"),
            Map.entry("no_progress", "最新の実績が0（目標は正の値）"),
            Map.entry("overview_grade_differs_from_sheet", "評価一覧の評価が事業シートの評価と異なる"),
            Map.entry("same_indicator_different_targets", "同じ指標の目標値が計画によって異なる"),
            Map.entry("printed_summary_differs", "印刷された総括が各シートの評価と異なる"));

    private static final Map<String, String> SEVERITIES = Map.of("error", "エラー", "warning", "警告", "info", "情報");

    private FindingsSheet() {
    }

    static void write(ReportSheet sheet, List<Finding> findings) {
        sheet.title("データ品質の指摘");
        sheet.note("評価シートの数値どうしの食い違いや読込時の指摘です。セルの位置は各課の提出ファイルのものです。");
        sheet.heading("種類別の件数");
        sheet.source(SOURCE);
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        findings.forEach(finding -> counts.merge(List.of(finding.severity(), finding.rule()), 1, Integer::sum));
        List<Object[]> summary = new ArrayList<>();
        counts.forEach((key, count) -> summary.add(new Object[] {severity(key.get(0)), key.get(1), describe(key.get(1)), count}));
        sheet.table(List.of(new Column("重要度", Format.CODE), new Column("規則", Format.TEXT), new Column("内容", Format.TEXT),
                new Column("件数", Format.COUNT)), summary, List.<Object[]>of(new Object[] {"合計", "", "", findings.size()}));

        sheet.heading("指摘の一覧");
        sheet.source(SOURCE);
        if (findings.isEmpty()) {
            sheet.note("指摘はありません。");
        }
        sheet.table(List.of(new Column("重要度", Format.CODE), new Column("内容", Format.TEXT), new Column("ファイル", Format.TEXT),
                new Column("シート", Format.CODE), new Column("セル", Format.CODE), new Column("詳細（英語）", Format.TEXT)),
                findings.stream().map(finding -> new Object[] {severity(finding.severity()), describe(finding.rule()),
                    finding.sourceFile(), finding.sheetName(), finding.cell(), finding.message()}).toList(), List.of());
        sheet.finish();
    }

    private static String severity(String severity) {
        return SEVERITIES.getOrDefault(severity, severity);
    }

    /** A rule in Japanese; a reader's rule (one file's cell that could not be read) keeps its name. */
    static String describe(String rule) {
        return RULES.getOrDefault(rule, "読込時の指摘（" + rule + "）");
    }
}
