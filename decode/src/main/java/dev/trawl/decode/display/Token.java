package dev.trawl.decode.display;

/**
 * One token of a display filter: its kind, where it stands in the expression ({@code start} inclusive,
 * {@code end} exclusive), its text as written, and for string and character literals the bytes they denote.
 */
record Token(Kind kind, int start, int end, String text, byte[] bytes) {
    enum Kind {
        LPAREN("("), RPAREN(")"), LBRACE("{"), RBRACE("}"), COMMA(","), DOTDOT(".."),
        /** A bracketed range ({@code [1:2]}, {@code [-4:]}); {@link #text} holds what stands inside. */
        SLICE("["),
        /** The layer operator; {@link #text} holds the layer number or bracketed range after it. */
        LAYER("#"),
        ANY_EQ("=="), ALL_NE("!="), ALL_EQ("==="), ANY_NE("!=="), GT(">"), GE(">="), LT("<"), LE("<="),
        CONTAINS("contains"), MATCHES("matches"), BITWISE_AND("&"), AND("and"), OR("or"), NOT("not"), IN("in"),
        PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"), ANY("any"), ALL("all"),
        /** A double-quoted string (raw when prefixed with {@code r}); {@link #bytes} holds its value. */
        STRING("string"),
        /** A character constant ({@code 'a'}, {@code '\n'}); {@link #bytes} holds its one byte. */
        CHAR("character"),
        /** A field or protocol name, or an unquoted literal: what it is depends on where it stands. */
        WORD("word"),
        /** A field reference, {@code ${ip.src}}: a value from the frame selected in a GUI. */
        REFERENCE("${"),
        END("end");

        final String spelling;

        Kind(String spelling) {
            this.spelling = spelling;
        }

        boolean isRelation() {
            return switch (this) {
                case ANY_EQ, ALL_NE, ALL_EQ, ANY_NE, GT, GE, LT, LE, CONTAINS, MATCHES -> true;
                default -> false;
            };
        }
    }
}
