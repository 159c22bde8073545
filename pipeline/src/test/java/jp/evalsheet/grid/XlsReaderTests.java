package jp.evalsheet.grid;

import static jp.evalsheet.grid.GridFixtures.fixture;
import static jp.evalsheet.grid.GridFixtures.readAll;
import static jp.evalsheet.grid.GridFixtures.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reads {@code evaluation-sheet.xls}, which LibreOffice converted from {@code evaluation-sheet.xlsx}. */
class XlsReaderTests {

    private final XlsReader reader = new XlsReader();

    @Test
    void shouldReadEverySheetInWorkbookOrderWithHiddenFlag() throws Exception {
        List<SheetGrid> sheets = readAll(reader, fixture("evaluation-sheet.xls"));

        assertThat(sheets).extracting(SheetGrid::sheetName).containsExactly("評価シート", "指標", "非表示");
        assertThat(sheets).extracting(SheetGrid::hidden).containsExactly(false, false, true);
    }

    @Test
    void shouldShowNumbersAsTheSheetFormatsThem() throws Exception {
        SheetGrid sheet = readAll(reader, fixture("evaluation-sheet.xls")).get(0);

        assertThat(sheet.cell(4, 2)).isEqualTo(new GridCell(4, 2, "40,923", 40923.0, null));
        assertThat(sheet.text(7, 2)).isEqualTo("7.2%");
        assertThat(sheet.text(8, 2)).isEqualTo("80件");
        assertThat(sheet.text(9, 2)).isEqualTo("R２");
    }

    @Test
    void shouldReportFormulaWithItsCachedValue() throws Exception {
        SheetGrid sheet = readAll(reader, fixture("evaluation-sheet.xls")).get(0);

        assertThat(sheet.cell(6, 2)).isEqualTo(new GridCell(6, 2, "50,982", 50982.0, "SUM(C5:C6)"));
    }

    @Test
    void shouldCaptureMergedRegions() throws Exception {
        SheetGrid sheet = readAll(reader, fixture("evaluation-sheet.xls")).get(0);

        assertThat(sheet.merges()).extracting(CellRange::a1).containsExactly("B3:D3");
    }

    @Test
    void shouldReadBooleansAndMultiLineText() throws Exception {
        SheetGrid indicators = sheet(readAll(reader, fixture("evaluation-sheet.xls")), "指標");

        assertThat(indicators.text(3, 1)).isEqualTo("TRUE");
        assertThat(indicators.text(1, 2)).isEqualTo("一行目\n二行目");
        assertThat(indicators.cell(1, 1).number()).isEqualTo(-84.0);
    }

    @Test
    void shouldRefuseASheetWithMoreCellsThanAllowed() {
        assertThatThrownBy(() -> readAll(new XlsReader(3), fixture("evaluation-sheet.xls")))
                .isInstanceOfSatisfying(WorkbookReadException.class, e -> {
                    assertThat(e.sheetName()).isEqualTo("評価シート");
                    assertThat(e.getMessage()).contains("more than 3 cells");
                });
    }

    @Test
    void shouldRefuseASheetWithContentBelowTheRowLimitNamingTheSheet(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws Exception {
        java.nio.file.Path file = temp.resolve("rows.xls");
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook workbook = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("予算明細");
            sheet.createRow(0).createCell(0).setCellValue("款");
            sheet.createRow(60_000).createCell(1).setCellValue(1234);
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        assertThat(readAll(new XlsReader(100, 60_001), file).get(0).lastRowIndex()).isEqualTo(60_000);
        assertThatThrownBy(() -> readAll(new XlsReader(100, 60_000), file))
                .isInstanceOfSatisfying(WorkbookReadException.class, e -> {
                    assertThat(e.sheetName()).isEqualTo("予算明細");
                    assertThat(e.getMessage()).startsWith("sheet '予算明細' has cells beyond row 60,000, "
                            + "but an evaluation sheet has a few hundred rows");
                });
    }

    @Test
    void shouldRefusePasswordProtectedWorkbook() {
        assertThatThrownBy(() -> readAll(reader, fixture("password-protected.xls")))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessage("the workbook is password-protected; save it without a password and submit it again");
    }

    @Test
    void shouldRefuseEncryptedXlsxNamedAsXls() {
        assertThatThrownBy(() -> readAll(reader, fixture("password-protected.xlsx")))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessage("the workbook is password-protected; save it without a password and submit it again");
    }

    @Test
    void shouldRefuseFileThatIsNotOle2() {
        assertThatThrownBy(() -> readAll(reader, fixture("evaluation-sheet.xlsx")))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessageStartingWith("the file is not a readable .xls workbook");
    }

    @Test
    void shouldRefuseEmptyFile() {
        assertThatThrownBy(() -> readAll(reader, fixture("empty.xlsx")))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessage("the file is empty");
    }
}
