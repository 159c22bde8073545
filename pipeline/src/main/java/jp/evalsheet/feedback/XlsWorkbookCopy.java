package jp.evalsheet.feedback;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How the feedback copy lays out an .xls submission, read once with POI's HSSF: per sheet its name,
 * whether it is hidden, its default column width and row height, its rows (with their height where it
 * is not the default), its cells with their values and formats, the width and visibility of each
 * column up to the last that holds a cell, and its merges. Both ways of writing the copy, POI's user
 * model ({@link SubmissionCopy}) and the minimal package ({@link XlsPackage}), render this one layout,
 * so that they cannot drift apart.
 *
 * <p>What the copy keeps of a cell is its value as stored (a formula's cached result, an error as its
 * text, a text cut to Excel's cell limit) and the number format, wrapping and alignment of its style;
 * fonts, fills, borders, blank cells, comments, pictures and formulas are not copied.
 *
 * @param sheets the sheets, in tab order
 * @param styles the distinct cell formats, in the order of their first use
 * @param sheetNames the submission's sheet names, in tab order, each to the name of its copy
 */
record XlsWorkbookCopy(List<Sheet> sheets, List<Style> styles, Map<String, String> sheetNames) {

    /**
     * What the copy keeps of a cell's style.
     *
     * @param format the number format as HSSF reads it, {@code null} read as {@code General}
     */
    record Style(String format, boolean wrap, HorizontalAlignment horizontal, VerticalAlignment vertical) {
    }

    /**
     * A sheet of the copy.
     *
     * @param name the copy's sheet name, legal and unique in the workbook
     * @param hidden whether the sheet is hidden (or very hidden, which the copy makes hidden)
     * @param defaultColumnWidth in characters
     * @param defaultRowHeight in twips
     * @param rows every row the sheet has, in order
     * @param columns every column up to the last that holds a cell, blank or not, in order
     * @param merges the merges the copy keeps ({@link SubmissionCopy#keptMerges})
     */
    record Sheet(String name, boolean hidden, int defaultColumnWidth, short defaultRowHeight, List<Row> rows,
            List<Column> columns, List<CellRangeAddress> merges) {
    }

    /**
     * A row (zero-based), with its cells left to right.
     *
     * @param height in twips, or -1 when it is the sheet's default
     */
    record Row(int index, short height, List<Cell> cells) {
    }

    /**
     * A cell that holds a value.
     *
     * @param value a {@link Double}, a {@link String} (a text or an error's text) or a {@link Boolean}
     * @param style the index of its format in {@link XlsWorkbookCopy#styles}
     */
    record Cell(int column, Object value, int style) {
    }

    /** A column (zero-based): its width in 1/256 of a character, and whether it is hidden. */
    record Column(int index, int width, boolean hidden) {
    }

    /** Reads {@code submission}, never modifying it. */
    static XlsWorkbookCopy read(Path submission) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(submission.toFile(), true);
                HSSFWorkbook source = new HSSFWorkbook(fs.getRoot(), true)) {
            Map<String, String> names = new LinkedHashMap<>();
            Map<Style, Integer> styles = new LinkedHashMap<>();
            List<Sheet> sheets = new ArrayList<>(source.getNumberOfSheets());
            for (int i = 0; i < source.getNumberOfSheets(); i++) {
                org.apache.poi.ss.usermodel.Sheet sheet = source.getSheetAt(i);
                String name = SheetNames.unique(sheet.getSheetName(), names.values());
                names.put(sheet.getSheetName(), name);
                sheets.add(sheet(sheet, name, source.isSheetHidden(i) || source.isSheetVeryHidden(i), styles));
            }
            return new XlsWorkbookCopy(List.copyOf(sheets), List.copyOf(styles.keySet()), names);
        }
    }

    private static Sheet sheet(org.apache.poi.ss.usermodel.Sheet source, String name, boolean hidden,
            Map<Style, Integer> styles) {
        short defaultRowHeight = source.getDefaultRowHeight();
        List<Row> rows = new ArrayList<>();
        int lastColumn = -1;
        for (org.apache.poi.ss.usermodel.Row row : source) {
            List<Cell> cells = new ArrayList<>(Math.max(row.getLastCellNum(), 0));
            for (org.apache.poi.ss.usermodel.Cell cell : row) {
                lastColumn = Math.max(lastColumn, cell.getColumnIndex());
                Object value = value(cell);
                if (value != null) {
                    CellStyle style = cell.getCellStyle();
                    Style key = new Style(style.getDataFormatString(), style.getWrapText(), style.getAlignment(),
                            style.getVerticalAlignment());
                    cells.add(new Cell(cell.getColumnIndex(), value, styles.computeIfAbsent(key, k -> styles.size())));
                }
            }
            short height = row.getHeight();
            rows.add(new Row(row.getRowNum(), height == defaultRowHeight ? -1 : height, List.copyOf(cells)));
        }
        List<Column> columns = new ArrayList<>(lastColumn + 1);
        for (int column = 0; column <= lastColumn; column++) {
            columns.add(new Column(column, source.getColumnWidth(column), source.isColumnHidden(column)));
        }
        return new Sheet(name, hidden, source.getDefaultColumnWidth(), defaultRowHeight, List.copyOf(rows),
                List.copyOf(columns), SubmissionCopy.keptMerges(source.getMergedRegions()));
    }

    /** The value the copy keeps of a cell, or {@code null} for a blank one. */
    private static Object value(org.apache.poi.ss.usermodel.Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case NUMERIC -> cell.getNumericCellValue();
            case STRING -> FindingsLayout.limit(cell.getRichStringCellValue().getString());
            case BOOLEAN -> cell.getBooleanCellValue();
            case ERROR -> errorText(cell.getErrorCellValue());
            default -> null;
        };
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#N/A";
        }
    }
}
