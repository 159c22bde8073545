package jp.evalsheet.feedback;

import static jp.evalsheet.feedback.FeedbackFiles.*;
import static jp.evalsheet.feedback.FindingsLayout.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFCreationHelper;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.microsoft.schemas.vml.CTShape;

import jp.evalsheet.grid.CsvReader;
import jp.evalsheet.grid.WorkbookReadException;
import jp.evalsheet.grid.WorkbookReader;
import jp.evalsheet.grid.WorkbookReaders;
import jp.evalsheet.grid.XlsReader;
import jp.evalsheet.grid.XlsxStreamingReader;

/**
 * Writes the workbook the planning office (政策企画課) sends back to a department after an ingestion
 * run: a first sheet {@value FindingsLayout#FINDINGS_SHEET} listing every finding, followed, where the submission
 * can be opened, by a copy of the department's own sheets with each offending cell highlighted
 * (light red for errors, light yellow for warnings) and commented, and the tab of each sheet with a
 * finding of the whole sheet coloured. Each sheet and cell in the list links to its place in the copy.
 * The list and the comments give each finding in Japanese, then in the English of the run log
 * ({@link FindingTexts}); the comments are by {@value #DEFAULT_AUTHOR} unless the writer names
 * another section.
 *
 * <p>The submission itself is never modified: an .xlsx is copied part by part at the zip level by
 * {@link XlsxPackageFeedback}, only the parts that change rewritten, or, where that path is not sure
 * of the package, read into memory with POI and saved under the new name; an .xls is converted
 * (values as stored, number formats and alignment, merges, column widths, row heights), a CSV is read
 * as the job reads it (UTF-8 or CP932) and written as one sheet: each as a minimal package that is then
 * edited at the zip level like an .xlsx ({@link XlsPackage}, {@link CsvPackage}), or through POI where
 * that path declines. A submission
 * that cannot be opened (damaged, encrypted, empty, of an unknown format) gets the list alone, with
 * a note saying why.
 * The caller bounds the size of the submission. Without findings, the list alone is written as a
 * small package of its own.
 */
public final class FeedbackWorkbookWriter {
    /** Who the comments are by, unless the run names another ({@code evalsheet.feedback.author}). */
    public static final String DEFAULT_AUTHOR = "政策企画課";

    private final String author;
    private final boolean zipLevel;

    /** A writer whose comments are by {@value #DEFAULT_AUTHOR}. */
    public FeedbackWorkbookWriter() {
        this(DEFAULT_AUTHOR);
    }

    /**
     * A writer whose comments are by {@code author}, the section that sends the workbooks back (such as
     * 企画政策課); {@value #DEFAULT_AUTHOR} when {@code null} or blank.
     */
    public FeedbackWorkbookWriter(String author) {
        this(author, true);
    }

    /** A writer that writes feedback at the zip level where it can ({@code true}), or always through POI. */
    FeedbackWorkbookWriter(boolean zipLevel) {
        this(DEFAULT_AUTHOR, zipLevel);
    }

    /** A writer whose comments are by {@code author}, at the zip level where it can or always through POI. */
    FeedbackWorkbookWriter(String author, boolean zipLevel) {
        this.author = author == null || author.isBlank() ? DEFAULT_AUTHOR : author.strip();
        this.zipLevel = zipLevel;
    }

    /** Who the comments are by. */
    public String author() {
        return author;
    }

    /**
     * Writes {@code <outputDir>/<submission file name without extension>_指摘事項.xlsx}, replacing a
     * previous one, and returns its path.
     *
     * @param submission the submitted file, read and never modified
     * @param submissionName how the title row names the submission (e.g. its path in the input
     *     folder); the file name of {@code submission} when {@code null} or blank
     * @param items the findings of this submission, in any order, each message in English as the run log
     *     has it; the workbook shows the Japanese text of its rule above it ({@link FindingTexts}); may be empty
     * @param outputDir created when missing
     * @throws IOException when the output cannot be written
     */
    public Path write(Path submission, String submissionName, List<FeedbackItem> items, Path outputDir)
            throws IOException {
        return writeReporting(submission, submissionName, items, outputDir).workbook();
    }

