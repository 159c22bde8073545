package jp.evalsheet.grid;

/** A rectangular block of cells (a merge region), zero-based and inclusive at both ends. */
public record CellRange(int firstRow, int lastRow, int firstColumn, int lastColumn) {

    public boolean contains(int row, int column) {
        return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
    }

    /** The range in Excel notation, e.g. {@code B3:D3}. */
    public String a1() {
        return CellAddresses.a1(firstRow, firstColumn) + ":" + CellAddresses.a1(lastRow, lastColumn);
    }
}
