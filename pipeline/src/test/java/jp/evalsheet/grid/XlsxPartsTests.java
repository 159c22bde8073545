package jp.evalsheet.grid;

import static jp.evalsheet.grid.GridFixtures.readAll;
import static jp.evalsheet.grid.GridFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link XlsxStreamingReader} finds and reads the parts of a package ({@link XlsxPackage},
 * {@link XlsxSharedStrings}, {@link XlsxStyles}): workbooks written by POI's {@code XSSFWorkbook}, some
 * then edited inside the zip the way other writers (or damage) leave them.
 */
class XlsxPartsTests {

    private static final String SHEET1 = "xl/worksheets/sheet1.xml";
    private static final String SHEET2 = "xl/worksheets/sheet2.xml";
    private static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";

    private final XlsxStreamingReader reader = new XlsxStreamingReader();

    @TempDir
    Path temp;

    @Test
    void shouldJoinTheRunsOfRichTextAndLeaveOutFurigana() throws Exception {
        Path file = temp.resolve("rich.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFFont bold = workbook.createFont();
            bold.setBold(true);
            XSSFRichTextString rich = new XSSFRichTextString("重点事業の評価");
            rich.applyFont(0, 2, bold);
            Row row = workbook.createSheet("評価シート").createRow(0);
            row.createCell(0).setCellValue(rich);
            row.createCell(1).setCellValue("担当課");
            row.createCell(2).setCellValue("  前後に空白  ");
            save(workbook, file);
        }
        Path edited = edit(file, Map.of(SHARED_STRINGS, xml -> xml
                .replace("<t>担当課</t>", "<t>担当課</t><rPh sb=\"0\" eb=\"3\"><t>タントウカ</t></rPh>"
                        + "<phoneticPr fontId=\"1\"/>")));

        SheetGrid sheet = readAll(reader, edited).get(0);

        assertThat(Files.readString(unzip(edited, SHARED_STRINGS))).contains("<r>").contains("<rPh");
        assertThat(sheet.cell(0, 0).text()).isEqualTo("重点事業の評価");
        assertThat(sheet.cell(0, 1).text()).isEqualTo("担当課");
        assertThat(sheet.cell(0, 2).text()).isEqualTo("  前後に空白  ");
    }

    @Test
    void shouldDecodeExcelsEscapesInSharedStrings() throws Exception {
        Path file = temp.resolve("escapes.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("評価シート").createRow(0).createCell(0).setCellValue("一行目 二行目");
            save(workbook, file);
        }
        Path edited = edit(file, Map.of(SHARED_STRINGS, xml -> xml.replace("一行目 二行目", "一行目_x000D_二行目_x005F_x")));

        assertThat(readAll(reader, edited).get(0).cell(0, 0).text()).isEqualTo("一行目\r二行目_x");
    }

    @Test
    void shouldFormatNumbersWithTheWorkbooksOwnAndBuiltInFormats() throws Exception {
        Path file = temp.resolve("formats.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle count = workbook.createCellStyle();
            count.setDataFormat(workbook.createDataFormat().getFormat("#,##0\"件\""));
            CellStyle yen = workbook.createCellStyle();
            yen.setDataFormat(workbook.createDataFormat().getFormat("#,##0\"円\""));
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat((short) 10); // built in: 0.00%
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            Row row = workbook.createSheet("指標").createRow(0);
            row.createCell(0).setCellValue(1234);
            row.getCell(0).setCellStyle(count);
            row.createCell(1).setCellValue(40_923_000);
            row.getCell(1).setCellStyle(yen);
            row.createCell(2).setCellValue(0.0725);
            row.getCell(2).setCellStyle(percent);
            row.createCell(3).setCellValue(45_017); // 2023-04-01
            row.getCell(3).setCellStyle(date);
            row.createCell(4).setCellValue(1.5);
            save(workbook, file);
        }

        SheetGrid sheet = readAll(reader, file).get(0);

        assertThat(Files.readString(unzip(file, "xl/styles.xml"))).contains("<numFmts").contains("numFmtId=\"10\"");
        assertThat(texts(sheet)).containsExactly(entry("A1", "1,234件"), entry("B1", "40,923,000円"),
                entry("C1", "7.25%"), entry("D1", "2023/4/1"), entry("E1", "1.5"));
        assertThat(sheet.cell(0, 1).number()).isEqualTo(40_923_000.0);
    }