    /**
     * {@link #write(Path, String, List, Path)} into {@code <outputDir>/<fileName>}, for a caller that
     * names the workbooks of several submissions at once ({@link FeedbackFiles#outputFileNames}).
     */
    public Path write(Path submission, String submissionName, List<FeedbackItem> items, Path outputDir,
            String fileName) throws IOException {
        return writeReporting(submission, submissionName, items, outputDir, fileName).workbook();
    }

    /** How a feedback workbook was made. */
    enum Route {
        /** The submission's package copied part by part, only the parts that change rewritten. */
        PACKAGE,
        /** A CSV's sheet written as a package of its own, then edited as {@link #PACKAGE} edits an .xlsx. */
        PACKAGE_CSV,
        /** An .xls's copy written as a package of its own, then edited as {@link #PACKAGE} edits an .xlsx. */
        PACKAGE_XLS,
        /** The findings sheet alone, written as a package of its own (a submission without findings). */
        PACKAGE_FINDINGS_ONLY,
        /** Through POI's user model. */
        POI,
        /** The findings sheet alone: the submission holds more than a copy is made of ({@link CopyBudget}). */
        TOO_LARGE
    }

    /**
     * A feedback workbook written, and how.
     *
     * @param workbook the file written
     * @param route how it was made
     * @param fallback why the zip-level writer declined the submission, or {@code null} when it was not
     *     tried or did not decline
     */
    record Result(Path workbook, Route route, String fallback) {
    }

    /** {@link #write}, saying how the workbook was made. */
    Result writeReporting(Path submission, String submissionName, List<FeedbackItem> items, Path outputDir)
            throws IOException {
        return writeReporting(submission, submissionName, items, outputDir, outputFileName(submission));
    }

    private Result writeReporting(Path submission, String submissionName, List<FeedbackItem> items, Path outputDir,
            String fileName) throws IOException {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(outputDir, "outputDir");
        // the department reads each message in Japanese, then the run log's English: set here, so that
        // every route below writes the same text
        List<FeedbackItem> findings = Objects.requireNonNull(items, "items").stream()
                .map(FindingTexts::forDepartment).toList();
        String title = submissionName == null || submissionName.isBlank()
                ? String.valueOf(submission.getFileName()) : submissionName.strip();
        Files.createDirectories(outputDir);
        if (!fileName.endsWith(FILE_SUFFIX) || Path.of(fileName).getNameCount() != 1) {
            throw new IllegalArgumentException("not a feedback workbook's file name: " + fileName);
        }
        Path target = outputDir.resolve(fileName);
        if (Files.exists(target) && Files.exists(submission) && Files.isSameFile(target, submission)) {
            throw new IllegalArgumentException("the feedback workbook would overwrite the submission: " + target);
        }

        if (zipLevel && findings.isEmpty()) {
            XlsxPackageFeedback.writeFindingsOnly(title, findings, target);
            return new Result(target, Route.PACKAGE_FINDINGS_ONLY, null);
        }
        WorkbookReader reader = readerOrNull(submission);
        long content = 0;
        if (reader != null && !findings.isEmpty()) {
            try {
                content = CopyBudget.contentBytes(submission, reader);
            } catch (IOException e) {
                // an unreadable zip directory: the routes below say what the file is worth
            }
            String tooLarge = CopyBudget.exceeded(content);
            if (tooLarge != null) {
                writeListOnly(title, findings, SubmissionCopy.tooLarge(tooLarge), target);
                return new Result(target, Route.TOO_LARGE, null);
            }
        }
        try (CopyBudget.Permit permit = CopyBudget.permit(content)) {
            return writeCopy(submission, zipLevel ? reader : null, title, findings, target);
        }
    }

