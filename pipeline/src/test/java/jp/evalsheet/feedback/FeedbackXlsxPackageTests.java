package jp.evalsheet.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openxmlformats.schemas.spreadsheetml.x2006.main.CommentsDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.StyleSheetDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorksheetDocument;

import jp.evalsheet.feedback.FeedbackWorkbookWriter.Result;
import jp.evalsheet.feedback.FeedbackWorkbookWriter.Route;

/**
 * The zip-level path of {@link FeedbackWorkbookWriter} for .xlsx submissions ({@link XlsxPackageFeedback}):
 * which submissions take it and which fall back to POI's user model, and that what it writes reads
 * back, through POI, as what the POI path writes.
 */
class FeedbackXlsxPackageTests {

    private static final String ERROR_ARGB = "FF" + FindingsLayout.ERROR_RGB;
    private static final String WARNING_ARGB = "FF" + FindingsLayout.WARNING_RGB;

    private final FeedbackWorkbookWriter writer = new FeedbackWorkbookWriter();
    private final FeedbackWorkbookWriter poiOnly = new FeedbackWorkbookWriter(false);

    @TempDir
    Path temp;

    /** The findings of the POI path's tests, less the warning on C3, whose sheet has a comment in that workbook. */
    private static List<FeedbackItem> findings() {
        return List.of(
                FeedbackItem.info("施策611", "AA2", "no_progress", "the latest actual is 0 against a positive target", "0"),
                FeedbackItem.warning("施策612", "C5", "status_contradicts_baseline",
                        "rated B (better than the baseline), yet worse than the baseline", "前年度比 増加"),
                FeedbackItem.error("施策611", "C12", "printed_total_differs_from_projects",
                        "the printed 計 is not the sum of its projects (50,982)", "10,059"),
                FeedbackItem.warning("削除済みシート", "B2", "unknown_label", "a sheet that is not in the file", null),
                FeedbackItem.error("施策611", "D5", "cost_not_a_number",
                        "expected a cost in thousand yen such as 10,059, or - for none", "約7千"),
                FeedbackItem.warning("施策611", "$D$5", "cost_rounded", "the cost looks rounded <&> \"quoted\"", "約7千"),
                FeedbackItem.warning("施策612", null, "hidden_rows", "the sheet has hidden rows", null),
                FeedbackItem.error(null, null, "unknown_sheet_family", "no sheet of a known family", null),
                FeedbackItem.error("施策611", null, "missing_status", "施策の進捗状況 is not rated", null));
    }

    // ---- the fast path ---------------------------------------------------------------------------

