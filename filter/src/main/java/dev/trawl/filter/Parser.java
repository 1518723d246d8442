package dev.trawl.filter;

import dev.trawl.filter.Ast.Arith;
import dev.trawl.filter.Ast.Expr;
import dev.trawl.filter.Ast.IdKind;
import dev.trawl.filter.Ast.Qual;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for libpcap's grammar, including its qualifier inheritance ({@code host a or b}
 * means {@code host a or host b}). Where libpcap's LALR parser decides with one token of lookahead between an
 * inherited-qualifier operand and a new term, this parser tries the operand first and backtracks. Nesting
 * (parentheses, {@code not}, unary minus, {@code ^}) is bounded, so no input can exhaust the stack.
 */
final class Parser {
    /** The deepest nesting accepted. */
    static final int MAX_DEPTH = 200;

    private static final Set<Tok> DQUAL = EnumSet.of(Tok.SRC, Tok.DST, Tok.ADDR1, Tok.ADDR2, Tok.ADDR3, Tok.ADDR4,
            Tok.RA, Tok.TA);
    private static final Set<Tok> AQUAL = EnumSet.of(Tok.HOST, Tok.NET, Tok.PORT, Tok.PORTRANGE);
    private static final Set<Tok> RELOP = EnumSet.of(Tok.GT, Tok.GEQ, Tok.EQ, Tok.LEQ, Tok.LT, Tok.NEQ);
    private static final Set<Tok> ATM_TYPES = EnumSet.of(Tok.LANE, Tok.METAC, Tok.BCC, Tok.OAM, Tok.OAMF4,
            Tok.OAMF4EC, Tok.OAMF4SC, Tok.SC, Tok.ILMIC, Tok.CONNECTMSG, Tok.METACONNECT);
    private static final Set<Tok> MTP2_TYPES = EnumSet.of(Tok.FISU, Tok.LSSU, Tok.MSU, Tok.HFISU, Tok.HLSSU,
            Tok.HMSU);
    private static final Set<Tok> MTP3_FIELDS = EnumSet.of(Tok.SIO, Tok.OPC, Tok.DPC, Tok.SLS, Tok.HSIO, Tok.HOPC,
            Tok.HDPC, Tok.HSLS);

    /** A parse failure at a token; the furthest one is reported. */
    static final class Fail extends Exception {
        private static final long serialVersionUID = 1L;
        final int index;
        final String expected;
        final String message;

        Fail(int index, String message, String expected) {
            super(message, null, false, false);
            this.index = index;
            this.message = message;
            this.expected = expected;
        }
    }

    private record Parsed(Expr expr, Qual qual) {
    }

    private final String src;
    private final List<Lexer.Token> toks;
    private int p;
    private int depth;
    private Fail furthest;

    private Parser(String src, List<Lexer.Token> toks) {
        this.src = src;
        this.toks = toks;
    }

    /** Parses a whole expression; an empty (or blank) expression yields null, which matches every packet. */
    static Expr parse(String expression) throws FilterSyntaxException {
        List<Lexer.Token> toks = Lexer.tokenize(expression);
        if (toks.size() == 1) {
            return null;
        }
        Parser parser = new Parser(expression, toks);
        try {
            Parsed r = parser.expr(Qual.DEFAULT);
            if (parser.peek() != Tok.EOF) {
                throw parser.fail(parser.p, "syntax error: unexpected '" + parser.cur().text() + "'",
                        "'and', 'or' or the end of the expression");
            }
            return r.expr();
        } catch (Fail f) {
            Fail best = parser.furthest != null && parser.furthest.index > f.index ? parser.furthest : f;
            Lexer.Token t = toks.get(Math.min(best.index, toks.size() - 1));
            String msg = best.message;
            if (t.kind() == Tok.EOF && msg.startsWith("syntax error: unexpected")) {
                msg = "syntax error: unexpected end of expression"
                        + (best.expected.isEmpty() ? "" : ", expected " + best.expected);
            } else if (msg.startsWith("syntax error: unexpected") && !msg.contains(", expected")
                    && !best.expected.isEmpty()) {
                msg = msg + ", expected " + best.expected;
            }
            throw new FilterSyntaxException(msg, expression, t.start(), best.expected);
        }
    }

