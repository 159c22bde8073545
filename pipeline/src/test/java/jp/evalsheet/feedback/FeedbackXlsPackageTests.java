package jp.evalsheet.feedback;

import static jp.evalsheet.feedback.FeedbackXlsxPackageTests.cell;
import static jp.evalsheet.feedback.FeedbackXlsxPackageTests.entries;
import static jp.evalsheet.feedback.FeedbackXlsxPackageTests.fillArgb;
import static jp.evalsheet.feedback.FeedbackXlsxPackageTests.open;
import static jp.evalsheet.feedback.FeedbackXlsxPackageTests.schemaErrors;
import static jp.evalsheet.feedback.FeedbackXlsxPackageTests.sheetNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.poi.hssf.usermodel.HSSFCell;
import org.apache.poi.hssf.usermodel.HSSFCellStyle;
import org.apache.poi.hssf.usermodel.HSSFFormulaEvaluator;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.evalsheet.feedback.FeedbackWorkbookWriter.Result;
import jp.evalsheet.feedback.FeedbackWorkbookWriter.Route;

/**
 * The zip-level path of {@link FeedbackWorkbookWriter} for .xls submissions ({@link XlsPackage}): the
 * .xls fixtures and a workbook made here with HSSF are written as a package and edited, and what comes
 * out reads back, through POI, as what the POI path's conversion writes.
 */
class FeedbackXlsPackageTests {

    private static final String ERROR_ARGB = "FF" + FindingsLayout.ERROR_RGB;
    private static final String WARNING_ARGB = "FF" + FindingsLayout.WARNING_RGB;

