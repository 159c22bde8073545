package jp.evalsheet.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.extract.Finding;
import jp.evalsheet.feedback.FeedbackWorkbookWriter.Result;
import jp.evalsheet.feedback.FeedbackWorkbookWriter.Route;

/**
 * Writes feedback workbooks for an .xlsx made by {@link DepartmentWorkbook}, its LibreOffice .xls
 * conversion ({@code fixtures/feedback/department-sheet.xls}), a CP932 CSV, a truncated .xlsx and an
 * empty file, and reads them back with POI.
 */
class FeedbackWorkbookWriterTests {

    private static final String ERROR_ARGB = "FF" + FindingsLayout.ERROR_RGB;
    private static final String WARNING_ARGB = "FF" + FindingsLayout.WARNING_RGB;
    private static final Charset CP932 = Charset.forName("windows-31j");

    private final FeedbackWorkbookWriter writer = newWriter();

    /** The writer under test: the job's, which writes .xlsx, .xls and CSV submissions at the zip level where it can. */
    FeedbackWorkbookWriter newWriter() {
        return new FeedbackWorkbookWriter();
    }

    /** The writer under test, its comments by {@code author}. */
    FeedbackWorkbookWriter newWriter(String author) {
        return new FeedbackWorkbookWriter(author);
    }

    /** How the writer under test writes the feedback of a readable .xls with findings. */
    Route xlsRoute() {
        return Route.PACKAGE_XLS;
    }

    @TempDir
    Path temp;

    // ---- a submission too large to copy -------------------------------------------------------

    @Test
    void shouldWriteTheListAloneForASubmissionHoldingMoreThanACopyIsMadeOf() throws Exception {
        Path xlsx = jp.evalsheet.samples.LargeWorkbooks.xlsx(temp.resolve("貼り付け.xlsx"), "貼り付け", 250_000, 1);
        Path csv = jp.evalsheet.samples.LargeWorkbooks.csv(temp.resolve("貼り付け.csv"), 600_000, 3);
        List<FeedbackItem> items = List.of(FeedbackItem.error("貼り付け", null, "unreadable_file", "too many rows", null));

        for (Path submission : List.of(xlsx, csv)) {
            Result result = writer.writeReporting(submission, null, items, temp.resolve("out-" + submission.getFileName()));

            assertThat(result.route()).as(submission.toString()).isEqualTo(Route.TOO_LARGE);
            try (XSSFWorkbook workbook = new XSSFWorkbook(result.workbook().toFile())) {
                assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
                assertThat(workbook.getSheetAt(0).getRow(FindingsLayout.NOTE_ROW).getCell(0).getStringCellValue())
                        .matches("提出ファイルが大きすぎるため、写しは付いていません \\(your file is too large for a marked copy, "
                                + "so none is attached: it holds [0-9.]+ MB of sheet content, more than the 8.0 MB a marked "
                                + "copy is made of; an evaluation sheet holds well under 1 MB\\)");
                assertThat(workbook.getSheetAt(0).getRow(FindingsLayout.FIRST_ITEM_ROW).getCell(5).getStringCellValue())
                        .isEqualTo("unreadable_file");
            }
        }
    }

    // ---- .xlsx ---------------------------------------------------------------------------------

    private static List<FeedbackItem> policyFindings() {
        return List.of(
                FeedbackItem.info("施策611", "AA2", "no_progress", "the latest actual is 0 against a positive target", "0"),
                FeedbackItem.warning("施策612", "C5", "status_contradicts_baseline",
                        "rated B (better than the baseline), yet worse than the baseline", "前年度比 増加"),
                FeedbackItem.error("施策611", "C12", "printed_total_differs_from_projects",
                        "the printed 計 is not the sum of its projects (50,982)", "10,059"),
                FeedbackItem.warning("削除済みシート", "B2", "unknown_label", "a sheet that is not in the file", null),
                FeedbackItem.error("施策611", "D5", "cost_not_a_number",
                        "expected a cost in thousand yen such as 10,059, or - for none", "約7千"),
                FeedbackItem.warning("施策611", "$C$3", "department_name_unknown",
                        "担当課 is not a department of the city's list", "人権庶務課"),
                FeedbackItem.warning("施策612", null, "hidden_rows", "the sheet has hidden rows", null),
                FeedbackItem.of(Finding.error(null, null, "unknown_sheet_family", "no sheet of a known family", null)),
                FeedbackItem.error("施策611", null, "missing_status", "施策の進捗状況 is not rated", null));
    }