    private Lexer.Token cur() {
        return toks.get(p);
    }

    private Tok peek() {
        return toks.get(p).kind();
    }

    private Tok peek(int ahead) {
        return toks.get(Math.min(p + ahead, toks.size() - 1)).kind();
    }

    private Fail fail(int index, String message, String expected) {
        Fail f = new Fail(index, message, expected);
        if (furthest == null || index >= furthest.index) {
            furthest = f;
        }
        return f;
    }

    private Fail unexpected(String expected) {
        Lexer.Token t = cur();
        String what = t.kind() == Tok.EOF ? "end of expression" : "'" + t.text() + "'";
        return fail(p, "syntax error: unexpected " + what + ", expected " + expected, expected);
    }

    private Lexer.Token expect(Tok kind, String expected) throws Fail {
        if (peek() != kind) {
            throw unexpected(expected);
        }
        return toks.get(p++);
    }

    private void enter() throws Fail {
        if (++depth > MAX_DEPTH) {
            throw fail(p, "expression nested more than " + MAX_DEPTH + " levels deep", "a less deeply nested expression");
        }
    }

    private void leave() {
        depth--;
    }

    private static boolean endsExpr(Tok t) {
        return t == Tok.AND || t == Tok.OR || t == Tok.RPAREN || t == Tok.EOF;
    }

    // expr: term ((and|or) (id | term))*
    private Parsed expr(Qual before) throws Fail {
        Parsed first = term(before);
        Qual q = first.qual();
        List<Ast.Link> rest = new ArrayList<>();
        while (peek() == Tok.AND || peek() == Tok.OR) {
            boolean and = toks.get(p++).kind() == Tok.AND;
            int save = p;
            int saveDepth = depth;
            Parsed next;
            try {
                next = id(q);
                if (!endsExpr(peek())) {
                    throw unexpected("'and', 'or', ')' or the end of the expression");
                }
            } catch (Fail f) {
                p = save;
                depth = saveDepth;
                next = term(q);
            }
            rest.add(new Ast.Link(and, next.expr()));
            q = next.qual();
        }
        return rest.isEmpty() ? first : new Parsed(new Ast.Chain(first.expr(), rest), q);
    }

    private Parsed term(Qual before) throws Fail {
        if (peek() == Tok.NOT) {
            int col = cur().start();
            p++;
            enter();
            Parsed inner = term(before);
            leave();
            return new Parsed(new Ast.Not(inner.expr(), col), inner.qual());
        }
        return rterm(before);
    }

    private Parsed rterm(Qual before) throws Fail {
        Tok t = peek();
        int col = cur().start();
        if (t == Tok.LPAREN) {
            int save = p;
            int saveDepth = depth;
            try {
                return new Parsed(relation(), Qual.UNDEFINED);
            } catch (Fail f) {
                p = save;
                depth = saveDepth;
            }
            p++;
            enter();
            Parsed inner = expr(before);
            leave();
            expect(Tok.RPAREN, "')'");
            return new Parsed(inner.expr(), before);
        }
        if (t.isProtocolName()) {
            Tok n = peek(1);
            if (n == Tok.LBRACKET) {
                return new Parsed(relation(), Qual.UNDEFINED);
            }
            if (n == Tok.BROADCAST || n == Tok.MULTICAST || n == Tok.TYPE || n == Tok.SUBTYPE || n == Tok.DIR) {
                p++;
                return new Parsed(other(t, col), Qual.UNDEFINED);
            }
            if (DQUAL.contains(n) || AQUAL.contains(n) || n == Tok.PROTO || n == Tok.PROTOCHAIN
                    || n == Tok.GATEWAY) {
                return head();
            }
            p++;
            return new Parsed(new Ast.ProtoAbbrev(t, col), Qual.UNDEFINED);
        }
        if (DQUAL.contains(t) || AQUAL.contains(t) || t == Tok.PROTO || t == Tok.PROTOCHAIN || t == Tok.GATEWAY) {
            return head();
        }
        if (t == Tok.NUM || t == Tok.MINUS || t == Tok.LEN) {
            return new Parsed(relation(), Qual.UNDEFINED);
        }
        return new Parsed(other(null, col), Qual.UNDEFINED);
    }

