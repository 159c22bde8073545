package jp.evalsheet.grid;

/** A1-style cell addresses, as Excel prints them (columns A..Z, AA.., rows from 1). */
public final class CellAddresses {

    private CellAddresses() {
    }

    /** The A1 address of a zero-based row and column, e.g. {@code (11, 2)} is {@code C12}. */
    public static String a1(int row, int column) {
        return columnLetters(column) + (row + 1);
    }

    /** The letters of a zero-based column index: 0 is {@code A}, 26 is {@code AA}. */
    public static String columnLetters(int column) {
        StringBuilder letters = new StringBuilder();
        int remaining = column + 1;
        while (remaining > 0) {
            int digit = (remaining - 1) % 26;
            letters.insert(0, (char) ('A' + digit));
            remaining = (remaining - 1) / 26;
        }
        return letters.toString();
    }
}
