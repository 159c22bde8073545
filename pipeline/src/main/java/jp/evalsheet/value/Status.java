package jp.evalsheet.value;

import java.util.Objects;

/**
 * A letter status of a strategy or welfare sheet, read by {@link StatusParser}.
 *
 * @param code the status letter in ASCII, e.g. {@code A}
 * @param label the wording after the letter with wrapped lines re-joined, e.g. {@code 目標達成（見込み）};
 *     {@code ""} when absent
 * @param raw the exact original cell text
 */
public record Status(String code, String label, String raw) {

    public Status {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(raw, "raw");
    }
}
