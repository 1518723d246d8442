package dev.trawl.decode.display;

/**
 * A display filter that cannot be compiled: a syntax error, a name that is neither a field nor a protocol, a
 * value of the wrong type or out of range, or an operator a type does not support. The message says what is
 * wrong as tshark says it, followed by the expression and a caret under the part at fault, as
 * {@link java.util.regex.PatternSyntaxException} does:
 *
 * <pre>
 * Unsigned integer (2 bytes) cannot be converted from a string ("eighty").
 *     tcp.port == "eighty"
 *                 ^~~~~~~~
 * </pre>
 */
public final class DisplayFilterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String description;
    private final String expression;
    private final int start;
    private final int end;

    /**
     * @param description what is wrong, as one sentence
     * @param expression the filter
     * @param start where the part at fault starts, or -1 when no part is
     * @param end where it ends (exclusive)
     */
    public DisplayFilterException(String description, String expression, int start, int end) {
        super(description);
        this.description = description;
        this.expression = expression;
        this.start = start;
        this.end = end;
    }

    static DisplayFilterException at(String expression, int start, int end, String description) {
        return new DisplayFilterException(description, expression, start, Math.max(end, start + 1));
    }

    /** What is wrong, without the expression and the caret. */
    public String description() {
        return description;
    }

    /** The filter as it was given. */
    public String expression() {
        return expression;
    }

    /** Where the part at fault starts in {@link #expression()}, or -1. */
    public int start() {
        return start;
    }

    /** Where the part at fault ends (exclusive), or -1. */
    public int end() {
        return start < 0 ? -1 : end;
    }

    @Override
    public String getMessage() {
        if (start < 0 || expression == null) {
            return description;
        }
        StringBuilder sb = new StringBuilder(description).append("\n    ").append(expression).append("\n    ");
        sb.append(" ".repeat(Math.min(start, expression.length()))).append('^');
        int width = Math.min(end, expression.length()) - start;
        sb.append("~".repeat(Math.max(0, width - 1)));
        return sb.toString();
    }
}
