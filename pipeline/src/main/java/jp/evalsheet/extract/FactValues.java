package jp.evalsheet.extract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import jp.evalsheet.value.JapaneseText;
import jp.evalsheet.value.ParsedValue;

/** How the families store a value's parts: the number at the column's scale, its status, units, texts. */
public final class FactValues {

    private FactValues() {
    }

    /** The number of a value at {@code scale} decimals (decimal(18, scale)), or null when it has none. */
    public static BigDecimal scaled(ParsedValue value, int scale) {
        return value.number() == null ? null : value.number().setScale(scale, RoundingMode.HALF_UP);
    }

    /** What a value is: {@code number}, {@code text}, {@code not_applicable}, {@code cancelled} … */
    public static String status(ParsedValue value) {
        return value.kind().name().toLowerCase(Locale.ROOT);
    }

    /** Units are stored half-width, so that ％ and % are one unit. */
    public static String unit(String printed) {
        return printed == null ? null : JapaneseText.toHalfWidthDigits(printed).strip();
    }

    /** The text of a located cell, or null. */
    public static String text(Located located) {
        return located == null ? null : located.rawText();
    }
}
