package dev.trawl.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits an expression into tokens the way libpcap's flex scanner does: at each position the longest match
 * wins, and among matches of equal length the rule listed first in the scanner (keywords, then MAC
 * addresses, numbers, IPv4 and IPv6 addresses, named constants, identifiers).
 */
final class Lexer {
    /** One token: its kind, source text, numeric value (for NUM) and half-open column range. */
    record Token(Tok kind, String text, long value, int start, int end) {
    }

    private static final Map<String, Integer> CONSTANTS = Map.ofEntries(
            Map.entry("icmptype", 0), Map.entry("icmpcode", 1), Map.entry("icmp-echoreply", 0),
            Map.entry("icmp-unreach", 3), Map.entry("icmp-sourcequench", 4), Map.entry("icmp-redirect", 5),
            Map.entry("icmp-echo", 8), Map.entry("icmp-routeradvert", 9), Map.entry("icmp-routersolicit", 10),
            Map.entry("icmp-timxceed", 11), Map.entry("icmp-paramprob", 12), Map.entry("icmp-tstamp", 13),
            Map.entry("icmp-tstampreply", 14), Map.entry("icmp-ireq", 15), Map.entry("icmp-ireqreply", 16),
            Map.entry("icmp-maskreq", 17), Map.entry("icmp-maskreply", 18),
            Map.entry("icmp6type", 0), Map.entry("icmp6code", 1), Map.entry("icmp6-destinationunreach", 1),
            Map.entry("icmp6-packettoobig", 2), Map.entry("icmp6-timeexceeded", 3),
            Map.entry("icmp6-parameterproblem", 4), Map.entry("icmp6-echo", 128), Map.entry("icmp6-echoreply", 129),
            Map.entry("icmp6-multicastlistenerquery", 130), Map.entry("icmp6-multicastlistenerreportv1", 131),
            Map.entry("icmp6-multicastlistenerdone", 132), Map.entry("icmp6-routersolicit", 133),
            Map.entry("icmp6-routeradvert", 134), Map.entry("icmp6-neighborsolicit", 135),
            Map.entry("icmp6-neighboradvert", 136), Map.entry("icmp6-redirect", 137),
            Map.entry("icmp6-routerrenum", 138), Map.entry("icmp6-nodeinformationquery", 139),
            Map.entry("icmp6-nodeinformationresponse", 140), Map.entry("icmp6-ineighbordiscoverysolicit", 141),
            Map.entry("icmp6-ineighbordiscoveryadvert", 142), Map.entry("icmp6-multicastlistenerreportv2", 143),
            Map.entry("icmp6-homeagentdiscoveryrequest", 144), Map.entry("icmp6-homeagentdiscoveryreply", 145),
            Map.entry("icmp6-mobileprefixsolicit", 146), Map.entry("icmp6-mobileprefixadvert", 147),
            Map.entry("icmp6-certpathsolicit", 148), Map.entry("icmp6-certpathadvert", 149),
            Map.entry("icmp6-multicastrouteradvert", 151), Map.entry("icmp6-multicastroutersolicit", 152),
            Map.entry("icmp6-multicastrouterterm", 153),
            Map.entry("tcpflags", 13), Map.entry("tcp-fin", 1), Map.entry("tcp-syn", 2), Map.entry("tcp-rst", 4),
            Map.entry("tcp-push", 8), Map.entry("tcp-ack", 16), Map.entry("tcp-urg", 32), Map.entry("tcp-ece", 64),
            Map.entry("tcp-cwr", 128));