    @Test
    void shouldListFindingsErrorsFirstThenBySheetAndNaturalCellOrder() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("R4_施策評価シート_人権庶務課.xlsx"));

        Path written = writer.write(submission, "人権庶務課/R4_施策評価シート_人権庶務課.xlsx", policyFindings(),
                temp.resolve("out"));

        assertThat(written).isEqualTo(temp.resolve("out").resolve("R4_施策評価シート_人権庶務課_指摘事項.xlsx"));
        try (XSSFWorkbook workbook = open(written)) {
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings)", "施策611", "施策612");
            assertThat(workbook.getActiveSheetIndex()).isZero();
            assertThat(workbook.getSheetAt(1).isSelected()).isFalse();
            XSSFSheet findings = workbook.getSheetAt(0);
            assertThat(text(findings, 0, 0)).isEqualTo("指摘事項 (findings): 人権庶務課/R4_施策評価シート_人権庶務課.xlsx"
                    + " — エラー 4件 (4 errors), 警告 4件 (4 warnings), 情報 1件 (1 info)");
            assertThat(rowTexts(findings, FindingsLayout.HEADER_ROW))
                    .containsExactlyElementsOf(FindingsLayout.HEADERS);
            // each message in Japanese, then the English of the run log on a line of its own; a rule the
            // catalogue does not know (unknown_label, hidden_rows ...) gets the generic sentence
            assertThat(itemRows(findings)).containsExactly(
                    List.of("エラー Error", "", "", shown("unknown_sheet_family", "no sheet of a known family"), "",
                            "unknown_sheet_family"),
                    List.of("エラー Error", "施策611", "", shown("missing_status", "施策の進捗状況 is not rated"), "",
                            "missing_status"),
                    List.of("エラー Error", "施策611", "D5", "金額を数値として読み取れなかったため、この金額は取り込んでいません。"
                            + "10,059 のように千円単位の数値で記入し、該当がない場合は「-」を記入してください。\n"
                            + "expected a cost in thousand yen such as 10,059, or - for none", "約7千", "cost_not_a_number"),
                    List.of("エラー Error", "施策611", "C12", shown("printed_total_differs_from_projects",
                            "the printed 計 is not the sum of its projects (50,982)"), "10,059",
                            "printed_total_differs_from_projects"),
                    List.of("警告 Warning", "施策611", "$C$3", "確認が必要な点があります。内容は次の英文のとおりです。\n"
                            + "担当課 is not a department of the city's list", "人権庶務課", "department_name_unknown"),
                    List.of("警告 Warning", "施策612", "", FindingTexts.GENERIC + "\nthe sheet has hidden rows", "",
                            "hidden_rows"),
                    List.of("警告 Warning", "施策612", "C5", shown("status_contradicts_baseline",
                            "rated B (better than the baseline), yet worse than the baseline"), "前年度比 増加",
                            "status_contradicts_baseline"),
                    List.of("警告 Warning", "削除済みシート", "B2", FindingTexts.GENERIC + "\na sheet that is not in the file",
                            "", "unknown_label"),
                    List.of("情報 Info", "施策611", "AA2", shown("no_progress",
                            "the latest actual is 0 against a positive target"), "0", "no_progress"));
        }
    }

    @Test
    void shouldNameEveryColumnAndSeverityInJapaneseAndEnglish() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("R4_施策評価シート_人権庶務課.xlsx"));

        Path written = writer.write(submission, null, policyFindings(), temp);

        try (XSSFWorkbook workbook = open(written)) {
            XSSFSheet findings = workbook.getSheetAt(0);
            assertThat(rowTexts(findings, FindingsLayout.HEADER_ROW)).containsExactly(
                    "重要度 Severity", "シート Sheet", "セル Cell", "内容 Message", "記入内容 Found", "ルール Rule");
            assertThat(itemRows(findings)).extracting(row -> row.get(0)).containsOnly("エラー Error", "警告 Warning", "情報 Info")
                    .contains("エラー Error", "警告 Warning", "情報 Info");
        }
    }

    @Test
    void shouldCommentByTheSectionTheWriterNamesInEveryFormat() throws Exception {
        // given an .xlsx, an .xls and a CSV with a finding on a cell
        Path xlsx = DepartmentWorkbook.write(temp.resolve("R4_施策評価シート_人権庶務課.xlsx"), false);
        Path xls = Files.copy(fixture("department-sheet.xls"), temp.resolve("R5_施策評価シート_人権庶務課.xls"));
        Path csv = Files.write(temp.resolve("R6_効果検証.csv"), "基本目標,数値目標,評価\r\n基本目標1,転入者数,D\r\n".getBytes(CP932));
        FeedbackWorkbookWriter ownAuthor = newWriter(" 企画政策課 ");

        for (Path submission : List.of(xlsx, xls, csv)) {
            String sheet = submission == csv ? "R6_効果検証" : "施策611";
            // when
            Result result = ownAuthor.writeReporting(submission, null, List.of(FeedbackItem.error(sheet, "C2",
                    "invalid_status", "expected a status A, B or C, found \"D\"", "D")),
                    temp.resolve("out-" + submission.getFileName()));

            // then, whichever path wrote it
            assertThat(result.route()).as(submission.toString())
                    .isIn(xlsRoute() == Route.POI ? List.of(Route.POI) : List.of(Route.PACKAGE, Route.PACKAGE_XLS, Route.PACKAGE_CSV));
            try (XSSFWorkbook workbook = open(result.workbook())) {
                XSSFComment comment = cell(workbook.getSheet(sheet), "C2").getCellComment();
                assertThat(comment.getAuthor()).as(submission.toString()).isEqualTo("企画政策課");
                assertThat(comment.getString().getString()).as(submission.toString()).isEqualTo("企画政策課:\n"
                        + "[エラー Error] 評価を読み取れなかったため、この行は取り込んでいません。評価欄には A、B、C のいずれかを"
                        + "記入してください。\nexpected a status A, B or C, found \"D\" (記入内容 found: \"D\")");
            }
        }
        assertThat(newWriter(null).author()).isEqualTo("政策企画課");
        assertThat(newWriter(" ").author()).isEqualTo(FeedbackWorkbookWriter.DEFAULT_AUTHOR);
    }

    @Test
    void shouldFormatTheFindingsTableWithBoldHeaderFilterFrozenPaneAndWidths() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("R4_施策評価シート_人権庶務課.xlsx"));

        Path written = writer.write(submission, null, policyFindings(), temp);

        try (XSSFWorkbook workbook = open(written)) {
            XSSFSheet findings = workbook.getSheetAt(0);
            XSSFRow header = findings.getRow(FindingsLayout.HEADER_ROW);
            for (int column = 0; column < 6; column++) {
                assertThat(header.getCell(column).getCellStyle().getFont().getBold()).isTrue();
            }
            assertThat(findings.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A3:F12");
            assertThat(findings.getPaneInformation().isFreezePane()).isTrue();
            assertThat(findings.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
            assertThat(findings.getColumnWidth(3)).isEqualTo(70 * 256);
            assertThat(findings.getColumnWidth(0)).isEqualTo(16 * 256);
            assertThat(text(findings, 0, 0)).startsWith("指摘事項 (findings): R4_施策評価シート_人権庶務課.xlsx — ");
            assertThat(fillArgb(findings.getRow(3).getCell(0))).isEqualTo(ERROR_ARGB);
        }
    }

    @Test
    void shouldLinkEachSheetAndCellToItsPlaceInTheCopy() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("R4_施策評価シート_人権庶務課.xlsx"));

        Path written = writer.write(submission, "R4", policyFindings(), temp);

        try (XSSFWorkbook workbook = open(written)) {
            XSSFSheet findings = workbook.getSheetAt(0);
            // the file-level finding has no place to go
            assertThat(findings.getRow(3).getCell(1).getHyperlink()).isNull();
            // a sheet-level finding links its sheet, at A1
            assertThat(link(findings, 4, 1)).isEqualTo("'施策611'!A1");
            assertThat(findings.getRow(4).getCell(2).getHyperlink()).isNull();
            // a cell finding links both its sheet and its cell
            assertThat(link(findings, 6, 1)).isEqualTo("'施策611'!C12");
            assertThat(link(findings, 6, 2)).isEqualTo("'施策611'!C12");
            assertThat(findings.getRow(6).getCell(2).getHyperlink().getType()).isEqualTo(HyperlinkType.DOCUMENT);
            assertThat(link(findings, 7, 2)).isEqualTo("'施策611'!C3");
            assertThat(link(findings, 9, 2)).isEqualTo("'施策612'!C5");
            // a sheet the file does not have: no link
            assertThat(findings.getRow(10).getCell(1).getHyperlink()).isNull();
            assertThat(findings.getRow(10).getCell(2).getHyperlink()).isNull();
        }
    }

    @Test
    void shouldHighlightOffendingCellsKeepingTheirFormattingAndComment() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("R4_施策評価シート_人権庶務課.xlsx"));

        Path written = writer.write(submission, "R4", policyFindings(), temp);

        try (XSSFWorkbook workbook = open(written)) {
            XSSFSheet policy = workbook.getSheet("施策611");
            XSSFCell total = cell(policy, "C12");
            assertThat(total.getNumericCellValue()).isEqualTo(10059.0);
            assertThat(fillArgb(total)).isEqualTo(ERROR_ARGB);
            assertThat(total.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(total.getCellStyle().getFont().getBold()).isTrue();
            assertThat(total.getCellStyle().getBorderBottom()).isEqualTo(BorderStyle.THIN);
            assertThat(total.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            XSSFComment comment = total.getCellComment();
            assertThat(comment.getAuthor()).isEqualTo("政策企画課");
            assertThat(comment.getString().getString()).isEqualTo("政策企画課:\n"
                    + "[エラー Error] 計の金額が、各事業の金額（【再掲】を除く）の合計と一致しません。計または各事業の金額をご確認ください。\n"
                    + "the printed 計 is not the sum of its projects (50,982) (記入内容 found: \"10,059\")");
            // D12 shared C12's style and has no finding: untouched
            XSSFCell neighbour = cell(policy, "D12");
            assertThat(neighbour.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
            assertThat(neighbour.getCellComment()).isNull();

            assertThat(fillArgb(cell(policy, "D5"))).isEqualTo(ERROR_ARGB);
            assertThat(cell(policy, "D5").getStringCellValue()).isEqualTo("約7千");
            // a warning on a cell that had a comment of its own: both texts kept
            XSSFCell department = cell(policy, "C3");
            assertThat(fillArgb(department)).isEqualTo(WARNING_ARGB);
            assertThat(department.getCellComment().getString().getString()).isEqualTo("政策企画課:\n"
                    + "[警告 Warning] " + FindingTexts.GENERIC + "\n"
                    + "担当課 is not a department of the city's list (記入内容 found: \"人権庶務課\")\n\n"
                    + "(元のコメント original comment, 山田)\n課長確認済み");
            // info: commented, not filled; the cell is created where the sheet had none
            XSSFCell info = cell(policy, "AA2");
            assertThat(info.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
            assertThat(info.getCellComment().getString().getString()).contains("[情報 Info] 最新の実績値が 0 になっています", "。\nthe latest actual is 0");
            // a cell inside a merge marks the merge's first cell, which Excel shows
            XSSFCell merged = cell(workbook.getSheet("施策612"), "B5");
            assertThat(fillArgb(merged)).isEqualTo(WARNING_ARGB);
            assertThat(merged.getCellComment().getString().getString()).contains("worse than the baseline");
            assertThat(workbook.getSheet("施策612").getMergedRegions()).extracting(CellRangeAddress::formatAsString)
                    .containsExactly("B5:D5");
        }
    }

    @Test
    void shouldColourTheTabOfSheetsWithAFindingOfTheWholeSheet() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("R4_施策評価シート_人権庶務課.xlsx"));

        Path written = writer.write(submission, "R4", policyFindings(), temp);

        try (XSSFWorkbook workbook = open(written)) {
            assertThat(workbook.getSheet("施策611").getTabColor().getARGBHex()).isEqualTo(ERROR_ARGB);
            assertThat(workbook.getSheet("施策612").getTabColor().getARGBHex()).isEqualTo(WARNING_ARGB);
            assertThat(workbook.getSheetAt(0).getTabColor()).isNull();
        }
    }

    @Test
    void shouldLeaveTheSubmissionUnchangedAndReplaceAnEarlierFeedbackWorkbook() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("R4_施策評価シート_人権庶務課.xlsx"));
        byte[] before = Files.readAllBytes(submission);
        long modified = Files.getLastModifiedTime(submission).toMillis();

        writer.write(submission, "R4", policyFindings(), temp);
        Path again = writer.write(submission, "R4", List.of(), temp);

        assertThat(Files.readAllBytes(submission)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(submission).toMillis()).isEqualTo(modified);
        try (XSSFWorkbook workbook = open(again)) {
            assertThat(text(workbook.getSheetAt(0), 3, 0)).isEqualTo("指摘事項はありません (no findings)");
        }
        try (var files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("R4_施策評価シート_人権庶務課.xlsx", "R4_施策評価シート_人権庶務課_指摘事項.xlsx");
        }
    }

    @Test
    void shouldWriteOneRowSayingThereAreNoFindingsAndNoCopy() throws Exception {
        Path submission = DepartmentWorkbook.write(temp.resolve("clean.xlsx"));

        Path written = writer.write(submission, "clean.xlsx", List.of(), temp);

        try (XSSFWorkbook workbook = open(written)) {
            XSSFSheet findings = workbook.getSheetAt(0);
            assertThat(text(findings, 0, 0))
                    .isEqualTo("指摘事項 (findings): clean.xlsx — エラー 0件 (0 errors), 警告 0件 (0 warnings)");
            assertThat(itemRows(findings)).containsExactly(List.of("指摘事項はありません (no findings)", "", "", "", "", ""));
            assertThat(findings.getHyperlinkList()).isEmpty();
            assertThat(text(findings, 1, 0)).contains("no findings, so no copy of your file is attached");
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings)");
        }
    }

    @Test
    void shouldNameTheFindingsSheetApartFromASheetOfTheSameName() throws Exception {
        Path submission = temp.resolve("resubmitted.xlsx");
        try (XSSFWorkbook workbook = DepartmentWorkbook.create()) {
            workbook.createSheet("指摘事項 (findings)");
            try (var out = Files.newOutputStream(submission)) {
                workbook.write(out);
            }
        }

        Path written = writer.write(submission, "resubmitted.xlsx",
                List.of(FeedbackItem.error("施策611", "C12", "rule", "message", null)), temp);

        try (XSSFWorkbook workbook = open(written)) {
            assertThat(sheetNames(workbook))
                    .containsExactly("指摘事項 (Findings) (2)", "施策611", "施策612", "指摘事項 (findings)");
            assertThat(link(workbook.getSheetAt(0), 3, 2)).isEqualTo("'施策611'!C12");
        }
    }

    // ---- .xls ----------------------------------------------------------------------------------

    @Test
    void shouldConvertAnXlsSubmissionWithValuesFormatsMergesAndWidths() throws Exception {
        Path submission = temp.resolve("R5_施策評価シート_人権庶務課.xls");
        Files.copy(fixture("department-sheet.xls"), submission);
        byte[] before = Files.readAllBytes(submission);
        int sourceWidth;
        try (HSSFWorkbook source = new HSSFWorkbook(Files.newInputStream(submission))) {
            sourceWidth = source.getSheet("施策611").getColumnWidth(1);
        }

        Result result = writer.writeReporting(submission, "R5_施策評価シート_人権庶務課.xls", List.of(
                FeedbackItem.warning("施策612", null, "hidden_rows", "the sheet has hidden rows", null),
                FeedbackItem.error("施策611", "C12", "printed_total_differs_from_projects", "the printed 計 differs",
                        "10,059")), temp);
        Path written = result.workbook();

        assertThat(result.route()).isEqualTo(xlsRoute());
        assertThat(result.fallback()).isNull();
        assertThat(written.getFileName().toString()).isEqualTo("R5_施策評価シート_人権庶務課_指摘事項.xlsx");
        assertThat(Files.readAllBytes(submission)).isEqualTo(before);
        try (XSSFWorkbook workbook = open(written)) {
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings)", "施策611", "施策612");
            XSSFSheet findings = workbook.getSheetAt(0);
            assertThat(itemRows(findings)).extracting(row -> row.get(1) + "!" + row.get(2))
                    .containsExactly("施策611!C12", "施策612!");
            assertThat(link(findings, 3, 2)).isEqualTo("'施策611'!C12");

            XSSFSheet policy = workbook.getSheet("施策611");
            XSSFCell total = cell(policy, "C12");
            assertThat(total.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getNumericCellValue()).isEqualTo(10059.0);
            assertThat(total.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(fillArgb(total)).isEqualTo(ERROR_ARGB);
            assertThat(total.getCellComment().getString().getString()).contains("the printed 計 differs");
            assertThat(total.getCellComment().getAuthor()).isEqualTo("政策企画課");
            assertThat(cell(policy, "D5").getStringCellValue()).isEqualTo("約7千");
            assertThat(cell(policy, "D12").getNumericCellValue()).isEqualTo(40923.0);
            assertThat(policy.getMergedRegions()).extracting(CellRangeAddress::formatAsString).containsExactly("A1:D1");
            assertThat(policy.getColumnWidth(1)).isEqualTo(sourceWidth);
            assertThat(workbook.getSheet("施策612").getTabColor().getARGBHex()).isEqualTo(WARNING_ARGB);
        }
    }

    @Test
    void shouldKeepTheFirstOfTwoOverlappingMergesOfAnXlsAndCopyEveryCell() throws Exception {
        // Excel refuses overlapping merges, but a file written by other software can hold them
        Path submission = temp.resolve("overlapping.xls");
        try (HSSFWorkbook source = new HSSFWorkbook()) {
            var sheet = source.createSheet("施策611");
            for (int r = 0; r < 4; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < 4; c++) {
                    row.createCell(c).setCellValue(r * 10 + c);
                }
            }
            sheet.addMergedRegionUnsafe(CellRangeAddress.valueOf("A1:B2"));
            sheet.addMergedRegionUnsafe(CellRangeAddress.valueOf("B2:C3"));
            sheet.addMergedRegionUnsafe(CellRangeAddress.valueOf("D1:D4"));
            try (var out = Files.newOutputStream(submission)) {
                source.write(out);
            }
        }

        Result result = writer.writeReporting(submission, "overlapping.xls", List.of(
                FeedbackItem.error("施策611", "C3", "cost_not_a_number", "expected a cost", "22")), temp);
        Path written = result.workbook();

        assertThat(result.route()).isEqualTo(xlsRoute());

        try (XSSFWorkbook workbook = open(written)) {
            XSSFSheet copy = workbook.getSheet("施策611");
            assertThat(copy.getMergedRegions()).extracting(CellRangeAddress::formatAsString)
                    .containsExactly("A1:B2", "D1:D4");
            assertThat(cell(copy, "C3").getNumericCellValue()).isEqualTo(22.0);
            assertThat(cell(copy, "B2").getNumericCellValue()).isEqualTo(11.0);
            assertThat(fillArgb(cell(copy, "C3"))).isEqualTo(ERROR_ARGB);
        }
    }

    // ---- CSV -----------------------------------------------------------------------------------

    @Test
    void shouldCopyACp932CsvIntoASheetWithASanitizedName() throws Exception {
        String baseName = "R6_総合戦略効果検証[改訂]_基本目標4_数値目標とKPIの実績一覧表";
        Path submission = temp.resolve(baseName + ".csv");
        Files.write(submission, ("基本目標,数値目標,基準値,実績値,評価\r\n"
                + "基本目標1,転入者数,\"1,200\",1350,A\r\n"
                + "基本目標2,待機児童数,44,077,B\r\n").getBytes(CP932));
        byte[] before = Files.readAllBytes(submission);

        Path written = writer.write(submission, baseName + ".csv", List.of(
                FeedbackItem.warning(baseName, "E3", "status_contradicts_baseline", "rated B, yet worse than the baseline", "B"),
                FeedbackItem.error(baseName, "D2", "value_not_a_number", "expected a number", "1350")), temp);

        String sheetName = "R6_総合戦略効果検証_改訂__基本目標4_数値目標とKPIの";
        assertThat(sheetName).hasSize(31);
        assertThat(written.getFileName().toString()).isEqualTo(baseName + "_指摘事項.xlsx");
        assertThat(Files.readAllBytes(submission)).isEqualTo(before);
        try (XSSFWorkbook workbook = open(written)) {
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings)", sheetName);
            XSSFSheet findings = workbook.getSheetAt(0);
            assertThat(itemRows(findings)).extracting(row -> row.get(0) + " " + row.get(1) + "!" + row.get(2))
                    .containsExactly("エラー Error " + baseName + "!D2", "警告 Warning " + baseName + "!E3");
            assertThat(link(findings, 3, 1)).isEqualTo("'" + sheetName + "'!D2");
            assertThat(link(findings, 4, 2)).isEqualTo("'" + sheetName + "'!E3");

            XSSFSheet copy = workbook.getSheet(sheetName);
            assertThat(cell(copy, "B2").getStringCellValue()).isEqualTo("転入者数");
            assertThat(cell(copy, "C2").getStringCellValue()).isEqualTo("1,200");
            assertThat(cell(copy, "D2").getNumericCellValue()).isEqualTo(1350.0);
            assertThat(cell(copy, "C3").getNumericCellValue()).isEqualTo(44.0);
            assertThat(cell(copy, "D3").getStringCellValue()).isEqualTo("077");
            assertThat(fillArgb(cell(copy, "D2"))).isEqualTo(ERROR_ARGB);
            assertThat(fillArgb(cell(copy, "E3"))).isEqualTo(WARNING_ARGB);
            assertThat(cell(copy, "E3").getCellComment().getString().getString())
                    .isEqualTo("政策企画課:\n[警告 Warning] " + FindingTexts.japanese("status_contradicts_baseline").orElseThrow()
                            + "\nrated B, yet worse than the baseline (記入内容 found: \"B\")");
        }
    }

    // ---- unreadable submissions --------------------------------------------------------------

    @Test
    void shouldWriteOnlyTheFindingsSheetForATruncatedXlsx() throws Exception {
        byte[] whole = Files.readAllBytes(DepartmentWorkbook.write(temp.resolve("whole.xlsx")));
        Path submission = temp.resolve("R4_施策評価シート_壊れた.xlsx");
        Files.write(submission, Arrays.copyOf(whole, whole.length / 2));
        byte[] before = Files.readAllBytes(submission);

        Path written = writer.write(submission, "R4_施策評価シート_壊れた.xlsx", List.of(
                FeedbackItem.error("施策611", "C12", "printed_total_differs_from_projects", "the printed 計 differs", null),
                FeedbackItem.error(null, null, "unreadable_file",
                        "the file is not a readable .xlsx workbook (damaged or truncated)", null)), temp);

        assertThat(Files.readAllBytes(submission)).isEqualTo(before);
        try (XSSFWorkbook workbook = open(written)) {
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings)");
            XSSFSheet findings = workbook.getSheetAt(0);
            assertThat(text(findings, 1, 0)).startsWith("提出ファイルを開けなかったため、写しは付いていません");
            assertThat(itemRows(findings)).extracting(row -> row.get(5))
                    .containsExactly("unreadable_file", "printed_total_differs_from_projects");
            assertThat(findings.getHyperlinkList()).isEmpty();
        }
    }

    @Test
    void shouldSayWhyAnEmptyFileHasNoCopy() throws Exception {
        Path submission = Files.createFile(temp.resolve("empty.csv"));

        Path written = writer.write(submission, "empty.csv",
                List.of(FeedbackItem.error(null, null, "unreadable_file", "the file is empty", null)), temp);

        try (XSSFWorkbook workbook = open(written)) {
            assertThat(sheetNames(workbook)).containsExactly("指摘事項 (Findings)");
            assertThat(text(workbook.getSheetAt(0), 1, 0)).endsWith("(your file could not be opened, so no copy of it "
                    + "is attached: the file is empty)");
        }
    }

    // ---- names and items -----------------------------------------------------------------------

    @Test
    void shouldSanitizeSheetNames() {
        assertThat(SheetNames.safe("施策611/改訂[1]")).isEqualTo("施策611_改訂_1_");
        assertThat(SheetNames.safe("a:b*c?d\\e")).isEqualTo("a_b_c_d_e");
        assertThat(SheetNames.safe("'引用'")).isEqualTo("_引用_");
        assertThat(SheetNames.safe("  ")).isEqualTo("Sheet");
        assertThat(SheetNames.safe("history")).isEqualTo("history_");
        assertThat(SheetNames.safe("第２期まち・ひと・しごと創生総合戦略 効果検証シート（基本目標４）")).hasSize(31)
                .isEqualTo("第２期まち・ひと・しごと創生総合戦略 効果検証シート（基本目標");
        assertThat(SheetNames.unique("施策611/改訂[1]", List.of("施策611_改訂_1_"))).isEqualTo("施策611_改訂_1_ (2)");
        assertThat(SheetNames.unique("Sheet", List.of("sheet", "SHEET (2)"))).isEqualTo("Sheet (3)");
        assertThat(SheetNames.unique("x".repeat(40), List.of("x".repeat(31)))).isEqualTo("x".repeat(27) + " (2)");
        assertThat(SheetNames.quoted("O'Brien")).isEqualTo("'O''Brien'");
    }

    @Test
    void shouldCopyCsvsIntoSheetsWithLegalNames() throws Exception {
        List<String> names = new ArrayList<>();
        for (String file : List.of("施策611[改訂].csv", "'施策612'.csv")) {
            Path submission = temp.resolve(file);
            Files.write(submission, "a,b\r\n1,2\r\n".getBytes(CP932));
            Path written = writer.write(submission, file,
                    List.of(new FeedbackItem("warning", null, null, "unknown_sheet_family", "not a known sheet", null)),
                    temp.resolve("out"));
            try (XSSFWorkbook workbook = open(written)) {
                names.add(workbook.getSheetName(1));
            }
        }
        assertThat(names).containsExactly("施策611_改訂_", "_施策612_");
    }

    @Test
    void shouldSanitizeTheOutputFileName() {
        assertThat(FeedbackFiles.outputFileName(Path.of("a:b?c|d.xlsx"))).isEqualTo("a_b_c_d_指摘事項.xlsx");
        assertThat(FeedbackFiles.outputFileName(Path.of("評価 \"最終\".csv"))).isEqualTo("評価 _最終__指摘事項.xlsx");
        assertThat(FeedbackFiles.outputFileName(Path.of("CON.xls"))).isEqualTo("_CON_指摘事項.xlsx");
        assertThat(FeedbackFiles.outputFileName(Path.of("noextension"))).isEqualTo("noextension_指摘事項.xlsx");
        assertThat(FeedbackFiles.outputFileName(Path.of("長".repeat(100) + ".xlsx")))
                .isEqualTo("長".repeat(79) + "_指摘事項.xlsx");
    }

    @Test
    void shouldNameTheWorkbooksOfFilesThatDifferOnlyInExtensionOrCaseApart() {
        Map<String, String> names = FeedbackFiles.outputFileNames(List.of("a.xlsx", "a.csv", "b.xlsx",
                "sub/a.xlsx", "評価.xls", "評価.XLS"));

        assertThat(names).containsExactly(
                entry("a.csv", "a_csv_指摘事項.xlsx"),
                entry("a.xlsx", "a_xlsx_指摘事項.xlsx"),
                entry("b.xlsx", "b_指摘事項.xlsx"),
                entry("sub/a.xlsx", "a_指摘事項.xlsx"),
                entry("評価.XLS", "評価_XLS_指摘事項.xlsx"),
                entry("評価.xls", "評価_xls (2)_指摘事項.xlsx"));
    }

    @Test
    void shouldLeaveTheNamesThatUnchangedFilesKeepAndNameTheOthersAroundThem() {
        Map<String, String> names = FeedbackFiles.outputFileNames(List.of("a.xlsx", "a.csv", "a_csv.xlsx", "b.csv"),
                Map.of("a.xlsx", "a_xlsx_指摘事項.xlsx", "a.csv", "a_csv_指摘事項.xlsx", "b.csv", "b_指摘事項.xlsx"));

        assertThat(names).containsExactly(
                entry("a.csv", "a_csv_指摘事項.xlsx"),
                entry("a.xlsx", "a_xlsx_指摘事項.xlsx"),
                entry("a_csv.xlsx", "a_csv (2)_指摘事項.xlsx"),
                entry("b.csv", "b_指摘事項.xlsx"));
    }

    @Test
    void shouldNumberANameThatAnotherFileAlreadyHasAndKeepTheNumberWhenShortening() {
        Map<String, String> names = FeedbackFiles.outputFileNames(List.of("a.xlsx", "a.csv", "a_csv.xlsx"));
        assertThat(names).containsEntry("a_csv.xlsx", "a_csv_指摘事項.xlsx")
                .containsEntry("a.csv", "a_csv (2)_指摘事項.xlsx")
                .containsEntry("a.xlsx", "a_xlsx_指摘事項.xlsx");

        String longName = "長".repeat(100);
        Map<String, String> shortened = FeedbackFiles.outputFileNames(List.of(longName + ".csv", longName + ".CSV",
                longName + ".xlsx"));
        // the extension does not fit in 255 bytes, the number does
        assertThat(shortened).containsExactly(
                entry(longName + ".CSV", "長".repeat(79) + "_指摘事項.xlsx"),
                entry(longName + ".csv", "長".repeat(77) + " (2)_指摘事項.xlsx"),
                entry(longName + ".xlsx", "長".repeat(77) + " (3)_指摘事項.xlsx"));
    }

    @Test
    void shouldNormalizeAndValidateItems() {
        FeedbackItem item = new FeedbackItem(" WARNING ", " ", "", "rule", "message", null);
        assertThat(item).isEqualTo(new FeedbackItem("warning", null, null, "rule", "message", null));
        assertThat(FeedbackItem.of(Finding.warning("施策611", "C12", "r", "m", "x")))
                .isEqualTo(FeedbackItem.warning("施策611", "C12", "r", "m", "x"));
        assertThatThrownBy(() -> new FeedbackItem("fatal", null, null, "rule", "message", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("error, warning or info");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(FeedbackWorkbookWriterTests.class.getResource("/fixtures/feedback/" + name).toURI());
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return names;
    }

    private static String text(XSSFSheet sheet, int row, int column) {
        XSSFRow r = sheet.getRow(row);
        XSSFCell cell = r == null ? null : r.getCell(column);
        return cell == null ? "" : cell.getStringCellValue();
    }

    private static List<String> rowTexts(XSSFSheet sheet, int row) {
        List<String> texts = new ArrayList<>();
        for (int column = 0; column < 6; column++) {
            texts.add(text(sheet, row, column));
        }
        return texts;
    }

    /** What the findings sheet shows of a finding of {@code rule}: the rule's Japanese text, then {@code english}. */
    private static String shown(String rule, String english) {
        return FindingTexts.japanese(rule).orElseThrow() + "\n" + english;
    }

    private static List<List<String>> itemRows(XSSFSheet findings) {
        List<List<String>> rows = new ArrayList<>();
        for (int row = FindingsLayout.FIRST_ITEM_ROW; row <= findings.getLastRowNum(); row++) {
            rows.add(rowTexts(findings, row));
        }
        return rows;
    }

    private static String link(XSSFSheet sheet, int row, int column) {
        XSSFHyperlink link = sheet.getRow(row).getCell(column).getHyperlink();
        assertThat(link).as("hyperlink at row %d column %d", row, column).isNotNull();
        assertThat(link.getType()).isEqualTo(HyperlinkType.DOCUMENT);
        return link.getAddress();
    }

    private static XSSFCell cell(XSSFSheet sheet, String address) {
        CellAddress a = new CellAddress(address);
        XSSFRow row = sheet.getRow(a.getRow());
        assertThat((Object) row).as("row of %s", address).isNotNull();
        XSSFCell cell = row.getCell(a.getColumn());
        assertThat(cell).as("cell %s", address).isNotNull();
        return cell;
    }

    private static String fillArgb(XSSFCell cell) {
        XSSFCellStyle style = cell.getCellStyle();
        return style.getFillForegroundColorColor() == null ? null : style.getFillForegroundColorColor().getARGBHex();
    }
}