    @Test
    void shouldFormatAsGeneralWhenTheStyleIsNotInTheWorkbook() throws Exception {
        Path file = twoSheets();
        Path edited = edit(file, Map.of(SHEET1, xml -> xml.replace("<c r=\"B1\" t=\"n\" s=\"0\"", "<c r=\"B1\" t=\"n\" s=\"99\"")));

        assertThat(Files.readString(unzip(edited, SHEET1))).contains("s=\"99\"");
        assertThat(readAll(reader, edited).get(0).text(0, 1)).isEqualTo("0.5");
    }

    @Test
    void shouldFindPartsByAbsoluteAndRelativeTargetsInAnyCase() throws Exception {
        Path file = twoSheets();
        Path edited = edit(file, Map.of(
                "_rels/.rels", xml -> xml.replace("Target=\"xl/workbook.xml\"", "Target=\"/xl/workbook.xml\""),
                WORKBOOK_RELS, xml -> xml
                        .replace("Target=\"worksheets/sheet1.xml\"", "Target=\"/xl/worksheets/sheet1.xml\"")
                        .replace("Target=\"worksheets/sheet2.xml\"", "Target=\"./Worksheets/../WORKSHEETS/Sheet2.xml\"")));

        List<SheetGrid> sheets = readAll(reader, edited);

        assertThat(Files.readString(unzip(edited, WORKBOOK_RELS))).contains("\"/xl/worksheets/sheet1.xml\"")
                .contains("WORKSHEETS/Sheet2.xml");
        assertThat(sheets).extracting(SheetGrid::sheetName).containsExactly("評価シート", "指標");
        assertThat(sheets.get(0).text(0, 0)).isEqualTo("施策評価シート");
        assertThat(sheets.get(1).text(0, 0)).isEqualTo("指標名");
    }

    @Test
    void shouldReadSheetsInWorkbookOrderWhateverTheRelationshipIds() throws Exception {
        Path file = twoSheets();
        Path edited = edit(file, Map.of(WORKBOOK_RELS, xml -> xml.replace("worksheets/sheet1.xml", "worksheets/swap.xml")
                .replace("worksheets/sheet2.xml", "worksheets/sheet1.xml").replace("worksheets/swap.xml", "worksheets/sheet2.xml")));

        List<SheetGrid> sheets = readAll(reader, edited);

        assertThat(sheets).extracting(SheetGrid::sheetName).containsExactly("評価シート", "指標");
        assertThat(sheets.get(0).text(0, 0)).isEqualTo("指標名");
        assertThat(sheets.get(1).text(0, 0)).isEqualTo("施策評価シート");
    }

    @Test
    void shouldReadAZipWhoseEntryNamesDifferInCase() throws Exception {
        Path file = twoSheets();
        Path edited = rename(file, SHEET2, "XL/Worksheets/Sheet2.xml");

        assertThat(entryNames(edited)).contains("XL/Worksheets/Sheet2.xml").doesNotContain(SHEET2);
        assertThat(readAll(reader, edited)).extracting(s -> s.text(0, 0)).containsExactly("施策評価シート", "指標名");
    }

