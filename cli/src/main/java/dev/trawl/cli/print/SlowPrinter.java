package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.SlowProtocol;

/**
 * The slow protocols as tcpdump prints them: {@code LACPv1, length 110}, with {@code -v} the actor, partner and
 * collector records of LACP and the records of the marker protocol; a subtype it does not know as {@code unknown
 * (10), length 52} and a dump of its bytes. Not thread-safe.
 */
final class SlowPrinter implements LayerPrinter {
    private static final int TERMINATOR = 0;
    private static final int ACTOR = 1;
    private static final int PARTNER = 2;
    private static final int COLLECTOR = 3;
    private static final String[] STATE_FLAGS = {"Activity", "Timeout", "Aggregation", "Synchronization",
        "Collecting", "Distributing", "Default", "Expired"};

    private final SlowProtocol slow = new SlowProtocol();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        SlowProtocol s = slow.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = LlcPrinter.frameLength(c, layer);
        if (!s.has(0, 1)) {
            c.truncated("slow");
            return;
        }
        int subtype = s.subtype();
        switch (subtype) {
            case SlowProtocol.LACP, SlowProtocol.MARKER -> {
                if (!s.has(1, 1)) {
                    c.truncated("slow");
                    return;
                }
                out.ascii(subtype == SlowProtocol.LACP ? "LACP" : "MARKER").ch('v').num(s.version())
                        .ascii(", length ").num(length);
            }
            case SlowProtocol.OAM -> out.ascii("OAM, length ").num(length);
            default -> {
                out.ascii("unknown (").num(subtype).ascii("), length ").num(length);
                TlvText.dump(out, s, 0, length, "\n\t");
                return;
            }
        }
        if (c.verbose() == 0 || subtype == SlowProtocol.OAM) {
            return;
        }
        records(c, s, subtype == SlowProtocol.MARKER, length);
    }

    /** The records of LACP or the marker protocol, to the terminator or the end of the PDU. */
    private static void records(PrintContext c, SlowProtocol s, boolean marker, int length) {
        Out out = c.out();
        int rel = SlowProtocol.FIRST_TLV;
        while (rel < length) {
            if (!s.has(rel, 2)) {
                c.truncated("slow");
                return;
            }
            int type = s.byteAt(rel);
            int tlvLength = s.byteAt(rel + 1);
            out.ascii("\n\t").ascii(tlvName(type, marker)).ascii(" TLV (0x").hex2(type).ascii("), length ")
                    .num(tlvLength);
            if (type == TERMINATOR) {
                return;
            }
            if (tlvLength < 2) {
                out.ascii("\n\t  ERROR: illegal length - should be >= 2");
                return;
            }
            int value = rel + 2;
            int valueLength = tlvLength - 2;
            if (!s.has(value, valueLength)) {
                c.truncated("slow");
                return;
            }
            if (!marker && (type == ACTOR || type == PARTNER) && valueLength >= 16) {
                out.ascii("\n\t  System ");
                c.mac(s.macAt(value + 2));
                out.ascii(", System Priority ").num(s.shortAt(value)).ascii(", Key ").num(s.shortAt(value + 8))
                        .ascii(", Port ").num(s.shortAt(value + 12)).ascii(", Port Priority ")
                        .num(s.shortAt(value + 10)).ascii("\n\t  State Flags [");
                TlvText.bitNames(out, s.byteAt(value + 14), STATE_FLAGS, "none");
                out.ch(']');
            } else if (!marker && type == COLLECTOR && valueLength >= 2) {
                out.ascii("\n\t  Max Delay ").num(s.shortAt(value));
            } else if (marker && (type == 1 || type == 2) && valueLength >= 12) {
                out.ascii("\n\t  Request System ");
                c.mac(s.macAt(value + 2));
                out.ascii(", Request Port ").num(s.shortAt(value)).ascii(", Request Transaction ID 0x")
                        .hex(s.intAt(value + 8), 8);
            } else {
                TlvText.dump(out, s, value, valueLength, "\n\t  ");
            }
            rel += tlvLength;
        }
    }

    private static String tlvName(int type, boolean marker) {
        if (type == TERMINATOR) {
            return "Terminator";
        }
        if (marker) {
            return switch (type) {
                case 1 -> "Marker Information";
                case 2 -> "Marker Response Information";
                default -> "Unknown";
            };
        }
        return switch (type) {
            case ACTOR -> "Actor Information";
            case PARTNER -> "Partner Information";
            case COLLECTOR -> "Collector Information";
            default -> "Unknown";
        };
    }
}
