package dev.trawl.decode.display;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tokens of a display filter into a {@link Syntax} tree, by recursive descent over Wireshark 4.0's
 * grammar. From the loosest binding to the tightest:
 *
 * <pre>
 * test      := or
 * or        := and (("or" | "||") and)*
 * and       := not (("and" | "&amp;&amp;") not)*
 * not       := ("not" | "!") not | "(" test ")" | relation
 * relation  := ["any" | "all"] value [OP value | ["not"] "in" "{" element ("," element)* "}"]
 * element   := value [".." value]
 * value     := sum ("&amp;" sum)*
 * sum       := product (("+" | "-") product)*
 * product   := unary (("*" | "/" | "%") unary)*
 * unary     := "-" unary | primary ("[" range "]")*
 * primary   := WORD ["#" layers] | WORD "(" [value ("," value)*] ")" | STRING | CHAR | "${" WORD "}" | "{" value "}"
 * </pre>
 *
 * Nesting is bounded ({@link #MAX_DEPTH}), so a hostile expression is refused with a message instead of
 * exhausting the stack.
 */
final class Parser {
    /** How deeply parentheses, braces, negations and functions may nest. */
    static final int MAX_DEPTH = 256;

    private final String text;
    private final List<Token> tokens;
    private int at;
    private int depth;

    private Parser(String text) {
        this.text = text;
        this.tokens = Lexer.tokens(text);
    }

    static Node parse(String text) {
        Parser parser = new Parser(text);
        if (parser.peek().kind() == Kind.END) {
            throw new DisplayFilterException("The filter is empty.", text, -1, -1);
        }
        Node test = parser.test();
        if (parser.peek().kind() != Kind.END) {
            throw parser.unexpected(parser.peek());
        }
        return test;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private Token take() {
        Token t = tokens.get(at);
        if (t.kind() != Kind.END) {
            at++;
        }
        return t;
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            take();
            return true;
        }
        return false;
    }

    private Token expect(Kind kind) {
        Token t = peek();
        if (t.kind() != kind) {
            throw unexpected(t);
        }
        return take();
    }

    DisplayFilterException unexpected(Token t) {
        if (t.kind() == Kind.END) {
            return new DisplayFilterException("Unexpected end of filter expression.", text, -1, -1);
        }
        return DisplayFilterException.at(text, t.start(), t.end(), "\"" + t.text() + "\" was unexpected in this context.");
    }

    private void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw DisplayFilterException.at(text, at.start(), at.end(),
                    "The filter is nested too deeply (more than " + MAX_DEPTH + " levels of parentheses, braces, negations or function calls).");
        }
    }

    private Node test() {
        return or();
    }

    private Node or() {
        Node left = and();
        while (peek().kind() == Kind.OR) {
            take();
            Node right = and();
            left = new Or(left, right, left.start(), right.end());
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (peek().kind() == Kind.AND) {
            take();
            Node right = not();
            left = new And(left, right, left.start(), right.end());
        }
        return left;
    }

    private Node not() {
        Token t = peek();
        if (t.kind() == Kind.NOT) {
            take();
            enter(t);
            Node inner = not();
            depth--;
            return new Not(inner, t.start(), inner.end());
        }
        if (t.kind() == Kind.LPAREN) {
            take();
            enter(t);
            Node inner = test();
            depth--;
            expect(Kind.RPAREN);
            return inner;
        }
        return relation();
    }

    private Node relation() {
        Quantifier quantifier = Quantifier.NONE;
        Token first = peek();
        if (first.kind() == Kind.ANY || first.kind() == Kind.ALL) {
            take();
            quantifier = first.kind() == Kind.ANY ? Quantifier.ANY : Quantifier.ALL;
        }
        Node left = value();
        Token op = peek();
        if (op.kind().isRelation()) {
            take();
            Node right = value();
            return new Relation(quantifier, left, op.kind(), right, op.start(), op.end(), first.start(), right.end());
        }
        boolean negated = false;
        if (op.kind() == Kind.NOT && peek(1).kind() == Kind.IN) {
            take();
            negated = true;
            op = peek();
        }
        if (op.kind() == Kind.IN) {
            take();
            return set(quantifier, left, negated, first.start());
        }
        if (quantifier != Quantifier.NONE) {
            throw unexpected(op);
        }
        return new Exists(left, left.start(), left.end());
    }

    private Node set(Quantifier quantifier, Node value, boolean negated, int start) {
        Token open = expect(Kind.LBRACE);
        enter(open);
        List<Element> elements = new ArrayList<>();
        do {
            Node low = value();
            Node high = null;
            if (accept(Kind.DOTDOT)) {
                high = value();
            }
            elements.add(new Element(low, high));
        } while (accept(Kind.COMMA));
        Token close = expect(Kind.RBRACE);
        depth--;
        return new Membership(quantifier, value, negated, List.copyOf(elements), start, close.end());
    }

    private Node value() {
        Node left = sum();
        while (peek().kind() == Kind.BITWISE_AND) {
            Token op = take();
            Node right = sum();
            left = new Arith(Kind.BITWISE_AND, left, right, op.start(), left.start(), right.end());
        }
        return left;
    }

    private Node sum() {
        Node left = product();
        while (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
            Token op = take();
            Node right = product();
            left = new Arith(op.kind(), left, right, op.start(), left.start(), right.end());
        }
        return left;
    }

    private Node product() {
        Node left = unary();
        while (peek().kind() == Kind.STAR || peek().kind() == Kind.SLASH || peek().kind() == Kind.PERCENT) {
            Token op = take();
            Node right = unary();
            left = new Arith(op.kind(), left, right, op.start(), left.start(), right.end());
        }
        return left;
    }

    private Node unary() {
        Token t = peek();
        if (t.kind() == Kind.MINUS) {
            take();
            enter(t);
            Node inner = unary();
            depth--;
            return new Negate(inner, t.start(), inner.end());
        }
        Node value = primary();
        while (peek().kind() == Kind.SLICE) {
            Token range = take();
            value = new Slice(value, range.text(), range.start() + 1, value.start(), range.end());
        }
        return value;
    }

    private Node primary() {
        Token t = take();
        switch (t.kind()) {
            case WORD -> {
                if (peek().kind() == Kind.LPAREN) {
                    return call(t);
                }
                Word word = new Word(t.text(), t.start(), t.end());
                if (peek().kind() == Kind.LAYER) {
                    Token layers = take();
                    return new Layered(word, layers.text(), layers.start() + 1, t.start(), layers.end());
                }
                return word;
            }
            case STRING -> {
                return new Str(t.bytes(), t.text(), t.text().startsWith("r"), t.start(), t.end());
            }
            case CHAR -> {
                return new Chr(t.bytes()[0] & 0xff, t.text(), t.start(), t.end());
            }
            case REFERENCE -> {
                return new Reference(t.text(), t.start(), t.end());
            }
            case LBRACE -> {
                enter(t);
                Node inner = value();
                depth--;
                expect(Kind.RBRACE);
                return inner;
            }
            default -> throw unexpected(t);
        }
    }

    private Node call(Token name) {
        Token open = take();
        enter(open);
        List<Node> arguments = new ArrayList<>();
        if (peek().kind() != Kind.RPAREN) {
            do {
                arguments.add(value());
            } while (accept(Kind.COMMA));
        }
        Token close = expect(Kind.RPAREN);
        depth--;
        return new Call(name.text(), List.copyOf(arguments), name.end(), name.start(), close.end());
    }
}
