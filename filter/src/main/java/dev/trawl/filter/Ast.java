package dev.trawl.filter;

import java.util.List;

/**
 * The syntax tree of a filter expression. Chains of {@code and}/{@code or} are kept flat (libpcap gives
 * both the same precedence, left-associative), so no tree depth grows with the length of an expression.
 * Every node records the zero-based column where it starts, for error messages.
 */
public final class Ast {
    private Ast() {
    }

    /** A boolean expression. */
    public sealed interface Expr permits Chain, Not, Primitive, ProtoAbbrev, Relation, Special {
        /** The column where the expression starts. */
        int column();
    }

    /**
     * The qualifiers of a primitive.
     *
     * @param proto a protocol keyword, or null for the default
     * @param dir SRC, DST, OR (src or dst), AND (src and dst), ADDR1..ADDR4, RA, TA, or null for the default
     * @param addr HOST, NET, PORT, PORTRANGE, PROTO, PROTOCHAIN, GATEWAY, or null for the default
     * @param undefined true after a primitive that lets nothing inherit its qualifiers ({@code tcp or 80})
     */
    public record Qual(Tok proto, Tok dir, Tok addr, boolean undefined) {
        static final Qual DEFAULT = new Qual(null, null, null, false);
        static final Qual UNDEFINED = new Qual(null, null, null, true);
    }

    /** The kind of operand of a qualified primitive. */
    public enum IdKind { NAME, NUMBER, IPV4, IPV4_CIDR, IPV4_MASK, IPV6, IPV6_CIDR, MAC, ARCNET }

    /**
     * A qualified primitive: {@code src host 10.0.0.1}, {@code port http}, {@code net 10/8}.
     *
     * @param text the operand as written (the name, address or number text)
     * @param number the numeric value of a NUMBER operand, or the prefix length of a CIDR operand
     * @param mask the mask text of an IPV4_MASK operand
     */
    public record Primitive(Qual qual, IdKind kind, String text, long number, String mask, int column)
            implements Expr {
    }

    /** {@code e1 op e2 op e3 ...}, evaluated left to right. */
    public record Chain(Expr first, List<Link> rest) implements Expr {
        public Chain {
            rest = List.copyOf(rest);
        }

        @Override
        public int column() {
            return first.column();
        }
    }

    /** One link of a chain: {@code and} (true) or {@code or} (false) followed by a term. */
    public record Link(boolean and, Expr term) {
    }

    /** {@code not e}. */
    public record Not(Expr inner, int column) implements Expr {
    }

    /** A protocol name alone: {@code tcp}, {@code ip6}, {@code l1}. */
    public record ProtoAbbrev(Tok proto, int column) implements Expr {
    }

    /** {@code arith op arith}, op one of GT GEQ EQ LEQ LT NEQ. */
    public record Relation(Tok op, Arith left, Arith right, int column) implements Expr {
    }

    /**
     * Every other primitive (broadcast, less, vlan, llc, 802.11 type...).
     *
     * @param kind the keyword that starts it
     * @param proto the protocol qualifier in front of it, or null
     * @param hasNumber whether a numeric argument was given
     * @param number the numeric argument
     * @param number2 a second numeric argument (byte: the value; 802.11 type/subtype: the mask)
     * @param op an operator argument (byte, atm fields), or null
     * @param text a name argument, or null
     */
    public record Special(Tok kind, Tok proto, boolean hasNumber, long number, long number2, Tok op, String text,
            int column) implements Expr {
    }

    /** An arithmetic expression. */
    public sealed interface Arith permits Num, Len, Load, Binary, Negate {
        /** The column where it starts. */
        int column();
    }

    /** A constant. */
    public record Num(long value, int column) implements Arith {
    }

    /** {@code len}: the packet's length on the wire. */
    public record Len(int column) implements Arith {
    }

    /** {@code proto[index:size]}. */
    public record Load(Tok proto, Arith index, int size, int column) implements Arith {
    }

    /** {@code left op right}, op one of PLUS MINUS STAR SLASH PERCENT AMP PIPE CARET LSH RSH. */
    public record Binary(Tok op, Arith left, Arith right, int column) implements Arith {
    }

    /** {@code -a}. */
    public record Negate(Arith inner, int column) implements Arith {
    }
}
