package jp.evalsheet.value;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a letter status such as {@code A　目標達成\n（見込み）}: the first non-space character is the
 * code (full-width letters accepted), the rest is the label.
 */
public final class StatusParser {

    private StatusParser() {
    }

    /**
     * Reads a status whose code must be one of {@code allowedCodes} (upper-case ASCII letters).
     *
     * @throws ValueParseException when the text is blank or does not start with an allowed code
     */
    public static Status parse(String raw, Set<String> allowedCodes) {
        if (allowedCodes == null || allowedCodes.isEmpty()) {
            throw new IllegalArgumentException("allowedCodes must not be empty");
        }
        String original = raw == null ? "" : raw;
        String printed = JapaneseText.trim(original);
        // both conversions map one character to one, so indexes into text are valid in printed
        String text = JapaneseText.toHalfWidthLetters(JapaneseText.toHalfWidthDigits(printed));
        int end = 0;
        // the code is the whole leading ASCII word, so that "AB" or "A1" are not read as A
        while (end < text.length() && isAsciiLetterOrDigit(text.charAt(end))) {
            end++;
        }
        String code = text.substring(0, end).toUpperCase(Locale.ROOT);
        if (code.isEmpty() || !allowedCodes.contains(code)) {
            throw new ValueParseException("expected a status " + describe(allowedCodes) + ", found \""
                    + original + "\"");
        }
        return new Status(code, JapaneseText.joinLines(printed.substring(end)), original);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** {@code A, B or C} for three codes, {@code A or B} for two, {@code A} for one. */
    private static String describe(Set<String> codes) {
        List<String> sorted = codes.stream().sorted().toList();
        if (sorted.size() == 1) {
            return sorted.get(0);
        }
        return String.join(", ", sorted.subList(0, sorted.size() - 1)) + " or " + sorted.get(sorted.size() - 1);
    }
}