    /** The feedback workbook with a marked copy of the submission, where one can be made. */
    private Result writeCopy(Path submission, WorkbookReader reader, String title, List<FeedbackItem> findings,
            Path target) throws IOException {
        String fallback = null;
        Route route = reader instanceof XlsxStreamingReader ? Route.PACKAGE
                : reader instanceof CsvReader ? Route.PACKAGE_CSV
                : reader instanceof XlsReader ? Route.PACKAGE_XLS
                : null;
        if (route != null) {
            try {
                switch (route) {
                    case PACKAGE_CSV -> CsvPackage.write(submission, reader, title, findings, author, target);
                    case PACKAGE_XLS -> XlsPackage.write(submission, title, findings, author, target);
                    default -> XlsxPackageFeedback.write(submission, title, findings, author, target);
                }
                return new Result(target, route, null);
            } catch (PackageFallback e) {
                fallback = e.getMessage();
            } catch (IOException | RuntimeException e) {
                // POI decides what the file is worth: a copy, or the list alone with the reason
                fallback = switch (route) {
                    case PACKAGE_CSV -> "the CSV could not be written as a package (";
                    case PACKAGE_XLS -> "the .xls could not be written as a package (";
                    default -> "the package could not be copied (";
                } + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            }
        }

        // a submission without findings gets the list alone: a copy would mark nothing, and making
        // one is most of the cost of this step
        SubmissionCopy copy = findings.isEmpty() ? new SubmissionCopy(null, Map.of(), null) : SubmissionCopy.open(submission);
        SubmissionCopy listOnly = copy; // what the findings sheet says when no copy follows it
        if (copy.workbook() != null) {
            try (XSSFWorkbook workbook = copy.workbook()) {
                List<FeedbackItem> sorted = sorted(findings, copy);
                new Highlighter(workbook, copy, author).mark(sorted);
                writeFindingsSheet(workbook, title, sorted, copy);
                save(workbook, target);
                return new Result(target, Route.POI, fallback);
            } catch (RuntimeException e) {
                listOnly = SubmissionCopy.copyFailed(e);
            }
        }
        writeListOnly(title, findings, listOnly, target);
        return new Result(target, Route.POI, fallback);
    }

