package jp.evalsheet.value;

import java.util.Objects;

/**
 * An indicator name split from the unit printed in its final parentheses, by {@link UnitSplitter}.
 *
 * @param name the name without the unit, e.g. {@code 参加者数}
 * @param unit the unit, e.g. {@code 人} or {@code %}, or {@code null} when none is printed
 */
public record NameAndUnit(String name, String unit) {

    public NameAndUnit {
        Objects.requireNonNull(name, "name");
    }
}
