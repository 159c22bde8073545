package jp.evalsheet.extract;

/**
 * A problem found in a submission, located as precisely as it can be: an {@link Severity#ERROR}
 * rejects the sheet (or the file, when {@code sheetName} is {@code null}), unless it is a
 * {@linkplain #rowError row error}, which costs only the row or value it names while the rest of the
 * sheet, still trustworthy, is loaded; a {@link Severity#WARNING} is loaded with the data and reported
 * in {@code v_data_quality_findings}.
 *
 * @param sheetName the sheet, or {@code null} for a problem of the whole file
 * @param cell the A1 address, or {@code null} when no single cell is to blame
 * @param rule a stable snake_case name of the check, for filtering and counting
 * @param message what is wrong and what was expected, in English, quoting the Japanese label
 * @param rawText the text the cell shows, when there is one
 * @param rowOnly whether an error costs only its row (the value or item it names), not the sheet
 */
public record Finding(Severity severity, String sheetName, String cell, String rule, String message, String rawText,
        boolean rowOnly) {

    /** How much a finding costs the submission. */
    public enum Severity {
        ERROR, WARNING;

        public String sqlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Finding error(String sheetName, String cell, String rule, String message, String rawText) {
        return new Finding(Severity.ERROR, sheetName, cell, rule, message, rawText, false);
    }

    /**
     * An error that costs only the row or value it names: that item is not loaded, the rest of the
     * sheet is. The run still ends with exit code 2 and the department sees it as an error.
     */
    public static Finding rowError(String sheetName, String cell, String rule, String message, String rawText) {
        return new Finding(Severity.ERROR, sheetName, cell, rule, message, rawText, true);
    }

    public static Finding warning(String sheetName, String cell, String rule, String message, String rawText) {
        return new Finding(Severity.WARNING, sheetName, cell, rule, message, rawText, false);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Whether the finding keeps its sheet out of the warehouse: an error that is not a row error. */
    public boolean rejectsSheet() {
        return severity == Severity.ERROR && !rowOnly;
    }

    /** One line for the console and the run log: where, then what. */
    public String describe() {
        StringBuilder where = new StringBuilder();
        if (sheetName != null) {
            where.append("sheet '").append(sheetName).append("'");
        }
        if (cell != null) {
            where.append(where.isEmpty() ? "" : ", ").append("cell ").append(cell);
        }
        return (where.isEmpty() ? "" : where + ": ") + message;
    }
}
