package jp.evalsheet.extract;

import jp.evalsheet.value.JapaneseText;

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
        String halfWidth = JapaneseText.toHalfWidthDigits(text);
        StringBuilder normalized = new StringBuilder(halfWidth.length());
        for (int i = 0; i < halfWidth.length(); i++) {
            char c = halfWidth.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            normalized.append(switch (c) {
                case '（' -> '(';
                case '）' -> ')';
                case '：' -> ':';
                case 'Ｒ' -> 'R';
                case 'Ｈ' -> 'H';
                default -> c;
            });
        }
        return normalized.toString();
    }

    /** Whether a printed value means "nothing here": empty, or a lone dash of any kind. */
    public static boolean isDashOrEmpty(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() || normalized.matches("[-—―－‐ー–]+");
    }
}
