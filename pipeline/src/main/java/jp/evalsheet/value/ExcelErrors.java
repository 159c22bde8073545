package jp.evalsheet.value;

import java.util.Set;

/**
 * The error values a spreadsheet shows in a cell whose formula is broken ({@code #REF!}, {@code #N/A},
 * {@code #DIV/0!} …): never a figure, whatever the row, and never text to keep as a milestone.
 */
public final class ExcelErrors {

    private static final Set<String> VALUES = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
            "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!");

    private ExcelErrors() {
    }

    /** Whether the cell shows an error value, such as {@code #REF!}. */
    public static boolean isErrorValue(String text) {
        return text != null && !text.isEmpty() && text.charAt(0) == '#' && VALUES.contains(text.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** The sentence a finding on such a cell says, naming the figure that was expected. */
    public static String message(String errorValue, String expected) {
        return "the cell shows the spreadsheet error " + errorValue.strip() + " (its formula refers to a cell or value that is "
                + "missing or broken); expected " + expected + "; the value was not loaded";
    }
}
