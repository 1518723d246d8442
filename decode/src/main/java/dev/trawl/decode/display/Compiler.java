package dev.trawl.decode.display;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.display.Syntax.And;
import dev.trawl.decode.display.Syntax.Arith;
import dev.trawl.decode.display.Syntax.Call;
import dev.trawl.decode.display.Syntax.Chr;
import dev.trawl.decode.display.Syntax.Element;
import dev.trawl.decode.display.Syntax.Exists;
import dev.trawl.decode.display.Syntax.Layered;
import dev.trawl.decode.display.Syntax.Membership;
import dev.trawl.decode.display.Syntax.Negate;
import dev.trawl.decode.display.Syntax.Node;
import dev.trawl.decode.display.Syntax.Not;
import dev.trawl.decode.display.Syntax.Or;
import dev.trawl.decode.display.Syntax.Quantifier;
import dev.trawl.decode.display.Syntax.Reference;
import dev.trawl.decode.display.Syntax.Relation;
import dev.trawl.decode.display.Syntax.Slice;
import dev.trawl.decode.display.Syntax.Str;
import dev.trawl.decode.display.Syntax.Word;
import dev.trawl.decode.display.Token.Kind;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a {@link Syntax} tree against the fields Wireshark knows and compiles it to {@link Test} and
 * {@link Value} nodes. Names resolve to the decoder's fields and protocols where it has them; a name only
 * Wireshark knows compiles to a value no packet has. Literals take the type of what they are compared with.
 * Every refusal is a {@link DisplayFilterException} with tshark's wording and a caret under the part at fault.
 */
final class Compiler {
    private final String expression;
    private final FieldRegistry fields;
    private final Catalogue catalogue;
    private final Literals literals;
    /** Every field and protocol name the filter reads. */
    final Set<String> names = new TreeSet<>();
    /** The fields the filter reads whole (no layer range), in order of first use: a row's columns for it. */
    final List<Field> rowFields = new ArrayList<>();
    /** Whether the filter reads nothing but whole fields, and so can test a projected row of them. */
    boolean rowTestable = true;

    Compiler(String expression, FieldRegistry fields, Catalogue catalogue) {
        this.expression = expression;
        this.fields = fields;
        this.catalogue = catalogue;
        this.literals = new Literals(expression, catalogue);
    }

    private DisplayFilterException error(Node at, String description) {
        return DisplayFilterException.at(expression, at.start(), at.end(), description);
    }

    // ---- tests ----

    Test test(Node node) {
        if (node instanceof Or or) {
            return new Test.Or(test(or.left()), test(or.right()));
        }
        if (node instanceof And and) {
            return new Test.And(test(and.left()), test(and.right()));
        }
        if (node instanceof Not not) {
            return new Test.Not(test(not.inner()));
        }
        if (node instanceof Relation relation) {
            return relation(relation);
        }
        if (node instanceof Membership membership) {
            return membership(membership);
        }
        if (node instanceof Exists exists) {
            return exists(exists.value());
        }
        throw new IllegalStateException("not a test: " + node);
    }

    private Test exists(Node value) {
        if (value instanceof Call) {
            throw error(value, "You cannot test whether a function is present.");
        }
        if (isLiteral(value)) {
            throw error(value, text(value) + " is neither a field nor a protocol name.");
        }
        Value v = value(value, null, null);
        if (value instanceof Arith || value instanceof Negate) {
            return new Test.NonZero(v);
        }
        return new Test.Present(v);
    }

