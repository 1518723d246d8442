package dev.trawl.filter;

import java.util.Map;

/** Parsing of the 802.11 qualifiers {@code type}, {@code subtype} and {@code dir}, with libpcap's names. */
final class Wlan {
    static final int TYPE_MASK = 0x0c;
    static final int SUBTYPE_MASK = 0xf0;
    static final int DIR_MASK = 0x03;

    private static final Map<String, Integer> TYPES = Map.of("mgt", 0x00, "management", 0x00, "ctl", 0x04,
            "control", 0x04, "data", 0x08);
    private static final Map<String, Integer> MGT = Map.ofEntries(Map.entry("assocreq", 0x00),
            Map.entry("assoc-req", 0x00), Map.entry("assocresp", 0x10), Map.entry("assoc-resp", 0x10),
            Map.entry("reassocreq", 0x20), Map.entry("reassoc-req", 0x20), Map.entry("reassocresp", 0x30),
            Map.entry("reassoc-resp", 0x30), Map.entry("probereq", 0x40), Map.entry("probe-req", 0x40),
            Map.entry("proberesp", 0x50), Map.entry("probe-resp", 0x50), Map.entry("beacon", 0x80),
            Map.entry("atim", 0x90), Map.entry("disassoc", 0xa0), Map.entry("disassociation", 0xa0),
            Map.entry("auth", 0xb0), Map.entry("authentication", 0xb0), Map.entry("deauth", 0xc0),
            Map.entry("deauthentication", 0xc0));
    private static final Map<String, Integer> CTL = Map.of("ps-poll", 0xa0, "rts", 0xb0, "cts", 0xc0, "ack", 0xd0,
            "cf-end", 0xe0, "cf-end-ack", 0xf0);
    private static final Map<String, Integer> DATA = Map.ofEntries(Map.entry("data", 0x00),
            Map.entry("data-cf-ack", 0x10), Map.entry("data-cf-poll", 0x20), Map.entry("data-cf-ack-poll", 0x30),
            Map.entry("null", 0x40), Map.entry("cf-ack", 0x50), Map.entry("cf-poll", 0x60),
            Map.entry("cf-ack-poll", 0x70), Map.entry("qos-data", 0x80), Map.entry("qos-data-cf-ack", 0x90),
            Map.entry("qos-data-cf-poll", 0xa0), Map.entry("qos-data-cf-ack-poll", 0xb0), Map.entry("qos", 0xc0),
            Map.entry("qos-cf-poll", 0xe0), Map.entry("qos-cf-ack-poll", 0xf0));
    private static final Map<String, Integer> DIRS = Map.of("nods", 0, "tods", 1, "fromds", 2, "dstods", 3);

    private Wlan() {
    }

    private static Map<String, Integer> subtypes(int type) {
        return switch (type) {
            case 0x00 -> MGT;
            case 0x04 -> CTL;
            case 0x08 -> DATA;
            default -> Map.of();
        };
    }

    static Ast.Special parse(Parser parser, Tok proto, int col) throws Parser.Fail {
        Lexer.Token kw = parser.take();
        switch (kw.kind()) {
            case TYPE -> {
                int type = typeValue(parser);
                if (parser.lookahead() == Tok.SUBTYPE) {
                    parser.take();
                    int sub = subtypeValue(parser, type);
                    return new Ast.Special(Tok.TYPE, proto, true, type | sub, TYPE_MASK | SUBTYPE_MASK, null, null,
                            col);
                }
                return new Ast.Special(Tok.TYPE, proto, true, type, TYPE_MASK, null, null, col);
            }
            case SUBTYPE -> {
                int at = parser.position();
                Lexer.Token t = parser.take();
                if (t.kind() != Tok.ID) {
                    throw parser.failAt(at, "syntax error: expected an 802.11 subtype name", "an 802.11 subtype name");
                }
                for (int type : new int[] {0x00, 0x04, 0x08}) {
                    Integer v = subtypes(type).get(t.text());
                    if (v != null) {
                        return new Ast.Special(Tok.TYPE, proto, true, type | v, TYPE_MASK | SUBTYPE_MASK, null, null,
                                col);
                    }
                }
                throw parser.failAt(at, "unknown 802.11 type name", "an 802.11 subtype name such as beacon or qos-data");
            }
            default -> {
                int at = parser.position();
                Lexer.Token t = parser.take();
                if (t.kind() == Tok.NUM) {
                    return new Ast.Special(Tok.DIR, proto, true, t.value(), DIR_MASK, null, null, col);
                }
                Integer v = t.kind() == Tok.ID ? DIRS.get(t.text()) : null;
                if (v == null) {
                    throw parser.failAt(at, "unknown 802.11 direction", "nods, tods, fromds, dstods or a number");
                }
                return new Ast.Special(Tok.DIR, proto, true, v, DIR_MASK, null, null, col);
            }
        }
    }

    private static int typeValue(Parser parser) throws Parser.Fail {
        int at = parser.position();
        Lexer.Token t = parser.take();
        if (t.kind() == Tok.NUM) {
            if ((t.value() & ~TYPE_MASK) != 0) {
                throw parser.failAt(at, String.format("invalid 802.11 type value 0x%02x", t.value()),
                        "a type value 0x0, 0x4 or 0x8");
            }
            return (int) t.value();
        }
        Integer v = t.kind() == Tok.ID ? TYPES.get(t.text()) : null;
        if (v == null) {
            throw parser.failAt(at, "unknown 802.11 type name \"" + t.text() + "\"", "mgt, ctl or data");
        }
        return v;
    }

    private static int subtypeValue(Parser parser, int type) throws Parser.Fail {
        int at = parser.position();
        Lexer.Token t = parser.take();
        if (t.kind() == Tok.NUM) {
            if ((t.value() & ~SUBTYPE_MASK) != 0) {
                throw parser.failAt(at, String.format("invalid 802.11 subtype value 0x%02x", t.value()),
                        "a subtype value that is a multiple of 0x10 up to 0xf0");
            }
            return (int) t.value();
        }
        Integer v = t.kind() == Tok.ID ? subtypes(type).get(t.text()) : null;
        if (v == null) {
            throw parser.failAt(at, "unknown 802.11 subtype name \"" + t.text() + "\"", "an 802.11 subtype name");
        }
        return v;
    }
}