    private Parsed head() throws Fail {
        Tok proto = null;
        if (peek().isProtocolName()) {
            proto = toks.get(p++).kind();
        }
        Tok dir = null;
        Tok addr = null;
        if (DQUAL.contains(peek())) {
            Tok d = toks.get(p++).kind();
            dir = d;
            if ((d == Tok.SRC || d == Tok.DST) && (peek() == Tok.OR || peek() == Tok.AND)) {
                Tok op = toks.get(p++).kind();
                Tok other = d == Tok.SRC ? Tok.DST : Tok.SRC;
                expect(other, "'" + (other == Tok.SRC ? "src" : "dst") + "'");
                dir = op;
            }
            if (AQUAL.contains(peek())) {
                addr = toks.get(p++).kind();
            }
        } else if (AQUAL.contains(peek()) || peek() == Tok.PROTO || peek() == Tok.PROTOCHAIN
                || peek() == Tok.GATEWAY) {
            addr = toks.get(p++).kind();
        } else {
            throw unexpected("a qualifier such as 'host', 'net', 'port', 'src' or 'dst'");
        }
        Qual q = new Qual(proto, dir, addr, false);
        return id(q);
    }

    // id: nid | pnum | '(' pid ')' | not id
    private Parsed id(Qual q) throws Fail {
        Tok t = peek();
        int col = cur().start();
        if (t == Tok.NOT) {
            p++;
            enter();
            Parsed inner = id(q);
            leave();
            return new Parsed(new Ast.Not(inner.expr(), col), inner.qual());
        }
        if (t == Tok.LPAREN) {
            int save = p;
            int saveDepth = depth;
            try {
                long v = pnum();
                return new Parsed(new Ast.Primitive(q, IdKind.NUMBER, Long.toString(v), v, null, col), q);
            } catch (Fail f) {
                p = save;
                depth = saveDepth;
            }
            p++;
            enter();
            Parsed first = nidOrNum(q);
            List<Ast.Link> rest = new ArrayList<>();
            while (peek() == Tok.AND || peek() == Tok.OR) {
                boolean and = toks.get(p++).kind() == Tok.AND;
                rest.add(new Ast.Link(and, id(q).expr()));
            }
            if (rest.isEmpty() && first.expr() instanceof Ast.Primitive prim && prim.kind() == IdKind.NUMBER) {
                throw unexpected("'and' or 'or'");
            }
            leave();
            expect(Tok.RPAREN, "')'");
            return new Parsed(rest.isEmpty() ? first.expr() : new Ast.Chain(first.expr(), rest), q);
        }
        return nidOrNum(q);
    }

    private Parsed nidOrNum(Qual q) throws Fail {
        Lexer.Token t = cur();
        int col = t.start();
        switch (t.kind()) {
            case NUM -> {
                p++;
                return new Parsed(new Ast.Primitive(q, IdKind.NUMBER, t.text(), t.value(), null, col), q);
            }
            case ID -> {
                p++;
                return new Parsed(new Ast.Primitive(q, IdKind.NAME, t.text(), 0, null, col), q);
            }
            case HID -> {
                p++;
                if (peek() == Tok.SLASH) {
                    p++;
                    Lexer.Token n = expect(Tok.NUM, "a prefix length");
                    return new Parsed(new Ast.Primitive(q, IdKind.IPV4_CIDR, t.text(), n.value(), null, col), q);
                }
                if (peek() == Tok.NETMASK) {
                    p++;
                    Lexer.Token m = expect(Tok.HID, "a netmask such as 255.255.0.0");
                    return new Parsed(new Ast.Primitive(q, IdKind.IPV4_MASK, t.text(), 0, m.text(), col), q);
                }
                return new Parsed(new Ast.Primitive(q, IdKind.IPV4, t.text(), 0, null, col), q);
            }
            case HID6 -> {
                p++;
                if (peek() == Tok.SLASH) {
                    p++;
                    Lexer.Token n = expect(Tok.NUM, "a prefix length");
                    return new Parsed(new Ast.Primitive(q, IdKind.IPV6_CIDR, t.text(), n.value(), null, col), q);
                }
                return new Parsed(new Ast.Primitive(q, IdKind.IPV6, t.text(), 128, null, col), q);
            }
            case EID -> {
                p++;
                return new Parsed(new Ast.Primitive(q, IdKind.MAC, t.text(), 0, null, col), q);
            }
            case AID -> {
                p++;
                return new Parsed(new Ast.Primitive(q, IdKind.ARCNET, t.text(), 0, null, col), q);
            }
            default -> throw unexpected("a host name, address, number or port");
        }
    }

