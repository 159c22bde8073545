package jp.evalsheet.value;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a rating printed as a scale with the chosen step circled, e.g. {@code 1 2 ③ 4 … おおむね順調}
 * is 3 labelled {@code おおむね順調}. Also reads {@code ③}, {@code ③ おおむね順調} and a bare digit
 * such as {@code 3}.
 */
public final class RatingParser {

    /** The scale used by the policy sheets. */
    public static final int DEFAULT_MAX_VALUE = 4;

    /** The highest step that has a circled digit (⑳). */
    public static final int LARGEST_SUPPORTED_MAX_VALUE = 20;

    /** Ellipses of any printed form; a single ・ is excluded because labels use it (調査・研究). */
    private static final Pattern LABEL_SEPARATOR = Pattern.compile("…+|‥+|⋯+|\\.{2,}|・{2,}|･{2,}");

    private RatingParser() {
    }

    /** Reads a rating on the 1 to 4 scale. */
    public static Rating parse(String raw) {
        return parse(raw, DEFAULT_MAX_VALUE);
    }

    /**
     * Reads a rating on the scale 1 to {@code maxValue}.
     *
     * @throws ValueParseException when no step, more than one step, or a step outside the scale is marked
     * @throws IllegalArgumentException when {@code maxValue} is not between 1 and 20
     */
    public static Rating parse(String raw, int maxValue) {
        if (maxValue < 1 || maxValue > LARGEST_SUPPORTED_MAX_VALUE) {
            throw new IllegalArgumentException("maxValue must be between 1 and " + LARGEST_SUPPORTED_MAX_VALUE
                    + ", got " + maxValue);
        }
        String original = raw == null ? "" : raw;
        String text = JapaneseText.toHalfWidthDigits(original);

        String scale;
        String label;
        Matcher separator = LABEL_SEPARATOR.matcher(text);
        if (separator.find()) {
            scale = text.substring(0, separator.start());
            label = text.substring(separator.end());
        } else {
            // Without an ellipsis the scale is the leading run of digits and spaces, the rest the label.
            int end = 0;
            while (end < text.length() && isScaleChar(text.charAt(end))) {
                end++;
            }
            scale = text.substring(0, end);
            label = text.substring(end);
        }

        List<Character> circled = new ArrayList<>();
        for (int i = 0; i < scale.length(); i++) {
            if (circledValue(scale.charAt(i)) >= 0) {
                circled.add(scale.charAt(i));
            }
        }
        int value;
        String found;
        if (circled.size() == 1) {
            value = circledValue(circled.get(0));
            found = circled.get(0).toString();
        } else if (circled.size() > 1) {
            throw new ValueParseException(expectation(maxValue) + ", found " + circled.size() + " ("
                    + circled.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ") in \""
                    + original + "\"");
        } else {
            String bare = JapaneseText.collapseWhitespace(scale);
            if (!bare.matches("\\d{1,2}")) {
                throw new ValueParseException(expectation(maxValue) + ", found none in \"" + original + "\"");
            }
            value = Integer.parseInt(bare);
            found = bare;
        }
        if (value < 1 || value > maxValue) {
            throw new ValueParseException("expected a rating from 1 to " + maxValue + ", found " + found
                    + " in \"" + original + "\"");
        }
        return new Rating(value, JapaneseText.joinLines(label), original);
    }

    private static String expectation(int maxValue) {
        String range = maxValue == 1 ? circled(1) : circled(1) + "–" + circled(maxValue);
        return "expected exactly one circled digit " + range + " marking the rating";
    }

    private static String circled(int value) {
        return String.valueOf((char) ('①' + value - 1));
    }

    private static boolean isScaleChar(char c) {
        return (c >= '0' && c <= '9') || JapaneseText.isWhitespace(c) || circledValue(c) >= 0;
    }

    /** The number a circled digit stands for, or -1 when {@code c} is not one. */
    private static int circledValue(char c) {
        if (c >= '①' && c <= '⑳') {
            return c - '①' + 1;
        }
        if (c == '⓪') {
            return 0;
        }
        // dingbat variants: ❶..❿, ➀..➉, ➊..➓
        if (c >= '❶' && c <= '❿') {
            return c - '❶' + 1;
        }
        if (c >= '➀' && c <= '➉') {
            return c - '➀' + 1;
        }
        if (c >= '➊' && c <= '➓') {
            return c - '➊' + 1;
        }
        return -1;
    }
}
