package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.LispControl;

/**
 * LISP control messages as tcpdump prints them: {@code LISP-Map-Register, 2 record(s),} and one line per EID
 * record with its locators ({@code EID 10.30.1.100/32, 1 locator(s) LOC 20.20.8.253}), then the xTR-ID and site
 * ID or the bytes left over; with {@code -v} the flags, the authentication data and each record's and locator's
 * fields. tcpdump decodes Map-Register and Map-Notify only, and stops at an EID or locator family other than IPv4
 * and IPv6. Not thread-safe.
 */
final class LispPrinter implements LayerPrinter {
    private static final int AFI_IPV4 = 1;
    private static final int AFI_IPV6 = 2;
    private static final int RECORD_LENGTH = 12;
    private static final int LOCATOR_LENGTH = 8;
    private static final long[] REGISTER_FLAGS = {0x08000000L, 0x04000000L, 0x02000000L, 0x01000000L, 0x100L};
    private static final String[] REGISTER_FLAG_NAMES = {"P-Proxy-Map-Reply", "S-LISP-SEC-Capable",
        "I-xTR-ID-Present", "R-Build-For-RTR", "M-Want-Map-Notify"};
    private static final long[] NOTIFY_FLAGS = {0x08000000L, 0x04000000L};
    private static final String[] NOTIFY_FLAG_NAMES = {"I-xTR-ID-Present", "R-Build-For-RTR"};
    private static final long[] LOCATOR_FLAGS = {4, 2, 1};
    private static final String[] LOCATOR_FLAG_NAMES = {"Local-Locator", "RLoc-Probed", "Reachable"};
    private static final String[] ACTIONS = {"No-Action", "Natively-Forward", "Send-Map-Request", "Drop"};