    private Test relation(Relation r) {
        Node left = r.left();
        Node right = r.right();
        String op = expression.substring(r.opStart(), r.opEnd());
        if (isLiteral(left)) {
            throw error(left, "Left side of \"" + op + "\" expression must be a field or function, not " + text(left) + ".");
        }
        Value a = value(left, null, null);
        String field = fieldName(left);
        switch (r.op()) {
            case CONTAINS -> {
                checkParticipates(left, a.type, "contains");
                Value b = containsOperand(right, a.type, field);
                return new Test.Contains(a, b, r.quantifier() == Quantifier.ALL ? Test.Mode.ALL : Test.Mode.ANY);
            }
            case MATCHES -> {
                if (a.type.family != FType.Family.STRING && a.type.family != FType.Family.BYTES
                        && a.type.family != FType.Family.PROTOCOL) {
                    throw error(left, text(left) + " (type=" + a.type.description + ") cannot participate in matches comparison.");
                }
                if (!(right instanceof Str s)) {
                    throw error(right, "Matches requires a double quoted string on the right side.");
                }
                return new Test.Matches(a, regex(s), r.quantifier() == Quantifier.ALL ? Test.Mode.ALL : Test.Mode.ANY);
            }
            default -> {
                if (a.type.family == FType.Family.NONE) {
                    throw error(left, text(left) + " (type=" + a.type.description + ") cannot participate in " + op + " comparison.");
                }
                Value b = operand(right, a, text(left), field);
                Test.Op o = switch (r.op()) {
                    case ANY_EQ, ALL_EQ -> Test.Op.EQ;
                    case ALL_NE, ANY_NE -> Test.Op.NE;
                    case GT -> Test.Op.GT;
                    case GE -> Test.Op.GE;
                    case LT -> Test.Op.LT;
                    case LE -> Test.Op.LE;
                    default -> throw new IllegalStateException(r.op().toString());
                };
                Test.Mode mode = switch (r.quantifier()) {
                    case ANY -> Test.Mode.ANY;
                    case ALL -> Test.Mode.ALL;
                    case NONE -> r.op() == Kind.ALL_NE || r.op() == Kind.ALL_EQ ? Test.Mode.ALL : Test.Mode.ANY;
                };
                return new Test.Comparison(a, o, mode, b);
            }
        }
    }

    private void checkParticipates(Node at, FType type, String op) {
        if (type.isNumeric() || type.family == FType.Family.NONE) {
            throw error(at, text(at) + " (type=" + type.description + ") cannot participate in " + op + " comparison.");
        }
    }

    /** What {@code contains} looks for: text beside a string, bytes beside anything else. */
    private Value containsOperand(Node right, FType left, String field) {
        if (!isLiteral(right)) {
            Value b = value(right, left, field);
            if (!b.type.isByteLike() && b.type.family != FType.Family.BYTES) {
                throw error(right, text(right) + " (type=" + b.type.description + ") cannot participate in contains comparison.");
            }
            return b;
        }
        FType as = left.family == FType.Family.STRING ? FType.STRING : FType.BYTES;
        if (right instanceof Str && left.family == FType.Family.BYTES && left != FType.BYTES && left != FType.UINT_BYTES) {
            throw error(right, left.description + " cannot be converted from a string (" + text(right) + ").");
        }
        if (right instanceof Word w && as == FType.BYTES && left != FType.BYTES && left.family == FType.Family.BYTES
                && Literals.hexBytes(w.text()) == null) {
            throw error(right, "\"" + w.text() + "\" is not a valid byte string.");
        }
        return new Value.Constant(literals.parse(right, as, null));
    }

