package jp.evalsheet.grid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One sheet of a submitted file as a sparse grid of the cells it shows, with its merge regions.
 * The same representation comes out of .xlsx, .xls and CSV files, so a sheet family is understood
 * once whatever the format. A CSV has exactly one sheet, named after the file, and no merges.
 */
public final class SheetGrid {

    private final String sheetName;
    private final boolean hidden;
    private final NavigableMap<Integer, NavigableMap<Integer, GridCell>> rows;
    private final List<CellRange> merges;

    private SheetGrid(String sheetName, boolean hidden,
            NavigableMap<Integer, NavigableMap<Integer, GridCell>> rows, List<CellRange> merges) {
        this.sheetName = sheetName;
        this.hidden = hidden;
        this.rows = rows;
        this.merges = merges;
    }

    public String sheetName() {
        return sheetName;
    }

    /** Whether the workbook marks this sheet hidden (or very hidden). */
    public boolean hidden() {
        return hidden;
    }

    /** The cell at a zero-based row and column, or {@code null} when the sheet shows nothing there. */
    public GridCell cell(int row, int column) {
        NavigableMap<Integer, GridCell> cells = rows.get(row);
        return cells == null ? null : cells.get(column);
    }

    /** The displayed text at a position, trimmed; the empty string for an empty cell. */
    public String text(int row, int column) {
        GridCell cell = cell(row, column);
        return cell == null ? "" : cell.text().strip();
    }

    /** The non-empty cells of a row, left to right. */
    public List<GridCell> row(int row) {
        NavigableMap<Integer, GridCell> cells = rows.get(row);
        return cells == null ? List.of() : List.copyOf(cells.values());
    }

    /** The indexes of the rows that hold at least one cell, top to bottom. */
    public List<Integer> rowIndexes() {
        return List.copyOf(rows.keySet());
    }

    public int lastRowIndex() {
        return rows.isEmpty() ? -1 : rows.lastKey();
    }

    public int cellCount() {
        int count = 0;
        for (Map<Integer, GridCell> cells : rows.values()) {
            count += cells.size();
        }
        return count;
    }

    public List<CellRange> merges() {
        return merges;
    }

    /** The merge region that covers a position, if any. */
    public Optional<CellRange> mergeAt(int row, int column) {
        for (CellRange merge : merges) {
            if (merge.contains(row, column)) {
                return Optional.of(merge);
            }
        }
        return Optional.empty();
    }

    public static Builder builder(String sheetName) {
        return new Builder(sheetName);
    }

    /** Collects the cells of one sheet while a reader streams through it. */
    public static final class Builder {

        private final String sheetName;
        private boolean hidden;
        private final NavigableMap<Integer, NavigableMap<Integer, GridCell>> rows = new TreeMap<>();
        private final List<CellRange> merges = new ArrayList<>();

        private Builder(String sheetName) {
            this.sheetName = sheetName;
        }

        public Builder hidden(boolean hidden) {
            this.hidden = hidden;
            return this;
        }

        /** Adds a cell; cells with empty text and no formula are ignored. */
        public Builder cell(GridCell cell) {
            if (cell.text().isEmpty() && cell.formula() == null) {
                return this;
            }
            rows.computeIfAbsent(cell.row(), r -> new TreeMap<>()).put(cell.column(), cell);
            return this;
        }

        public Builder merge(CellRange range) {
            merges.add(range);
            return this;
        }

        public SheetGrid build() {
            return new SheetGrid(sheetName, hidden, rows, Collections.unmodifiableList(new ArrayList<>(merges)));
        }
    }
}