    private final String src;
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    /** Tokenizes the whole expression, ending with an EOF token. */
    static List<Token> tokenize(String expression) throws FilterSyntaxException {
        Lexer lexer = new Lexer(expression);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            out.add(t);
        } while (t.kind() != Tok.EOF);
        return out;
    }

    private FilterSyntaxException error(String msg, int col, String expected) {
        return new FilterSyntaxException(msg, src, col, expected);
    }

    private Token tok(Tok k, int start, int end) {
        return new Token(k, src.substring(start, end), 0, start, end);
    }

    private Token next() throws FilterSyntaxException {
        int n = src.length();
        while (pos < n && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t' || src.charAt(pos) == '\n'
                || src.charAt(pos) == '\r')) {
            pos++;
        }
        if (pos >= n) {
            return new Token(Tok.EOF, "", 0, n, n);
        }
        int s = pos;
        char c = src.charAt(s);
        char d = s + 1 < n ? src.charAt(s + 1) : '\0';
        Tok two = switch ("" + c + d) {
            case ">=" -> Tok.GEQ;
            case "<=" -> Tok.LEQ;
            case "!=" -> Tok.NEQ;
            case "==" -> Tok.EQ;
            case "<<" -> Tok.LSH;
            case ">>" -> Tok.RSH;
            case "&&" -> Tok.AND;
            case "||" -> Tok.OR;
            default -> null;
        };
        if (two != null) {
            pos += 2;
            return tok(two, s, s + 2);
        }
        boolean alnum = isAlnum(c);
        if (!alnum && c != '\\' && c != ':' && c != '$') {
            Tok one = switch (c) {
                case '+' -> Tok.PLUS;
                case '-' -> Tok.MINUS;
                case '*' -> Tok.STAR;
                case '/' -> Tok.SLASH;
                case '%' -> Tok.PERCENT;
                case '[' -> Tok.LBRACKET;
                case ']' -> Tok.RBRACKET;
                case '!' -> Tok.NOT;
                case '<' -> Tok.LT;
                case '>' -> Tok.GT;
                case '(' -> Tok.LPAREN;
                case ')' -> Tok.RPAREN;
                case '&' -> Tok.AMP;
                case '|' -> Tok.PIPE;
                case '^' -> Tok.CARET;
                case '=' -> Tok.EQ;
                default -> null;
            };
            if (one == null) {
                throw error("illegal character '" + printable(c) + "'", s, "an operator, a keyword, a number or a name");
            }
            pos++;
            return tok(one, s, s + 1);
        }
        if (c == '\\') {
            int e = s + 1;
            while (e < n && " !()\n\t".indexOf(src.charAt(e)) < 0) {
                e++;
            }
            if (e == s + 1) {
                throw error("'\\' must be followed by a name", s, "a name after '\\'");
            }
            pos = e;
            return new Token(Tok.ID, src.substring(s + 1, e), 0, s, e);
        }
        if (c == '$') {
            int e = s + 1;
            while (e < n && e < s + 3 && isHex(src.charAt(e))) {
                e++;
            }
            if (e == s + 1) {
                throw error("illegal character '$'", s, "an ARCnet address such as $1f");
            }
            pos = e;
            return tok(Tok.AID, s, e);
        }
        // Candidates, in the scanner's rule order: keyword, MAC, NUM, HID, HID6, bogus MAC, constant, ID.
        int idLen = matchId(s);
        int macLen = matchMac(s);
        int numLen = matchNum(s);
        int hidLen = matchHid(s);
        int v6Len = matchV6(s);
        int bogusLen = matchBogusMac(s);
        int best = Math.max(Math.max(Math.max(idLen, macLen), Math.max(numLen, hidLen)), Math.max(v6Len, bogusLen));
        if (best == 0 && c == ':') {
            pos++;
            return tok(Tok.COLON, s, s + 1);
        }
        if (best == 0) {
            throw error("illegal character '" + printable(c) + "'", s, "an operator, a keyword, a number or a name");
        }
        int e = s + best;
        String text = src.substring(s, e);
        pos = e;
        if (idLen == best && Tok.KEYWORDS.containsKey(text)) {
            return tok(Tok.KEYWORDS.get(text), s, e);
        }
        if (numLen == best) {
            return new Token(Tok.NUM, text, parseNumber(text, s), s, e);
        }
        if (hidLen == best) {
            return tok(Tok.HID, s, e);
        }
        if (macLen == best) {
            return tok(Tok.EID, s, e);
        }
        if (v6Len == best) {
            if (Addresses.parseIpv6(text) == null) {
                throw error("bogus IPv6 address " + text, s, "a valid IPv6 address");
            }
            return tok(Tok.HID6, s, e);
        }
        if (bogusLen == best) {
            throw error("bogus ethernet address " + text, s, "a MAC address of six bytes, such as 00:11:22:33:44:55");
        }
        Integer constant = CONSTANTS.get(text);
        if (constant != null) {
            return new Token(Tok.NUM, text, constant, s, e);
        }
        return tok(Tok.ID, s, e);
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static boolean isHex(char c) {
        return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || (c >= '0' && c <= '9');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char at(int i) {
        return i < src.length() ? src.charAt(i) : '\0';
    }

    /** {@code [A-Za-z0-9]([-_.A-Za-z0-9]*[.A-Za-z0-9])?} */
    private int matchId(int s) {
        if (!isAlnum(at(s))) {
            return 0;
        }
        int e = s + 1;
        int lastGood = e;
        while (e < src.length()) {
            char c = src.charAt(e);
            if (isAlnum(c) || c == '.') {
                e++;
                lastGood = e;
            } else if (c == '-' || c == '_') {
                e++;
            } else {
                break;
            }
        }
        return lastGood - s;
    }

    /** {@code [0-9]+|0[xX][0-9A-Fa-f]+} */
    private int matchN(int s) {
        if (!isDigit(at(s))) {
            return 0;
        }
        if (at(s) == '0' && (at(s + 1) == 'x' || at(s + 1) == 'X') && isHex(at(s + 2))) {
            int e = s + 2;
            while (isHex(at(e))) {
                e++;
            }
            return e - s;
        }
        int e = s;
        while (isDigit(at(e))) {
            e++;
        }
        return e - s;
    }

    private int matchNum(int s) {
        return matchN(s);
    }

    /** {@code N.N | N.N.N | N.N.N.N} */
    private int matchHid(int s) {
        int e = s;
        int parts = 0;
        int best = 0;
        while (true) {
            int l = matchN(e);
            if (l == 0) {
                break;
            }
            e += l;
            parts++;
            if (parts >= 2) {
                best = e - s;
            }
            if (parts == 4 || at(e) != '.') {
                break;
            }
            e++;
        }
        return best;
    }

    private int hexRun(int s, int max) {
        int e = s;
        while (e - s < max && isHex(at(e))) {
            e++;
        }
        return e - s;
    }

    /** Six 1-2 digit hex bytes separated by ':', '-' or '.', or three 1-4 digit groups separated by '.'. */
    private int matchMac(int s) {
        int best = 0;
        for (char sep : new char[] {':', '-', '.'}) {
            int e = s;
            boolean ok = true;
            for (int i = 0; i < 6 && ok; i++) {
                int l = hexRun(e, 2);
                if (l == 0) {
                    ok = false;
                    break;
                }
                e += l;
                if (i < 5) {
                    if (at(e) != sep) {
                        ok = false;
                    } else {
                        e++;
                    }
                }
            }
            if (ok) {
                best = Math.max(best, e - s);
            }
        }
        int e = s;
        boolean ok = true;
        for (int i = 0; i < 3 && ok; i++) {
            int l = hexRun(e, 4);
            if (l == 0) {
                ok = false;
                break;
            }
            e += l;
            if (i < 2) {
                if (at(e) != '.') {
                    ok = false;
                } else {
                    e++;
                }
            }
        }
        if (ok) {
            best = Math.max(best, e - s);
        }
        return best;
    }

    /** {@code B:+(B:+)+}: a run of hex bytes and colons that is not a complete address. */
    private int matchBogusMac(int s) {
        int e = s;
        int groups = 0;
        int best = 0;
        while (true) {
            int l = hexRun(e, 2);
            if (l == 0 || at(e + l) != ':') {
                break;
            }
            e += l;
            while (at(e) == ':') {
                e++;
            }
            groups++;
            if (groups >= 2) {
                best = e - s;
            }
        }
        return best;
    }

    /** The longest prefix that has the shape of an IPv6 address (hex groups, one "::", optional IPv4 tail). */
    private int matchV6(int s) {
        int e = s;
        int limit = Math.min(src.length(), s + 64);
        while (e < limit && (isHex(src.charAt(e)) || src.charAt(e) == ':' || src.charAt(e) == '.')) {
            e++;
        }
        for (int end = e; end > s + 1; end--) {
            if (Addresses.hasIpv6Shape(src.substring(s, end))) {
                return end - s;
            }
        }
        return 0;
    }

    /** Converts a NUM token as libpcap's stou does, rejecting overflow and bad octal digits. */
    private long parseNumber(String text, int col) throws FilterSyntaxException {
        long v = 0;
        int base = 10;
        int i = 0;
        if (text.length() > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            base = 16;
            i = 2;
        } else if (text.length() > 1 && text.charAt(0) == '0') {
            base = 8;
            i = 1;
        }
        for (; i < text.length(); i++) {
            int digit = Character.digit(text.charAt(i), base);
            if (digit < 0) {
                throw error("number " + text + " contains non-octal digit", col, "octal digits 0-7 after a leading 0");
            }
            v = v * base + digit;
            if (v > 0xffffffffL) {
                throw error("number " + text + " overflows 32 bits", col, "a number no greater than 4294967295");
            }
        }
        return v;
    }
}
