package jp.evalsheet.grid;

import java.util.Objects;

import jp.evalsheet.value.Labels;

/**
 * One non-empty cell of a sheet, as the sheet shows it, whatever the file format.
 *
 * <p>A value class over its five components, like a record: equality, hash code and string form
 * are over those alone. It is not a record because it memoizes its {@link #label()}: every family's
 * recognizer and then the extractor search the same cells by their labels, and normalizing a long
 * narrative cell again on each pass cost about a fifth of the reading threads' time.
 */
public final class GridCell {

    private final int row;
    private final int column;
    private final String text;
    private final Double number;
    private final String formula;

    /**
     * {@link Labels#normalize(String)} of the text once asked for. Not volatile: two threads may both
     * compute it, and a String is immutable, so either sees a complete value (as with String's hash).
     */
    private String label;

    /**
     * @param row zero-based row index
     * @param column zero-based column index
     * @param text the text the sheet displays (a number's display format applied, e.g. {@code 80件}
     *     or {@code 7.2%}); never {@code null}, may be empty only for a formula without a cached value
     * @param number the stored numeric value when the cell holds a number (or a formula whose cached
     *     value is a number), otherwise {@code null}
     * @param formula the formula text without the leading {@code =} when the cell holds a formula,
     *     otherwise {@code null}
     */
    public GridCell(int row, int column, String text, Double number, String formula) {
        this.row = row;
        this.column = column;
        this.text = text;
        this.number = number;
        this.formula = formula;
    }

    /** The zero-based row index. */
    public int row() {
        return row;
    }

    /** The zero-based column index. */
    public int column() {
        return column;
    }

    /** The text the sheet displays, a number's display format applied; never {@code null}. */
    public String text() {
        return text;
    }

    /** The stored numeric value of a number (or of a formula whose cached value is one), otherwise {@code null}. */
    public Double number() {
        return number;
    }

    /** The formula text without the leading {@code =}, or {@code null} when the cell holds no formula. */
    public String formula() {
        return formula;
    }

    /**
     * The text as a label, {@link Labels#normalize(String)}: computed at the first call and kept, as
     * the recognizers and extractors ask every cell for it several times.
     */
    public String label() {
        String normalized = label;
        if (normalized == null) {
            normalized = Labels.normalize(text);
            label = normalized;
        }
        return normalized;
    }

    /** Whether the cell holds a formula whose cached value is missing (the file was never recalculated). */
    public boolean isFormulaWithoutCachedValue() {
        return formula != null && text.isEmpty() && number == null;
    }

    /** The A1-style address of this cell, e.g. {@code C12}. */
    public String address() {
        return CellAddresses.a1(row, column);
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof GridCell cell && row == cell.row && column == cell.column
                && Objects.equals(text, cell.text) && Objects.equals(number, cell.number)
                && Objects.equals(formula, cell.formula);
    }

    /** Over the five components, combined as a record combines them: the cell's hash as it was. */
    @Override
    public int hashCode() {
        int hash = Integer.hashCode(row);
        hash = 31 * hash + Integer.hashCode(column);
        hash = 31 * hash + Objects.hashCode(text);
        hash = 31 * hash + Objects.hashCode(number);
        return 31 * hash + Objects.hashCode(formula);
    }

    @Override
    public String toString() {
        return "GridCell[row=" + row + ", column=" + column + ", text=" + text + ", number=" + number
                + ", formula=" + formula + "]";
    }
}
