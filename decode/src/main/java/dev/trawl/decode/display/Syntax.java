package dev.trawl.decode.display;

import dev.trawl.decode.display.Token.Kind;
import java.util.List;

/**
 * The parse tree of a display filter, before names are resolved and types checked. Every node knows the part
 * of the expression it was read from, for error carets.
 */
final class Syntax {
    private Syntax() {
    }

    /** A node: a test (true or false for a packet) or a value (a list of field values for a packet). */
    sealed interface Node permits Or, And, Not, Relation, Membership, Exists, Word, Str, Chr, Reference, Slice,
            Layered, Call, Arith, Negate {
        int start();

        int end();
    }

    /** {@code any} or {@code all} before a relation, or none. */
    enum Quantifier {
        NONE, ANY, ALL
    }

    record Or(Node left, Node right, int start, int end) implements Node {
    }

    record And(Node left, Node right, int start, int end) implements Node {
    }

    record Not(Node inner, int start, int end) implements Node {
    }

    /** {@code left OP right}, {@code OP} a comparison, {@code contains} or {@code matches}. */
    record Relation(Quantifier quantifier, Node left, Kind op, Node right, int opStart, int opEnd, int start, int end)
            implements Node {
    }

    /** {@code value in {...}} or {@code value not in {...}}. */
    record Membership(Quantifier quantifier, Node value, boolean negated, List<Element> elements, int start, int end)
            implements Node {
    }

    /** One member of a set: a value, or a range {@code low..high}. */
    record Element(Node low, Node high) {
    }

    /** A value standing alone as a test: a field or protocol is present, a bitwise and is not zero. */
    record Exists(Node value, int start, int end) implements Node {
    }

    /** A field or protocol name, or an unquoted literal. */
    record Word(String text, int start, int end) implements Node {
    }

    /** A double-quoted string: its bytes, and whether it was raw ({@code r"..."}). */
    record Str(byte[] value, String text, boolean raw, int start, int end) implements Node {
    }

    /** A character constant. */
    record Chr(int value, String text, int start, int end) implements Node {
    }

    /** {@code ${field}}: a field of the frame selected in a GUI. */
    record Reference(String name, int start, int end) implements Node {
    }

    /** {@code value[ranges]}. */
    record Slice(Node value, String ranges, int rangeStart, int start, int end) implements Node {
    }

    /** {@code field#layers}. */
    record Layered(Word field, String layers, int layerStart, int start, int end) implements Node {
    }

    /** {@code name(arguments)}. */
    record Call(String name, List<Node> arguments, int nameEnd, int start, int end) implements Node {
    }

    /** {@code left OP right}, {@code OP} one of {@code + - * / % &}. */
    record Arith(Kind op, Node left, Node right, int opStart, int start, int end) implements Node {
    }

    /** {@code -value}. */
    record Negate(Node value, int start, int end) implements Node {
    }
}