    private Pattern regex(Str s) {
        String text = new String(s.value(), StandardCharsets.UTF_8);
        try {
            return Pattern.compile(text, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw error(s, "\"" + text + "\": " + e.getDescription() + ".");
        }
    }

    /** The right side of a comparison, typed by the left. */
    private Value operand(Node right, Value left, String leftText, String field) {
        if (isLiteral(right)) {
            return new Value.Constant(literals.parse(right, left.type, field));
        }
        Value b = value(right, left.type, field);
        if (!compatible(left.type, b.type)) {
            throw error(right, leftText + " and " + text(right) + " are not of compatible types.");
        }
        return b;
    }

    private static boolean compatible(FType a, FType b) {
        if (a == b) {
            return true;
        }
        FType.Family fa = a.family;
        FType.Family fb = b.family;
        boolean integerA = fa == FType.Family.INTEGER || fa == FType.Family.BOOLEAN;
        boolean integerB = fb == FType.Family.INTEGER || fb == FType.Family.BOOLEAN;
        if (integerA && integerB) {
            return true;
        }
        boolean bytesA = fa == FType.Family.BYTES || fa == FType.Family.PROTOCOL || fa == FType.Family.STRING;
        boolean bytesB = fb == FType.Family.BYTES || fb == FType.Family.PROTOCOL || fb == FType.Family.STRING;
        if (bytesA && bytesB) {
            // a slice (bytes) compares with anything made of bytes; two typed fields must share their type
            return a == FType.BYTES || b == FType.BYTES || fa == FType.Family.PROTOCOL || fb == FType.Family.PROTOCOL
                    || fa == fb && fa != FType.Family.BYTES;
        }
        return fa == fb && fa != FType.Family.INTEGER && fa != FType.Family.NONE;
    }

    private Test membership(Membership m) {
        Node valueNode = m.value();
        if (isLiteral(valueNode)) {
            throw error(valueNode, "Left side of \"in\" expression must be a field or function, not " + text(valueNode) + ".");
        }
        Value value = value(valueNode, null, null);
        if (value.type.family == FType.Family.NONE) {
            throw error(valueNode, text(valueNode) + " (type=" + value.type.description + ") cannot participate in in comparison.");
        }
        String field = fieldName(valueNode);
        Value[] lows = new Value[m.elements().size()];
        Value[] highs = new Value[lows.length];
        for (int i = 0; i < lows.length; i++) {
            Element e = m.elements().get(i);
            lows[i] = operand(e.low(), value, text(valueNode), field);
            highs[i] = e.high() == null ? null : operand(e.high(), value, text(valueNode), field);
        }
        Test in = new Test.In(value, lows, highs, m.quantifier() == Quantifier.ALL ? Test.Mode.ALL : Test.Mode.ANY);
        return m.negated() ? new Test.Not(in) : in;
    }

    // ---- values ----

    /**
     * Compiles a value. {@code expected} is the type a literal in it takes (the other side's), or null when
     * there is none; {@code field} names the field whose value strings a literal may use.
     */
    Value value(Node node, FType expected, String field) {
        if (node instanceof Word w) {
            Value named = name(w.text(), null);
            if (named != null) {
                names.add(w.text());
                return named;
            }
            if (expected == null) {
                throw error(node, w.text() + " is neither a field nor a protocol name.");
            }
            return new Value.Constant(literals.parse(node, expected, field));
        }
        if (node instanceof Str || node instanceof Chr) {
            if (expected == null) {
                throw error(node, text(node) + " is neither a field nor a protocol name.");
            }
            return new Value.Constant(literals.parse(node, expected, field));
        }
        if (node instanceof Reference r) {
            FType type = catalogue.type(r.name());
            if (type == null) {
                throw error(node, r.name() + " is neither a field nor a protocol name.");
            }
            // a field of the frame selected in a GUI: a command-line tool has none
            return new Value.Absent(type);
        }
        if (node instanceof Layered l) {
            Ranges layers = ranges(l.layers(), l.layerStart(), l.end());
            Value named = name(l.field().text(), layers);
            if (named == null) {
                throw error(l.field(), l.field().text() + " is neither a field nor a protocol name.");
            }
            names.add(l.field().text());
            return named;
        }
        if (node instanceof Slice s) {
            Value inner = value(s.value(), null, null);
            if (!inner.type.isSliceable()) {
                throw error(s.value(), "\"" + text(s.value()) + "\" is a " + inner.type.description
                        + " and cannot be sliced into a sequence of bytes.");
            }
            return new Value.Slice(inner, ranges(s.ranges(), s.rangeStart(), s.end() - 1));
        }
        if (node instanceof Call c) {
            return call(c);
        }
        if (node instanceof Arith a) {
            return arith(a, expected, field);
        }
        if (node instanceof Negate n) {
            Value inner = value(n.value(), expected, field);
            if (!inner.type.isNumeric() || inner.type.family == FType.Family.IPV4) {
                throw error(node, inner.type.wiresharkName() + " cannot be negated.");
            }
            return new Value.Negate(inner);
        }
        throw error(node, "\"" + text(node) + "\" was unexpected in this context.");
    }

    private Ranges ranges(String text, int start, int end) {
        try {
            return Ranges.parse(text);
        } catch (IllegalArgumentException e) {
            throw DisplayFilterException.at(expression, start, end, "\"" + text + "\" is not a valid range: " + e.getMessage() + ".");
        }
    }

    /**
     * The place of {@code field} among {@link #rowFields} when it is read whole; -1 when only some layers' of it
     * are (which a row, holding no layers, cannot tell apart).
     */
    private int column(Field field, Ranges layers) {
        if (layers != null) {
            rowTestable = false;
            return -1;
        }
        int at = rowFields.indexOf(field);
        if (at < 0) {
            rowFields.add(field);
            at = rowFields.size() - 1;
        }
        return at;
    }

    /** Names Wireshark 4.0 still accepts for protocols that were renamed, and what they are now. */
    private static final java.util.Map<String, String> ALIASES = java.util.Map.of("bootp", "dhcp", "ssl", "tls");

    /** A name with a renamed protocol's old name replaced by its new one. */
    private static String canonical(String name) {
        int dot = name.indexOf('.');
        String protocol = dot < 0 ? name : name.substring(0, dot);
        String now = ALIASES.get(protocol);
        return now == null ? name : dot < 0 ? now : now + name.substring(dot);
    }

    /** A field or protocol by name, or null when Wireshark knows no such name. */
    private Value name(String written, Ranges layers) {
        String name = canonical(written);
        if (name.equals("frame")) {
            rowTestable = false;
            return new Value.ProtocolValue(-1, layers, 0);
        }
        if (name.equals("_ws.malformed")) {
            rowTestable = false;
            return new Value.Malformed();
        }
        if (layers == null || layers.containsLayer(1, 1)) {
            switch (name) {
                case "frame.time", "frame.time_epoch" -> {
                    rowTestable = false;
                    return new Value.FrameTime(Value.FrameTime.Kind.ABSOLUTE, catalogue.type(name));
                }
                case "frame.time_relative" -> {
                    rowTestable = false;
                    return new Value.FrameTime(Value.FrameTime.Kind.SINCE_FIRST, FType.RELATIVE_TIME);
                }
                case "frame.time_delta" -> {
                    rowTestable = false;
                    return new Value.FrameTime(Value.FrameTime.Kind.SINCE_PREVIOUS, FType.RELATIVE_TIME);
                }
                default -> {
                }
            }
        }
        FType type = catalogue.type(name);
        int protocol = fields.protocols().id(name);
        Field field = fields.field(name);
        if (type == FType.PROTOCOL && protocol == Protocols.NONE && field != null) {
            // an item Wireshark makes a protocol (a TCP option)
            return new Value.FieldValue(field, type, layers, column(field, layers));
        }
        if (type == FType.PROTOCOL || type == null && protocol != Protocols.NONE && field == null) {
            if (protocol == Protocols.NONE) {
                return new Value.Absent(FType.PROTOCOL);
            }
            rowTestable = false;
            return new Value.ProtocolValue(protocol, layers, itemBytes(name));
        }
        if (field != null) {
            return new Value.FieldValue(field, type != null ? type : typeOf(field), layers, column(field, layers));
        }
        return type == null ? null : new Value.Absent(type);
    }

    /**
     * How many bytes of a layer Wireshark must have captured before it adds the protocol's item: its decoders
     * read the first fields before they add it (TCP and UDP their ports, ICMP its type, code and checksum), so
     * a layer the capture cuts shorter is listed in {@code frame.protocols} and found by no filter.
     */
    private static final java.util.Map<String, Integer> ITEM_BYTES = java.util.Map.of("tcp", 4, "udp", 4, "gre", 4,
            "icmp", 6, "sctp", 12, "ipv6.fraghdr", 8, "ipv6.hopopts", 2, "ipv6.dstopts", 2, "igmp", 1);

    private static int itemBytes(String protocol) {
        return ITEM_BYTES.getOrDefault(protocol, 0);
    }

    /** The Wireshark type of a decoder field that Wireshark does not name. */
    private static FType typeOf(Field field) {
        return switch (field.type()) {
            case UINT -> FType.UINT64;
            case INT -> FType.INT64;
            case HEX8 -> FType.UINT8;
            case HEX16 -> FType.UINT16;
            case HEX24 -> FType.UINT24;
            case HEX32 -> FType.UINT32;
            case BOOLEAN -> FType.BOOLEAN;
            case MAC -> FType.ETHER;
            case IPV4 -> FType.IPV4;
            case IPV6 -> FType.IPV6;
            case STRING -> FType.STRING;
            case BYTES, PLAIN_BYTES -> FType.BYTES;
            case EPOCH_NANOS -> FType.ABSOLUTE_TIME;
            case RELATIVE_NANOS -> FType.RELATIVE_TIME;
        };
    }

    private Value arith(Arith a, FType expected, String field) {
        Node l = a.left();
        Node r = a.right();
        Value left;
        Value right;
        if (isLiteral(l) && !isLiteral(r)) {
            right = value(r, expected, field);
            left = value(l, right.type, fieldName(r));
        } else {
            left = value(l, expected, field);
            right = value(r, left.type, fieldName(l));
        }
        FType type = left.type;
        String symbol = a.op().spelling;
        if (a.op() == Kind.BITWISE_AND) {
            if (type.family == FType.Family.BYTES && right.type.family == FType.Family.BYTES) {
                return new Value.Arith(a.op(), left, right);
            }
            if (type.family != FType.Family.INTEGER) { // booleans neither: tshark 4.0 refuses them
                throw error(a, type.wiresharkName() + " cannot bitwise_and.");
            }
        } else if (type.family == FType.Family.TIME) {
            if (a.op() != Kind.PLUS && a.op() != Kind.MINUS) {
                throw error(a, type.wiresharkName() + " cannot " + symbol + ".");
            }
        } else if (type.family != FType.Family.INTEGER && type.family != FType.Family.FLOAT) {
            throw error(a, type.wiresharkName() + " cannot " + symbol + ".");
        } else if (type.family == FType.Family.FLOAT && a.op() == Kind.PERCENT) {
            throw error(a, type.wiresharkName() + " cannot " + symbol + ".");
        }
        if (!compatible(type, right.type)) {
            throw error(r, text(l) + " and " + text(r) + " are not of compatible types.");
        }
        return new Value.Arith(a.op(), left, right);
    }

    private Value call(Call c) {
        String name = c.name();
        int count = c.arguments().size();
        int min;
        int max;
        switch (name) {
            case "len", "count", "upper", "lower", "string", "abs" -> {
                min = 1;
                max = 1;
            }
            case "max", "min" -> {
                min = 1;
                max = Integer.MAX_VALUE;
            }
            default -> throw DisplayFilterException.at(expression, c.start(), c.nameEnd(), "Function '" + name + "' does not exist");
        }
        if (count < min) {
            throw error(c, "Function " + name + " needs at least " + min + " arguments.");
        }
        if (count > max) {
            throw error(c, "Function " + name + " can only accept " + max + " arguments.");
        }
        Node first = c.arguments().get(0);
        switch (name) {
            case "len", "count" -> {
                if (isLiteral(first)) {
                    throw error(first, "Only fields can be used as parameter for " + name + "()");
                }
                Value inner = value(first, null, null);
                return name.equals("len") ? new Value.Length(inner) : new Value.Count(inner);
            }
            case "upper", "lower" -> {
                Value inner = isLiteral(first) ? null : value(first, null, null);
                if (inner == null || inner.type.family != FType.Family.STRING) {
                    throw error(first, "Only string type fields can be used as parameter for " + name + "()");
                }
                return new Value.Case(inner, name.equals("upper"));
            }
            case "string" -> {
                if (isLiteral(first)) {
                    throw error(first, "Only fields can be used as parameter for string()");
                }
                Value inner = value(first, null, null);
                FType.Family f = inner.type.family;
                if (f == FType.Family.STRING || f == FType.Family.PROTOCOL || f == FType.Family.TIME
                        || f == FType.Family.NONE || inner.type == FType.BYTES || inner.type == FType.UINT_BYTES) {
                    throw error(first, "String conversion for field \"" + text(first) + "\" is not supported");
                }
                return new Value.Text(inner);
            }
            case "abs" -> {
                Value inner = isLiteral(first) ? null : value(first, null, null);
                if (inner == null || !(inner.type.isInteger() || inner.type.family == FType.Family.FLOAT
                        || inner.type.family == FType.Family.TIME)) {
                    throw error(first, "'" + text(first) + "' is not a valid argument to 'abs'()");
                }
                return new Value.Abs(inner);
            }
            default -> {
                Value[] arguments = new Value[count];
                for (int i = 0; i < count; i++) {
                    Node arg = c.arguments().get(i);
                    if (i == 0 && isLiteral(arg)) {
                        throw error(arg, "Argument '" + text(arg) + "' is not valid for " + name + "()");
                    }
                    arguments[i] = value(arg, i == 0 ? null : arguments[0].type, i == 0 ? null : fieldName(first));
                    if (i > 0 && arguments[i].type != arguments[0].type && !isLiteral(arg)) {
                        throw error(arg, "Arguments to '" + name + "' must have the same type (expected "
                                + arguments[0].type.wiresharkName() + ", got " + arguments[i].type.wiresharkName() + ")");
                    }
                }
                if (!arguments[0].type.isNumeric() && arguments[0].type.family != FType.Family.STRING) {
                    throw error(first, "Argument '" + text(first) + "' is not valid for " + name + "()");
                }
                return new Value.Extreme(arguments, name.equals("max"));
            }
        }
    }

    // ---- helpers ----

    /** Whether the node is a literal: a string, a character, or a word that names no field or protocol. */
    private boolean isLiteral(Node node) {
        if (node instanceof Str || node instanceof Chr) {
            return true;
        }
        return node instanceof Word w && name(w.text(), null) == null;
    }

    /** The name of the field a node reads, for its value strings; null for anything else. */
    private static String fieldName(Node node) {
        if (node instanceof Word w) {
            return w.text();
        }
        if (node instanceof Layered l) {
            return l.field().text();
        }
        return null;
    }

    private String text(Node node) {
        return expression.substring(node.start(), Math.min(node.end(), expression.length()));
    }
}
