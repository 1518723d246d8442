package dev.trawl.cli;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.decode.field.FieldType;
import dev.trawl.decode.field.FieldValues;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code -Y}: a display filter over decoded fields, a subset of Wireshark's language: a field or protocol
 * name alone (present), {@code field OP value} with {@code ==, !=, <, >, <=, >=} (and {@code eq, ne, lt, gt,
 * le, ge}) and {@code contains}, joined by {@code and/&&}, {@code or/||}, {@code not/!} and parentheses.
 * Values are numbers (decimal or 0x hex), IPv4 addresses with an optional /prefix, IPv6 and MAC addresses,
 * and strings (quoted or bare). As in Wireshark, {@code ==} holds when any occurrence matches and
 * {@code a != b} is {@code not a == b}. Parsed once; testing is not thread-safe (it reuses a value buffer).
 */
final class DisplayFilter {
    private sealed interface Node permits And, Or, Not, Present, Compare {
    }

    private record And(Node left, Node right) implements Node {
    }

    private record Or(Node left, Node right) implements Node {
    }

    private record Not(Node inner) implements Node {
    }

    /** A field, or a protocol when {@code field} is null. */
    private record Present(Field field, int protocol) implements Node {
    }

    private record Compare(Field field, String op, Literal value) implements Node {
    }

    /** A literal parsed for the field's type: a number, bytes (with a prefix length in bits), or text. */
    private record Literal(long number, byte[] bytes, int prefixBits, String text) {
    }

    private final Node root;
    private final FieldValues values = new FieldValues();

    private DisplayFilter(Node root) {
        this.root = root;
    }

    static DisplayFilter parse(String expression, FieldRegistry registry) throws CliException {
        return new DisplayFilter(new Parser(expression, registry).parseAll());
    }

    boolean test(DecodedPacket packet) {
        return eval(root, packet);
    }

    private boolean eval(Node node, DecodedPacket p) {
        return switch (node) {
            case And a -> eval(a.left(), p) && eval(a.right(), p);
            case Or o -> eval(o.left(), p) || eval(o.right(), p);
            case Not n -> !eval(n.inner(), p);
            case Present pr -> pr.field() == null ? pr.protocol == -1 || p.has(pr.protocol())
                    : !values.collect(pr.field(), p).isEmpty();
            case Compare c -> c.op().equals("!=") ? !any(c, "==", p) : any(c, c.op(), p);
        };
    }