    @Test
    void shouldDeliverTheSheetsBeforeAMissingSheetPartAndThenRefuseTheFile() throws Exception {
        Path file = twoSheets();
        Path edited = without(file, SHEET2);
        List<SheetGrid> delivered = new ArrayList<>();

        assertThatThrownBy(() -> reader.read(edited, delivered::add))
                .isInstanceOfSatisfying(WorkbookReadException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(ReadMessages.NOT_XLSX);
                    assertThat(e.sheetName()).isNull();
                });
        assertThat(entryNames(edited)).doesNotContain(SHEET2);
        assertThat(delivered).extracting(SheetGrid::sheetName).containsExactly("評価シート");
    }

    @Test
    void shouldRefuseAPartWithoutContentTypeAsPoiDid() throws Exception {
        Path file = twoSheets();
        Path edited = edit(file, Map.of("xl/media/image1.emf", xml -> "not an image"));

        assertThat(entryNames(edited)).contains("xl/media/image1.emf");
        assertThatThrownBy(() -> readAll(reader, edited))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessage(ReadMessages.NOT_XLSX)
                .hasStackTraceContaining("the part /xl/media/image1.emf has no content type");
    }

    @Test
    void shouldRefuseADocumentTypeDeclarationAndNeverResolveItsEntities() throws Exception {
        Path file = twoSheets();
        Path edited = edit(file, Map.of(SHEET1, xml -> xml.replaceFirst("\\?>", "?><!DOCTYPE worksheet [<!ENTITY secret "
                + "SYSTEM \"file:///etc/hostname\">]>").replaceFirst("<sheetData>", "<sheetData><row r=\"99\"><c r=\"A99\" "
                + "t=\"inlineStr\"><is><t>&secret;</t></is></c></row>")));

        assertThat(new String(read(edited).get(SHEET1), StandardCharsets.UTF_8)).contains("<!DOCTYPE", "&secret;");
        assertThatThrownBy(() -> readAll(reader, edited))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessageStartingWith(ReadMessages.NOT_XLSX)
                .hasStackTraceContaining("DOCTYPE is disallowed");
    }

    @Test
    void shouldNameABinaryWorkbook() throws Exception {
        Path file = twoSheets();
        Path edited = edit(file, Map.of("[Content_Types].xml", xml -> xml.replace(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "application/vnd.ms-excel.sheet.binary.macroEnabled.main")));

        assertThatThrownBy(() -> readAll(reader, edited))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessage(ReadMessages.XLSB);
    }

    @Test
    void shouldRefuseASharedStringIndexTheWorkbookDoesNotHold() throws Exception {
        Path file = twoSheets();
        Path edited = edit(file, Map.of(SHEET1, xml -> xml.replaceFirst("<v>0</v>", "<v>7</v>")));

        assertThatThrownBy(() -> readAll(reader, edited))
                .isInstanceOfSatisfying(WorkbookReadException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(ReadMessages.NOT_XLSX + " (sheet '評価シート' cannot be read)");
                    assertThat(e.sheetName()).isEqualTo("評価シート");
                });
    }

    @Test
    void shouldReadAZipWhoseCentralDirectoryIsCutOffFromItsEntries() throws Exception {
        Path file = twoSheets();
        byte[] bytes = Files.readAllBytes(file);
        Path cut = temp.resolve("cut.xlsx");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 10));

        assertThatThrownBy(() -> new ZipFile(cut.toFile()).close()).isInstanceOf(IOException.class);
        assertThat(readAll(reader, cut)).extracting(s -> s.text(0, 0)).containsExactly("施策評価シート", "指標名");
    }

    @Test
    void shouldRefuseASheetThatInflatesAHundredTimesItsSizeNamingIt() throws Exception {
        Path file = twoSheets();
        Path bomb = edit(file, Map.of(SHEET2, xml -> xml.replace("<sheetData>", "<sheetData>" + " ".repeat(4 << 20))));

        assertThatThrownBy(() -> readAll(reader, bomb))
                .isInstanceOfSatisfying(WorkbookReadException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(ReadMessages.ZIP_BOMB);
                    assertThat(e.sheetName()).isEqualTo("指標");
                });
    }

    @Test
    void shouldRefuseSharedStringsThatInflateAHundredTimesTheirSize() throws Exception {
        Path file = twoSheets();
        Path bomb = edit(file, Map.of(SHARED_STRINGS, xml -> xml.replace("<si>", " ".repeat(1 << 20) + "<si>")));

        assertThatThrownBy(() -> readAll(reader, bomb))
                .isInstanceOfSatisfying(WorkbookReadException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(ReadMessages.ZIP_BOMB);
                    assertThat(e.sheetName()).isNull();
                });
    }

    @Test
    void shouldReadALargeSheetThatCompressesAsUsualData() throws Exception {
        Path file = temp.resolve("large.xlsx");
        Random random = new Random(42);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("貼り付けデータ");
            for (int r = 0; r < 3000; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 4; c++) {
                    row.createCell(c).setCellValue(random.nextInt(1_000_000));
                }
            }
            save(workbook, file);
        }

        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry(SHEET1).getSize()).isGreaterThan(200_000);
        }
        assertThat(readAll(reader, file).get(0).cellCount()).isEqualTo(12_000);
    }

    @Test
    void shouldKnowTheRelationshipsAndContentTypesPoiNames() {
        assertThat(XlsxPackage.relationshipPartName("/xl/workbook.xml")).isEqualTo("/xl/_rels/workbook.xml.rels");
        assertThat(XlsxPackage.key("/XL/Worksheets/シート1.xml")).isEqualTo(XlsxPackage.key("/xl/worksheets/%E3%82%B7%E3%83%BC%E3%83%881.xml"));
        assertThat(XlsxStreamingReader.SHEET_RELATIONSHIPS).containsExactlyInAnyOrder(XSSFRelation.WORKSHEET.getRelation(),
                XSSFRelation.CHARTSHEET.getRelation(), XSSFRelation.MACRO_SHEET_XML.getRelation());
        assertThat(XlsxStreamingReader.SHARED_STRINGS_TYPE).isEqualTo(XSSFRelation.SHARED_STRINGS.getContentType());
        assertThat(XlsxStreamingReader.STYLES_TYPE).isEqualTo(XSSFRelation.STYLES.getContentType());
    }

    @Test
    void shouldReadPlainMergeRangesAsPoiReadsThem() {
        assertThat(XlsxSheetHandler.plainRange("B3:D3")).isEqualTo(new CellRange(2, 2, 1, 3));
        assertThat(XlsxSheetHandler.plainRange("AA10:XFD1048576")).isEqualTo(new CellRange(9, 1_048_575, 26, 16_383));
        assertThat(XlsxSheetHandler.plainRange("$B$3:D3")).isNull();
        assertThat(XlsxSheetHandler.plainRange("D3:B3")).isNull();
        assertThat(XlsxSheetHandler.plainRange("b3:d3")).isNull();
        assertThat(XlsxSheetHandler.plainRange("B3")).isNull();
    }

    // ---------------------------------------------------------------- helpers

    /** Two sheets, as POI writes them: 評価シート (a shared string and a number) and 指標. */
    private Path twoSheets() throws IOException {
        Path file = temp.resolve("two-sheets.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row first = workbook.createSheet("評価シート").createRow(0);
            first.createCell(0).setCellValue("施策評価シート");
            first.createCell(1).setCellValue(0.5);
            workbook.createSheet("指標").createRow(0).createCell(0).setCellValue("指標名");
            save(workbook, file);
        }
        return file;
    }

    private static void save(XSSFWorkbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }

    /** A copy of a workbook with entries edited as text; one that the workbook does not hold is added (its edit gets {@code ""}). */
    private Path edit(Path file, Map<String, UnaryOperator<String>> edits) throws IOException {
        Map<String, byte[]> entries = read(file);
        for (Map.Entry<String, UnaryOperator<String>> edit : edits.entrySet()) {
            byte[] old = entries.getOrDefault(edit.getKey(), new byte[0]);
            entries.put(edit.getKey(), edit.getValue().apply(new String(old, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
        }
        return write(entries);
    }

    private Path without(Path file, String name) throws IOException {
        Map<String, byte[]> entries = read(file);
        entries.remove(name);
        return write(entries);
    }

    private Path rename(Path file, String from, String to) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        read(file).forEach((name, bytes) -> entries.put(name.equals(from) ? to : name, bytes));
        return write(entries);
    }

    private static Map<String, byte[]> read(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    private Path write(Map<String, byte[]> entries) throws IOException {
        Path edited = Files.createTempFile(temp, "edited", ".xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(edited))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return edited;
    }

    private Path unzip(Path file, String name) throws IOException {
        Path part = Files.createTempFile(temp, "part", ".xml");
        Files.write(part, read(file).get(name));
        return part;
    }

    private static List<String> entryNames(Path file) throws IOException {
        return new ArrayList<>(read(file).keySet());
    }
}
