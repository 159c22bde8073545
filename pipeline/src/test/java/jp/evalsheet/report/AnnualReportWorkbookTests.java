package jp.evalsheet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import jp.evalsheet.report.AnnualReport.PolicyCost;
import jp.evalsheet.report.AnnualReport.PolicyCostTrend;

/**
 * The layout of the annual report for a municipality whose warehouse holds little: every sheet is
 * there and says what the warehouse does not hold, instead of failing or printing empty tables.
 */
class AnnualReportWorkbookTests {

    private static final DataFormatter SHOWN = new DataFormatter();

    @Test
    void shouldSayWhatTheWarehouseDoesNotHoldWhenTheMunicipalityHasOnlyOnePolicySheet() throws Exception {
        // given a report of one policy sheet: costs of two years, the second a forecast, and nothing else
        PolicyCostTrend policy = new PolicyCostTrend("611", "人権教育・啓発活動", null, List.of(
                new PolicyCost(2021, new BigDecimal("5113"), true, null, null, 1, 2022),
                new PolicyCost(2022, new BigDecimal("6717"), false, new BigDecimal("1604"), 0.3137, 1, 2022)));
        AnnualReport report = new AnnualReport("112275", "朝霞市", 3, LocalDateTime.of(2026, 4, 1, 9, 30), List.of(), List.of(),
                List.of(), List.of(), List.of(policy), List.of(), List.of());

        // when
        try (XSSFWorkbook workbook = AnnualReportWorkbook.create(report, LocalDate.of(2026, 4, 1))) {

            // then every sheet is there, and each section without data says so
            assertThat(lines(workbook.getSheet("概要"))).contains("朝霞市 評価シート 年次報告", "作成日: 2026-04-01",
                    "対象: 倉庫に公開されている最新の評価シート（最終読込: 第3回 2026-04-01 09:30）");
            assertThat(lines(workbook.getSheet("総合戦略"))).contains("この団体の総合戦略（数値目標・KPI）の評価は、倉庫にありません。");
            assertThat(lines(workbook.getSheet("施策評価"))).contains("この団体の施策評価シートの評価は、倉庫にありません。");
            assertThat(lines(workbook.getSheet("地域福祉"))).contains("この団体の地域福祉計画の評価一覧は、倉庫にありません。");
            assertThat(lines(workbook.getSheet("指標の進捗"))).contains("この団体の指標は、倉庫にありません。");
            assertThat(lines(workbook.getSheet("データ品質"))).contains("指摘はありません。");
            // and the policy's sheet has its two years, settled and forecast apart, and its chart
            XSSFSheet sheet = workbook.getSheet("施策611");
            assertThat(lines(sheet)).contains("担当課: ", "令和3年度|5,113||||1|R4年度", "令和4年度||6,717|+1,604|+31.4%|1|R4年度");
            assertThat(sheet.getDrawingPatriarch().getCharts()).hasSize(1);
            assertThat(workbook.getNumberOfSheets()).isEqualTo(8);
        }
    }

    @Test
    void shouldNameTheReportAfterTheWarehouseAndTheMunicipality() {
        assertThat(AnnualReportCommand.defaultFile(Path.of("/data/warehouse.duckdb"), "112275", "朝霞市"))
                .isEqualTo(Path.of("/data/warehouse_112275_朝霞市_年次報告.xlsx"));
        assertThat(AnnualReportCommand.defaultFile(Path.of("/data/埼玉県"), "112089", "所沢 市"))
                .isEqualTo(Path.of("/data/埼玉県_112089_所沢_市_年次報告.xlsx"));
        assertThat(AnnualReportCommand.defaultFile(Path.of("/data/w.duckdb"), "112275", null))
                .isEqualTo(Path.of("/data/w_112275_年次報告.xlsx"));
    }

    /** Each row of the sheet as its shown cells joined by {@code |}, without trailing empty cells. */
    private static List<String> lines(XSSFSheet sheet) {
        List<String> lines = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(row.getCell(c) == null ? "" : SHOWN.formatCellValue(row.getCell(c)));
            }
            lines.add(String.join("|", cells).replaceAll("\\|+$", ""));
        }
        return lines;
    }
}
