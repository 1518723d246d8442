package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Wb;

/**
 * LBL's whiteboard ({@code wb}) as tcpdump prints it: {@code * wb-prep: 1/10.0.0.1:2<10.0.0.2:3>}, one form per
 * message type, and with {@code -v} the drawing operations a repair reply or drawing message carries. A body
 * shorter than its type needs prints {@code (invalid)}. decode does not dissect wb (Wireshark has no dissector
 * for it), so {@link UdpPortPrinters} hands the payload of UDP port 4567 here. Not thread-safe.
 */
final class WbPrinter implements LayerPrinter {
    private static final int DRAWOP = 0;
    private static final int ID = 1;
    private static final int RREQ = 2;
    private static final int RREP = 3;
    private static final int KILL = 4;
    private static final int PREQ = 5;
    private static final int PREP = 7;
    private static final String[] DRAWOPS = {null, null, "RECT", "LINE", "ML", "DEL", "XFORM", "ELL", "CHAR",
        "STR", "NOP", "PSCODE", "PSCOMP", "REF", "SKIP", "HOLE"};
    /** What a print method returns: done, the body too short for its type, or the capture ended. */
    private static final int OK = 0;
    private static final int INVALID = -1;
    private static final int TRUNCATED = -2;

    private final Wb view = new Wb();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        Wb m = view.wrap(p.buffer(), p.offset(layer), UdpPortPrinters.captured(c, layer));
        int length = BabelPrinter.datagramLength(c, layer);
        if (length < Wb.HEADER_LENGTH) {
            out.ascii(" (invalid)");
            return;
        }
        if (!m.has(0, Wb.HEADER_LENGTH)) {
            c.truncated("wb");
            return;
        }
        int len = length - Wb.HEADER_LENGTH;
        if (m.flags() != 0) {
            out.ch('*');
        }
        int type = m.type();
        int at = Wb.HEADER_LENGTH;
        int result = switch (type) {
            case KILL -> {
                out.ascii(" wb-kill");
                yield OK;
            }
            case ID -> id(c, m, at, len);
            case RREQ -> repairRequest(c, m, at, len);
            case RREP -> repairReply(c, m, at, len);
            case DRAWOP -> drawing(c, m, at, len);
            case PREQ -> pageRequest(c, m, at, len);
            case PREP -> pageReply(c, m, at, len);
            default -> {
                out.ascii(" wb-").num(type).ch('!');
                yield INVALID;
            }
        };
        if (result == INVALID) {
            out.ascii(" (invalid)");
        } else if (result == TRUNCATED) {
            c.truncated("wb");
        }
    }

    private static int id(PrintContext c, Wb m, int at, int len) {
        Out out = c.out();
        out.ascii(" wb-id:");
        int fixed = 28;
        if (len < fixed) {
            return INVALID;
        }
        len -= fixed;
        if (!m.has(at, 24)) {
            return TRUNCATED;
        }
        out.ch(' ').num(m.intAt(at + 12)).ch('/');
        c.ipv4((int) m.intAt(at + 16));
        out.ch(':').num(m.intAt(at + 20)).ascii(" (max ").num(m.intAt(at)).ch('/');
        c.ipv4((int) m.intAt(at + 4));
        out.ch(':').num(m.intAt(at + 8)).ascii(") ");
        if (!m.has(at, fixed)) {
            return TRUNCATED;
        }
        int ids = m.shortAt(at + 24);
        if (len < 8 * ids) {
            return INVALID;
        }
        len -= 8 * ids;
        int io = at + fixed;
        char sep = '<';
        for (int i = 0; i < ids; i++, io += 8) {
            if (!m.has(io, 8)) {
                return TRUNCATED;
            }
            out.ch(sep);
            c.ipv4((int) m.intAt(io));
            out.ch(':').num(m.intAt(io + 4));
            sep = ',';
        }
        out.ascii("> \"");
        for (int i = 0; i < len; i++) {
            if (!m.has(io + i, 1)) {
                return TRUNCATED;
            }
            int b = m.byteAt(io + i);
            if (b == 0) {
                break;
            }
            VrrpPrinter.printable(out, b);
        }
        out.ch('"');
        return OK;
    }

    private static int repairRequest(PrintContext c, Wb m, int at, int len) {
        Out out = c.out();
        int fixed = fixed(out, " wb-rreq:", m, at, len, 20);
        if (fixed != OK) {
            return fixed;
        }
        out.ascii(" please repair ");
        c.ipv4((int) m.intAt(at));
        out.ch(' ');
        page(c, m, at + 4);
        out.ch('<').num(m.intAt(at + 12)).ch(':').num(m.intAt(at + 16)).ch('>');
        return OK;
    }

    private static int repairReply(PrintContext c, Wb m, int at, int len) {
        Out out = c.out();
        int fixed = fixed(out, " wb-rrep:", m, at, len, 20);
        if (fixed != OK) {
            return fixed;
        }
        out.ascii(" for ");
        c.ipv4((int) m.intAt(at));
        out.ch(' ');
        return operations(c, m, at + 4);
    }

    private static int drawing(PrintContext c, Wb m, int at, int len) {
        Out out = c.out();
        int fixed = fixed(out, " wb-dop:", m, at, len, 16);
        if (fixed != OK) {
            return fixed;
        }
        out.ch(' ');
        return operations(c, m, at);
    }

    /** A page and sequence range, {@code 10.0.0.1:2<3:4>}, and with {@code -v} the operations after it. */
    private static int operations(PrintContext c, Wb m, int dop) {
        Out out = c.out();
        page(c, m, dop);
        long start = m.intAt(dop + 8);
        long end = m.intAt(dop + 12);
        out.ch('<').num(start).ch(':').num(end).ch('>');
        if (c.verbose() == 0) {
            return OK;
        }
        out.ascii(" <");
        int op = dop + 16;
        for (long seq = start; seq <= end; seq = (seq + 1) & 0xFFFF_FFFFL) { // C's counter wraps
            if (!m.has(op + 7, 1)) {
                return TRUNCATED;
            }
            int type = m.byteAt(op + 7);
            out.ch(' ');
            if (type < DRAWOPS.length && DRAWOPS[type] != null) {
                out.ascii(DRAWOPS[type]);
            } else {
                out.ascii("dop-").num(type).ch('!');
            }
            if (type == 14 || type == 15) { // a skip or a hole jumps to the sequence number it holds
                if (!m.has(op, 4)) {
                    return TRUNCATED;
                }
                long to = m.intAt(op);
                out.num((to - seq + 1) & 0xFFFF_FFFFL);
                if (seq > to || to > end) {
                    out.ascii("[|]");
                    if (to < seq) {
                        return OK;
                    }
                }
                seq = to;
            }
            if (!m.has(op + 4, 2)) {
                return TRUNCATED;
            }
            op += (m.shortAt(op + 4) + 8 + 3) & ~3;
        }
        out.ascii(" >");
        return OK;
    }

    private static int pageRequest(PrintContext c, Wb m, int at, int len) {
        Out out = c.out();
        out.ascii(" wb-preq:");
        if (len < 16) {
            return INVALID;
        }
        if (!m.has(at, 12)) {
            return TRUNCATED;
        }
        out.ascii(" need ").num(m.intAt(at + 8)).ch('/');
        page(c, m, at);
        return m.has(at, 16) ? OK : TRUNCATED;
    }

    private static int pageReply(PrintContext c, Wb m, int at, int len) {
        Out out = c.out();
        out.ascii(" wb-prep:");
        if (len < 4) {
            return INVALID;
        }
        if (!m.has(at, 4)) {
            return TRUNCATED;
        }
        long n = m.intAt(at);
        int ps = at + 4;
        for (; n != 0; n--) {
            if (!m.has(ps, 12)) {
                return TRUNCATED;
            }
            out.ch(' ').num(m.intAt(ps)).ch('/');
            page(c, m, ps + 4);
            if (!m.has(ps, 16)) {
                return TRUNCATED;
            }
            int ids = m.byteAt(ps + 12); // tcpdump reads the high byte of the 16-bit count
            int io = ps + 16;
            char sep = '<';
            for (int i = 0; i < ids; i++, io += 8) {
                if (!m.has(io, 8)) {
                    return TRUNCATED;
                }
                out.ch(sep);
                c.ipv4((int) m.intAt(io));
                out.ch(':').num(m.intAt(io + 4));
                sep = ',';
            }
            out.ch('>');
            ps = io;
        }
        return OK;
    }

    /** Writes the type's name; then whether the body holds its {@code size} fixed bytes, and they were captured. */
    private static int fixed(Out out, String name, Wb m, int at, int len, int size) {
        out.ascii(name);
        return len < size ? INVALID : m.has(at, size) ? OK : TRUNCATED;
    }

    /** A page id, {@code 10.0.0.1:2}. */
    private static void page(PrintContext c, Wb m, int at) {
        c.ipv4((int) m.intAt(at));
        c.out().ch(':').num(m.intAt(at + 4));
    }
}
