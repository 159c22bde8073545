package jp.evalsheet.feedback;

import static jp.evalsheet.feedback.FeedbackXlsxPackageTests.cell;
import static jp.evalsheet.feedback.FeedbackXlsxPackageTests.entries;
import static jp.evalsheet.feedback.FeedbackXlsxPackageTests.fillArgb;
import static jp.evalsheet.feedback.FeedbackXlsxPackageTests.link;
import static jp.evalsheet.feedback.FeedbackXlsxPackageTests.open;
import static jp.evalsheet.feedback.FeedbackXlsxPackageTests.schemaErrors;
import static jp.evalsheet.feedback.FeedbackXlsxPackageTests.sheetNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.feedback.FeedbackWorkbookWriter.Result;
import jp.evalsheet.feedback.FeedbackWorkbookWriter.Route;
import jp.evalsheet.grid.CellRange;
import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;

/**
 * The zip-level path of {@link FeedbackWorkbookWriter} for CSV submissions with findings
 * ({@link CsvPackage}): real CP932 and UTF-8 files are written as a package and edited, and what
 * comes out reads back, through POI, as what the POI path's conversion writes.
 */
class FeedbackCsvPackageTests {

    private static final Charset CP932 = Charset.forName("windows-31j");
    private static final String ERROR_ARGB = "FF" + FindingsLayout.ERROR_RGB;
    private static final String WARNING_ARGB = "FF" + FindingsLayout.WARNING_RGB;

    private final FeedbackWorkbookWriter writer = new FeedbackWorkbookWriter();
    private final FeedbackWorkbookWriter poiOnly = new FeedbackWorkbookWriter(false);

    @TempDir
    Path temp;

    private static final String STRATEGY_CSV = "基本目標,数値目標,基準値,実績値,評価\r\n"
            + "基本目標1,転入者数,\"1,200\",1350,A\r\n"
            + "基本目標2,待機児童数,44,077,B\r\n"
            + "\r\n"
            + ",\"複数行の\r\n説明\n（改行あり）\",-84,77.5,1.50\r\n"
            + "  前後に空白  ,\"\"\"引用\"\"\",1e3,.5,0\r\n";

    private static List<FeedbackItem> strategyFindings(String sheet) {
        return List.of(
                FeedbackItem.warning(sheet, "E3", "status_contradicts_baseline", "rated B, yet worse than the baseline", "B"),
                FeedbackItem.error(sheet, "D2", "value_not_a_number", "expected a number", "1350"),
                FeedbackItem.info(sheet, "B5", "long_label", "the label spans lines", null),
                FeedbackItem.error(sheet, "F9", "missing_value", "a value is missing", null),
                FeedbackItem.warning(sheet, null, "hidden_rows", "the sheet has hidden rows", null),
                FeedbackItem.error(null, null, "unknown_sheet_family", "no sheet of a known family", null),
                FeedbackItem.warning("削除済みシート", "B2", "unknown_label", "a sheet that is not in the file", null));
    }

