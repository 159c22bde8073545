package jp.evalsheet.feedback;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
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
 * run: a first sheet {@value #FINDINGS_SHEET} listing every finding, followed, where the submission
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

    public static final String FINDINGS_SHEET = "指摘事項 (Findings)";
    /** Who the comments are by, unless the run names another ({@code evalsheet.feedback.author}). */
    public static final String DEFAULT_AUTHOR = "政策企画課";
    public static final String FILE_SUFFIX = "_指摘事項.xlsx";
    public static final String NO_FINDINGS = "指摘事項はありません (no findings)";
    public static final List<String> HEADERS =
            List.of("重要度 Severity", "シート Sheet", "セル Cell", "内容 Message", "記入内容 Found", "ルール Rule");

    /** The rows of the findings sheet (zero-based): title, note, header, then one row per item. */
    static final int TITLE_ROW = 0;
    static final int NOTE_ROW = 1;
    static final int HEADER_ROW = 2;
    static final int FIRST_ITEM_ROW = 3;

    /** The RGB fills of offending cells and of the severity column. */
    static final String ERROR_RGB = "FFC7CE";
    static final String WARNING_RGB = "FFEB9C";

    static final int[] COLUMN_WIDTHS = {16, 24, 10, 70, 28, 30};
    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    static final int MAX_COLUMNS = SpreadsheetVersion.EXCEL2007.getMaxColumns();
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final Pattern A1 = Pattern.compile("([A-Z]{1,3})([0-9]{1,7})(?::([A-Z]{1,3})([0-9]{1,7}))?");
    private static final Set<String> RESERVED_FILE_NAMES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final int MAX_FILE_NAME_BYTES = 255;

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
     * names the workbooks of several submissions at once ({@link #outputFileNames}).
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

    /** Where a finding's links go in the copy: its cell, or the sheet's A1 when it names none. */
    static String linkTarget(String copiedSheet, Address address) {
        return SheetNames.quoted(copiedSheet) + "!" + (address == null ? "A1" : address.a1());
    }

    /** {@code <file name without extension>_指摘事項.xlsx}, with characters illegal in file names replaced. */
    static String outputFileName(Path submission) {
        Path fileName = submission.getFileName();
        if (fileName == null) {
            throw new IllegalArgumentException("the submission has no file name: " + submission);
        }
        return outputFileName(base(fileName.toString(), false), "");
    }

    /**
     * The feedback workbook's file name of each of the files of a run (paths relative to the input
     * folder, {@code /}-separated), unique within each output folder ignoring case, as the file systems
     * departments share files on do.
     *
     * <p>A file gets {@link #outputFileName(Path)}. Files of one folder whose names would then be
     * equal ({@code a.xlsx} and {@code a.csv}, {@code 評価.XLS} and {@code 評価.xls}) are each named
     * with their extension ({@code a_xlsx_指摘事項.xlsx}, {@code a_csv_指摘事項.xlsx}), and a name still
     * taken gets a number ({@code a_csv (2)_指摘事項.xlsx}), in the order of the files' names.
     *
     * @param kept the names that files of the run keep from an earlier run (files read again and
     *     unchanged, whose workbooks are not written again): taken before any other file is named
     */
    static Map<String, String> outputFileNames(Collection<String> files, Map<String, String> kept) {
        List<String> sorted = files.stream().distinct().sorted().toList();
        Map<String, String> names = new HashMap<>(kept);
        Set<String> taken = new HashSet<>();
        kept.forEach((file, name) -> taken.add(slot(file, name)));
        Map<String, List<String>> byDefaultName = new LinkedHashMap<>();
        for (String file : sorted) {
            byDefaultName.computeIfAbsent(slot(file, outputFileName(Path.of(file))), k -> new ArrayList<>()).add(file);
        }
        // the files alone with their name first, so that they keep it; then those that share one
        List<List<String>> groups = new ArrayList<>(byDefaultName.values());
        groups.sort(Comparator.comparing(group -> group.size() > 1));
        for (List<String> group : groups) {
            for (String file : group) {
                if (names.containsKey(file)) {
                    continue;
                }
                String base = base(Path.of(file).getFileName().toString(), group.size() > 1);
                String name = outputFileName(base, "");
                for (int n = 2; taken.contains(slot(file, name)); n++) {
                    name = outputFileName(base, " (" + n + ")");
                }
                names.put(file, name);
                taken.add(slot(file, name));
            }
        }
        Map<String, String> inFileOrder = new LinkedHashMap<>();
        sorted.forEach(file -> inFileOrder.put(file, names.get(file)));
        return inFileOrder;
    }

    /** {@link #outputFileNames(Collection, Map)} for files that keep no names. */
    static Map<String, String> outputFileNames(Collection<String> files) {
        return outputFileNames(files, Map.of());
    }

    /** A file name without its extension, or with the extension joined by an underscore ({@code a.csv}: {@code a_csv}). */
    private static String base(String fileName, boolean withExtension) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0) {
            return fileName;
        }
        return fileName.substring(0, dot) + (withExtension ? "_" + fileName.substring(dot + 1) : "");
    }

    /** Where a workbook name lies, as a file system that ignores case sees it: the file's folder and the name. */
    private static String slot(String file, String workbookName) {
        return folderOf(file) + "/" + workbookName.toLowerCase(Locale.ROOT);
    }

    private static String folderOf(String file) {
        Path parent = Path.of(file).getParent();
        return parent == null ? "" : parent.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code <base><tag>_指摘事項.xlsx}: the base cleaned and shortened so that the name fits, the tag kept whole. */
    private static String outputFileName(String base, String tag) {
        StringBuilder safe = new StringBuilder();
        base.codePoints().forEach(c -> {
            if ("\\/:*?\"<>|".indexOf(c) >= 0 || Character.isISOControl(c)) {
                safe.append('_');
            } else {
                safe.appendCodePoint(c);
            }
        });
        String cleaned = safe.toString().strip().replaceAll("[. ]+$", "");
        if (cleaned.isEmpty()) {
            cleaned = "submission";
        }
        String stem = cleaned.split("\\.", 2)[0].toUpperCase(Locale.ROOT);
        if (RESERVED_FILE_NAMES.contains(stem)) {
            cleaned = "_" + cleaned;
        }
        int budget = MAX_FILE_NAME_BYTES - (tag + FILE_SUFFIX).getBytes(StandardCharsets.UTF_8).length;
        StringBuilder limited = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < cleaned.length(); ) {
            int c = cleaned.codePointAt(i);
            String one = new String(Character.toChars(c));
            bytes += one.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > budget) {
                break;
            }
            limited.append(one);
            i += Character.charCount(c);
        }
        return limited + tag + FILE_SUFFIX;
    }

    // ---- order -------------------------------------------------------------------------------

    /** Errors, warnings, info; then the whole file, the sheets in tab order (unknown ones by name); then by cell. */
    static List<FeedbackItem> sorted(List<FeedbackItem> items, SubmissionCopy copy) {
        Comparator<FeedbackItem> bySheet = Comparator
                .comparingInt((FeedbackItem item) -> sheetGroup(item, copy))
                .thenComparingInt(item -> Math.max(copy.tabIndex(item.sheetName()), 0))
                .thenComparing(item -> Objects.requireNonNullElse(item.sheetName(), ""));
        Comparator<FeedbackItem> byCell = Comparator
                .comparingInt((FeedbackItem item) -> item.cell() == null ? 0 : Address.parse(item.cell()) == null ? 2 : 1)
                .thenComparingInt(item -> addressOrZero(item).firstRow())
                .thenComparingInt(item -> addressOrZero(item).firstColumn())
                .thenComparing(item -> Objects.requireNonNullElse(item.cell(), ""));
        List<FeedbackItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(FeedbackItem::rank).thenComparing(bySheet).thenComparing(byCell));
        return sorted;
    }

    private static int sheetGroup(FeedbackItem item, SubmissionCopy copy) {
        if (item.sheetName() == null) {
            return 0;
        }
        return copy.tabIndex(item.sheetName()) >= 0 ? 1 : 2;
    }

    private static Address addressOrZero(FeedbackItem item) {
        Address address = item.cell() == null ? null : Address.parse(item.cell());
        return address == null ? new Address(0, 0, 0, 0) : address;
    }

    /** A cell or range of an item, zero-based; {@code null} from {@link #parse} when the text is no A1 address. */
    record Address(int firstRow, int firstColumn, int lastRow, int lastColumn) {

        static Address parse(String text) {
            Matcher m = A1.matcher(text.replace("$", "").strip().toUpperCase(Locale.ROOT));
            if (!m.matches()) {
                return null;
            }
            int firstColumn = CellReference.convertColStringToIndex(m.group(1));
            int firstRow = Integer.parseInt(m.group(2)) - 1;
            int lastColumn = m.group(3) == null ? firstColumn : CellReference.convertColStringToIndex(m.group(3));
            int lastRow = m.group(4) == null ? firstRow : Integer.parseInt(m.group(4)) - 1;
            if (firstRow < 0 || lastRow < 0 || Math.max(firstRow, lastRow) >= MAX_ROWS
                    || Math.max(firstColumn, lastColumn) >= MAX_COLUMNS) {
                return null;
            }
            return new Address(Math.min(firstRow, lastRow), Math.min(firstColumn, lastColumn),
                    Math.max(firstRow, lastRow), Math.max(firstColumn, lastColumn));
        }

        String a1() {
            String first = new CellReference(firstRow, firstColumn).formatAsString(false);
            return firstRow == lastRow && firstColumn == lastColumn
                    ? first : first + ":" + new CellReference(lastRow, lastColumn).formatAsString(false);
        }
    }

    // ---- the copy: fills, comments, tab colours ---------------------------------------------------

    private static XSSFColor color(String rgb) {
        return new XSSFColor(new byte[] {(byte) Integer.parseInt(rgb.substring(0, 2), 16),
            (byte) Integer.parseInt(rgb.substring(2, 4), 16), (byte) Integer.parseInt(rgb.substring(4, 6), 16)}, null);
    }

    static String fillRgb(FeedbackItem item) {
        return item.isError() ? ERROR_RGB : item.isWarning() ? WARNING_RGB : null;
    }

    /** A cell of a copied sheet, zero-based. */
    record CellKey(String sheet, int row, int column) {
    }

    /** The merged region of a copied sheet that holds a cell, or {@code null}. */
    interface MergeLookup {
        CellRangeAddress at(String sheetName, int row, int column);
    }

    /**
     * What to mark in the copy.
     *
     * @param cells each cell to mark (the first cell of a merge for a cell inside it), to its items
     *     in the order of the findings sheet, so that the first is the worst
     * @param worstOfSheet each copied sheet with a finding of the whole sheet, to the worst of them
     */
    record Marks(Map<CellKey, List<FeedbackItem>> cells, Map<String, FeedbackItem> worstOfSheet) {

        static Marks of(List<FeedbackItem> sorted, SubmissionCopy copy, MergeLookup merges) {
            Map<CellKey, List<FeedbackItem>> byCell = new LinkedHashMap<>();
            Map<String, FeedbackItem> worstOfSheet = new LinkedHashMap<>();
            for (FeedbackItem item : sorted) {
                String sheetName = copy.copiedSheetName(item.sheetName());
                if (sheetName == null) {
                    continue;
                }
                Address address = item.cell() == null ? null : Address.parse(item.cell());
                if (address == null) {
                    worstOfSheet.merge(sheetName, item, (a, b) -> a.rank() <= b.rank() ? a : b);
                    continue;
                }
                CellRangeAddress merge = merges.at(sheetName, address.firstRow(), address.firstColumn());
                int row = merge == null ? address.firstRow() : merge.getFirstRow();
                int column = merge == null ? address.firstColumn() : merge.getFirstColumn();
                byCell.computeIfAbsent(new CellKey(sheetName, row, column), k -> new ArrayList<>()).add(item);
            }
            return new Marks(byCell, worstOfSheet);
        }
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

    /**
     * The text of the comment on a cell: who writes ({@code author:}, as Excel starts a comment), then
     * each item of the cell.
     */
    static String commentText(String author, List<FeedbackItem> items) {
        StringBuilder text = new StringBuilder(author).append(':');
        for (FeedbackItem item : items) {
            text.append('\n').append('[').append(severityLabel(item)).append("] ").append(item.message());
            if (item.rawText() != null) {
                text.append(" (記入内容 found: \"").append(item.rawText()).append("\")");
            }
        }
        return text.toString();
    }

    /**
     * Where the box of a comment goes (zero-based cells): right of its cell, four columns wide, as
     * many rows high as the text needs (4 to {@value #HIGHEST}), a line of the box holding some
     * {@value #LINE_WIDTH} half-width characters (a Japanese character counting two).
     */
    record CommentAnchor(int firstRow, int firstColumn, int lastRow, int lastColumn) {

        /** The most rows a box spans: a finding's Japanese text and English message take some ten lines. */
        static final int HIGHEST = 20;
        static final int LINE_WIDTH = 40;

        static CommentAnchor of(int row, int column, CharSequence text) {
            int lines = 0;
            for (String line : text.toString().split("\n", -1)) {
                lines += Math.max(1, (GridSheetCopy.lineWidth(line) + LINE_WIDTH - 1) / LINE_WIDTH);
            }
            int firstColumn = column + 5 < MAX_COLUMNS ? column + 1 : Math.max(0, column - 5);
            int firstRow = Math.min(row, MAX_ROWS - 1 - HIGHEST);
            return new CommentAnchor(firstRow, firstColumn, firstRow + Math.min(Math.max(lines + 1, 4), HIGHEST),
                    Math.min(firstColumn + 4, MAX_COLUMNS - 1));
        }
    }

    // ---- the findings sheet ---------------------------------------------------------------------

    static String severityLabel(FeedbackItem item) {
        return item.isError() ? "エラー Error" : item.isWarning() ? "警告 Warning" : "情報 Info";
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

    /** The second row of the findings sheet: whether a copy follows, and if not, why. */
    static String note(String failure, SubmissionCopy.Absence absence, boolean copied) {
        return failure != null && absence == SubmissionCopy.Absence.TOO_LARGE
                ? "提出ファイルが大きすぎるため、写しは付いていません (your file is too large for a marked copy, so none is "
                        + "attached: " + failure + ")"
                : failure != null && absence == SubmissionCopy.Absence.COPY_FAILED
                ? "提出ファイルは読み込めましたが、写しを作成できなかったため付いていません (your file was read, but a copy of it "
                        + "could not be made, so none is attached: " + failure + ")"
                : failure != null
                ? "提出ファイルを開けなかったため、写しは付いていません (your file could not be opened, so no copy of it is attached: "
                        + failure + ")"
                : !copied
                ? "指摘事項がないため、提出ファイルの写しは付けていません (no findings, so no copy of your file is attached)"
                : "提出ファイルの写しを後ろのシートに付け、該当セルを色付けしてコメントを付けました。シート名・セル番地をクリックすると移動します "
                        + "(a copy of your file follows, each cell concerned highlighted and commented; "
                        + "click a sheet or cell to go there)";
    }

    static String title(String submissionName, List<FeedbackItem> items) {
        long errors = items.stream().filter(FeedbackItem::isError).count();
        long warnings = items.stream().filter(FeedbackItem::isWarning).count();
        long infos = items.size() - errors - warnings;
        StringBuilder title = new StringBuilder("指摘事項 (findings): ").append(submissionName)
                .append(" — エラー ").append(errors).append("件 (").append(count(errors, "error")).append("), 警告 ")
                .append(warnings).append("件 (").append(count(warnings, "warning")).append(")");
        if (infos > 0) {
            title.append(", 情報 ").append(infos).append("件 (").append(infos).append(" info)");
        }
        return title.toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
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

    /**
     * {@code text} cut to Excel's limit for a cell, never between the halves of a surrogate pair:
     * POI would write a lone half as {@code ?}, the zip-level path as an escape that reads back as it.
     */
    static String limit(String text) {
        return SheetNames.truncate(text, MAX_TEXT);
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

    /** Writes a file of its own. */
    interface FileWriting {
        void writeTo(Path file) throws IOException;
    }

    /** The mode of a workbook: readable by the group and the others (0644), like a file the office saves. */
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> SHARED =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

    /**
     * Writes {@code target} through a temporary file beside it, so that a reader never sees half of it;
     * the workbook is readable by the group (0644) where the file system has POSIX permissions.
     */
    static void replace(Path target, FileWriting writing) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".feedback-", ".xlsx.part");
        try {
            writing.writeTo(temporary);
            // a temporary file is created for its owner alone (0600); the office shares the workbooks
            if (Files.getFileStore(temporary).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temporary, SHARED);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