    private final FeedbackWorkbookWriter writer = new FeedbackWorkbookWriter();

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"feedback/department-sheet.xls", "grid/evaluation-sheet.xls",
        "policy/formats/xls/R4_施策評価シート_人権庶務課.xls", "welfare/formats/xls/R5_地域福祉計画評価シート_地域福祉推進課.xls",
        "strategy/formats/xls/R6_総合戦略効果検証_基本目標1.xls", "strategy/formats/xls/R6_総合戦略効果検証_基本目標2.xls",
        "strategy/formats/xls/R6_総合戦略効果検証_基本目標3.xls", "strategy/formats/xls/R6_総合戦略効果検証_基本目標4.xls"})
    void shouldReadBackAsThePoiPathWritesAnXlsFixture(String fixture) throws Exception {
        Path submission = Path.of(FeedbackXlsPackageTests.class.getResource("/fixtures/" + fixture).toURI());

        Path fast = assertSameAsPoi(submission, findingsAcross(submission));

        assertThat(schemaErrors(fast)).isEmpty();
    }

    @Test
    void shouldReadBackAsThePoiPathWritesAnXlsOfEveryKindOfCellAndLayout() throws Exception {
        Path submission = madeWithHssf(temp.resolve("R6_施策評価シート_HSSF.xls"));
        byte[] before = Files.readAllBytes(submission);

        Path fast = assertSameAsPoi(submission, madeFindings());

        assertThat(Files.readAllBytes(submission)).isEqualTo(before);
        assertThat(schemaErrors(fast)).isEmpty();
        try (XSSFWorkbook workbook = open(fast)) {
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings) (2)", "施策611", "History_", "非表示",
                    "指摘事項 (Findings)", "空");
            assertThat(List.of(workbook.isSheetHidden(1), workbook.isSheetHidden(3), workbook.isSheetHidden(4)))
                    .containsExactly(false, true, true);
            XSSFSheet policy = workbook.getSheet("施策611");
            assertThat(policy.getDefaultColumnWidth()).isEqualTo(12);
            assertThat(policy.getDefaultRowHeight()).isEqualTo((short) 360);
            assertThat(policy.getRow(0).getHeight()).isEqualTo((short) 600);
            assertThat(policy.getRow(7).getHeight()).isEqualTo((short) 900);
            assertThat(policy.getRow(1).getHeight()).isEqualTo((short) 360);
            assertThat(policy.getColumnWidth(1)).isEqualTo(20 * 256);
            assertThat(policy.isColumnHidden(2)).isTrue();
            assertThat(policy.getColumnWidth(3)).isEqualTo(3000);
            assertThat(policy.getColumnWidth(13)).isEqualTo(12 * 256);
            assertThat(policy.getMergedRegions()).extracting(CellRangeAddress::formatAsString)
                    .containsExactly("A1:D1", "B10:C11", "F10:F12");

            XSSFCell count = cell(policy, "B2");
            assertThat(count.getNumericCellValue()).isEqualTo(12.0);
            assertThat(count.getCellStyle().getDataFormatString()).isEqualTo("0\"件\"");
            assertThat(fillArgb(count)).isEqualTo(ERROR_ARGB);
            assertThat(cell(policy, "F2").getCellStyle().getDataFormat()).isEqualTo((short) 3);
            assertThat(cell(policy, "H2").getCellStyle().getDataFormatString()).isEqualTo("@");
            XSSFCell lines = cell(policy, "A3");
            assertThat(lines.getCellStyle().getWrapText()).isTrue();
            assertThat(lines.getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.LEFT);
            assertThat(lines.getCellStyle().getVerticalAlignment()).isEqualTo(VerticalAlignment.TOP);
            assertThat(fillArgb(lines)).isEqualTo(WARNING_ARGB);
            assertThat(cell(policy, "C3").getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.CENTER_SELECTION);
            assertThat(cell(policy, "A4").getStringCellValue()).isEqualTo("#DIV/0!");
            assertThat(cell(policy, "B4").getNumericCellValue()).isEqualTo(24.0);
            assertThat(cell(policy, "C4").getStringCellValue()).isEqualTo("ab");
            assertThat(cell(policy, "D4").getStringCellValue()).isEqualTo("#DIV/0!");
            assertThat(cell(policy, "E4").getBooleanCellValue()).isTrue();
            assertThat(cell(policy, "F4").getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(cell(policy, "A5").getStringCellValue()).hasSize(SpreadsheetVersion.EXCEL97.getMaxTextLength());
            assertThat(cell(policy, "B5").getStringCellValue()).isEqualTo("  前後に空白  ");
            // a styled blank cell is not copied: the finding on it makes a cell of the default format
            assertThat(cell(policy, "M6").getCellType()).isEqualTo(CellType.BLANK);
            assertThat(fillArgb(cell(policy, "M6"))).isEqualTo(ERROR_ARGB);
            assertThat(fillArgb(cell(policy, "B10"))).isEqualTo(ERROR_ARGB);
            assertThat(fillArgb(cell(policy, "Z40"))).isEqualTo(ERROR_ARGB);
            assertThat(policy.getTabColor().getARGBHex()).isEqualTo(WARNING_ARGB);
            assertThat(fillArgb(cell(workbook.getSheet("History_"), "Z99"))).isEqualTo(ERROR_ARGB);
            assertThat(fillArgb(cell(workbook.getSheet("空"), "A1"))).isEqualTo(ERROR_ARGB);
        }
    }

    @Test
    void shouldWriteOnlyTheMinimalPackageAndTheEditsParts() throws Exception {
        Path submission = madeWithHssf(temp.resolve("parts.xls"));

        Result result = writer.writeReporting(submission, "parts.xls",
                List.of(FeedbackItem.error("施策611", "B2", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.PACKAGE_XLS);
        assertThat(entries(result.workbook()).keySet()).containsExactlyInAnyOrder("[Content_Types].xml", "_rels/.rels",
                "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml",
                "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml",
                "xl/worksheets/sheet5.xml", "xl/worksheets/_rels/sheet1.xml.rels", "xl/worksheets/sheet6.xml",
                "xl/comments1.xml", "xl/drawings/vmlDrawing1.vml");
    }

    @Test
    void shouldFallBackToPoiWhereItsConversionFailsAndSayWhy() throws Exception {
        // POI's styles table takes 250 custom number formats: the POI path's conversion fails, and it
        // says that the file was read and only the copy could not be made
        Path submission = temp.resolve("formats.xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            HSSFRow row = workbook.createSheet("施策611").createRow(0);
            for (int n = 0; n <= 250; n++) {
                HSSFCellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat("0\"件" + n + "\""));
                HSSFCell cell = row.createCell(n);
                cell.setCellValue(n);
                cell.setCellStyle(style);
            }
            write(workbook, submission);
        }

        Result result = writer.writeReporting(submission, "formats.xls",
                List.of(FeedbackItem.error("施策611", "A1", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.POI);
        assertThat(result.fallback()).isEqualTo("the .xls has more than 250 custom number formats");
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings)");
            assertThat(workbook.getSheetAt(0).getRow(FindingsLayout.NOTE_ROW).getCell(0).getStringCellValue())
                    .startsWith("提出ファイルは読み込めましたが、写しを作成できなかったため付いていません (your file was read, "
                            + "but a copy of it could not be made, so none is attached: ")
                    .contains("250"); // POI's own words for its limit
        }
    }

    @Test
    void shouldFallBackToPoiForAnXlsItCannotReadAndLetPoiSayWhy() throws Exception {
        Path submission = Path.of(FeedbackXlsPackageTests.class.getResource("/fixtures/grid/password-protected.xls").toURI());

        Result result = writer.writeReporting(submission, "password-protected.xls",
                List.of(FeedbackItem.error(null, null, "unreadable_file", "the file is protected", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.POI);
        assertThat(result.fallback()).startsWith("the .xls could not be written as a package (EncryptedDocumentException: ");
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings)");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Writes the feedback of {@code submission} both ways, checks they read back alike, and returns the zip-level one. */
    private Path assertSameAsPoi(Path submission, List<FeedbackItem> items) throws Exception {
        return FeedbackXlsxPackageTests.assertSameAsPoi(submission, items, Route.PACKAGE_XLS, temp);
    }

    /**
     * Findings on the first, middle and last cell that holds a value in each sheet, on a cell the
     * first sheet does not have, on the first sheet as a whole, on a sheet the file does not have and
     * on the whole file.
     */
    private static List<FeedbackItem> findingsAcross(Path submission) throws IOException {
        List<FeedbackItem> items = new ArrayList<>();
        try (HSSFWorkbook workbook = new HSSFWorkbook(Files.newInputStream(submission))) {
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                HSSFSheet sheet = workbook.getSheetAt(i);
                List<String> cells = new ArrayList<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() != CellType.BLANK) {
                            cells.add(cell.getAddress().formatAsString());
                        }
                    }
                }
                if (!cells.isEmpty()) {
                    items.add(FeedbackItem.error(sheet.getSheetName(), cells.get(0), "rule", "the first cell", "x"));
                    items.add(FeedbackItem.warning(sheet.getSheetName(), cells.get(cells.size() / 2), "rule", "a middle cell",
                            null));
                    items.add(FeedbackItem.info(sheet.getSheetName(), cells.get(cells.size() - 1), "rule", "the last cell", null));
                }
                if (i == 0) {
                    items.add(FeedbackItem.error(sheet.getSheetName(), "AB300", "rule", "a cell the sheet does not have", null));
                    items.add(FeedbackItem.warning(sheet.getSheetName(), null, "rule", "the whole sheet", null));
                }
            }
        }
        items.add(FeedbackItem.warning("削除済みシート", "B2", "rule", "a sheet that is not in the file", null));
        items.add(FeedbackItem.error(null, null, "rule", "the whole file", null));
        return items;
    }

    /** The findings on {@link #madeWithHssf}'s workbook. */
    private static List<FeedbackItem> madeFindings() {
        return List.of(
                FeedbackItem.error("施策611", "B2", "rule", "a custom format", "12"),
                FeedbackItem.error("施策611", "D2", "rule", "a date format", null),
                FeedbackItem.warning("施策611", "A3", "rule", "wrapped, top-left", null),
                FeedbackItem.info("施策611", "C1", "rule", "inside the title's merge", null),
                FeedbackItem.error("施策611", "C11", "rule", "inside the first of two overlapping merges", null),
                FeedbackItem.warning("施策611", "D12", "rule", "inside the dropped merge", null),
                FeedbackItem.error("施策611", "A5", "rule", "a long text", null),
                FeedbackItem.warning("施策611", "A4", "rule", "an error", "#DIV/0!"),
                FeedbackItem.info("施策611", "C4", "rule", "a formula's cached text", null),
                FeedbackItem.error("施策611", "M6", "rule", "a styled blank cell", null),
                FeedbackItem.error("施策611", "J3", "rule", "past the row's last cell", null),
                FeedbackItem.error("施策611", "Z40", "rule", "a row the sheet does not have", null),
                FeedbackItem.warning("施策611", null, "rule", "the whole sheet", null),
                FeedbackItem.error("History", "Z99", "rule", "a cell the sheet does not have", null),
                FeedbackItem.warning("History", "B2", "rule", "a renamed sheet's cell", null),
                FeedbackItem.error("History", null, "rule", "the whole sheet", null),
                FeedbackItem.warning("非表示", "A1", "rule", "a hidden sheet's cell", null),
                FeedbackItem.info("指摘事項 (Findings)", "A1", "rule", "a very hidden sheet named as the findings", null),
                FeedbackItem.error("空", "A1", "rule", "a sheet without cells", null),
                FeedbackItem.warning("空", null, "rule", "the whole sheet", null),
                FeedbackItem.warning("削除済みシート", "B2", "rule", "a sheet that is not in the file", null),
                FeedbackItem.error(null, null, "rule", "the whole file", null));
    }

    /**
     * An .xls with custom and built-in number formats, every alignment, wrapping, default and custom
     * row heights (one on a row without cells), a hidden column and custom widths, merges of which two
     * overlap, a text at the .xls limit, an error, formulas with cached numbers, texts, errors and
     * booleans, booleans, a styled blank cell; a sheet whose name Excel reserves, a hidden one, a very
     * hidden one named as the findings sheet, and one without cells.
     */
    private static Path madeWithHssf(Path file) throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            HSSFSheet policy = workbook.createSheet("施策611");
            policy.setDefaultColumnWidth(12);
            policy.setDefaultRowHeight((short) 360);
            policy.setColumnWidth(1, 20 * 256);
            policy.setColumnWidth(3, 3000);
            policy.setColumnHidden(2, true);

            HSSFRow title = policy.createRow(0);
            title.setHeight((short) 600);
            value(title, 0, "施策評価シート", style(workbook, null, HorizontalAlignment.CENTER, VerticalAlignment.CENTER, false));
            policy.addMergedRegion(CellRangeAddress.valueOf("A1:D1"));

            HSSFRow formats = policy.createRow(1);
            String[] formatCodes = {"General", "0\"件\"", "#,##0\"円\"", "yyyy\"年\"m\"月\"d\"日\"", "0.0%", "#,##0", "0.00", "@",
                "m/d/yy", "0\"件\""};
            Object[] values = {1.5, 12.0, 1234567.0, 45000.0, 0.256, 10059.0, 3.14159, "007", 45000.0, 7.0};
            for (int column = 1; column < formatCodes.length; column++) {
                value(formats, column, values[column],
                        style(workbook, formatCodes[column], HorizontalAlignment.GENERAL, VerticalAlignment.BOTTOM, false));
            }

            HSSFRow aligned = policy.createRow(2);
            value(aligned, 0, "複数行の\n説明", style(workbook, null, HorizontalAlignment.LEFT, VerticalAlignment.TOP, true));
            value(aligned, 1, 42.0, style(workbook, "#,##0", HorizontalAlignment.RIGHT, VerticalAlignment.BOTTOM, false));
            value(aligned, 2, "選択範囲内で中央", style(workbook, null, HorizontalAlignment.CENTER_SELECTION,
                    VerticalAlignment.CENTER, false));
            value(aligned, 3, "均等割り付け", style(workbook, null, HorizontalAlignment.DISTRIBUTED,
                    VerticalAlignment.DISTRIBUTED, true));
            value(aligned, 4, "両端揃え", style(workbook, null, HorizontalAlignment.JUSTIFY, VerticalAlignment.JUSTIFY, true));
            value(aligned, 5, "*", style(workbook, null, HorizontalAlignment.FILL, VerticalAlignment.TOP, false));

            HSSFRow computed = policy.createRow(3);
            computed.createCell(0).setCellErrorValue(FormulaError.DIV0.getCode());
            computed.createCell(1).setCellFormula("B2*2");
            computed.createCell(2).setCellFormula("\"a\"&\"b\"");
            computed.createCell(3).setCellFormula("1/0");
            computed.createCell(4).setCellFormula("1>0");
            computed.createCell(5).setCellValue(false);
            computed.createCell(6).setCellValue(true);
            HSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);

            HSSFRow texts = policy.createRow(4);
            // varied text: POI refuses to read a part that deflates to less than 1 % of its size
            String longText = new Random(42).ints(SpreadsheetVersion.EXCEL97.getMaxTextLength(), 0x4E00, 0x9FA0)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            texts.createCell(0).setCellValue(longText);
            texts.createCell(1).setCellValue("  前後に空白  ");
            texts.createCell(2).setCellValue("");
            texts.createCell(3).setCellValue("markup <b>&amp;</b> \"quoted\"");

            HSSFRow blank = policy.createRow(5);
            blank.createCell(12).setCellStyle(style(workbook, "0.0", HorizontalAlignment.RIGHT, VerticalAlignment.TOP, true));
            policy.createRow(7).setHeight((short) 900);

            for (int r = 9; r <= 11; r++) {
                HSSFRow row = policy.createRow(r);
                for (int c = 1; c <= 5; c++) {
                    row.createCell(c).setCellValue(r * 10 + c);
                }
            }
            policy.addMergedRegionUnsafe(CellRangeAddress.valueOf("B10:C11"));
            policy.addMergedRegionUnsafe(CellRangeAddress.valueOf("C11:D12"));
            policy.addMergedRegion(CellRangeAddress.valueOf("F10:F12"));

            HSSFSheet reserved = workbook.createSheet("History");
            value(reserved.createRow(1), 1, "指標", style(workbook, null, HorizontalAlignment.GENERAL, VerticalAlignment.BOTTOM,
                    false));
            workbook.createSheet("非表示").createRow(0).createCell(0).setCellValue(1);
            workbook.setSheetHidden(2, true);
            workbook.createSheet("指摘事項 (Findings)").createRow(0).createCell(0).setCellValue("前回の指摘");
            workbook.setSheetVisibility(3, SheetVisibility.VERY_HIDDEN);
            workbook.createSheet("空");
            write(workbook, file);
        }
        return file;
    }

    private static HSSFCellStyle style(HSSFWorkbook workbook, String format, HorizontalAlignment horizontal,
            VerticalAlignment vertical, boolean wrap) {
        HSSFCellStyle style = workbook.createCellStyle();
        if (format != null) {
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
        }
        style.setAlignment(horizontal);
        style.setVerticalAlignment(vertical);
        style.setWrapText(wrap);
        return style;
    }

    private static void value(HSSFRow row, int column, Object value, HSSFCellStyle style) {
        HSSFCell cell = row.createCell(column);
        if (value instanceof Double number) {
            cell.setCellValue(number);
        } else {
            cell.setCellValue((String) value);
        }
        cell.setCellStyle(style);
    }

    private static void write(HSSFWorkbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }
}