    /** The findings sheet alone, its note saying why no copy follows ({@code copy} has none). */
    private static void writeListOnly(String title, List<FeedbackItem> findings, SubmissionCopy copy, Path target)
            throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            writeFindingsSheet(workbook, title, sorted(findings, copy), copy);
            save(workbook, target);
        }
    }

    /** The reader the job reads {@code submission} with, or {@code null} when it refuses the file. */
    private static WorkbookReader readerOrNull(Path submission) {
        try {
            return WorkbookReaders.forFile(submission);
        } catch (WorkbookReadException e) {
            return null;
        }
    }

    // ---- the copy: fills, comments, tab colours ---------------------------------------------------

    private static XSSFColor color(String rgb) {
        return new XSSFColor(new byte[] {(byte) Integer.parseInt(rgb.substring(0, 2), 16),
            (byte) Integer.parseInt(rgb.substring(2, 4), 16), (byte) Integer.parseInt(rgb.substring(4, 6), 16)}, null);
    }

    private static final class Highlighter {

        private record StyleKey(short original, String rgb) {
        }

        private final XSSFWorkbook workbook;
        private final SubmissionCopy copy;
        private final String author;
        private final Map<StyleKey, XSSFCellStyle> styles = new HashMap<>();

        Highlighter(XSSFWorkbook workbook, SubmissionCopy copy, String author) {
            this.workbook = workbook;
            this.copy = copy;
            this.author = author;
        }

        /** Marks the cells and tabs of {@code items}, which come in the order of the findings sheet. */
        void mark(List<FeedbackItem> items) {
            Marks marks = Marks.of(items, copy, (sheetName, row, column) -> mergeAt(workbook.getSheet(sheetName), row, column));
            marks.cells().forEach(this::markCell);
            marks.worstOfSheet().forEach((sheetName, item) -> {
                String rgb = fillRgb(item);
                if (rgb != null) {
                    workbook.getSheet(sheetName).setTabColor(color(rgb));
                }
            });
        }

        private static CellRangeAddress mergeAt(XSSFSheet sheet, int row, int column) {
            for (CellRangeAddress merge : sheet.getMergedRegions()) {
                if (merge.isInRange(row, column)) {
                    return merge;
                }
            }
            return null;
        }

        private void markCell(CellKey key, List<FeedbackItem> items) {
            XSSFSheet sheet = workbook.getSheet(key.sheet());
            XSSFRow row = sheet.getRow(key.row());
            if (row == null) {
                row = sheet.createRow(key.row());
            }
            XSSFCell cell = row.getCell(key.column());
            if (cell == null) {
                cell = row.createCell(key.column());
            }
            String rgb = fillRgb(items.get(0));
            if (rgb != null) {
                XSSFCellStyle original = cell.getCellStyle();
                cell.setCellStyle(styles.computeIfAbsent(new StyleKey(original.getIndex(), rgb), k -> {
                    XSSFCellStyle style = workbook.createCellStyle();
                    style.cloneStyleFrom(original);
                    style.setFillForegroundColor(color(rgb));
                    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    return style;
                }));
            }
            comment(sheet, cell, items);
        }

        private void comment(XSSFSheet sheet, XSSFCell cell, List<FeedbackItem> items) {
            StringBuilder text = new StringBuilder(commentText(author, items));
            Comment previous = cell.getCellComment();
            if (previous != null) {
                String previousAuthor = previous.getAuthor();
                text.append("\n\n(元のコメント original comment")
                        .append(previousAuthor == null || previousAuthor.isBlank() ? "" : ", " + previousAuthor).append(")\n")
                        .append(previous.getString() == null ? "" : previous.getString().getString());
                cell.removeCellComment();
            }
            XSSFCreationHelper helper = workbook.getCreationHelper();
            ClientAnchor anchor = helper.createClientAnchor();
            CommentAnchor place = CommentAnchor.of(cell.getRowIndex(), cell.getColumnIndex(), text);
            // POI files a new comment under the first cell of its box until it is attached to its cell,
            // and refuses one there when that cell has a comment (a flagged neighbour): the box is made
            // over the cell itself, free now, and moved to its place once attached
            anchor.setCol1(cell.getColumnIndex());
            anchor.setCol2(place.lastColumn());
            anchor.setRow1(cell.getRowIndex());
            anchor.setRow2(place.lastRow());
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(helper.createRichTextString(limit(text.toString())));
            comment.setAuthor(author);
            cell.setCellComment(comment);
            CTShape shape = sheet.getVMLDrawing(false).findCommentShape(cell.getRowIndex(), cell.getColumnIndex());
            shape.getClientDataArray(0).setAnchorArray(0, place.firstColumn() + ", 0, " + place.firstRow() + ", 0, "
                    + place.lastColumn() + ", 0, " + place.lastRow() + ", 0");
        }
    }

    private static void writeFindingsSheet(XSSFWorkbook workbook, String submissionName, List<FeedbackItem> items,
            SubmissionCopy copy) {
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            existing.add(workbook.getSheetName(i));
        }
        XSSFSheet sheet = workbook.createSheet(SheetNames.unique(FINDINGS_SHEET, existing));
        workbook.setSheetOrder(sheet.getSheetName(), 0);
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            workbook.getSheetAt(i).setSelected(i == 0);
        }
        workbook.setActiveSheet(0);
        workbook.setFirstVisibleTab(0);
        Styles styles = new Styles(workbook);

        XSSFCell titleCell = sheet.createRow(TITLE_ROW).createCell(0);
        titleCell.setCellValue(limit(title(submissionName, items)));
        titleCell.setCellStyle(styles.title);
        XSSFCell noteCell = sheet.createRow(NOTE_ROW).createCell(0);
        noteCell.setCellValue(limit(note(copy.failure(), copy.absence(), copy.workbook() != null)));

        XSSFRow header = sheet.createRow(HEADER_ROW);
        for (int column = 0; column < HEADERS.size(); column++) {
            XSSFCell cell = header.createCell(column);
            cell.setCellValue(HEADERS.get(column));
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(column, COLUMN_WIDTHS[column] * 256);
        }

        int rowIndex = FIRST_ITEM_ROW;
        if (items.isEmpty()) {
            XSSFCell cell = sheet.createRow(rowIndex).createCell(0);
            cell.setCellValue(NO_FINDINGS);
            cell.setCellStyle(styles.text);
            rowIndex++;
        }
        XSSFCreationHelper helper = workbook.getCreationHelper();
        for (FeedbackItem item : items) {
            XSSFRow row = sheet.createRow(rowIndex++);
            text(row, 0, severityLabel(item), item.isError() ? styles.error : item.isWarning() ? styles.warning : styles.text);
            XSSFCell sheetCell = text(row, 1, item.sheetName(), styles.text);
            XSSFCell addressCell = text(row, 2, item.cell(), styles.text);
            text(row, 3, item.message(), styles.text);
            text(row, 4, item.rawText(), styles.text);
            text(row, 5, item.rule(), styles.text);

            String copied = copy.copiedSheetName(item.sheetName());
            if (copied != null) {
                Address address = item.cell() == null ? null : Address.parse(item.cell());
                String target = linkTarget(copied, address);
                link(helper, sheetCell, target, styles.link);
                if (address != null) {
                    link(helper, addressCell, target, styles.link);
                }
            }
        }

        int lastRow = Math.max(rowIndex - 1, HEADER_ROW + 1);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, lastRow, 0, HEADERS.size() - 1));
        sheet.createFreezePane(0, FIRST_ITEM_ROW);
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    private static XSSFCell text(XSSFRow row, int column, String value, XSSFCellStyle style) {
        XSSFCell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(limit(value));
        }
        cell.setCellStyle(style);
        return cell;
    }

    private static void link(XSSFCreationHelper helper, XSSFCell cell, String target, XSSFCellStyle style) {
        XSSFHyperlink link = helper.createHyperlink(HyperlinkType.DOCUMENT);
        link.setAddress(target);
        cell.setHyperlink(link);
        cell.setCellStyle(style);
    }

    /** The cell styles of the findings sheet. */
    private static final class Styles {

        final XSSFCellStyle title;
        final XSSFCellStyle header;
        final XSSFCellStyle text;
        final XSSFCellStyle link;
        final XSSFCellStyle error;
        final XSSFCellStyle warning;

        Styles(XSSFWorkbook workbook) {
            XSSFFont titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(titleFont);

            XSSFFont bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(color("D9D9D9"));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setWrapText(true);

            text = workbook.createCellStyle();
            text.setVerticalAlignment(VerticalAlignment.TOP);
            text.setWrapText(true);

            XSSFFont linkFont = workbook.createFont();
            linkFont.setUnderline(Font.U_SINGLE);
            linkFont.setColor(IndexedColors.BLUE.getIndex());
            link = workbook.createCellStyle();
            link.cloneStyleFrom(text);
            link.setFont(linkFont);

            error = workbook.createCellStyle();
            error.cloneStyleFrom(text);
            error.setFillForegroundColor(color(ERROR_RGB));
            error.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            warning = workbook.createCellStyle();
            warning.cloneStyleFrom(text);
            warning.setFillForegroundColor(color(WARNING_RGB));
            warning.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
    }

    // ---- saving ---------------------------------------------------------------------------------

    private static void save(XSSFWorkbook workbook, Path target) throws IOException {
        replace(target, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                workbook.write(out);
            }
        });
    }
}