    private long pnum() throws Fail {
        if (peek() == Tok.LPAREN) {
            p++;
            enter();
            long v = pnum();
            leave();
            expect(Tok.RPAREN, "')'");
            return v;
        }
        return expect(Tok.NUM, "a number").value();
    }

    private Expr relation() throws Fail {
        int col = cur().start();
        Arith left = arith(0);
        if (!RELOP.contains(peek())) {
            throw unexpected("a comparison operator (>, >=, =, ==, !=, <, <=)");
        }
        Tok op = toks.get(p++).kind();
        Arith right = arith(0);
        return new Ast.Relation(op, left, right, col);
    }

    private static int lbp(Tok t) {
        return switch (t) {
            case PIPE -> 1;
            case AMP -> 3;
            case LSH, RSH -> 5;
            case PLUS, MINUS -> 7;
            case STAR, SLASH -> 9;
            case CARET, PERCENT -> 100;
            default -> -1;
        };
    }

    /**
     * Precedence climbing. '^' and '%' have no declared precedence in libpcap's grammar, so its parser always
     * shifts them: each takes the operand just before it and everything after it ({@code a * b % c + d} is
     * {@code a * (b % (c + d))}).
     */
    private Arith arith(int minBp) throws Fail {
        enter();
        Arith left = arithPrimary();
        while (true) {
            Tok op = peek();
            int l = lbp(op);
            if (l < 0 || l <= minBp) {
                break;
            }
            int col = cur().start();
            p++;
            int rbp = l == 100 ? 0 : l;
            Arith right = arith(rbp);
            left = new Ast.Binary(op, left, right, col);
        }
        leave();
        return left;
    }

    private Arith arithPrimary() throws Fail {
        Lexer.Token t = cur();
        int col = t.start();
        switch (t.kind()) {
            case NUM -> {
                p++;
                return new Ast.Num(t.value(), col);
            }
            case LEN -> {
                p++;
                return new Ast.Len(col);
            }
            case MINUS -> {
                p++;
                Arith inner = arith(11);
                return new Ast.Negate(inner, col);
            }
            case LPAREN -> {
                p++;
                Arith inner = arith(0);
                expect(Tok.RPAREN, "')'");
                return inner;
            }
            default -> {
                if (t.kind().isProtocolName() && peek(1) == Tok.LBRACKET) {
                    p += 2;
                    Arith index = arith(0);
                    int size = 1;
                    if (peek() == Tok.COLON) {
                        p++;
                        Lexer.Token s = expect(Tok.NUM, "a size of 1, 2 or 4");
                        size = (int) Math.min(s.value(), Integer.MAX_VALUE);
                    }
                    expect(Tok.RBRACKET, "']'");
                    return new Ast.Load(t.kind(), index, size, col);
                }
                throw unexpected("a number, 'len', a packet access such as ip[0] or '('");
            }
        }
    }

