package jp.evalsheet.value;

/** What a value cell of an evaluation sheet holds: a number, or one of the conventional non-numeric marks. */
public enum ValueKind {

    /** A number, possibly with a unit and an annotation, e.g. {@code 58.2%} or {@code 3182件}. */
    NUMBER,

    /** An empty or whitespace-only cell. */
    BLANK,

    /** A dash alone ({@code -}, {@code －}, {@code —}, {@code ―}, {@code ‐}, {@code ー}, {@code –}): no value applies. */
    NOT_APPLICABLE,

    /** {@code ※} alone or followed by a note: the value was not surveyed or is explained elsewhere. */
    NOT_SURVEYED,

    /** {@code 中止}: the activity was cancelled. */
    CANCELLED,

    /** Any other text, e.g. a milestone such as {@code 調査・研究} or {@code 設置}. */
    TEXT
}
