package jp.evalsheet.grid;

/**
 * One non-empty cell of a sheet, as the sheet shows it, whatever the file format.
 *
 * @param row zero-based row index
 * @param column zero-based column index
 * @param text the text the sheet displays (a number's display format applied, e.g. {@code 80件}
 *     or {@code 7.2%}); never {@code null}, may be empty only for a formula without a cached value
 * @param number the stored numeric value when the cell holds a number (or a formula whose cached
 *     value is a number), otherwise {@code null}
 * @param formula the formula text without the leading {@code =} when the cell holds a formula,
 *     otherwise {@code null}
 */
public record GridCell(int row, int column, String text, Double number, String formula) {

    /** Whether the cell holds a formula whose cached value is missing (the file was never recalculated). */
    public boolean isFormulaWithoutCachedValue() {
        return formula != null && text.isEmpty() && number == null;
    }

    /** The A1-style address of this cell, e.g. {@code C12}. */
    public String address() {
        return CellAddresses.a1(row, column);
    }
}
