package dev.trawl.filter;

import dev.trawl.pcap.InvalidFilterException;

/**
 * A filter expression that does not compile: a syntax error, or a semantic one such as a port out of range,
 * an unknown host, or a qualifier the link type does not support. Carries the expression, the zero-based
 * column where the problem lies and, for syntax errors, what the parser expected there; {@link #getMessage()}
 * prints the expression with a caret under the column.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class FilterSyntaxException extends InvalidFilterException {
    private static final long serialVersionUID = 1L;

    private final String expected;

    /**
     * @param description what is wrong
     * @param expression the whole expression
     * @param column the zero-based column of the problem, or -1 when it concerns the whole expression
     * @param expected what the parser expected at that column, or an empty string
     */
    public FilterSyntaxException(String description, String expression, int column, String expected) {
        super(description, expression, column);
        this.expected = expected == null ? "" : expected;
    }

    /** What was expected at the column (for example {@code "a host name or address"}), or an empty string. */
    public String expected() {
        return expected;
    }
}
