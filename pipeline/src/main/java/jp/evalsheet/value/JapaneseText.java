package jp.evalsheet.value;

/**
 * Targeted normalisation of Japanese cell text: full-width digits and signs to ASCII, whitespace
 * runs to one space, wrapped lines re-joined. Deliberately not a blanket NFKC, which would also turn
 * circled digits such as ③ (a rating mark) into plain digits.
 */
public final class JapaneseText {

    private JapaneseText() {
    }

    /**
     * Replaces full-width digits ０-９ and the full-width signs ．，－＋％ with their ASCII forms; every
     * other character is kept. Returns {@code ""} for {@code null}.
     */
    public static String toHalfWidthDigits(String text) {
        if (text == null) {
            return "";
        }
        int first = 0;
        // every character this changes is at ％ (U+FF05) or above
        while (first < text.length() && (text.charAt(first) < '％' || halfWidthDigit(text.charAt(first)) == text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text; // most labels hold no full-width digit: no copy
        }
        StringBuilder result = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            result.append(halfWidthDigit(text.charAt(i)));
        }
        return result.toString();
    }

    /** The ASCII form of a full-width digit ０-９ or sign ．，－＋％; any other character as it is. */
    public static char halfWidthDigit(char c) {
        if (c >= '０' && c <= '９') {
            return (char) ('0' + (c - '０'));
        }
        return switch (c) {
            case '．' -> '.';
            case '，' -> ',';
            case '－' -> '-';
            case '＋' -> '+';
            case '％' -> '%';
            default -> c;
        };
    }

    /** Replaces full-width Latin letters Ａ-Ｚ and ａ-ｚ with ASCII letters. Returns {@code ""} for {@code null}. */
    public static String toHalfWidthLetters(String text) {
        if (text == null) {
            return "";
        }
        int first = 0;
        while (first < text.length() && (text.charAt(first) < 'Ａ' || halfWidthLetter(text.charAt(first)) == text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder result = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            result.append(halfWidthLetter(text.charAt(i)));
        }
        return result.toString();
    }

    private static char halfWidthLetter(char c) {
        if (c >= 'Ａ' && c <= 'Ｚ') {
            return (char) ('A' + (c - 'Ａ'));
        }
        if (c >= 'ａ' && c <= 'ｚ') {
            return (char) ('a' + (c - 'ａ'));
        }
        return c;
    }

    /**
     * Turns every run of whitespace (ASCII spaces, tabs, line breaks, the full-width space U+3000,
     * no-break spaces) into a single ASCII space and trims both ends. Returns {@code ""} for {@code null}.
     */
    public static String collapseWhitespace(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder result = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isWhitespace(c)) {
                pendingSpace = true;
            } else {
                if (pendingSpace && result.length() > 0) {
                    result.append(' ');
                }
                pendingSpace = false;
                result.append(c);
            }
        }
        return result.toString();
    }

    /**
     * Re-joins text that a cell wrapped over several lines: each line is whitespace-collapsed, empty
     * lines are dropped, and lines are joined with nothing when either side of the break is a
     * non-ASCII (Japanese) character, otherwise with one space. Returns {@code ""} for {@code null}.
     */
    public static String joinLines(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder result = new StringBuilder(text.length());
        for (String rawLine : text.split("\\R")) {
            String line = collapseWhitespace(rawLine);
            if (line.isEmpty()) {
                continue;
            }
            // Japanese is written without spaces, so a line break inside it is not a word boundary.
            if (result.length() > 0 && !isWide(result.charAt(result.length() - 1)) && !isWide(line.charAt(0))) {
                result.append(' ');
            }
            result.append(line);
        }
        return result.toString();
    }

    /** Whether {@code c} is whitespace, including the full-width space and no-break spaces. */
    public static boolean isWhitespace(char c) {
        // Character.isWhitespace excludes the no-break spaces that Excel exports sometimes contain.
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u3000';
    }

    /** Trims whitespace as defined by {@link #isWhitespace(char)} from both ends. */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isWide(char c) {
        return c > 0x7F;
    }
}
