package jp.evalsheet.value;

import java.util.Set;

/**
 * Splits an indicator name printed with its unit in final parentheses, e.g. {@code 参加者数（人）} or
 * {@code Twitterフォロワー数（累計）（人）}. A final {@code （累計）} qualifies the name and is not a unit.
 */
public final class UnitSplitter {

    private static final Set<String> NOT_UNITS = Set.of("累計", "累計値");

    private static final String CUMULATIVE = "累計";

    private UnitSplitter() {
    }

    /** Splits off the unit; the whole (trimmed) name with a {@code null} unit when there is none. */
    public static NameAndUnit split(String nameAsPrinted) {
        String name = JapaneseText.trim(nameAsPrinted == null ? "" : nameAsPrinted);
        int open = openingOfFinalParentheses(name);
        if (open < 0) {
            return new NameAndUnit(name, null);
        }
        String unit = JapaneseText.toHalfWidthDigits(JapaneseText.trim(name.substring(open + 1, name.length() - 1)));
        String rest = JapaneseText.trim(name.substring(0, open));
        if (unit.isEmpty() || rest.isEmpty() || NOT_UNITS.contains(unit)) {
            return new NameAndUnit(name, null);
        }
        return new NameAndUnit(rest, unit);
    }

    /** Whether the indicator counts cumulatively, i.e. its name mentions 累計; {@code false} for {@code null}. */
    public static boolean isCumulative(String name) {
        return name != null && name.contains(CUMULATIVE);
    }

    /** Index of the bracket opening the parentheses that end {@code name}, or -1 when it does not end with a balanced pair. */
    private static int openingOfFinalParentheses(String name) {
        if (name.isEmpty() || !isClosing(name.charAt(name.length() - 1))) {
            return -1;
        }
        int depth = 0;
        for (int i = name.length() - 1; i >= 0; i--) {
            char c = name.charAt(i);
            // full- and half-width brackets are mixed freely in the sheets, so they nest as one kind
            if (isClosing(c)) {
                depth++;
            } else if (c == '(' || c == '（') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean isClosing(char c) {
        return c == ')' || c == '）';
    }
}