    private Expr other(Tok proto, int col) throws Fail {
        Lexer.Token t = cur();
        Tok k = t.kind();
        switch (k) {
            case BROADCAST, MULTICAST, INBOUND, OUTBOUND, PPPOED, LANE, METAC, BCC, OAM, OAMF4, OAMF4EC, OAMF4SC,
                    SC, ILMIC, CONNECTMSG, METACONNECT, FISU, LSSU, MSU, HFISU, HLSSU, HMSU -> {
                p++;
                return new Ast.Special(k, proto, false, 0, 0, null, null, col);
            }
            case LESS, GREATER, IFINDEX, PF_RNR, PF_SRNR -> {
                p++;
                long v = expect(Tok.NUM, "a number").value();
                return new Ast.Special(k, proto, true, v, 0, null, null, col);
            }
            case BYTE -> {
                p++;
                long idx = expect(Tok.NUM, "a byte offset").value();
                Tok op = peek();
                if (op != Tok.AMP && op != Tok.PIPE && op != Tok.LT && op != Tok.GT && op != Tok.EQ) {
                    throw unexpected("one of & | < > =");
                }
                p++;
                long v = expect(Tok.NUM, "a number").value();
                return new Ast.Special(k, proto, true, idx, v, op, null, col);
            }
            case VLAN, MPLS, PPPOES, GENEVE -> {
                p++;
                if (peek() == Tok.NUM || peek() == Tok.LPAREN) {
                    long v = pnum();
                    return new Ast.Special(k, proto, true, v, 0, null, null, col);
                }
                return new Ast.Special(k, proto, false, 0, 0, null, null, col);
            }
            case PF_IFNAME, PF_RSET -> {
                p++;
                Lexer.Token n = expect(Tok.ID, "a name");
                return new Ast.Special(k, proto, false, 0, 0, null, n.text(), col);
            }
            case PF_REASON, PF_ACTION -> {
                p++;
                if (k == Tok.PF_REASON && peek() == Tok.NUM) {
                    return new Ast.Special(k, proto, true, toks.get(p++).value(), 0, null, null, col);
                }
                Lexer.Token n = expect(Tok.ID, k == Tok.PF_REASON ? "a PF reason name or number"
                        : "a PF action name such as pass or block");
                return new Ast.Special(k, proto, false, 0, 0, null, n.text(), col);
            }
            case TYPE, SUBTYPE, DIR -> {
                return Wlan.parse(this, proto, col);
            }
            case LLC -> {
                p++;
                if (peek() == Tok.ID) {
                    return new Ast.Special(k, proto, false, 0, 0, null, toks.get(p++).text(), col);
                }
                if (peek() == Tok.PF_RNR) {
                    p++;
                    return new Ast.Special(k, proto, false, 0, 0, null, "rnr", col);
                }
                return new Ast.Special(k, proto, false, 0, 0, null, null, col);
            }
            case VPI, VCI -> {
                p++;
                return fieldValue(k, proto, col);
            }
            default -> {
                if (MTP3_FIELDS.contains(k)) {
                    p++;
                    return fieldValue(k, proto, col);
                }
                throw unexpected("a primitive such as 'host', 'port', 'tcp' or a comparison");
            }
        }
    }

    /**
     * The value of an ATM or SS7 field: a number, a comparison and a number, or a parenthesized list of
     * numbers joined by 'or' (kept as comma-separated text).
     */
    private Expr fieldValue(Tok k, Tok proto, int col) throws Fail {
        if (peek() == Tok.NUM) {
            return new Ast.Special(k, proto, true, toks.get(p++).value(), 0, Tok.EQ, null, col);
        }
        if (RELOP.contains(peek())) {
            Tok op = toks.get(p++).kind();
            long v = expect(Tok.NUM, "a number").value();
            return new Ast.Special(k, proto, true, v, 0, op, null, col);
        }
        if (peek() == Tok.LPAREN) {
            p++;
            StringBuilder list = new StringBuilder();
            list.append(expect(Tok.NUM, "a number").value());
            while (peek() == Tok.OR) {
                p++;
                list.append(',').append(expect(Tok.NUM, "a number").value());
            }
            expect(Tok.RPAREN, "')'");
            return new Ast.Special(k, proto, false, 0, 0, null, list.toString(), col);
        }
        throw unexpected("a value, a comparison, or a parenthesized list of values");
    }

    // Accessors for Wlan's parsing of 802.11 qualifiers.
    Lexer.Token take() {
        return toks.get(p++);
    }

    Tok lookahead() {
        return peek();
    }

    Fail failHere(String message, String expected) {
        return fail(p, message, expected);
    }

    Fail failAt(int index, String message, String expected) {
        return fail(index, message, expected);
    }

    int position() {
        return p;
    }

    Fail unexpectedHere(String expected) {
        return unexpected(expected);
    }

    static boolean isAtmOrMtp(Tok t) {
        return ATM_TYPES.contains(t) || MTP2_TYPES.contains(t) || MTP3_FIELDS.contains(t);
    }

}
