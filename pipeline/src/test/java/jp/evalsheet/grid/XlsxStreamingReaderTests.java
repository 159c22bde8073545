package jp.evalsheet.grid;

import static jp.evalsheet.grid.GridFixtures.fixture;
import static jp.evalsheet.grid.GridFixtures.readAll;
import static jp.evalsheet.grid.GridFixtures.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxStreamingReaderTests {

    private final XlsxStreamingReader reader = new XlsxStreamingReader();

    @TempDir
    Path temp;

    @Test
    void shouldReadEverySheetInWorkbookOrderWithHiddenFlag() throws Exception {
        List<SheetGrid> sheets = readAll(reader, fixture("evaluation-sheet.xlsx"));

        assertThat(sheets).extracting(SheetGrid::sheetName).containsExactly("評価シート", "指標", "非表示");
        assertThat(sheets).extracting(SheetGrid::hidden).containsExactly(false, false, true);
        assertThat(sheet(sheets, "非表示").text(0, 0)).isEqualTo("内部用メモ");
    }

    @Test
    void shouldShowNumbersAsTheSheetFormatsThem() throws Exception {
        SheetGrid sheet = readAll(reader, fixture("evaluation-sheet.xlsx")).get(0);

        assertThat(sheet.cell(4, 2)).isEqualTo(new GridCell(4, 2, "40,923", 40923.0, null));
        assertThat(sheet.cell(7, 2).text()).isEqualTo("7.2%");
        assertThat(sheet.cell(7, 2).number()).isEqualTo(0.072);
        assertThat(sheet.cell(8, 2).text()).isEqualTo("80件");
        assertThat(sheet.cell(8, 2).number()).isEqualTo(80.0);
    }

    @Test
    void shouldFormatTheSameWhateverTheDefaultLocale() throws Exception {
        Locale original = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            SheetGrid sheet = readAll(reader, fixture("evaluation-sheet.xlsx")).get(0);

            assertThat(sheet.text(4, 2)).isEqualTo("40,923");
            assertThat(sheet.text(7, 2)).isEqualTo("7.2%");
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void shouldKeepJapaneseTextAndFullWidthDigits() throws Exception {
        SheetGrid sheet = readAll(reader, fixture("evaluation-sheet.xlsx")).get(0);

        assertThat(sheet.text(0, 0)).isEqualTo("事務事業評価シート");
        assertThat(sheet.cell(9, 2)).isEqualTo(new GridCell(9, 2, "R２", null, null));
    }

    @Test
    void shouldCaptureMergedRegions() throws Exception {
        SheetGrid sheet = readAll(reader, fixture("evaluation-sheet.xlsx")).get(0);

        assertThat(sheet.merges()).containsExactly(new CellRange(2, 2, 1, 3));
        assertThat(sheet.mergeAt(2, 3)).map(CellRange::a1).hasValue("B3:D3");
        assertThat(sheet.text(2, 1)).isEqualTo("地域子育て支援事業");
    }

    @Test
    void shouldReportFormulaWithItsCachedValue() throws Exception {
        GridCell total = readAll(reader, fixture("evaluation-sheet.xlsx")).get(0).cell(6, 2);

        assertThat(total).isEqualTo(new GridCell(6, 2, "50,982", 50982.0, "SUM(C5:C6)"));
        assertThat(total.isFormulaWithoutCachedValue()).isFalse();
    }

    @Test
    void shouldReportFormulaWithoutCachedValueWhenTheFileWasNeverRecalculated() throws Exception {
        SheetGrid sheet = readAll(reader, fixture("formula-without-cached-value.xlsx")).get(0);

        GridCell sum = sheet.cell(0, 2);
        assertThat(sum.formula()).isEqualTo("A1+B1");
        assertThat(sum.text()).isEmpty();
        assertThat(sum.number()).isNull();
        assertThat(sum.isFormulaWithoutCachedValue()).isTrue();
        assertThat(sheet.cell(0, 0).text()).isEqualTo("3");
    }

    @Test
    void shouldReadTheWorkbookAsLibreOfficeSavesIt() throws Exception {
        List<SheetGrid> sheets = readAll(reader, fixture("evaluation-sheet-libreoffice.xlsx"));

        SheetGrid first = sheets.get(0);
        assertThat(first.text(8, 2)).isEqualTo("80件");
        assertThat(first.cell(6, 2)).isEqualTo(new GridCell(6, 2, "50,982", 50982.0, "SUM(C5:C6)"));
        assertThat(first.merges()).containsExactly(new CellRange(2, 2, 1, 3));
        assertThat(sheets).extracting(SheetGrid::hidden).containsExactly(false, false, true);
    }

    @Test
    void shouldReadSheetWritersThatPoiDoesNotProduce() throws Exception {
        Path file = handWrittenWorkbook();

        List<SheetGrid> sheets = readAll(reader, file);

        assertThat(sheets).hasSize(1);
        SheetGrid sheet = sheets.get(0);
        assertThat(sheet.sheetName()).isEqualTo("手書き");
        assertThat(sheet.hidden()).isTrue();
        Map<String, GridCell> cells = new LinkedHashMap<>();
        for (int row : sheet.rowIndexes()) {
            sheet.row(row).forEach(c -> cells.put(c.address(), c));
        }
        assertThat(cells).containsOnly(
                entry("A1", new GridCell(0, 0, "事業名", null, null)),
                entry("B1", new GridCell(0, 1, "直接入力", null, null)),
                entry("C1", new GridCell(0, 2, "TRUE", null, null)),
                entry("D1", new GridCell(0, 3, "#DIV/0!", null, "1/0")),
                entry("E1", new GridCell(0, 4, "R2", null, "\"R\"&\"2\"")),
                entry("A2", new GridCell(1, 0, "1", 1.0, null)),
                entry("B2", new GridCell(1, 1, "2.5", 2.5, null)),
                entry("A3", new GridCell(2, 0, "10", 10.0, null)),
                entry("B3", new GridCell(2, 1, "5", 5.0, null)),
                entry("C3", new GridCell(2, 2, "15", 15.0, "A3+$B$3")),
                entry("A4", new GridCell(3, 0, "20", 20.0, null)),
                entry("C4", new GridCell(3, 2, "25", 25.0, "A4+$B$3")),
                entry("C5", new GridCell(4, 2, "5", 5.0, "A5+$B$3")));
        assertThat(sheet.merges()).containsExactly(new CellRange(6, 7, 0, 1));
    }

    @Test
    void shouldRefuseASheetWithMoreCellsThanAllowed() {
        XlsxStreamingReader small = new XlsxStreamingReader(5);

        assertThatThrownBy(() -> readAll(small, fixture("evaluation-sheet.xlsx")))
                .isInstanceOfSatisfying(WorkbookReadException.class, e -> {
                    assertThat(e.sheetName()).isEqualTo("評価シート");
                    assertThat(e.getMessage()).contains("sheet '評価シート' has more than 5 cells");
                });
    }

    @Test
    void shouldRefuseASheetWithContentBelowTheRowLimitNamingTheSheet() throws Exception {
        Path file = temp.resolve("rows.xlsx");
        writeCellsAtRows(file, "予算明細", 0, 9);

        assertThat(readAll(new XlsxStreamingReader(100, 10), file).get(0).lastRowIndex()).isEqualTo(9);
        assertThatThrownBy(() -> readAll(new XlsxStreamingReader(100, 9), file))
                .isInstanceOfSatisfying(WorkbookReadException.class, e -> {
                    assertThat(e.sheetName()).isEqualTo("予算明細");
                    assertThat(e.getMessage()).isEqualTo("sheet '予算明細' has cells beyond row 9, but an evaluation sheet "
                            + "has a few hundred rows; delete the rows below the sheet's content (or move the data to "
                            + "another file) and submit it again");
                });
    }

    @Test
    void shouldAllowOneHundredThousandRowsByDefault() throws Exception {
        Path lastAllowed = temp.resolve("row-100000.xlsx");
        writeCellsAtRows(lastAllowed, "評価シート", 0, 99_999);
        Path beyond = temp.resolve("row-100001.xlsx");
        writeCellsAtRows(beyond, "評価シート", 0, 100_000);

        assertThat(reader.maxRowsPerSheet()).isEqualTo(100_000);
        assertThat(readAll(reader, lastAllowed).get(0).cellCount()).isEqualTo(2);
        assertThatThrownBy(() -> readAll(reader, beyond))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessageContaining("has cells beyond row 100,000");
    }

    @Test
    void shouldIgnoreFormattedEmptyRowsBelowTheLimit() throws Exception {
        Path file = temp.resolve("styled-rows.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("評価シート");
            sheet.createRow(0).createCell(0).setCellValue("施策評価シート");
            org.apache.poi.ss.usermodel.CellStyle bold = workbook.createCellStyle();
            sheet.createRow(500_000).createCell(3).setCellStyle(bold);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        assertThat(readAll(reader, file).get(0).cellCount()).isEqualTo(1);
    }

    private static void writeCellsAtRows(Path file, String sheetName, int... rows) throws IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet(sheetName);
            for (int row : rows) {
                sheet.createRow(row).createCell(0).setCellValue("行" + (row + 1));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    @Test
    void shouldRefusePasswordProtectedWorkbook() {
        assertThatThrownBy(() -> readAll(reader, fixture("password-protected.xlsx")))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessage("the workbook is password-protected; save it without a password and submit it again");
    }

    @Test
    void shouldRefuseTruncatedWorkbook() {
        Path truncated = fixture("truncated.xlsx");

        assertThatThrownBy(() -> readAll(reader, truncated))
                .isInstanceOfSatisfying(WorkbookReadException.class, e -> {
                    assertThat(e.getMessage()).startsWith("the file is not a readable .xlsx workbook");
                    assertThat(e.file()).isEqualTo(truncated);
                });
    }

    @Test
    void shouldRefuseZipBombWithoutRunningOutOfMemory() {
        assertThatThrownBy(() -> readAll(reader, fixture("zip-bomb.xlsx")))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessageContaining("zip bomb");
    }

    @Test
    void shouldRefuseEmptyFile() {
        assertThatThrownBy(() -> readAll(reader, fixture("empty.xlsx")))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessage("the file is empty");
    }

    @Test
    void shouldRefuseTextFile() {
        assertThatThrownBy(() -> readAll(reader, fixture("evaluation-sheet-utf8.csv")))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessageStartingWith("the file is not a readable .xlsx workbook");
    }

    @Test
    void shouldRefuseZipThatIsNotAWorkbook() throws IOException {
        Path file = temp.resolve("not-a-workbook.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThatThrownBy(() -> readAll(reader, file))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessageStartingWith("the file is not a readable .xlsx workbook");
    }

    @Test
    void shouldPassConsumerFailuresThroughUnchanged() {
        IllegalStateException failure = new IllegalStateException("database is down");

        assertThatThrownBy(() -> reader.read(fixture("evaluation-sheet.xlsx"), sheet -> {
            throw failure;
        })).isSameAs(failure);
    }

    /**
     * An .xlsx written by hand as Excel writes it and POI's XSSFWorkbook does not: furigana in shared
     * and inline strings, an error and a string formula result, cells without addresses, a shared
     * formula filled down, no styles part, a very hidden sheet.
     */
    private Path handWrittenWorkbook() throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                </Types>""");
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>""");
        parts.put("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                </Relationships>""");
        parts.put("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="手書き" sheetId="1" state="veryHidden" r:id="rId1"/></sheets>
                </workbook>""");
        parts.put("xl/sharedStrings.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">
                <si><r><t>事業</t></r><r><t>名</t></r><rPh sb="0" eb="2"><t>ジギョウ</t></rPh><phoneticPr fontId="1"/></si>
                </sst>""");
        parts.put("xl/worksheets/sheet1.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1">
                  <c r="A1" t="s"><v>0</v></c>
                  <c r="B1" t="inlineStr"><is><t>直接入力</t><rPh sb="0" eb="2"><t>チョクセツ</t></rPh></is></c>
                  <c r="C1" t="b"><v>1</v></c>
                  <c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c>
                  <c r="E1" t="str"><f>"R"&amp;"2"</f><v>R2</v></c>
                  <c r="F1" s="0"/>
                </row>
                <row r="2"><c><v>1</v></c><c><v>2.5</v></c></row>
                <row r="3"><c r="A3"><v>10</v></c><c r="B3"><v>5</v></c><c r="C3"><f t="shared" ref="C3:C5" si="0">A3+$B$3</f><v>15</v></c></row>
                <row r="4"><c r="A4"><v>20</v></c><c r="C4"><f t="shared" si="0"/><v>25</v></c></row>
                <row r="5"><c r="C5"><f t="shared" si="0"/><v>5</v></c></row>
                </sheetData><mergeCells count="1"><mergeCell ref="A7:B8"/></mergeCells></worksheet>""");
        Path file = temp.resolve("hand-written.xlsx");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
