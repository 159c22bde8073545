package jp.evalsheet.feedback;

import java.util.Locale;
import java.util.Objects;

import jp.evalsheet.extract.Finding;

/**
 * One problem to send back to the department that submitted a file: a {@link Finding} of the
 * extraction, or a row of {@code v_data_quality_findings}.
 *
 * @param severity {@code error}, {@code warning} or {@code info} (any case; kept in lower case)
 * @param sheetName the sheet as the submission names it, or {@code null} for a problem of the whole file
 * @param cell the A1 address ({@code C12}, {@code $C$12} or a range such as {@code B3:D3}), or
 *     {@code null} when no single cell is to blame
 * @param rule the stable snake_case name of the check
 * @param message what is wrong and what was expected
 * @param rawText the text the cell shows, or {@code null}
 */
public record FeedbackItem(String severity, String sheetName, String cell, String rule, String message,
        String rawText) {

    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    public static final String INFO = "info";

    public FeedbackItem {
        Objects.requireNonNull(severity, "severity");
        severity = severity.strip().toLowerCase(Locale.ROOT);
        if (!severity.equals(ERROR) && !severity.equals(WARNING) && !severity.equals(INFO)) {
            throw new IllegalArgumentException("severity must be error, warning or info: " + severity);
        }
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        sheetName = blankToNull(sheetName);
        cell = blankToNull(cell);
    }

    /** The item of an extraction finding. */
    public static FeedbackItem of(Finding finding) {
        return new FeedbackItem(finding.severity().sqlName(), finding.sheetName(), finding.cell(), finding.rule(),
                finding.message(), finding.rawText());
    }

    public static FeedbackItem error(String sheetName, String cell, String rule, String message, String rawText) {
        return new FeedbackItem(ERROR, sheetName, cell, rule, message, rawText);
    }

    public static FeedbackItem warning(String sheetName, String cell, String rule, String message, String rawText) {
        return new FeedbackItem(WARNING, sheetName, cell, rule, message, rawText);
    }

    public static FeedbackItem info(String sheetName, String cell, String rule, String message, String rawText) {
        return new FeedbackItem(INFO, sheetName, cell, rule, message, rawText);
    }

    public boolean isError() {
        return ERROR.equals(severity);
    }

    public boolean isWarning() {
        return WARNING.equals(severity);
    }

    /** 0 for an error, 1 for a warning, 2 for info: the order the findings sheet lists them in. */
    int rank() {
        return switch (severity) {
            case ERROR -> 0;
            case WARNING -> 1;
            default -> 2;
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
