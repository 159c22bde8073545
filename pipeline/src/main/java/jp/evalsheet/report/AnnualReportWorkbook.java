package jp.evalsheet.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.evalsheet.report.AnnualReport.PolicyCostTrend;

/**
 * Lays out an {@link AnnualReport} as a workbook the council reads: a cover with the contents, the
 * summary sheets (総合戦略, 施策評価, 地域福祉), 指標の進捗, データ品質, 施策別コスト and one sheet per
 * policy with its cost chart. Labels and headings are Japanese; every table names the view it comes
 * from.
 */
public final class AnnualReportWorkbook {

    static final String COVER = "概要";
    static final String STRATEGY = "総合戦略";
    static final String POLICY_RATINGS = "施策評価";
    static final String WELFARE = "地域福祉";
    static final String INDICATORS = "指標の進捗";
    static final String FINDINGS = "データ品質";
    static final String COSTS = "施策別コスト";

    private AnnualReportWorkbook() {
    }

    /** The workbook of the report; {@code today} is the date printed on its cover. */
    public static XSSFWorkbook create(AnnualReport report, LocalDate today) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        ReportStyles styles = new ReportStyles(workbook);
        cover(new ReportSheet(workbook, COVER, styles), report, today);
        StatusSheets.strategy(new ReportSheet(workbook, STRATEGY, styles), report.strategy());
        StatusSheets.policyRatings(new ReportSheet(workbook, POLICY_RATINGS, styles), report.policyRatings());
        StatusSheets.welfare(new ReportSheet(workbook, WELFARE, styles), report.welfareOverview(), report.welfareProjects());
        IndicatorSheet.write(new ReportSheet(workbook, INDICATORS, styles), report.indicators());
        FindingsSheet.write(new ReportSheet(workbook, FINDINGS, styles), report.findings());
        CostSheets.overview(new ReportSheet(workbook, COSTS, styles), report.policyCosts());
        for (PolicyCostTrend policy : report.policyCosts()) {
            CostSheets.policy(workbook, styles, policy);
        }
        workbook.setActiveSheet(0);
        return workbook;
    }

    private static void cover(ReportSheet sheet, AnnualReport report, LocalDate today) {
        sheet.title(report.municipalityName() + " 評価シート 年次報告");
        sheet.note("団体: " + report.municipalityCode() + " " + report.municipalityName());
        sheet.note("対象: 倉庫に公開されている最新の評価シート（最終読込: 第" + report.lastLoadRunId() + "回 "
                + (report.lastLoadedAt() == null ? "－" : report.lastLoadedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                + "）");
        sheet.note("作成日: " + today);
        sheet.note("各表の上に、その数値を返すビューを「出典」として記しています。倉庫を読取専用で開けば、同じビューから同じ数値が得られます。");
        sheet.blank();
        sheet.heading("目次");
        List<String[]> contents = new ArrayList<>(List.of(
                new String[] {STRATEGY, "数値目標の達成状況とKPIの進捗状況（A・B・Cの件数と割合、A+B）"},
                new String[] {POLICY_RATINGS, "施策の進捗状況と必要性（4段階評価の件数と割合）"},
                new String[] {WELFARE, "地域福祉計画の評価一覧（年度別の評価と集計）"},
                new String[] {INDICATORS, "各指標の最新値、策定当初値、目標値と進捗（方向を考慮）"},
                new String[] {FINDINGS, "データ品質の指摘（種類別の件数と一覧）"},
                new String[] {COSTS, "施策別の総コストの推移（千円）"}));
        report.policyCosts().forEach(policy -> contents.add(
                new String[] {CostSheets.sheetName(policy), policy.policyName() + "（コストの推移とグラフ）"}));
        for (String[] entry : contents) {
            sheet.link(entry[0], entry[1], "'" + entry[0] + "'!A1");
        }
        sheet.finish();
    }
}