    private boolean any(Compare c, String op, DecodedPacket p) {
        values.collect(c.field(), p);
        for (int i = 0; i < values.size(); i++) {
            int cmp;
            Literal lit = c.value();
            switch (values.kind(i)) {
                case INTEGER -> {
                    if (lit.text() != null && lit.bytes() == null && lit.number() == Long.MIN_VALUE) {
                        cmp = values.text(i).compareTo(lit.text());
                        if (op.equals("contains")) {
                            if (values.text(i).contains(lit.text())) {
                                return true;
                            }
                            continue;
                        }
                    } else {
                        cmp = Long.compare(values.integer(i), lit.number());
                    }
                }
                case BYTES -> {
                    byte[] v = values.bytes(i);
                    if (lit.bytes() == null) {
                        cmp = values.text(i).compareTo(lit.text());
                    } else if (op.equals("contains")) {
                        if (indexOf(v, lit.bytes()) >= 0) {
                            return true;
                        }
                        continue;
                    } else {
                        cmp = compareBytes(v, lit.bytes(), lit.prefixBits());
                    }
                }
                default -> {
                    String text = values.text(i);
                    if (op.equals("contains")) {
                        if (text.contains(lit.text())) {
                            return true;
                        }
                        continue;
                    }
                    cmp = text.compareTo(lit.text());
                }
            }
            boolean match = switch (op) {
                case "==" -> cmp == 0;
                case "<" -> cmp < 0;
                case ">" -> cmp > 0;
                case "<=" -> cmp <= 0;
                case ">=" -> cmp >= 0;
                default -> false;
            };
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static int compareBytes(byte[] value, byte[] literal, int prefixBits) {
        if (prefixBits >= 0 && value.length == literal.length) {
            for (int bit = 0; bit < prefixBits; bit += 8) {
                int mask = prefixBits - bit >= 8 ? 0xff : (0xff << (8 - (prefixBits - bit))) & 0xff;
                int a = value[bit / 8] & mask;
                int b = literal[bit / 8] & mask;
                if (a != b) {
                    return Integer.compare(a, b);
                }
            }
            return 0;
        }
        return Arrays.compareUnsigned(value, literal);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A recursive-descent parser with error columns. */
    private static final class Parser {
        private final String text;
        private final FieldRegistry registry;
        private final List<String> tokens = new ArrayList<>();
        private final List<Integer> columns = new ArrayList<>();
        private int pos;

        Parser(String text, FieldRegistry registry) throws CliException {
            this.text = text;
            this.registry = registry;
            lex();
        }

        private CliException error(String message, int column) {
            return new CliException("display filter: " + message + "\n" + text + "\n" + " ".repeat(Math.max(0, column)) + "^", 1, null);
        }

        private void lex() throws CliException {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                int start = i;
                if (c == '"') {
                    StringBuilder s = new StringBuilder("\"");
                    i++;
                    while (i < text.length() && text.charAt(i) != '"') {
                        if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                            i++;
                        }
                        s.append(text.charAt(i++));
                    }
                    if (i >= text.length()) {
                        throw error("unterminated string", start);
                    }
                    i++;
                    add(s.toString(), start);
                } else if ("()".indexOf(c) >= 0) {
                    add(String.valueOf(c), start);
                    i++;
                } else if ("=!<>&|".indexOf(c) >= 0) {
                    String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                    if (List.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
                        add(two, start);
                        i += 2;
                    } else if (c == '!' || c == '<' || c == '>') {
                        add(String.valueOf(c), start);
                        i++;
                    } else if (c == '=') {
                        add("==", start);
                        i++;
                    } else {
                        throw error("unexpected '" + c + "'", start);
                    }
                } else if (Character.isLetterOrDigit(c) || "_.:-/".indexOf(c) >= 0) {
                    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || "_.:-/".indexOf(text.charAt(i)) >= 0)) {
                        i++;
                    }
                    add(text.substring(start, i), start);
                } else {
                    throw error("unexpected '" + c + "'", start);
                }
            }
        }

        private void add(String token, int column) {
            tokens.add(token);
            columns.add(column);
        }

        private String peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        private int column() {
            return pos < columns.size() ? columns.get(pos) : text.length();
        }

        Node parseAll() throws CliException {
            if (tokens.isEmpty()) {
                throw error("empty filter", 0);
            }
            Node n = or();
            if (peek() != null) {
                throw error("unexpected '" + peek() + "'", column());
            }
            return n;
        }

        private Node or() throws CliException {
            Node left = and();
            while ("or".equals(peek()) || "||".equals(peek())) {
                pos++;
                left = new Or(left, and());
            }
            return left;
        }

        private Node and() throws CliException {
            Node left = not();
            while ("and".equals(peek()) || "&&".equals(peek())) {
                pos++;
                left = new And(left, not());
            }
            return left;
        }

        private Node not() throws CliException {
            if ("not".equals(peek()) || "!".equals(peek())) {
                pos++;
                return new Not(not());
            }
            return primary();
        }

