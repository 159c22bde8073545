package jp.evalsheet.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.evalsheet.report.AnnualReport.PolicyCost;
import jp.evalsheet.report.AnnualReport.PolicyCostTrend;
import jp.evalsheet.report.ReportSheet.Column;
import jp.evalsheet.report.ReportStyles.Format;
import jp.evalsheet.value.EraYearParser;

/**
 * The cost sheets: every policy's total cost by fiscal year on one sheet, then a sheet per policy
 * ({@code 施策611}) with its trend, settled (決算) and forecast (決算見込み) in columns of their own, the
 * change from the previous year, and a bar chart of the two drawn from those cells.
 */
final class CostSheets {

    static final String SOURCE = "v_policy_cost_trend";
    private static final String RULE = "決算がある年度は決算、まだない年度は決算見込み。【再掲】の事業は含みません（単位：千円）。";

    private CostSheets() {
    }

    /** The name of a policy's sheet: {@code 施策611}. */
    static String sheetName(PolicyCostTrend policy) {
        return "施策" + policy.policyCode();
    }

    /** The title of a policy's sheet and of its chart. */
    static String chartTitle(PolicyCostTrend policy) {
        return sheetName(policy) + " " + policy.policyName() + " 総コストの推移";
    }

    /** Every policy's cost by fiscal year, each year's header saying whether it is settled or forecast. */
    static void overview(ReportSheet sheet, List<PolicyCostTrend> policies) {
        sheet.title("施策別コストの推移（千円）");
        sheet.source(SOURCE);
        sheet.note(RULE);
        if (policies.isEmpty()) {
            sheet.note("この団体の施策評価シートのコストは、倉庫にありません。");
            sheet.finish();
            return;
        }
        Map<Integer, TreeSet<Boolean>> basisByYear = new TreeMap<>();
        policies.forEach(policy -> policy.years()
                .forEach(year -> basisByYear.computeIfAbsent(year.fiscalYear(), y -> new TreeSet<>()).add(year.settled())));
        List<Column> columns = new ArrayList<>(List.of(new Column("施策", Format.CODE), new Column("施策名", Format.TEXT),
                new Column("担当課", Format.TEXT)));
        basisByYear.forEach((year, bases) -> columns.add(new Column(EraYearParser.warekiLabel(year) + "\n"
                + (bases.size() > 1 ? "決算・決算見込み" : bases.first() ? "決算" : "決算見込み"), Format.COST)));
        List<Object[]> rows = new ArrayList<>();
        for (PolicyCostTrend policy : policies) {
            List<Object> values = new ArrayList<>(List.of(policy.policyCode(), policy.policyName(), nonNull(policy.departmentName())));
            for (int year : basisByYear.keySet()) {
                values.add(policy.years().stream().filter(cost -> cost.fiscalYear() == year).findFirst()
                        .map(PolicyCost::costThousandYen).orElse(null));
            }
            rows.add(values.toArray());
        }
        ReportSheet.Table table = sheet.table(columns, rows, List.of());
        for (int i = 0; i < policies.size(); i++) {
            sheet.linkCell(table.firstRow() + i, 0, "'" + sheetName(policies.get(i)) + "'!A1");
        }
        sheet.finish();
    }

    /** A policy's sheet: its trend as a table and as a chart of that table. */
    static void policy(XSSFWorkbook workbook, ReportStyles styles, PolicyCostTrend policy) {
        ReportSheet sheet = new ReportSheet(workbook, sheetName(policy), styles);
        sheet.title(sheetName(policy) + " " + policy.policyName());
        sheet.note("担当課: " + nonNull(policy.departmentName()));
        sheet.blank();
        sheet.heading("総コスト（事業費＋人件費）の推移");
        sheet.source(SOURCE);
        sheet.note(RULE);
        List<Column> columns = List.of(new Column("年度", Format.CODE), new Column("決算（千円）", Format.COST),
                new Column("決算見込み（千円）", Format.COST), new Column("前年度比増減（千円）", Format.SIGNED_COST),
                new Column("前年度比", Format.SIGNED_RATIO), new Column("事業数", Format.COUNT),
                new Column("評価シート", Format.CODE));
        List<Object[]> rows = policy.years().stream().map(year -> new Object[] {
            EraYearParser.warekiLabel(year.fiscalYear()),
            year.settled() ? year.costThousandYen() : null,
            year.settled() ? null : year.costThousandYen(),
            year.yoyChangeThousandYen(),
            year.yoyChangeRatio(),
            year.projectCount(),
            EraYearParser.eraLabel(year.reportedFiscalYear()) + "年度"}).toList();
        ReportSheet.Table table = sheet.table(columns, rows, List.of());
        CostTrendChart.draw(sheet.sheet(), chartTitle(policy), table, 0, sheet.nextRow());
        sheet.finish();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
