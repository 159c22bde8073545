package jp.evalsheet.extract;

/**
 * A problem found in a submission, located as precisely as it can be: an {@link Severity#ERROR}
 * rejects the sheet (or the file, when {@code sheetName} is {@code null}); a {@link Severity#WARNING}
 * is loaded with the data and reported in {@code v_data_quality_findings}.
 *
 * @param sheetName the sheet, or {@code null} for a problem of the whole file
 * @param cell the A1 address, or {@code null} when no single cell is to blame
 * @param rule a stable snake_case name of the check, for filtering and counting
 * @param message what is wrong and what was expected, in English, quoting the Japanese label
 * @param rawText the text the cell shows, when there is one
 */
public record Finding(Severity severity, String sheetName, String cell, String rule, String message, String rawText) {

    /** How much a finding costs the submission. */
    public enum Severity {
        ERROR, WARNING;

        public String sqlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Finding error(String sheetName, String cell, String rule, String message, String rawText) {
        return new Finding(Severity.ERROR, sheetName, cell, rule, message, rawText);
    }

    public static Finding warning(String sheetName, String cell, String rule, String message, String rawText) {
        return new Finding(Severity.WARNING, sheetName, cell, rule, message, rawText);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
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
