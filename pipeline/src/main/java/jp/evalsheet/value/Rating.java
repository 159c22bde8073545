package jp.evalsheet.value;

import java.util.Objects;

/**
 * The step chosen on a policy sheet's rating scale, read by {@link RatingParser}.
 *
 * @param value the chosen step, from 1
 * @param label the wording printed after the scale, e.g. {@code おおむね順調}; {@code ""} when absent
 * @param raw the exact original cell text; {@code ""} for {@code null}
 */
public record Rating(int value, String label, String raw) {

    public Rating {
        if (value < 1) {
            throw new IllegalArgumentException("a rating starts at 1, got " + value);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(raw, "raw");
    }
}
