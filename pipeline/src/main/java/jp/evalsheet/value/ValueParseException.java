package jp.evalsheet.value;

/**
 * A cell text that cannot be read as the value its position requires. Carries only the reason; the
 * caller knows the file, sheet and cell and adds them when reporting.
 */
public class ValueParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ValueParseException(String message) {
        super(message);
    }
}