    private final LispControl view = new LispControl();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        LispControl m = view.wrap(p.buffer(), p.offset(layer), UdpPortPrinters.captured(c, layer));
        int length = BabelPrinter.datagramLength(c, layer);
        boolean v = c.verbose() > 0;
        if (!m.has(0, LispControl.HEADER_LENGTH)) {
            c.truncated("lisp");
            return;
        }
        int type = m.type();
        out.ascii(typeName(type)).ch(',');
        if (v && type == LispControl.MAP_REGISTER) {
            flags(out.ascii(" flags ["), m.flagWord(), REGISTER_FLAGS, REGISTER_FLAG_NAMES).ascii("],");
        } else if (v && type == LispControl.MAP_NOTIFY) {
            flags(out.ascii(" flags ["), m.flagWord(), NOTIFY_FLAGS, NOTIFY_FLAG_NAMES).ascii("],");
        }
        if (type != LispControl.MAP_REGISTER && type != LispControl.MAP_NOTIFY) {
            return;
        }
        int records = m.recordCount();
        int at = LispControl.HEADER_LENGTH;
        if (v) {
            out.ascii("\n    ").num(records).ascii(" record(s), Authentication ").ascii(switch (m.keyId()) {
                case 0 -> "None";
                case 1 -> "SHA1";
                case 2 -> "SHA256";
                default -> "unknown-type";
            }).ch(',');
            if (!hex(c, m, at, m.authDataLength(), "\n    Authentication-Data: ")) {
                return;
            }
        } else {
            out.ch(' ').num(records).ascii(" record(s),");
        }
        at = (at + m.authDataLength()) & 0xFFFF; // tcpdump keeps the offset in 16 bits
        if (records == 0) {
            out.ascii(" (invalid)");
            return;
        }
        while (length > at && records != 0) {
            records--;
            if (!m.has(at, RECORD_LENGTH)) {
                c.truncated("lisp");
                return;
            }
            out.ch('\n');
            int record = at;
            at = (at + RECORD_LENGTH) & 0xFFFF;
            if (v) {
                int action = m.byteAt(record + 6);
                out.ascii("      Record TTL ").num(m.intAt(record)).ch(',')
                        .ascii((action & 0x10) != 0 ? " Authoritative," : " Non-Authoritative,")
                        .ch(' ').ascii(ACTIONS.length > action >>> 5 ? ACTIONS[action >>> 5] : "unknown").ch(',')
                        .ascii(" Map Version: ").num(m.shortAt(record + 8) & 0x0FFF).ch(',');
            }
            int size = addressSize(m.shortAt(record + 10));
            if (size == 0) {
                return; // tcpdump does not decode LCAF or other families
            }
            if (!m.has(at, size)) {
                c.truncated("lisp");
                return;
            }
            out.ascii(" EID ");
            TlvText.address(c, m, at, size);
            out.ch('/').num(m.byteAt(record + 5)).ch(',');
            at = (at + size) & 0xFFFF;
            int locators = m.byteAt(record + 4);
            out.ch(' ').num(locators).ascii(" locator(s)");
            for (; locators != 0; locators--) {
                if (!m.has(at, LOCATOR_LENGTH)) {
                    c.truncated("lisp");
                    return;
                }
                int locator = at;
                at = (at + LOCATOR_LENGTH) & 0xFFFF;
                if (v) {
                    out.ascii("\n       ");
                }
                int locatorSize = addressSize(m.shortAt(locator + 6));
                if (locatorSize != 0) {
                    if (!m.has(at, locatorSize)) {
                        c.truncated("lisp");
                        return;
                    }
                    out.ascii(" LOC ");
                    TlvText.address(c, m, at, locatorSize);
                    at = (at + locatorSize) & 0xFFFF;
                }
                if (v) {
                    out.ascii("\n          Priority/Weight ").num(m.byteAt(locator)).ch('/').num(m.byteAt(locator + 1))
                            .ascii(", Multicast Priority/Weight ").num(m.byteAt(locator + 2)).ch('/')
                            .num(m.byteAt(locator + 3)).ch(',');
                    flags(out.ascii(" flags ["), m.shortAt(locator + 4), LOCATOR_FLAGS, LOCATOR_FLAG_NAMES)
                            .ascii("],");
                }
            }
        }
        if (m.xtrIdPresent()) {
            if (!m.has(at, 24)) {
                out.ascii(" (invalid)");
                return;
            }
            hex(c, m, at, 16, "\n    xTR-ID: ");
            out.ascii("\n    SITE-ID: ").ascii(Long.toUnsignedString(m.intAt(at + 16) << 32 | m.intAt(at + 20)));
        } else if (m.remaining(at) > 0) {
            hex(c, m, at, m.remaining(at), "\n    Data: ");
        }
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0 -> "LISP-Reserved";
            case 1 -> "LISP-Map-Request";
            case 2 -> "LISP-Map-Reply";
            case 3 -> "LISP-Map-Register";
            case 4 -> "LISP-Map-Notify";
            case 8 -> "LISP-Encapsulated-Contol-Message"; // sic, as tcpdump spells it
            default -> "unknown-type-" + type;
        };
    }

    /** The length of an address of this LISP address family, 0 for one tcpdump does not print. */
    private static int addressSize(int afi) {
        return afi == AFI_IPV4 ? 4 : afi == AFI_IPV6 ? 16 : 0;
    }

    /**
     * tcpdump's {@code hex_print}: {@code length} bytes from {@code at} in lines of sixteen after {@code indent};
     * false, after the truncation marker, when the capture ends before them.
     */
    static boolean hex(PrintContext c, LispControl m, int at, int length, String indent) {
        TlvText.dump(c.out(), m, at, length, indent);
        if (length > m.remaining(at)) {
            c.truncated("lisp");
            return false;
        }
        return true;
    }

    /** The names of the set bits of {@code value}, in the table's order as tcpdump's {@code bittok2str}. */
    static Out flags(Out out, long value, long[] masks, String[] names) {
        String sep = "";
        for (int i = 0; i < masks.length; i++) {
            if ((value & masks[i]) != 0) {
                out.ascii(sep).ascii(names[i]);
                sep = ", ";
            }
        }
        return out.ascii(sep.isEmpty() ? "none" : "");
    }
}