        private Node primary() throws CliException {
            String t = peek();
            if (t == null) {
                throw error("unexpected end of filter", text.length());
            }
            if (t.equals("(")) {
                pos++;
                Node n = or();
                if (!")".equals(peek())) {
                    throw error("missing ')'", column());
                }
                pos++;
                return n;
            }
            int nameColumn = column();
            pos++;
            Field field = registry.field(t);
            String op = operator(peek());
            if (op == null) {
                // A protocol name means its layer is present, as in Wireshark, even where a field shares the name
                if (t.equals("frame")) {
                    return new Present(null, -1);
                }
                int protocol = registry.protocols().id(t);
                if (protocol >= 0) {
                    return new Present(null, protocol);
                }
                if (field != null) {
                    return new Present(field, 0);
                }
                throw error("unknown field or protocol '" + t + "'" + FieldNames.suggestions(registry, t), nameColumn);
            }
            if (field == null) {
                throw error("unknown field '" + t + "'" + FieldNames.suggestions(registry, t), nameColumn);
            }
            pos++;
            String value = peek();
            if (value == null || value.equals("(") || value.equals(")")) {
                throw error("a value is missing after '" + op + "'", column());
            }
            int valueColumn = column();
            pos++;
            return new Compare(field, op, literal(field, value, valueColumn));
        }

        private static String operator(String t) {
            if (t == null) {
                return null;
            }
            return switch (t.toLowerCase(Locale.ROOT)) {
                case "==", "eq" -> "==";
                case "!=", "ne" -> "!=";
                case "<", "lt" -> "<";
                case ">", "gt" -> ">";
                case "<=", "le" -> "<=";
                case ">=", "ge" -> ">=";
                case "contains" -> "contains";
                default -> null;
            };
        }

        private Literal literal(Field field, String token, int column) throws CliException {
            boolean quoted = token.startsWith("\"");
            String value = quoted ? token.substring(1) : token;
            FieldType type = field.type();
            try {
                if (!quoted && type.isInteger()) {
                    if (value.equals("true") || value.equals("false")) {
                        return new Literal(value.equals("true") ? 1 : 0, null, -1, value);
                    }
                    if (type == FieldType.EPOCH_NANOS) {
                        return new Literal(new java.math.BigDecimal(value).movePointRight(9).longValueExact(), null, -1, value);
                    }
                    return new Literal(value.startsWith("0x") ? Long.parseUnsignedLong(value.substring(2), 16)
                            : Long.parseLong(value), null, -1, value);
                }
                switch (type) {
                    case IPV4, IPV6 -> {
                        int slash = value.indexOf('/');
                        String address = slash >= 0 ? value.substring(0, slash) : value;
                        byte[] bytes = InetAddress.ofLiteral(address).getAddress();
                        if ((type == FieldType.IPV4) != (bytes.length == 4)) {
                            throw error("'" + value + "' is not an " + (type == FieldType.IPV4 ? "IPv4" : "IPv6")
                                    + " address", column);
                        }
                        int prefix = slash >= 0 ? Integer.parseInt(value.substring(slash + 1)) : -1;
                        if (prefix > bytes.length * 8) {
                            throw error("prefix length " + prefix + " too long", column);
                        }
                        return new Literal(Long.MIN_VALUE, bytes, prefix, value);
                    }
                    case MAC, BYTES -> {
                        if (!quoted && value.matches("[0-9A-Fa-f]{2}([:.-][0-9A-Fa-f]{2})*")) {
                            String[] parts = value.split("[:.-]");
                            byte[] bytes = new byte[parts.length];
                            for (int i = 0; i < parts.length; i++) {
                                bytes[i] = (byte) Integer.parseInt(parts[i], 16);
                            }
                            return new Literal(Long.MIN_VALUE, bytes, -1, value);
                        }
                        return new Literal(Long.MIN_VALUE, null, -1, value);
                    }
                    default -> {
                        return new Literal(Long.MIN_VALUE, null, -1, value);
                    }
                }
            } catch (NumberFormatException | ArithmeticException e) {
                throw error("'" + value + "' is not a valid value for " + field.name() + " (" + type + ")", column);
            } catch (IllegalArgumentException e) {
                throw error("'" + value + "' is not a valid address for " + field.name(), column);
            }
        }
    }
}
