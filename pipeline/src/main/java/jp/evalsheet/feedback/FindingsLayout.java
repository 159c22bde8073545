package jp.evalsheet.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * The findings list as the departments read it, and how findings map to the cells of their copy:
 * the list's sheet name, title, note, headers, rows and widths, the fills of errors and warnings,
 * the order of the findings, the addresses they name, the marks and comments they put on the copy,
 * and the texts. The bottom layer of {@code feedback/}: the POI renderer ({@link FeedbackWorkbookWriter})
 * and the zip-level renderers ({@link XlsxPackageFeedback}, {@link FindingsSheetXml}, {@link XlsPackage},
 * {@link CsvPackage}) draw the same list from it, and it depends on neither.
 */
final class FindingsLayout {

    private FindingsLayout() {
    }

    public static final String FINDINGS_SHEET = "指摘事項 (Findings)";
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
    static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    static final Pattern A1 = Pattern.compile("([A-Z]{1,3})([0-9]{1,7})(?::([A-Z]{1,3})([0-9]{1,7}))?");

    /** Where a finding's links go in the copy: its cell, or the sheet's A1 when it names none. */
    static String linkTarget(String copiedSheet, Address address) {
        return SheetNames.quoted(copiedSheet) + "!" + (address == null ? "A1" : address.a1());
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

    static int sheetGroup(FeedbackItem item, SubmissionCopy copy) {
        if (item.sheetName() == null) {
            return 0;
        }
        return copy.tabIndex(item.sheetName()) >= 0 ? 1 : 2;
    }

    static Address addressOrZero(FeedbackItem item) {
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

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * {@code text} cut to Excel's limit for a cell, never between the halves of a surrogate pair:
     * POI would write a lone half as {@code ?}, the zip-level path as an escape that reads back as it.
     */
    static String limit(String text) {
        return SheetNames.truncate(text, MAX_TEXT);
    }
}
