package dev.trawl.decode.display;

import dev.trawl.decode.display.Token.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a display filter into tokens as Wireshark's scanner does: operators in their C-like and English
 * spellings, strings with their escapes, and words. A word is a run of letters, digits and {@code _ . : / -}
 * (so {@code 00:11:22:33:44:55}, {@code 10.0.0.0/8}, {@code fe80::1} and {@code nr-rrc.x} are one word each,
 * and {@code A-B} is a word, not a subtraction), ended before {@code ..}. Brackets after a value hold a slice
 * range and are kept whole, as is the range after the layer operator {@code #}.
 */
final class Lexer {
    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Kind.END);
        return tokens;
    }

    private Token next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= text.length()) {
            return new Token(Kind.END, start, start, "", null);
        }
        char c = text.charAt(pos);
        switch (c) {
            case '(' -> {
                return single(Kind.LPAREN);
            }
            case ')' -> {
                return single(Kind.RPAREN);
            }
            case '{' -> {
                return single(Kind.LBRACE);
            }
            case '}' -> {
                return single(Kind.RBRACE);
            }
            case ',' -> {
                return single(Kind.COMMA);
            }
            case '+' -> {
                return single(Kind.PLUS);
            }
            case '-' -> {
                return single(Kind.MINUS);
            }
            case '*' -> {
                return single(Kind.STAR);
            }
            case '/' -> {
                return single(Kind.SLASH);
            }
            case '%' -> {
                return single(Kind.PERCENT);
            }
            case '[' -> {
                return bracketed(Kind.SLICE, start, pos + 1);
            }
            case '#' -> {
                return layer(start);
            }
            case '"' -> {
                return string(start, pos + 1, false);
            }
            case '\'' -> {
                return character(start);
            }
            case '$' -> {
                return reference(start);
            }
            default -> {
            }
        }
        if (text.startsWith("===", pos)) {
            return fixed(Kind.ALL_EQ, 3);
        }
        if (text.startsWith("!==", pos)) {
            return fixed(Kind.ANY_NE, 3);
        }
        if (text.startsWith("==", pos)) {
            return fixed(Kind.ANY_EQ, 2);
        }
        if (text.startsWith("!=", pos)) {
            return fixed(Kind.ALL_NE, 2);
        }
        if (text.startsWith("~=", pos)) {
            return fixed(Kind.ANY_NE, 2);
        }
        if (text.startsWith(">=", pos)) {
            return fixed(Kind.GE, 2);
        }
        if (text.startsWith("<=", pos)) {
            return fixed(Kind.LE, 2);
        }
        if (text.startsWith("&&", pos)) {
            return fixed(Kind.AND, 2);
        }
        if (text.startsWith("||", pos)) {
            return fixed(Kind.OR, 2);
        }
        if (text.startsWith("..", pos)) {
            return fixed(Kind.DOTDOT, 2);
        }
        switch (c) {
            case '>' -> {
                return single(Kind.GT);
            }
            case '<' -> {
                return single(Kind.LT);
            }
            case '!' -> {
                return single(Kind.NOT);
            }
            case '~' -> {
                return single(Kind.MATCHES);
            }
            case '&' -> {
                return single(Kind.BITWISE_AND);
            }
            default -> {
            }
        }
        if (c == 'r' && pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
            return string(start, pos + 2, true);
        }
        if (isWordStart(c)) {
            return word(start);
        }
        throw DisplayFilterException.at(text, start, start + 1, "\"" + c + "\" was unexpected in this context.");
    }

    private Token single(Kind kind) {
        return fixed(kind, 1);
    }

    private Token fixed(Kind kind, int length) {
        int start = pos;
        pos += length;
        return new Token(kind, start, pos, text.substring(start, pos), null);
    }

    private static boolean isWordStart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || c == '-' || c == '/';
    }

    private Token word(int start) {
        while (pos < text.length() && isWordPart(text.charAt(pos)) && !text.startsWith("..", pos)) {
            pos++;
        }
        String word = text.substring(start, pos);
        Kind kind = switch (word) {
            case "eq", "any_eq" -> Kind.ANY_EQ;
            case "ne", "all_ne" -> Kind.ALL_NE;
            case "all_eq" -> Kind.ALL_EQ;
            case "any_ne" -> Kind.ANY_NE;
            case "gt" -> Kind.GT;
            case "ge" -> Kind.GE;
            case "lt" -> Kind.LT;
            case "le" -> Kind.LE;
            case "contains" -> Kind.CONTAINS;
            case "matches" -> Kind.MATCHES;
            case "bitwise_and" -> Kind.BITWISE_AND;
            case "and" -> Kind.AND;
            case "or" -> Kind.OR;
            case "not" -> Kind.NOT;
            case "in" -> Kind.IN;
            case "any" -> Kind.ANY;
            case "all" -> Kind.ALL;
            default -> Kind.WORD;
        };
        return new Token(kind, start, pos, word, null);
    }

    /** A bracketed range, kept whole: {@code [0:3]}, {@code [1,3-5,9:]}. */
    private Token bracketed(Kind kind, int start, int from) {
        int close = text.indexOf(']', from);
        if (close < 0) {
            throw DisplayFilterException.at(text, start, text.length(), "Unexpected end of filter expression.");
        }
        pos = close + 1;
        return new Token(kind, start, pos, text.substring(from, close), null);
    }

    private Token layer(int start) {
        pos++;
        if (pos < text.length() && text.charAt(pos) == '[') {
            Token range = bracketed(Kind.LAYER, start, pos + 1);
            return new Token(Kind.LAYER, start, range.end(), range.text(), null);
        }
        int from = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (from == pos) {
            throw DisplayFilterException.at(text, start, Math.min(text.length(), start + 1),
                    "Expected a layer number after \"#\".");
        }
        return new Token(Kind.LAYER, start, pos, text.substring(from, pos), null);
    }

    private Token reference(int start) {
        if (!text.startsWith("${", pos)) {
            throw DisplayFilterException.at(text, start, start + 1, "\"$\" was unexpected in this context.");
        }
        int close = text.indexOf('}', pos);
        if (close < 0) {
            throw DisplayFilterException.at(text, start, text.length(), "Unexpected end of filter expression.");
        }
        pos = close + 1;
        return new Token(Kind.REFERENCE, start, pos, text.substring(start + 2, close).trim(), null);
    }

    private Token string(int start, int from, boolean raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = from;
        while (true) {
            if (i >= text.length()) {
                throw DisplayFilterException.at(text, start, text.length(), "The string was not terminated.");
            }
            char c = text.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                if (i + 1 >= text.length()) {
                    throw DisplayFilterException.at(text, start, text.length(), "The string was not terminated.");
                }
                if (raw) {
                    // a raw string keeps its backslashes; one only stops a quote from ending the string
                    out.write('\\');
                    char d = text.charAt(i + 1);
                    writeUtf8(out, d);
                    i += 2;
                    continue;
                }
                i = escape(out, start, i);
                continue;
            }
            i = writeCodePoint(out, i);
        }
        pos = i + 1;
        return new Token(Kind.STRING, start, pos, text.substring(start, pos), out.toByteArray());
    }

    private Token character(int start) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = start + 1;
        if (i < text.length() && text.charAt(i) == '\\') {
            i = escape(out, start, i);
        } else if (i < text.length() && text.charAt(i) != '\'') {
            out.write(text.charAt(i) & 0xff);
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '\'' || out.size() != 1) {
            int end = text.indexOf('\'', start + 1);
            end = end < 0 ? text.length() : end + 1;
            throw DisplayFilterException.at(text, start, end, "\"" + text.substring(start, end) + "\" is not a valid character constant.");
        }
        pos = i + 1;
        return new Token(Kind.CHAR, start, pos, text.substring(start, pos), out.toByteArray());
    }

    /** Reads the escape at {@code i} (a backslash) into {@code out}; returns the index after it. */
    private int escape(ByteArrayOutputStream out, int start, int i) {
        if (i + 1 >= text.length()) {
            throw DisplayFilterException.at(text, start, text.length(), "The escape sequence is not terminated.");
        }
        char e = text.charAt(i + 1);
        switch (e) {
            case '\'', '"', '\\' -> out.write(e);
            case 'a' -> out.write(7);
            case 'b' -> out.write(8);
            case 'f' -> out.write(12);
            case 'n' -> out.write(10);
            case 'r' -> out.write(13);
            case 't' -> out.write(9);
            case 'v' -> out.write(11);
            case 'x' -> {
                int digits = hexRun(i + 2, 2);
                if (digits == 0) {
                    throw DisplayFilterException.at(text, i, i + 2, "\\x has no following hex digits.");
                }
                out.write(Integer.parseInt(text.substring(i + 2, i + 2 + digits), 16));
                return i + 2 + digits;
            }
            case 'u', 'U' -> {
                int want = e == 'u' ? 4 : 8;
                int digits = hexRun(i + 2, want);
                if (digits != want) {
                    throw DisplayFilterException.at(text, i, i + 2 + digits, "\\" + e + " needs " + want + " hex digits.");
                }
                int cp = Integer.parseUnsignedInt(text.substring(i + 2, i + 2 + want), 16);
                if (!Character.isValidCodePoint(cp)) {
                    throw DisplayFilterException.at(text, i, i + 2 + want, "Invalid Unicode code point.");
                }
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                return i + 2 + want;
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int j = i + 1;
                    int value = 0;
                    while (j < text.length() && j < i + 4 && text.charAt(j) >= '0' && text.charAt(j) <= '7') {
                        value = value * 8 + (text.charAt(j) - '0');
                        j++;
                    }
                    if (value > 0xff) {
                        throw DisplayFilterException.at(text, i, j, "Octal escape out of range.");
                    }
                    out.write(value);
                    return j;
                }
                throw DisplayFilterException.at(text, i, i + 2, "Invalid escape sequence \"\\" + e + "\".");
            }
        }
        return i + 2;
    }

    private int hexRun(int from, int max) {
        int n = 0;
        while (n < max && from + n < text.length() && Character.digit(text.charAt(from + n), 16) >= 0) {
            n++;
        }
        return n;
    }

    private int writeCodePoint(ByteArrayOutputStream out, int i) {
        int cp = text.codePointAt(i);
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        return i + Character.charCount(cp);
    }

    private static void writeUtf8(ByteArrayOutputStream out, char c) {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
    }
}
