package dev.trawl.pcap;

/**
 * A filter expression that does not compile, for a syntax error or for a semantic one ({@code port 99999},
 * an unknown host, a qualifier the link type does not allow). Like
 * {@link java.util.regex.PatternSyntaxException}, it carries the expression and, where known, the column
 * of the error; {@link #getMessage()} prints a caret under it.
 */
public class InvalidFilterException extends PcapException {
    private static final long serialVersionUID = 1L;

    private final String expression;
    private final String description;
    private final int column;

    /**
     * @param description what is wrong, without the expression
     * @param expression the whole expression
     * @param column the zero-based column where the error lies, or -1 when unknown
     */
    public InvalidFilterException(String description, String expression, int column) {
        super(description);
        this.description = description;
        this.expression = expression;
        this.column = column;
    }

    /** What is wrong, without the expression or the caret. */
    public String description() {
        return description;
    }

    /** The expression that failed. */
    public String expression() {
        return expression;
    }

    /** The zero-based column of the error, or -1 when the compiler does not say. */
    public int column() {
        return column;
    }

    @Override
    public String getMessage() {
        if (expression == null) {
            return description;
        }
        StringBuilder text = new StringBuilder(description).append('\n').append(expression);
        if (column >= 0 && column <= expression.length()) {
            text.append('\n').append(" ".repeat(column)).append('^');
        }
        return text.toString();
    }
}
