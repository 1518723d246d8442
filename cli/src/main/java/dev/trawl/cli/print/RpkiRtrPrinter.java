package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.RpkiRtr;

/**
 * The RPKI to router protocol as tcpdump prints it: {@code , RPKI-RTR} after the TCP header, or with {@code -v}
 * each PDU ({@code RPKI-RTRv0, Serial Notify PDU (0), length: 12} and its fields, an error report's PDU in
 * error once); a PDU of another version ends the packet ({@code RPKI-RTRv177 (unknown)}). Not thread-safe.
 */
final class RpkiRtrPrinter implements LayerPrinter {
    private static final String[] TYPES = {"Serial Notify", "Serial Query", "Reset Query", "Cache Response",
        "IPV4 Prefix", null, "IPV6 Prefix", "End of Data", "Cache Reset", null, "Error Report"};
    private static final String[] ERRORS = {"Corrupt Data", "Internal Error", "No Data Available",
        "Invalid Request", "Unsupported Protocol Version", "Unsupported PDU Type", "Withdrawal of Unknown Record",
        "Duplicate Announcement Received"};
    private static final int ERROR_REPORT = 10;

    private final RpkiRtr view = new RpkiRtr();

    @Override
    public void print(PrintContext c, int layer) {
        if (c.verbose() < 1) {
            c.out().ascii(", RPKI-RTR");
            return;
        }
        DecodedPacket p = c.packet();
        RpkiRtr m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        long left = c.wireLength(layer);
        int at = 0;
        try {
            while (left > 0) {
                long n = pdu(c, m, at, left, true, "\n\t");
                left -= n;
                at += (int) Math.min(n, Integer.MAX_VALUE - at);
            }
        } catch (Truncated t) {
            c.truncatedRead("rpki_rtr");
        }
    }

    /** Prints the PDU at {@code at} with {@code len} bytes left; returns the bytes it took. */
    private static long pdu(PrintContext c, RpkiRtr m, int at, long len, boolean recurse, String indent) {
        Out out = c.out();
        need(m, at, 1);
        if (m.version(at) != 0) {
            out.ascii("\n\tRPKI-RTRv").num(m.version(at)).ascii(" (unknown)");
            return len;
        }
        String inner = indent + "  ";
        if (len < RpkiRtr.HEADER_LENGTH) {
            out.ascii("(").num(len).ascii(" bytes is too few to decode)");
            return invalid(c, m, at, len);
        }
        need(m, at, RpkiRtr.HEADER_LENGTH);
        int type = m.pduType(at);
        long pduLength = m.length(at);
        String name = type < TYPES.length ? TYPES[type] : null;
        out.ascii("\n\tRPKI-RTRv0, ").ascii(name == null ? "Unknown" : name).ascii(" PDU (").num(type)
                .ascii("), length: ").num(pduLength);
        if (pduLength < RpkiRtr.HEADER_LENGTH || pduLength > len) {
            return invalid(c, m, at, len);
        }
        int n = (int) pduLength;
        boolean hexdump = false;
        switch (type) {
            case 0, 1, 7 -> {
                if (n != 12) {
                    return invalid(c, m, at, len);
                }
                need(m, at, 12);
                out.ascii(inner).ascii("Session ID: 0x").hex(m.sessionId(at), 4).ascii(", Serial: ")
                        .num(m.intAt(at + 8));
            }
            case 2, 8 -> {
                if (n != RpkiRtr.HEADER_LENGTH) {
                    return invalid(c, m, at, len);
                }
            }
            case 3 -> {
                if (n != RpkiRtr.HEADER_LENGTH) {
                    return invalid(c, m, at, len);
                }
                out.ascii(inner).ascii("Session ID: 0x").hex(m.sessionId(at), 4);
            }
            case 4, 6 -> {
                int address = type == 4 ? 4 : 16;
                if (n != 12 + address + 4) {
                    return invalid(c, m, at, len);
                }
                need(m, at, n);
                out.ascii(inner).ascii(type == 4 ? "IPv4 Prefix " : "IPv6 Prefix ");
                if (type == 4) {
                    c.ipv4((int) m.intAt(at + 12));
                } else {
                    byte[] a = c.addressScratch();
                    for (int i = 0; i < 16; i++) {
                        a[i] = (byte) m.byteAt(at + 12 + i);
                    }
                    c.ipv6(a);
                }
                out.ch('/').num(m.byteAt(at + 9)).ch('-').num(m.byteAt(at + 10)).ascii(", origin-as ")
                        .num(m.intAt(at + 12 + address)).ascii(", flags 0x").hex2(m.byteAt(at + 8));
            }
            case ERROR_REPORT -> {
                long taken = RpkiRtr.HEADER_LENGTH;
                if (n < taken + 4) {
                    return invalid(c, m, at, len);
                }
                need(m, at, (int) taken + 4);
                long encapsulated = m.intAt(at + 8);
                taken += 4;
                int code = m.sessionId(at);
                out.ascii(inner).ascii("Error code: ").ascii(code < ERRORS.length ? ERRORS[code] : "Unknown")
                        .ascii(" (").num(code).ascii("), Encapsulated PDU length: ").num(encapsulated);
                if (encapsulated != 0) {
                    if (n < taken + encapsulated) {
                        return invalid(c, m, at, len);
                    }
                    if (!recurse) {
                        need(m, at, (int) (taken + encapsulated));
                    } else {
                        out.ascii(indent).ascii("    -----encapsulated PDU-----");
                        pdu(c, m, at + (int) taken, encapsulated, false, inner);
                    }
                    taken += encapsulated;
                }
                if (n < taken + 4) {
                    return invalid(c, m, at, len);
                }
                need(m, at, (int) taken + 4);
                long text = m.intAt(at + (int) taken);
                taken += 4;
                if (text != 0) {
                    if (n < taken + text) {
                        return invalid(c, m, at, len);
                    }
                    out.ascii(inner).ascii("Error text: ");
                    int shown = (int) Math.min(text, m.remaining(at + (int) taken));
                    TlvText.text(out, m, at + (int) taken, shown);
                    if (shown < text) {
                        throw Truncated.INSTANCE;
                    }
                }
            }
            default -> {
                need(m, at, n);
                hexdump = true;
            }
        }
        if (c.verbose() > 1 || hexdump) {
            TlvText.dump(out, m, at, n, "\n\t  ");
        }
        return n;
    }

    /** tcpdump's {@code (invalid)}, which ends the packet. */
    private static long invalid(PrintContext c, RpkiRtr m, int at, long len) {
        c.out().ascii(" (invalid)");
        need(m, at, (int) Math.min(len, Integer.MAX_VALUE));
        return len;
    }

    private static void need(RpkiRtr m, int at, int n) {
        if (!m.has(at, n)) {
            throw Truncated.INSTANCE;
        }
    }
}
