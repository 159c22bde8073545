package jp.evalsheet.value;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a value cell of an evaluation sheet as printed: a number with its sign, thousands grouping,
 * unit and trailing annotation ({@code 10,338,996円}, {@code △5}, {@code 17.92 ≪82.92歳≫}), or one of
 * the conventional marks for no value ({@code -}, {@code ※}, {@code 中止}), or other text.
 */
public final class NumberParser {

    /**
     * Units recognised right after a number. A closed list on purpose: a number followed by any other
     * text (e.g. {@code 100人以上}, {@code 12abc}) is text, not a measurement.
     */
    private static final List<String> UNITS = List.of(
            "%", "件", "千件", "人", "千人", "万人", "名", "回", "円", "千円", "万円", "百万円", "億円",
            "か所", "カ所", "ヶ所", "ケ所", "ヵ所", "箇所", "歳", "才", "校", "園", "団体", "社", "世帯", "戸",
            "台", "本", "冊", "部", "枚", "時間", "分", "日", "か月", "ヶ月", "カ月", "年", "点", "位", "倍",
            "組", "店", "店舗", "施設", "事業", "地区", "人日", "人回", "種類", "ページ", "ポイント", "pt",
            "ha", "km", "kg", "t", "m", "㎡", "m2");

    private static final String UNIT_ALTERNATION = UNITS.stream()
            // longest first so that 千円 wins over 円 and か所 is not cut short
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));

    private static final Pattern NUMBER = Pattern.compile(
            "(?<sign>[-+△▲−])?\\s?"
                    + "(?<integer>\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(?<fraction>\\d+))?"
                    + "\\s?(?<unit>" + UNIT_ALTERNATION + ")?"
                    + "(?:\\s?(?:≪(?<guillemet>[^≫]*)≫|《(?<kakko>[^》]*)》|\\((?<paren>[^)]*)\\)|（(?<wide>[^）]*)）))?");

    private static final Pattern NOT_APPLICABLE = Pattern.compile("[-—―‐ー–−ｰ]+");

    private static final String NOT_SURVEYED_MARK = "※";

    private static final String CANCELLED_MARK = "中止";

    private NumberParser() {
    }

    /** Reads one value cell; never throws for any text, including {@code null} (read as blank). */
    public static ParsedValue parse(String raw) {
        String text = JapaneseText.collapseWhitespace(JapaneseText.toHalfWidthDigits(raw));
        if (text.isEmpty()) {
            return new ParsedValue("", ValueKind.BLANK, null, null, null);
        }
        if (NOT_APPLICABLE.matcher(text).matches()) {
            return new ParsedValue(raw, ValueKind.NOT_APPLICABLE, null, null, null);
        }
        if (text.startsWith(NOT_SURVEYED_MARK)) {
            return new ParsedValue(raw, ValueKind.NOT_SURVEYED, null, null,
                    note(text.substring(NOT_SURVEYED_MARK.length())));
        }
        if (text.startsWith(CANCELLED_MARK)) {
            return new ParsedValue(raw, ValueKind.CANCELLED, null, null,
                    note(text.substring(CANCELLED_MARK.length())));
        }
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            return new ParsedValue(raw, ValueKind.TEXT, null, null, null);
        }
        String digits = m.group("integer").replace(",", "");
        if (m.group("fraction") != null) {
            digits += "." + m.group("fraction");
        }
        BigDecimal number = new BigDecimal(digits);
        String sign = m.group("sign");
        if (sign != null && !"+".equals(sign)) {
            number = number.negate();
        }
        return new ParsedValue(raw, ValueKind.NUMBER, number, m.group("unit"), annotation(m));
    }

    /** The number of a value cell, or empty when the cell does not hold a number. */
    public static Optional<BigDecimal> number(String raw) {
        return Optional.ofNullable(parse(raw).number());
    }

    private static String annotation(Matcher m) {
        for (String group : List.of("guillemet", "kakko", "paren", "wide")) {
            if (m.group(group) != null) {
                return note(m.group(group));
            }
        }
        return null;
    }

    /** The note after a mark, without surrounding brackets; {@code null} when there is none. */
    private static String note(String rest) {
        String trimmed = JapaneseText.trim(rest);
        if (trimmed.length() >= 2 && isBracketPair(trimmed.charAt(0), trimmed.charAt(trimmed.length() - 1))) {
            trimmed = JapaneseText.trim(trimmed.substring(1, trimmed.length() - 1));
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static boolean isBracketPair(char open, char close) {
        return (open == '(' && close == ')') || (open == '（' && close == '）')
                || (open == '≪' && close == '≫') || (open == '《' && close == '》');
    }
}