    @Test
    void shouldMarkCellsAndListFindingsAtTheZipLevel() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("R4_施策評価シート_人権庶務課.xlsx"), false);
        byte[] before = Files.readAllBytes(submission);

        Result result = writer.writeReporting(submission, "R4", findings(), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.PACKAGE);
        assertThat(result.fallback()).isNull();
        assertThat(Files.readAllBytes(submission)).isEqualTo(before);
        assertThat(schemaErrors(result.workbook())).isEmpty();
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings)", "施策611", "施策612");
            assertThat(workbook.getActiveSheetIndex()).isZero();
            assertThat(workbook.getSheetAt(0).isSelected()).isTrue();
            assertThat(workbook.getSheetAt(1).isSelected()).isFalse();
            assertThat(workbook.getSheetAt(2).isSelected()).isFalse();

            XSSFSheet findings = workbook.getSheetAt(0);
            assertThat(findings.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指摘事項 (findings): R4"
                    + " — エラー 4件 (4 errors), 警告 4件 (4 warnings), 情報 1件 (1 info)");
            assertThat(findings.getRow(2).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(findings.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A3:F12");
            PaneInformation pane = findings.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 3);
            assertThat(findings.getColumnWidth(3)).isEqualTo(70 * 256);
            assertThat(findings.getPrintSetup().getLandscape()).isTrue();
            assertThat(findings.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(findings.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(findings.getFitToPage()).isTrue();
            assertThat(findings.getRepeatingRows().formatAsString()).isEqualTo("3:3");
            assertThat(fillArgb(findings.getRow(3).getCell(0))).isEqualTo(ERROR_ARGB);
            assertThat(link(findings, 4, 1)).isEqualTo("'施策611'!A1");
            assertThat(link(findings, 6, 2)).isEqualTo("'施策611'!C12");
            assertThat(findings.getRow(6).getCell(2).getCellStyle().getFont().getUnderline()).isEqualTo((byte) 1);
            assertThat(findings.getRow(10).getCell(1).getHyperlink()).isNull();
            // a rule without a Japanese text gets the generic sentence above its English
            assertThat(findings.getRow(7).getCell(3).getStringCellValue())
                    .isEqualTo(FindingTexts.GENERIC + "\nthe cost looks rounded <&> \"quoted\"");

            XSSFSheet policy = workbook.getSheet("施策611");
            XSSFCell total = cell(policy, "C12");
            assertThat(total.getNumericCellValue()).isEqualTo(10059.0);
            assertThat(fillArgb(total)).isEqualTo(ERROR_ARGB);
            assertThat(total.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(total.getCellStyle().getFont().getBold()).isTrue();
            assertThat(total.getCellStyle().getBorderBottom()).isEqualTo(BorderStyle.THIN);
            assertThat(total.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(total.getCellComment().getAuthor()).isEqualTo("政策企画課");
            assertThat(total.getCellComment().getString().getString()).isEqualTo("政策企画課:\n"
                    + "[エラー Error] 計の金額が、各事業の金額（【再掲】を除く）の合計と一致しません。計または各事業の金額をご確認ください。\n"
                    + "the printed 計 is not the sum of its projects (50,982) (記入内容 found: \"10,059\")");
            XSSFCell neighbour = cell(policy, "D12");
            assertThat(neighbour.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
            assertThat(neighbour.getCellComment()).isNull();
            // two items on one cell: one comment, the worst first, the fill of the worst
            assertThat(fillArgb(cell(policy, "D5"))).isEqualTo(ERROR_ARGB);
            assertThat(cell(policy, "D5").getCellComment().getString().getString()).isEqualTo("政策企画課:\n"
                    + "[エラー Error] " + FindingTexts.japanese("cost_not_a_number").orElseThrow() + "\n"
                    + "expected a cost in thousand yen such as 10,059, or - for none (記入内容 found: \"約7千\")\n"
                    + "[警告 Warning] " + FindingTexts.GENERIC + "\n"
                    + "the cost looks rounded <&> \"quoted\" (記入内容 found: \"約7千\")");
            XSSFCell info = cell(policy, "AA2");
            assertThat(info.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
            assertThat(info.getCellComment().getString().getString()).contains("[情報 Info] 最新の実績値が 0 になっています", "。\nthe latest actual is 0");
            XSSFCell merged = cell(workbook.getSheet("施策612"), "B5");
            assertThat(fillArgb(merged)).isEqualTo(WARNING_ARGB);
            assertThat(merged.getCellComment().getString().getString()).contains("worse than the baseline");
            assertThat(workbook.getSheet("施策612").getMergedRegions()).extracting(CellRangeAddress::formatAsString)
                    .containsExactly("B5:D5");
            assertThat(policy.getTabColor().getARGBHex()).isEqualTo(ERROR_ARGB);
            assertThat(workbook.getSheet("施策612").getTabColor().getARGBHex()).isEqualTo(WARNING_ARGB);
            assertThat(findings.getTabColor()).isNull();
        }
    }

    @Test
    void shouldReadBackAsThePoiPathWritesIt() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("R4_施策評価シート_人権庶務課.xlsx"), false);

        Result fast = writer.writeReporting(submission, "R4", findings(), temp.resolve("fast"));
        Result poi = poiOnly.writeReporting(submission, "R4", findings(), temp.resolve("poi"));

        assertThat(fast.route()).isEqualTo(Route.PACKAGE);
        assertThat(poi.route()).isEqualTo(Route.POI);
        assertThat(describe(fast.workbook())).isEqualTo(describe(poi.workbook()));
    }

    @Test
    void shouldCopyUnchangedPartsAsTheyAre() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("two.xlsx"), false);

        Result result = writer.writeReporting(submission, "two.xlsx",
                List.of(FeedbackItem.error("施策612", "C2", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.PACKAGE);
        Map<String, byte[]> before = entries(submission);
        Map<String, byte[]> after = entries(result.workbook());
        assertThat(after.get("xl/sharedStrings.xml")).isEqualTo(before.get("xl/sharedStrings.xml"));
        assertThat(after.get("docProps/core.xml")).isEqualTo(before.get("docProps/core.xml"));
        // the first sheet, selected in the submission, is rewritten only to be unselected
        assertThat(new String(before.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8)).contains("tabSelected");
        assertThat(new String(after.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8)).doesNotContain("tabSelected")
                .doesNotContain("legacyDrawing");
        assertThat(after.keySet()).containsAll(before.keySet());
    }

    @Test
    void shouldCreateCellsAndRowsTheSheetDidNotHaveInOrder() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("sparse.xlsx"), false);

        Result result = writer.writeReporting(submission, "sparse.xlsx", List.of(
                FeedbackItem.error("施策612", "A2", "before_the_row's_cells", "message", null),
                FeedbackItem.warning("施策612", "H2", "after_the_row's_cells", "message", null),
                FeedbackItem.error("施策612", "F20", "a_row_not_there", "message", null),
                FeedbackItem.warning("施策612", "E4", "a_row_between_rows", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.PACKAGE);
        String sheetXml = new String(entries(result.workbook()).get("xl/worksheets/sheet2.xml"), StandardCharsets.UTF_8);
        assertThat(references(sheetXml, "<row [^>]*r=\"(\\d+)\"")).containsExactly("2", "4", "5", "20");
        assertThat(references(sheetXml, "<c [^>]*r=\"([A-Z]+\\d+)\"")).containsExactly("A2", "B2", "C2", "H2", "E4", "B5", "F20");
        assertThat(sheetXml).contains("<dimension ref=\"A2:H20\"/>");
        try (XSSFWorkbook workbook = open(result.workbook())) {
            XSSFSheet indicators = workbook.getSheet("施策612");
            assertThat(cell(indicators, "B2").getStringCellValue()).isEqualTo("指標");
            assertThat(cell(indicators, "C2").getStringCellValue()).isEqualTo("目標値");
            assertThat(fillArgb(cell(indicators, "A2"))).isEqualTo(ERROR_ARGB);
            assertThat(fillArgb(cell(indicators, "H2"))).isEqualTo(WARNING_ARGB);
            assertThat(fillArgb(cell(indicators, "F20"))).isEqualTo(ERROR_ARGB);
            assertThat(fillArgb(cell(indicators, "E4"))).isEqualTo(WARNING_ARGB);
            assertThat(cell(indicators, "F20").getCellComment().getString().getString()).endsWith("[エラー Error] " + FindingTexts.GENERIC + "\nmessage");
            assertThat(cell(indicators, "B5").getStringCellValue()).isEqualTo("前年度比 増加");
        }
    }

    @Test
    void shouldShiftTheSheetsOfDefinedNamesPastTheFindingsSheet() throws Exception {
        Path submission = temp.resolve("names.xlsx");
        try (XSSFWorkbook workbook = DepartmentWorkbook.create(false)) {
            workbook.getSheet("施策611").setAutoFilter(CellRangeAddress.valueOf("B11:D12"));
            workbook.setPrintArea(1, "$A$1:$D$10");
            Name total = workbook.createName();
            total.setNameName("合計");
            total.setRefersToFormula("'施策611'!$C$12");
            Name local = workbook.createName();
            local.setNameName("目標");
            local.setSheetIndex(1);
            local.setRefersToFormula("'施策612'!$C$2");
            try (OutputStream out = Files.newOutputStream(submission)) {
                workbook.write(out);
            }
        }

        Result result = writer.writeReporting(submission, "names.xlsx",
                List.of(FeedbackItem.error("施策611", "C12", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.PACKAGE);
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(names(workbook)).containsExactlyInAnyOrder(
                    "0 _xlnm._FilterDatabase '指摘事項 (Findings)'!$A$3:$F$4",
                    "0 _xlnm.Print_Titles '指摘事項 (Findings)'!$3:$3",
                    "1 _xlnm._FilterDatabase 施策611!$B$11:$D$12",
                    "2 _xlnm.Print_Area 施策612!$A$1:$D$10",
                    "2 目標 '施策612'!$C$2",
                    "-1 合計 '施策611'!$C$12");
            assertThat(workbook.getPrintArea(2)).isEqualTo("施策612!$A$1:$D$10");
            assertThat(workbook.getSheetAt(1).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("B11:D12");
        }
    }

    @Test
    void shouldWriteTheFindingsSheetAloneAsAPackageOfItsOwnWhenThereAreNoFindings() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("clean.xlsx"), true);

        Result fast = writer.writeReporting(submission, "clean.xlsx", List.of(), temp.resolve("fast"));
        Result poi = poiOnly.writeReporting(submission, "clean.xlsx", List.of(), temp.resolve("poi"));

        assertThat(fast.route()).isEqualTo(Route.PACKAGE_FINDINGS_ONLY);
        assertThat(poi.route()).isEqualTo(Route.POI);
        assertThat(describe(fast.workbook())).isEqualTo(describe(poi.workbook()));
        try (XSSFWorkbook workbook = open(fast.workbook())) {
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings)");
            assertThat(workbook.getSheetAt(0).getRow(FindingsLayout.FIRST_ITEM_ROW).getCell(0).getStringCellValue())
                    .isEqualTo(FindingsLayout.NO_FINDINGS);
        }
    }

    @Test
    void shouldPlaceNewElementsWhereTheSchemaWantsThem() throws Exception {
        Path submission = temp.resolve("busy.xlsx");
        try (XSSFWorkbook workbook = DepartmentWorkbook.create(false)) {
            XSSFSheet policy = workbook.getSheet("施策611");
            policy.setFitToPage(true);
            policy.createFreezePane(0, 2);
            policy.setAutoFilter(CellRangeAddress.valueOf("B11:D12"));
            var link = workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
            link.setAddress("https://www.city.example.lg.jp/");
            cell(policy, "B12").setHyperlink(link);
            var validation = policy.getDataValidationHelper();
            policy.addValidationData(validation.createValidation(validation.createExplicitListConstraint(new String[] {"A", "B"}),
                    new CellRangeAddressList(4, 4, 2, 2)));
            int picture = workbook.addPicture(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                    XSSFWorkbook.PICTURE_TYPE_PNG);
            var anchor = workbook.getCreationHelper().createClientAnchor();
            anchor.setCol1(5);
            anchor.setRow1(5);
            policy.createDrawingPatriarch().createPicture(anchor, picture);
            policy.getHeader().setCenter("施策評価");
            workbook.getSheet("施策612").setTabColor(new XSSFColor(new byte[] {0, 0, (byte) 255}, null));
            try (OutputStream out = Files.newOutputStream(submission)) {
                workbook.write(out);
            }
        }

        Result result = writer.writeReporting(submission, "busy.xlsx", List.of(
                FeedbackItem.error("施策611", "C12", "rule", "message", null),
                FeedbackItem.warning("施策611", null, "rule", "the whole sheet", null),
                FeedbackItem.warning("施策612", null, "rule", "the whole sheet", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.PACKAGE);
        assertThat(schemaErrors(result.workbook())).isEmpty();
        String sheetXml = new String(entries(result.workbook()).get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        assertThat(sheetXml.indexOf("<tabColor")).isLessThan(sheetXml.indexOf("<pageSetUpPr"));
        assertThat(sheetXml.indexOf("<drawing ")).isLessThan(sheetXml.indexOf("<legacyDrawing "));
        assertThat(sheetXml.indexOf("<headerFooter")).isLessThan(sheetXml.indexOf("<drawing "));
        try (XSSFWorkbook workbook = open(result.workbook())) {
            XSSFSheet policy = workbook.getSheet("施策611");
            assertThat(policy.getTabColor().getARGBHex()).isEqualTo(WARNING_ARGB);
            assertThat(workbook.getSheet("施策612").getTabColor().getARGBHex()).isEqualTo(WARNING_ARGB);
            assertThat(policy.getFitToPage()).isTrue();
            assertThat(cell(policy, "B12").getHyperlink().getAddress()).isEqualTo("https://www.city.example.lg.jp/");
            assertThat(policy.getDrawingPatriarch().getShapes()).hasSize(1);
            assertThat(cell(policy, "C12").getCellComment().getString().getString()).endsWith("[エラー Error] " + FindingTexts.GENERIC + "\nmessage");
            assertThat(policy.getDataValidations()).hasSize(1);
        }
    }

    @Test
    void shouldNameTheFindingsSheetApartFromASheetOfTheSameName() throws Exception {
        Path submission = temp.resolve("resubmitted.xlsx");
        try (XSSFWorkbook workbook = DepartmentWorkbook.create(false)) {
            workbook.createSheet("指摘事項 (findings)");
            try (OutputStream out = Files.newOutputStream(submission)) {
                workbook.write(out);
            }
        }

        Result result = writer.writeReporting(submission, "resubmitted.xlsx",
                List.of(FeedbackItem.error("施策611", "C12", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.PACKAGE);
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(sheetNames(workbook))
                    .containsExactly("指摘事項 (Findings) (2)", "施策611", "施策612", "指摘事項 (findings)");
            assertThat(link(workbook.getSheetAt(0), 3, 2)).isEqualTo("'施策611'!C12");
            assertThat(names(workbook)).contains("0 _xlnm._FilterDatabase '指摘事項 (Findings) (2)'!$A$3:$F$4");
        }
    }

    @Test
    void shouldKeepTextsXmlCannotHoldAsWritten() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("odd.xlsx"), false);
        String message = " bell \u0007, escape-like _x0041_, surrogates \uD842\uDFB7, markup <b>&amp;</b> ";

        Result result = writer.writeReporting(submission, "odd.xlsx",
                List.of(FeedbackItem.error("施策611", "C12", "rule", message, null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.PACKAGE);
        assertThat(schemaErrors(result.workbook())).isEmpty();
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(workbook.getSheetAt(0).getRow(FindingsLayout.FIRST_ITEM_ROW).getCell(3).getStringCellValue())
                    .isEqualTo(FindingTexts.GENERIC + "\n" + message);
            assertThat(cell(workbook.getSheet("施策611"), "C12").getCellComment().getString().getString())
                    .isEqualTo("政策企画課:\n[エラー Error] " + FindingTexts.GENERIC + "\n" + message);
        }
    }

    @Test
    void shouldDropTheCalculationChainWhichExcelRebuilds() throws Exception {
        Path submission = repack(DepartmentWorkbook.write(temp.resolve("plain.xlsx"), false), temp.resolve("chain.xlsx"),
                Map.of("xl/_rels/workbook.xml.rels", xml -> xml.replace("</Relationships>", "<Relationship Id=\"rId98\" "
                        + "Target=\"calcChain.xml\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        + "relationships/calcChain\"/></Relationships>"),
                        "[Content_Types].xml", xml -> xml.replace("</Types>", "<Override PartName=\"/xl/calcChain.xml\" "
                                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml\"/>"
                                + "</Types>")),
                Map.of("xl/calcChain.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><calcChain xmlns=\""
                        + PackageXml.MAIN_NS + "\"><c r=\"C12\" i=\"1\"/></calcChain>"));

        Result result = writer.writeReporting(submission, "chain.xlsx",
                List.of(FeedbackItem.error("施策611", "C12", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.PACKAGE);
        Map<String, byte[]> after = entries(result.workbook());
        assertThat(after).doesNotContainKey("xl/calcChain.xml");
        assertThat(new String(after.get("xl/_rels/workbook.xml.rels"), StandardCharsets.UTF_8)).doesNotContain("calcChain");
        assertThat(new String(after.get("[Content_Types].xml"), StandardCharsets.UTF_8)).doesNotContain("calcChain");
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(fillArgb(cell(workbook.getSheet("施策611"), "C12"))).isEqualTo(ERROR_ARGB);
        }
    }

    // ---- falling back to POI ---------------------------------------------------------------------

    @Test
    void shouldFallBackWhenAFlaggedSheetAlreadyHasComments() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("commented.xlsx"), true);

        Result result = writer.writeReporting(submission, "commented.xlsx",
                List.of(FeedbackItem.error("施策611", "C12", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.POI);
        assertThat(result.fallback()).isEqualTo("xl/worksheets/sheet1.xml already has comments or a legacy drawing");
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(cell(workbook.getSheet("施策611"), "C3").getCellComment().getString().getString())
                    .isEqualTo("課長確認済み");
            assertThat(fillArgb(cell(workbook.getSheet("施策611"), "C12"))).isEqualTo(ERROR_ARGB);
        }
    }

    @Test
    void shouldNotFallBackWhenOnlyAnotherSheetHasComments() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("commented.xlsx"), true);

        Result result = writer.writeReporting(submission, "commented.xlsx",
                List.of(FeedbackItem.error("施策612", "C2", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.PACKAGE);
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(cell(workbook.getSheet("施策611"), "C3").getCellComment().getString().getString())
                    .isEqualTo("課長確認済み");
            assertThat(cell(workbook.getSheet("施策612"), "C2").getCellComment().getString().getString())
                    .endsWith("[エラー Error] " + FindingTexts.GENERIC + "\nmessage");
        }
    }

    @Test
    void shouldFallBackForStrictOoxml() throws Exception {
        Path submission = repack(DepartmentWorkbook.write(temp.resolve("plain.xlsx"), false), temp.resolve("strict.xlsx"),
                Map.of("_rels/.rels", xml -> xml.replace(
                        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")), Map.of());

        Result result = writer.writeReporting(submission, "strict.xlsx",
                List.of(FeedbackItem.error("施策611", "C12", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.POI);
        assertThat(result.fallback()).isEqualTo("the package is strict OOXML");
    }

    @Test
    void shouldFallBackForAMacroEnabledWorkbook() throws Exception {
        Path submission = repack(DepartmentWorkbook.write(temp.resolve("plain.xlsx"), false), temp.resolve("macro.xlsm"),
                Map.of("[Content_Types].xml", xml -> xml.replace(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                        "application/vnd.ms-excel.sheet.macroEnabled.main+xml")), Map.of());

        Result result = writer.writeReporting(submission, "macro.xlsm",
                List.of(FeedbackItem.error("施策611", "C12", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.POI);
        assertThat(result.fallback()).startsWith("the workbook is not a plain .xlsx workbook");
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(fillArgb(cell(workbook.getSheet("施策611"), "C12"))).isEqualTo(ERROR_ARGB);
        }
    }

    @Test
    void shouldFallBackWhenAFindingNamesAChartsheet() throws Exception {
        Path plain = DepartmentWorkbook.write(temp.resolve("plain.xlsx"), false);
        Path submission = repack(plain, temp.resolve("chart.xlsx"), Map.of(
                "xl/workbook.xml", xml -> xml.replace("</sheets>", "<sheet name=\"グラフ\" sheetId=\"9\" r:id=\"rId99\"/></sheets>"),
                "xl/_rels/workbook.xml.rels", xml -> xml.replace("</Relationships>", "<Relationship Id=\"rId99\" "
                        + "Target=\"chartsheets/sheet1.xml\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        + "relationships/chartsheet\"/></Relationships>"),
                "[Content_Types].xml", xml -> xml.replace("</Types>", "<Override PartName=\"/xl/chartsheets/sheet1.xml\" "
                        + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml\"/></Types>")),
                Map.of("xl/chartsheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><chartsheet xmlns=\""
                        + PackageXml.MAIN_NS + "\"><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews></chartsheet>"));

        Result fine = writer.writeReporting(submission, "chart.xlsx",
                List.of(FeedbackItem.error("施策611", "C12", "rule", "message", null)), temp.resolve("fine"));
        Result result = writer.writeReporting(submission, "chart.xlsx",
                List.of(FeedbackItem.warning("グラフ", null, "rule", "message", null)), temp.resolve("out"));

        assertThat(fine.route()).isEqualTo(Route.PACKAGE);
        assertThat(result.route()).isEqualTo(Route.POI);
        assertThat(result.fallback()).isEqualTo("the sheet グラフ named by a finding is not a worksheet");
    }

    @Test
    void shouldFallBackWhenRowsDoNotSayWhereTheyAre() throws Exception {
        Path submission = repack(DepartmentWorkbook.write(temp.resolve("plain.xlsx"), false), temp.resolve("rows.xlsx"),
                Map.of("xl/worksheets/sheet2.xml", xml -> xml.replaceAll("<row r=\"\\d+\"", "<row")
                        .replaceAll("<c r=\"[A-Z]+\\d+\"", "<c")), Map.of());

        Result result = writer.writeReporting(submission, "rows.xlsx",
                List.of(FeedbackItem.error("施策612", "C5", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.POI);
        assertThat(result.fallback()).startsWith("a row without its number");
    }

    @Test
    void shouldFallBackWhenAFlaggedSheetHasAnElementItDoesNotPlace() throws Exception {
        Path submission = repack(DepartmentWorkbook.write(temp.resolve("plain.xlsx"), false), temp.resolve("mc.xlsx"),
                Map.of("xl/worksheets/sheet2.xml", xml -> xml.replace("</worksheet>",
                        "<mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
                                + "<mc:Fallback/></mc:AlternateContent></worksheet>")), Map.of());

        Result result = writer.writeReporting(submission, "mc.xlsx",
                List.of(FeedbackItem.error("施策612", "C5", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.POI);
        assertThat(result.fallback()).isEqualTo(
                "xl/worksheets/sheet2.xml has an element the fast path does not place: mc:AlternateContent");
    }

    @Test
    void shouldFallBackOnAnyErrorAndLetPoiJudgeTheFile() throws Exception {
        Path submission = repack(DepartmentWorkbook.write(temp.resolve("plain.xlsx"), false), temp.resolve("bad.xlsx"),
                Map.of("xl/styles.xml", xml -> xml.substring(0, xml.length() / 2)), Map.of());

        Result result = writer.writeReporting(submission, "bad.xlsx",
                List.of(FeedbackItem.error("施策611", "C12", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.POI);
        assertThat(result.fallback()).startsWith("the package could not be copied (IOException: not well-formed XML");
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(workbook.getSheetAt(0).getRow(FindingsLayout.FIRST_ITEM_ROW).getCell(5).getStringCellValue())
                    .isEqualTo("rule");
        }
    }

    @Test
    void shouldNotInflateAZipBombButLeaveItToPoi() throws Exception {
        String blanks = " ".repeat(4 << 20);
        Path submission = repack(DepartmentWorkbook.write(temp.resolve("plain.xlsx"), false), temp.resolve("bomb.xlsx"),
                Map.of("xl/worksheets/sheet1.xml", xml -> xml.replace("<sheetData>", "<sheetData>" + blanks)), Map.of());
        assertThat(Files.size(submission)).isLessThan(1 << 20);

        Result result = writer.writeReporting(submission, "bomb.xlsx",
                List.of(FeedbackItem.error("施策611", "C12", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.POI);
        assertThat(result.fallback()).isEqualTo("the part xl/worksheets/sheet1.xml inflates to more than 100 times its "
                + "size or beyond 8 MiB (a possible zip bomb)");
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings)");
        }
    }

    @Test
    void shouldFallBackForATruncatedFile() throws Exception {
        byte[] whole = Files.readAllBytes(DepartmentWorkbook.write(temp.resolve("whole.xlsx"), false));
        Path submission = Files.write(temp.resolve("truncated.xlsx"), Arrays.copyOf(whole, whole.length / 2));

        Result result = writer.writeReporting(submission, "truncated.xlsx",
                List.of(FeedbackItem.error("施策611", "C12", "rule", "message", null)), temp.resolve("out"));

        assertThat(result.route()).isEqualTo(Route.POI);
        assertThat(result.fallback()).startsWith("the package could not be copied");
        try (XSSFWorkbook workbook = open(result.workbook())) {
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings)");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return names;
    }

    private static List<String> names(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        for (Name name : workbook.getAllNames()) {
            names.add(name.getSheetIndex() + " " + name.getNameName() + " " + name.getRefersToFormula());
        }
        return names;
    }

    static String link(XSSFSheet sheet, int row, int column) {
        var link = sheet.getRow(row).getCell(column).getHyperlink();
        assertThat(link).as("hyperlink at row %d column %d", row, column).isNotNull();
        assertThat(link.getType()).isEqualTo(HyperlinkType.DOCUMENT);
        return link.getAddress();
    }

    static XSSFCell cell(XSSFSheet sheet, String address) {
        CellAddress a = new CellAddress(address);
        XSSFRow row = sheet.getRow(a.getRow());
        assertThat((Object) row).as("row of %s", address).isNotNull();
        XSSFCell cell = row.getCell(a.getColumn());
        assertThat(cell).as("cell %s", address).isNotNull();
        return cell;
    }

    static String fillArgb(XSSFCell cell) {
        XSSFCellStyle style = cell.getCellStyle();
        return style.getFillForegroundColorColor() == null ? null : style.getFillForegroundColorColor().getARGBHex();
    }

    /** What the SpreadsheetML schema finds wrong in the worksheets, workbook, styles and comments of a package. */
    static List<String> schemaErrors(Path file) throws Exception {
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : entries(file).entrySet()) {
            String name = entry.getKey();
            var in = new ByteArrayInputStream(entry.getValue());
            XmlObject part;
            if (name.startsWith("xl/worksheets/sheet")) {
                part = WorksheetDocument.Factory.parse(in);
            } else if (name.equals("xl/workbook.xml")) {
                part = WorkbookDocument.Factory.parse(in);
            } else if (name.equals("xl/styles.xml")) {
                part = StyleSheetDocument.Factory.parse(in);
            } else if (name.startsWith("xl/comments")) {
                part = CommentsDocument.Factory.parse(in);
            } else {
                continue;
            }
            List<XmlError> found = new ArrayList<>();
            part.validate(new XmlOptions().setErrorListener(found));
            found.stream().map(XmlError::getMessage)
                    // Excel writes xml:space on <t>; the schema as POI compiles it does not declare it
                    .filter(message -> !message.contains("space@http://www.w3.org/XML/1998/namespace in element t@"))
                    .forEach(message -> errors.add(name + ": " + message));
        }
        return errors;
    }

    private static List<String> references(String xml, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(xml);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> all = file.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    /** A copy of a package with some text parts edited and some added. */
    private static Path repack(Path source, Path target, Map<String, UnaryOperator<String>> edits,
            Map<String, String> additions) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, byte[]> entry : entries(source).entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                UnaryOperator<String> edit = edits.get(entry.getKey());
                out.write(edit == null ? entry.getValue()
                        : edit.apply(new String(entry.getValue(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            for (Map.Entry<String, String> addition : additions.entrySet()) {
                out.putNextEntry(new ZipEntry(addition.getKey()));
                out.write(addition.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return target;
    }

    /** Where a comment's box is drawn: first and last column and row of its anchor. */
    private static String box(XSSFComment comment) {
        ClientAnchor anchor = comment.getClientAnchor();
        return anchor.getCol1() + "," + anchor.getRow1() + "-" + anchor.getCol2() + "," + anchor.getRow2();
    }

    /**
     * Writes the feedback of {@code submission} both ways under {@code out}, checks that the zip-level
     * writer took {@code route} without falling back and that both read back alike; the zip-level one.
     */
    static Path assertSameAsPoi(Path submission, List<FeedbackItem> items, Route route, Path out) throws Exception {
        String name = submission.getFileName().toString();
        Result fast = new FeedbackWorkbookWriter().writeReporting(submission, name, items, out.resolve("fast"));
        Result poi = new FeedbackWorkbookWriter(false).writeReporting(submission, name, items, out.resolve("poi"));

        assertThat(fast.route()).as("route of %s", name).isEqualTo(route);
        assertThat(fast.fallback()).isNull();
        assertThat(poi.route()).isEqualTo(Route.POI);
        assertThat(describe(fast.workbook())).as("%s read back", name).isEqualTo(describe(poi.workbook()));
        return fast.workbook();
    }

    /** What a person sees of a workbook, and what the tests of the POI path read, one line per fact. */
    static List<String> describe(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (XSSFWorkbook workbook = open(file)) {
            lines.add("active " + workbook.getActiveSheetIndex() + " first " + workbook.getFirstVisibleTab());
            lines.addAll(names(workbook).stream().sorted().toList());
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                XSSFSheet sheet = workbook.getSheetAt(i);
                lines.add("sheet " + sheet.getSheetName() + " selected " + sheet.isSelected() + " tab "
                        + (sheet.getTabColor() == null ? null : sheet.getTabColor().getARGBHex()) + " hidden "
                        + workbook.isSheetHidden(i));
                PaneInformation pane = sheet.getPaneInformation();
                lines.add("pane " + (pane == null ? null : pane.isFreezePane() + " " + pane.getHorizontalSplitPosition()
                        + " " + pane.getVerticalSplitPosition()));
                lines.add("filter " + (sheet.getCTWorksheet().isSetAutoFilter() ? sheet.getCTWorksheet().getAutoFilter().getRef()
                        : null) + " repeating " + sheet.getRepeatingRows() + " landscape " + sheet.getPrintSetup().getLandscape()
                        + " fit " + sheet.getFitToPage() + " " + sheet.getPrintSetup().getFitWidth() + "x"
                        + sheet.getPrintSetup().getFitHeight());
                lines.add("defaults " + sheet.getDefaultColumnWidth() + " " + sheet.getDefaultRowHeight());
                int lastColumn = 7;
                for (Row row : sheet) {
                    lastColumn = Math.max(lastColumn, row.getLastCellNum());
                }
                for (int column = 0; column <= lastColumn + 1; column++) {
                    lines.add("width " + column + " " + sheet.getColumnWidth(column) + " hidden " + sheet.isColumnHidden(column));
                }
                lines.add("merges " + sheet.getMergedRegions().stream().map(CellRangeAddress::formatAsString).sorted().toList());
                for (Row row : sheet) {
                    lines.add("row " + (row.getRowNum() + 1) + " height " + row.getHeight() + " zero " + row.getZeroHeight());
                    for (Cell c : row) {
                        XSSFCell cell = (XSSFCell) c;
                        XSSFCellStyle style = cell.getCellStyle();
                        XSSFComment comment = cell.getCellComment();
                        lines.add(cell.getAddress() + " " + cell.getCellType() + " " + cell + " fill " + fillArgb(cell) + " "
                                + style.getFillPattern() + " bold " + style.getFont().getBold() + " underline "
                                + style.getFont().getUnderline() + " border " + style.getBorderBottom() + " format "
                                + style.getDataFormatString() + " wrap " + style.getWrapText() + " align " + style.getAlignment()
                                + " valign " + style.getVerticalAlignment() + " link "
                                + (cell.getHyperlink() == null ? null : cell.getHyperlink().getAddress()) + " comment "
                                + (comment == null ? null : comment.getAuthor() + ": " + comment.getString().getString()
                                        + " box " + box(comment)));
                    }
                }
            }
        }
        return lines;
    }
}
