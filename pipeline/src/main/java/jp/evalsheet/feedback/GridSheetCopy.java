package jp.evalsheet.feedback;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.util.CellRangeAddress;

import jp.evalsheet.grid.CellRange;
import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;

/**
 * How the feedback copy lays out one sheet of a submission read as a {@link SheetGrid} (a CSV): its
 * name, its cells with their values and types, which text cells wrap, the column widths and the
 * merges. Both ways of writing the copy, POI's user model ({@link SubmissionCopy}) and the minimal
 * package ({@link CsvPackage}), render this one layout, so that they cannot drift apart.
 *
 * @param sourceName the sheet's name in the submission
 * @param name the copy's sheet name, legal and unique in the workbook
 * @param cells the cells, row by row, left to right
 * @param widths the width of each column that holds a cell, left to right
 * @param merges the merges the copy keeps ({@link SubmissionCopy#keptMerges}): of two cells or more,
 *     inside the sheet's limits, overlapping no earlier one (as POI's {@code addMergedRegion} accepts them)
 */
record GridSheetCopy(String sourceName, String name, List<Cell> cells, List<Width> widths,
        List<CellRangeAddress> merges) {


    /**
     * A cell of the copy, zero-based.
     *
     * @param text the text, cut to Excel's cell limit; for a number, the field as written
     * @param number the value when the cell is written as a number, else {@code null}
     * @param wrap whether a text cell gets the wrapping, top-aligned format (it holds a line break)
     */
    record Cell(int row, int column, String text, Double number, boolean wrap) {
    }

    /** The width of a column (zero-based), in characters. */
    record Width(int column, int characters) {
    }

    /** The layouts of {@code grids}, in order, each named apart from those before it. */
    static List<GridSheetCopy> of(List<SheetGrid> grids) {
        List<GridSheetCopy> sheets = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (SheetGrid grid : grids) {
            String name = SheetNames.unique(grid.sheetName(), taken);
            taken.add(name);
            sheets.add(of(grid, name));
        }
        return List.copyOf(sheets);
    }

    /** The submission's sheet names, in order, each to the name of its copy. */
    static Map<String, String> names(List<GridSheetCopy> sheets) {
        Map<String, String> names = new LinkedHashMap<>();
        for (GridSheetCopy sheet : sheets) {
            names.put(sheet.sourceName(), sheet.name());
        }
        return names;
    }

    private static GridSheetCopy of(SheetGrid grid, String name) {
        List<Cell> cells = new ArrayList<>(grid.cellCount());
        Map<Integer, Integer> widths = new TreeMap<>();
        for (int rowIndex : grid.rowIndexes()) {
            if (rowIndex >= FindingsLayout.MAX_ROWS) {
                break;
            }
            for (GridCell gridCell : grid.row(rowIndex)) {
                if (gridCell.column() >= FindingsLayout.MAX_COLUMNS) {
                    break;
                }
                String text = gridCell.text();
                if (isPlainNumber(gridCell)) {
                    cells.add(new Cell(rowIndex, gridCell.column(), text, gridCell.number(), false));
                } else {
                    cells.add(new Cell(rowIndex, gridCell.column(), FindingsLayout.limit(text), null,
                            text.indexOf('\n') >= 0));
                }
                widths.merge(gridCell.column(), displayWidth(text), Math::max);
            }
        }
        List<Width> columnWidths = new ArrayList<>(widths.size());
        widths.forEach((column, width) -> columnWidths.add(new Width(column, Math.max(8, Math.min(60, width + 2)))));
        List<CellRangeAddress> merges = new ArrayList<>();
        for (CellRange merge : grid.merges()) {
            merges.add(new CellRangeAddress(merge.firstRow(), merge.lastRow(), merge.firstColumn(), merge.lastColumn()));
        }
        return new GridSheetCopy(grid.sheetName(), name, List.copyOf(cells), List.copyOf(columnWidths),
                SubmissionCopy.keptMerges(merges));
    }

    /** Whether the number shows as the field was written, so that {@code 077} or {@code 1.50} stay text. */
    private static boolean isPlainNumber(GridCell cell) {
        if (cell.number() == null || cell.number().isInfinite() || cell.number().isNaN()) {
            return false;
        }
        String shown = BigDecimal.valueOf(cell.number()).stripTrailingZeros().toPlainString();
        return shown.equals(cell.text().strip());
    }

    /** The width of the widest line in characters, a full-width character counting two. */
    private static int displayWidth(String text) {
        int widest = 0;
        for (String line : text.split("\n", -1)) {
            widest = Math.max(widest, lineWidth(line));
        }
        return widest;
    }

    /** The width of one line in half-width characters: a full-width character (漢字, かな, 全角) counts two. */
    static int lineWidth(String line) {
        return line.codePoints().map(c -> c < 0x2E80 || (c >= 0xFF61 && c <= 0xFF9F) ? 1 : 2).sum();
    }
}
