package dev.trawl.filter;

/**
 * A parsed pcap-filter expression: the syntax tree, not yet bound to a link type. Parsing checks the syntax
 * only; names, ranges and link-type support are checked by {@link Filter#compile}. Immutable and thread-safe.
 *
 * @param text the expression as written
 * @param tree the syntax tree, or null for an empty expression (which matches every packet)
 */
public record FilterExpression(String text, Ast.Expr tree) {
    /**
     * Parses an expression.
     *
     * @throws FilterSyntaxException with the column and what was expected, if the syntax is wrong
     */
    public static FilterExpression parse(String text) throws FilterSyntaxException {
        if (text == null) {
            throw new NullPointerException("text");
        }
        return new FilterExpression(text, Parser.parse(text));
    }
}