    @Test
    void shouldMarkACp932CsvAtTheZipLevel() throws Exception {
        Path submission = Files.write(temp.resolve("R6_効果検証.csv"), STRATEGY_CSV.getBytes(CP932));
        byte[] before = Files.readAllBytes(submission);

        Result result = writer.writeReporting(submission, "R6_効果検証.csv", strategyFindings("R6_効果検証"),
                temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.PACKAGE_CSV);
        assertThat(result.fallback()).isNull();
        assertThat(Files.readAllBytes(submission)).isEqualTo(before);
        assertThat(schemaErrors(result.workbook())).isEmpty();
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings)", "R6_効果検証");
            XSSFSheet findings = workbook.getSheetAt(0);
            assertThat(findings.isSelected()).isTrue();
            assertThat(link(findings, 4, 2)).isEqualTo("'R6_効果検証'!D2");
            XSSFSheet copy = workbook.getSheetAt(1);
            assertThat(copy.isSelected()).isFalse();
            assertThat(cell(copy, "C2").getStringCellValue()).isEqualTo("1,200");
            assertThat(cell(copy, "D2").getNumericCellValue()).isEqualTo(1350.0);
            assertThat(cell(copy, "D3").getStringCellValue()).isEqualTo("077");
            assertThat(cell(copy, "C5").getNumericCellValue()).isEqualTo(-84.0);
            assertThat(cell(copy, "E5").getStringCellValue()).isEqualTo("1.50");
            assertThat(cell(copy, "C6").getStringCellValue()).isEqualTo("1e3");
            XSSFCell lines = cell(copy, "B5");
            assertThat(lines.getStringCellValue()).isEqualTo("複数行の\r\n説明\n（改行あり）");
            assertThat(lines.getCellStyle().getWrapText()).isTrue();
            assertThat(lines.getCellStyle().getVerticalAlignment()).isEqualTo(VerticalAlignment.TOP);
            assertThat(lines.getCellComment().getString().getString()).endsWith("[情報 Info] " + FindingTexts.GENERIC + "\nthe label spans lines");
            assertThat(cell(copy, "A6").getStringCellValue()).isEqualTo("  前後に空白  ");
            assertThat(cell(copy, "A6").getCellStyle().getWrapText()).isFalse();
            assertThat(fillArgb(cell(copy, "D2"))).isEqualTo(ERROR_ARGB);
            assertThat(fillArgb(cell(copy, "E3"))).isEqualTo(WARNING_ARGB);
            assertThat(fillArgb(cell(copy, "F9"))).isEqualTo(ERROR_ARGB);
            assertThat(copy.getTabColor().getARGBHex()).isEqualTo(WARNING_ARGB);
            // the widest line of B, （改行あり）, is 12 half-widths: 14 with the margin
            assertThat(copy.getColumnWidth(1)).isEqualTo(14 * 256);
            assertThat(copy.getColumnWidth(4)).isEqualTo(8 * 256);
        }
    }

    @Test
    void shouldReadBackAsThePoiPathWritesACp932Csv() throws Exception {
        Path submission = Files.write(temp.resolve("R6_効果検証.csv"), STRATEGY_CSV.getBytes(CP932));

        assertSameAsPoi(submission, strategyFindings("R6_効果検証"));
    }

    @Test
    void shouldReadBackAsThePoiPathWritesAUtf8CsvWithAndWithoutByteOrderMark() throws Exception {
        String text = STRATEGY_CSV + "𠮷野家,①,ﾊﾝｶｸ,\"\t\",😀\r\n";
        Path plain = Files.writeString(temp.resolve("utf8.csv"), text, StandardCharsets.UTF_8);
        Path bom = Files.writeString(temp.resolve("bom.csv"), "\uFEFF" + text, StandardCharsets.UTF_8);

        Path fast = assertSameAsPoi(plain, strategyFindings("utf8"));
        assertSameAsPoi(bom, strategyFindings("bom"));
        try (XSSFWorkbook workbook = open(fast)) {
            assertThat(cell(workbook.getSheet("utf8"), "A7").getStringCellValue()).isEqualTo("𠮷野家");
            assertThat(cell(workbook.getSheet("utf8"), "E7").getStringCellValue()).isEqualTo("😀");
        }
    }

    @Test
    void shouldKeepTextsXmlCannotHoldWhereThePoiPathLosesThem() throws Exception {
        List<String> fields = List.of("bell \u0007 escape \u001B end", "escape-like _x0041_ and _x00e9_",
                "markup <b>&amp;</b> \"quoted\" 'single'", "]]> and <![CDATA[", "surrogates \uD842\uDFB7");
        StringBuilder csv = new StringBuilder();
        for (String field : fields) {
            csv.append('"').append(field.replace("\"", "\"\"")).append("\"\r\n");
        }
        Path submission = Files.writeString(temp.resolve("odd.csv"), csv, StandardCharsets.UTF_8);
        List<FeedbackItem> items = new ArrayList<>();
        for (int row = 1; row <= fields.size(); row++) {
            items.add(FeedbackItem.error("odd", "A" + row, "rule", "message", null));
        }

        Result fast = writer.writeReporting(submission, "odd.csv", items, temp.resolve("fast"));
        Result poi = poiOnly.writeReporting(submission, "odd.csv", items, temp.resolve("poi"));

        assertThat(fast.route()).isEqualTo(Route.PACKAGE_CSV);
        assertThat(schemaErrors(fast.workbook())).isEmpty();
        try (XSSFWorkbook workbook = open(fast.workbook())) {
            for (int row = 1; row <= fields.size(); row++) {
                assertThat(cell(workbook.getSheet("odd"), "A" + row).getStringCellValue()).isEqualTo(fields.get(row - 1));
            }
        }
        // the one way the paths differ: POI writes a control character as ? and reads _xHHHH_ as an escape
        try (XSSFWorkbook workbook = open(poi.workbook())) {
            XSSFSheet sheet = workbook.getSheet("odd");
            assertThat(cell(sheet, "A1").getStringCellValue()).isEqualTo("bell ? escape ? end");
            assertThat(cell(sheet, "A2").getStringCellValue()).isEqualTo("escape-like A and é");
            assertThat(cell(sheet, "A3").getStringCellValue()).isEqualTo(fields.get(2));
            assertThat(cell(sheet, "A5").getStringCellValue()).isEqualTo(fields.get(4));
        }
    }

    @Test
    void shouldCutTextAtExcelsCellLimitAsThePoiPathDoes() throws Exception {
        int limit = 32_767;
        // varied text: POI refuses to read a part that deflates to less than 1 % of its size
        Random random = new Random(42);
        String longText = random.ints(40_000, 0x4E00, 0x9FA0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        // a surrogate pair that straddles the limit: both paths cut before it, rather than between its halves
        String straddling = random.ints(limit - 1, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "😀" + "b";
        Path submission = Files.writeString(temp.resolve("long.csv"), longText + "," + straddling + ",\"  x \"\r\n",
                StandardCharsets.UTF_8);

        Path fast = assertSameAsPoi(submission, List.of(FeedbackItem.warning("long", "A1", "rule", "message", null),
                FeedbackItem.warning("long", "B1", "rule", "message", null)));
        try (XSSFWorkbook workbook = open(fast)) {
            XSSFSheet sheet = workbook.getSheet("long");
            assertThat(cell(sheet, "A1").getStringCellValue()).isEqualTo(longText.substring(0, limit));
            assertThat(cell(sheet, "B1").getStringCellValue()).isEqualTo(straddling.substring(0, limit - 1));
            assertThat(cell(sheet, "C1").getStringCellValue()).isEqualTo("  x ");
            assertThat(sheet.getColumnWidth(0)).isEqualTo(60 * 256);
        }
    }

    @Test
    void shouldCommentNeighbouringCellsAsThePoiPathDoes() throws Exception {
        Path submission = Files.write(temp.resolve("neighbours.csv"), "a,b,c\r\n1,2,3\r\n".getBytes(CP932));
        // the error on B1 comes first, so A1's comment box, which starts at B1, is made over a commented cell
        List<FeedbackItem> items = List.of(FeedbackItem.error("neighbours", "B1", "rule", "on B1", null),
                FeedbackItem.warning("neighbours", "A1", "rule", "on A1", null),
                FeedbackItem.warning("neighbours", "A2", "rule", "on A2", null));

        assertSameAsPoi(submission, items);
        try (XSSFWorkbook workbook = open(poiOnly.write(submission, "neighbours.csv", items, temp.resolve("poi")))) {
            XSSFSheet sheet = workbook.getSheet("neighbours");
            assertThat(cell(sheet, "A1").getCellComment().getString().getString()).endsWith("on A1");
            assertThat(cell(sheet, "B1").getCellComment().getString().getString()).endsWith("on B1");
            var box = cell(sheet, "A1").getCellComment().getClientAnchor();
            // four lines of text and a blank one: the author, the Japanese sentence (two lines wide), the English
            assertThat(List.of((int) box.getCol1(), box.getRow1(), (int) box.getCol2(), box.getRow2())).containsExactly(1, 0, 5, 5);
        }
    }

    @Test
    void shouldWriteACsvWithoutFieldsAsAnEmptySheet() throws Exception {
        Path submission = Files.writeString(temp.resolve("blank.csv"), ",,,\r\n,\r\n\r\n", StandardCharsets.UTF_8);

        Path fast = assertSameAsPoi(submission, List.of(FeedbackItem.error("blank", "B2", "rule", "message", null),
                FeedbackItem.error(null, null, "empty_sheet", "the sheet is empty", null)));
        try (XSSFWorkbook workbook = open(fast)) {
            XSSFCell flagged = cell(workbook.getSheet("blank"), "B2");
            assertThat(flagged.getCellType()).isEqualTo(CellType.BLANK);
            assertThat(fillArgb(flagged)).isEqualTo(ERROR_ARGB);
        }
    }

    @Test
    void shouldLeaveAnEmptyFileToThePoiPathWhichSaysWhy() throws Exception {
        Path submission = Files.createFile(temp.resolve("empty.csv"));

        Result result = writer.writeReporting(submission, "empty.csv",
                List.of(FeedbackItem.error(null, null, "unreadable_file", "the file is empty", null)), temp.resolve("out"));

        // an empty file is read as no format at all, so no package path is tried
        assertThat(result.route()).isEqualTo(Route.POI);
        assertThat(result.fallback()).isNull();
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings)");
            assertThat(workbook.getSheetAt(0).getRow(FindingsLayout.NOTE_ROW).getCell(0).getStringCellValue())
                    .endsWith("is attached: the file is empty)");
        }
    }

    @Test
    void shouldFallBackToPoiForACsvItCannotRead() throws Exception {
        Path submission = Files.write(temp.resolve("utf16.csv"), "年度,値\r\n".getBytes(StandardCharsets.UTF_16));

        Result result = writer.writeReporting(submission, "utf16.csv",
                List.of(FeedbackItem.error(null, null, "unreadable_file", "not readable", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.POI);
        assertThat(result.fallback()).startsWith("the CSV cannot be read (the CSV file is neither UTF-8 nor Shift_JIS");
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings)");
        }
    }

    @Test
    void shouldNameTheSheetAsThePoiPathDoes() throws Exception {
        List<String> copies = new ArrayList<>();
        for (String file : List.of("施策611[改訂].csv", "'施策612'.csv", "History.csv", "指摘事項 (Findings).csv",
                "R6_総合戦略効果検証[改訂]_基本目標4_数値目標とKPIの実績一覧表.csv")) {
            Path submission = Files.write(temp.resolve(file), "a,b\r\n1,2\r\n".getBytes(CP932));
            String sheet = file.substring(0, file.length() - ".csv".length());
            Path fast = assertSameAsPoi(submission, List.of(FeedbackItem.error(sheet, "B2", "rule", "message", null)));
            try (XSSFWorkbook workbook = open(fast)) {
                copies.add(workbook.getSheetName(1));
                assertThat(link(workbook.getSheetAt(0), FindingsLayout.FIRST_ITEM_ROW, 2))
                        .isEqualTo(SheetNames.quoted(workbook.getSheetName(1)) + "!B2");
                assertThat(fillArgb(cell(workbook.getSheetAt(1), "B2"))).isEqualTo(ERROR_ARGB);
            }
        }
        assertThat(copies).containsExactly("施策611_改訂_", "_施策612_", "History_", "指摘事項 (Findings)",
                "R6_総合戦略効果検証_改訂__基本目標4_数値目標とKPIの");
    }

    @Test
    void shouldFallBackToPoiWhenASheetGetsMoreCommentsThanOneVmlBlockHolds() throws Exception {
        StringBuilder csv = new StringBuilder();
        List<FeedbackItem> items = new ArrayList<>();
        for (int row = 1; row <= 1_100; row++) {
            csv.append(row).append("\r\n");
            items.add(FeedbackItem.warning("many", "A" + row, "rule", "message", null));
        }
        Path submission = Files.writeString(temp.resolve("many.csv"), csv, StandardCharsets.UTF_8);

        Result result = writer.writeReporting(submission, "many.csv", items, temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.POI);
        assertThat(result.fallback()).isEqualTo("xl/worksheets/sheet1.xml would get more comments than one VML block holds");
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(fillArgb(cell(workbook.getSheet("many"), "A1100"))).isEqualTo(WARNING_ARGB);
        }
    }

    @Test
    void shouldWriteOnlyTheMinimalPackageAndTheEditsParts() throws Exception {
        Path submission = Files.write(temp.resolve("parts.csv"), STRATEGY_CSV.getBytes(CP932));

        Result result = writer.writeReporting(submission, "parts.csv",
                List.of(FeedbackItem.error("parts", "A1", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.PACKAGE_CSV);
        assertThat(entries(result.workbook()).keySet()).containsExactlyInAnyOrder("[Content_Types].xml", "_rels/.rels",
                "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml",
                "xl/worksheets/_rels/sheet1.xml.rels", "xl/worksheets/sheet2.xml", "xl/comments1.xml",
                "xl/drawings/vmlDrawing1.vml");
    }

    @Test
    void shouldWriteTheMergesPoiAcceptsIntoThePackage() throws Exception {
        // a CSV has no merges, but a grid of another reader may: the package keeps those POI's addMergedRegion keeps
        SheetGrid grid = SheetGrid.builder("merged")
                .cell(new GridCell(0, 0, "見出し", null, null))
                .cell(new GridCell(2, 2, "10", 10.0, null))
                .merge(new CellRange(0, 0, 0, 1))
                .merge(new CellRange(2, 3, 2, 3))
                .merge(new CellRange(3, 4, 3, 4))
                .merge(new CellRange(5, 5, 5, 5))
                .build();
        List<GridSheetCopy> sheets = GridSheetCopy.of(List.of(grid));

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        XlsxPackageEditor.zip(CsvPackage.parts(sheets), zip);

        assertThat(sheets.get(0).merges()).extracting(CellRangeAddress::formatAsString).containsExactly("A1:B1", "C3:D4");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(zip.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheet("merged");
            assertThat(sheet.getMergedRegions()).extracting(CellRangeAddress::formatAsString).containsExactly("A1:B1", "C3:D4");
            assertThat(cell(sheet, "A1").getStringCellValue()).isEqualTo("見出し");
            assertThat(cell(sheet, "C3").getNumericCellValue()).isEqualTo(10.0);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Writes the feedback of {@code submission} both ways, checks they read back alike, and returns the zip-level one. */
    private Path assertSameAsPoi(Path submission, List<FeedbackItem> items) throws Exception {
        return FeedbackXlsxPackageTests.assertSameAsPoi(submission, items, Route.PACKAGE_CSV, temp);
    }
}
