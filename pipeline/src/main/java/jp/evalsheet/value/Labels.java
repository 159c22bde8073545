package jp.evalsheet.value;

/**
 * Normalizes printed labels so that the slight variations departments type still match: spaces of
 * any width and line breaks removed, full-width digits and parentheses made ASCII, the colon unified.
 * {@code 計（単位：千円）} and {@code 計 (単位:千円)} both become {@code 計(単位:千円)}.
 */
public final class Labels {

    private Labels() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        int first = 0;
        while (first < text.length() && keeps(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text; // called for every cell a label search passes: most need no copy
        }
        StringBuilder normalized = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            int c = normalized(text.charAt(i));
            if (c != DROPPED) {
                normalized.append((char) c);
            }
        }
        return normalized.toString();
    }

    private static final int DROPPED = -1;

    /**
     * Whether a label keeps {@code c} as it is. Printable ASCII and kana and kanji are decided by two
     * comparisons: this runs for every character of every cell a label search passes.
     */
    private static boolean keeps(char c) {
        if ((c > ' ' && c < 0x7F) || (c >= 0x3040 && c < 0xFF00)) {
            return true;
        }
        return normalized(c) == c;
    }

    /** The character a label keeps in place of {@code original}, or {@link #DROPPED} for a space. */
    private static int normalized(char original) {
        char c = JapaneseText.halfWidthDigit(original);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return DROPPED;
        }
        return switch (c) {
            case '（' -> '(';
            case '）' -> ')';
            case '：' -> ':';
            case 'Ｒ' -> 'R';
            case 'Ｈ' -> 'H';
            default -> c;
        };
    }

    /** Whether a printed value means "nothing here": empty, or a lone dash of any kind. */
    public static boolean isDashOrEmpty(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() || normalized.matches("[-—―－‐ー–]+");
    }
}
