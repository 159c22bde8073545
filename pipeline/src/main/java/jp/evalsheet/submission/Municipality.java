package jp.evalsheet.submission;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.evalsheet.value.JapaneseText;

/**
 * The municipality a submission comes from, keyed by its 全国地方公共団体コード: five digits and a check
 * digit (朝霞市 = 112275). Names alone are not unique across the nation (府中市, 伊達市), so the code is
 * the key and the name is only a label.
 *
 * <p>Written as a folder name or a {@code --municipality} value: {@code 112275_朝霞市},
 * {@code 112275 朝霞市}, {@code 112275-朝霞市} or just {@code 112275}; full-width digits are accepted.
 *
 * @param code the six-digit code
 * @param name the name as written after the code, or null
 */
public record Municipality(String code, String name) {

    /** Between code and name: underscore, space or hyphen, half- or full-width. */
    private static final String SEPARATOR = "[_\\s\\-　＿－]+";
    private static final Pattern WRITTEN = Pattern.compile("(\\d{6})(?:" + SEPARATOR + "(.*))?");
    private static final Pattern STARTS_WITH_CODE = Pattern.compile("\\d{5,}.*");
    private static final Pattern FOLDER = Pattern.compile("\\d{6}" + SEPARATOR + "\\S.*");

    public Municipality {
        if (code == null || !code.matches("\\d{6}")) {
            throw new IllegalArgumentException("a municipality code has six digits, such as 112275 (朝霞市); found " + code);
        }
        name = name == null || name.isBlank() ? null : name.strip();
    }

    /** The two-digit prefecture code (11 = 埼玉県). */
    public String prefectureCode() {
        return code.substring(0, 2);
    }

    /** {@code 112275_朝霞市}, or the code alone. */
    public String label() {
        return name == null ? code : code + "_" + name;
    }

    /**
     * Reads a written municipality.
     *
     * @return empty when the text does not start with digits at all (a folder such as {@code 2024提出分})
     * @throws IllegalArgumentException when it starts with digits that are not a valid code, with a
     *     message that says what was expected
     */
    public static Optional<Municipality> parse(String written) {
        String text = JapaneseText.toHalfWidthDigits(written == null ? "" : written).strip();
        if (!STARTS_WITH_CODE.matcher(text).matches()) {
            return Optional.empty();
        }
        Matcher matcher = WRITTEN.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + written + "\" is not a municipality: expected a six-digit "
                    + "全国地方公共団体コード, optionally followed by _ and the name, such as 112275_朝霞市");
        }
        String code = matcher.group(1);
        int prefecture = Integer.parseInt(code.substring(0, 2));
        if (prefecture < 1 || prefecture > 47) {
            throw new IllegalArgumentException("\"" + written + "\": " + code + " is not a 全国地方公共団体コード (its first "
                    + "two digits are a prefecture, 01 to 47)");
        }
        char expected = checkDigit(code.substring(0, 5));
        if (code.charAt(5) != expected) {
            throw new IllegalArgumentException("\"" + written + "\": " + code + " is not a 全国地方公共団体コード (its check "
                    + "digit should be " + expected + ", making " + code.substring(0, 5) + expected + ")");
        }
        return Optional.of(new Municipality(code, matcher.group(2)));
    }

    /** The municipality of a five-digit 団体コード (without its check digit), which this completes. */
    public static Municipality of(String fiveDigits, String name) {
        if (!fiveDigits.matches("\\d{5}")) {
            throw new IllegalArgumentException("expected five digits, found " + fiveDigits);
        }
        return new Municipality(fiveDigits + checkDigit(fiveDigits), name);
    }

    /**
     * Reads a municipality that must be one, such as the value of {@code --municipality}.
     *
     * @throws IllegalArgumentException saying what was expected, when it is not a valid one
     */
    public static Municipality require(String written) {
        return parse(written).orElseThrow(() -> new IllegalArgumentException("\"" + written + "\" is not a municipality: "
                + "expected its six-digit 全国地方公共団体コード, optionally followed by _ and the name, such as 112275_朝霞市"));
    }

    /**
     * Reads a folder name as a municipality: only a name written as code and name
     * ({@code 112275_朝霞市}) counts, so that folders such as {@code 202401/} or
     * {@code 20240401_提出/} are not taken for municipalities.
     *
     * @throws IllegalArgumentException when it is written so but the code is not a valid one
     */
    public static Optional<Municipality> parseFolder(String folder) {
        String text = JapaneseText.toHalfWidthDigits(folder == null ? "" : folder).strip();
        return FOLDER.matcher(text).matches() ? parse(folder) : Optional.empty();
    }

    /**
     * The check digit of a five-digit 団体コード: the digits weighted 6, 5, 4, 3, 2, summed, taken modulo
     * 11, subtracted from 11, last digit kept.
     */
    static char checkDigit(String fiveDigits) {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (fiveDigits.charAt(i) - '0') * (6 - i);
        }
        return (char) ('0' + (11 - sum % 11) % 10);
    }
}
