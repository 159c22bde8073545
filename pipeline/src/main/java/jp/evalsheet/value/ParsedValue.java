package jp.evalsheet.value;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One value cell read by {@link NumberParser}.
 *
 * @param raw the exact original cell text; never {@code null}, {@code ""} for a blank cell
 * @param kind what the cell holds
 * @param number the number with the scale as printed ({@code 77.50} stays {@code 77.50}); non-null
 *     exactly when {@code kind} is {@link ValueKind#NUMBER}
 * @param unit the unit glued to the number, e.g. {@code %}, {@code 件} or {@code 千円}, or {@code null}
 * @param annotation a trailing note without its brackets, e.g. {@code 82.92歳} from
 *     {@code 17.92 ≪82.92歳≫} or {@code 速報値} from {@code 43,400（速報値）}, or {@code null}
 */
public record ParsedValue(String raw, ValueKind kind, BigDecimal number, String unit, String annotation) {

    public ParsedValue {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(kind, "kind");
        if ((kind == ValueKind.NUMBER) != (number != null)) {
            throw new IllegalArgumentException("a number is required exactly for kind NUMBER, got kind "
                    + kind + " with number " + number);
        }
        if (unit != null && kind != ValueKind.NUMBER) {
            throw new IllegalArgumentException("only a NUMBER can have a unit, got kind " + kind);
        }
    }

    /** Whether the cell holds a number. */
    public boolean isNumber() {
        return kind == ValueKind.NUMBER;
    }
}
