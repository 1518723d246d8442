package dev.trawl.cli.print;

import static dev.trawl.cli.print.EsisPrinter.need;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Clnp;

/**
 * CLNP (ISO 8473) as tcpdump prints it: {@code CLNP, 49.0001.1921.6800.1001.00 > 49.0001.1921.6800.1002.00, Data,
 * length 100}; with {@code -v} the fixed part with its checksum's verdict, flags, addresses, the segmentation part,
 * the options (discard reason, QoS, security, priority, source routing and route recording) and a dump of what
 * follows the header, or the PDU an error report quotes. A header tcpdump rejects prints its complaint and a dump of
 * the PDU; where the captured bytes end it prints {@code [|clnp]}. Not thread-safe.
 */
final class ClnpPrinter implements LayerPrinter {
    private static final int VERSION = 1;
    private static final int NLPID_CLNP = 0x81;
    private static final int ERROR_REPORT = 1;
    private static final int ECHO_RESPONSE = 31;
    private static final int SEGMENTATION_PERMITTED = 0x80;
    private static final int SEGMENT_PART_LENGTH = 6;
    private static final int DISCARD_REASON = 193;
    private static final int QOS_MAINTENANCE = 195;
    private static final int SECURITY = 197;
    private static final int SOURCE_ROUTING = 200;
    private static final int ROUTE_RECORDING = 203;
    private static final int PADDING = 204;
    private static final int PRIORITY = 205;
    private static final int SCOPE_MASK = 0xC0;
    private static final int SCOPE_GLOBAL = 0xC0;
    /** The names of the flags, from the high bit down, as tcpdump lists them. */
    private static final String[] FLAGS = {"Segmentation permitted", "more Segments", "request Error Report"};
    /** The names of the QoS flags of the globally unique format, its low six bits from the high bit down. */
    private static final String[] QOS_FLAGS = {"", "", "reserved", "sequencing vs. delay", "congested",
        "delay vs. cost", "error vs. delay", "error vs. cost"};
    private static final String ADDRESSES_LONGER_THAN_HEADER = "li < size of fixed part of CLNP header and addresses";

    /** Returned by {@link #pdu} when tcpdump gives up on the header. */
    private static final int REJECTED = -1;
    /** Returned by {@link #pdu} when the PDU is printed. */
    private static final int DONE = -2;

    private final Clnp view = new Clnp();

    @Override
    public void print(PrintContext c, int layer) {
        OsiPrinter.linkHeader(c, layer, NLPID_CLNP);
        printAt(c, c.packet().offset(layer), LlcPrinter.frameLength(c, layer));
    }

    /**
     * Prints the CLNP PDU at absolute index {@code start} of the packet, {@code length} bytes long on the wire:
     * the layer's own text, and that of a PDU a link layer hands to tcpdump's OSI printer without decode naming it.
     */
    void printAt(PrintContext c, int start, int length) {
        DecodedPacket p = c.packet();
        Clnp m = view.wrap(p.buffer(), start, p.end() - start);
        try {
            int result = pdu(c, m, length);
            if (result == REJECTED) {
                TlvText.dump(c.out(), view.wrap(p.buffer(), start, p.end() - start), 0, length, "\n\t");
                return;
            }
            // An error report quotes the PDU it reports on: tcpdump prints that one the same way, and ignores
            // whether it rejects it. Each quoted PDU starts further on, so the loop ends.
            while (result >= 0) {
                length -= m.lengthIndicator();
                m.wrap(p.buffer(), m.offset() + result, p.end() - m.offset() - result);
                result = pdu(c, m, length);
            }
        } catch (Truncated t) {
            c.truncated("clnp");
        }
    }

    /**
     * Prints the PDU {@code m} points at: {@link #DONE}, {@link #REJECTED}, or where in it the PDU it quotes starts.
     */
    private static int pdu(PrintContext c, Clnp m, int length) {
        Out out = c.out();
        need(m, 0, Clnp.HEADER_LENGTH);
        int li = m.lengthIndicator();
        if (!c.linkHeader()) {
            out.ascii("CLNP");
        }
        if (m.version() != VERSION) {
            out.ascii("version ").num(m.version()).ascii(" packet not supported");
            return REJECTED;
        }
        if (li > length) {
            out.ascii(" length indicator(").num(li).ascii(") > PDU size (").num(length).ascii(")!");
            return REJECTED;
        }
        if (li < Clnp.HEADER_LENGTH) {
            EsisPrinter.tooShort(out, m, li);
            return REJECTED;
        }
        int type = m.pduType();
        int flags = m.flags();
        int at = Clnp.HEADER_LENGTH;
        int rest = li - Clnp.HEADER_LENGTH;
        if (rest < 1) {
            out.ascii(ADDRESSES_LONGER_THAN_HEADER);
            return REJECTED;
        }
        need(m, at, 1);
        int dstLength = m.byteAt(at++);
        rest--;
        if (rest < dstLength) {
            out.ascii(ADDRESSES_LONGER_THAN_HEADER);
            return REJECTED;
        }
        need(m, at, dstLength);
        int dst = at;
        at += dstLength;
        rest -= dstLength;
        if (rest < 1) {
            out.ascii(ADDRESSES_LONGER_THAN_HEADER);
            return REJECTED;
        }
        need(m, at, 1);
        int srcLength = m.byteAt(at++);
        rest--;
        if (rest < srcLength) {
            out.ascii(ADDRESSES_LONGER_THAN_HEADER);
            return REJECTED;
        }
        need(m, at, srcLength);
        int src = at;
        at += srcLength;
        rest -= srcLength;
        String sep = c.linkHeader() ? "" : ", ";
        if (c.verbose() < 1) {
            out.ascii(sep);
            IsisDetail.nsap(out, m, src, srcLength);
            out.ascii(" > ");
            IsisDetail.nsap(out, m, dst, dstLength);
            out.ascii(", ").ascii(typeName(type)).ascii(", length ").num(length);
            return DONE;
        }
        out.ascii(sep).ascii("length ").num(length).ascii("\n\t").ascii(typeName(type)).ascii(" PDU, hlen: ").num(li)
                .ascii(", v: ").num(m.version()).ascii(", lifetime: ").num(m.lifetime() / 2).ch('.')
                .num(m.lifetime() % 2 * 5).ascii("s, Segment PDU length: ").num(m.segmentLength())
                .ascii(", checksum: 0x").hex(m.checksum(), 4);
        EsisPrinter.checksum(out, m.checksum(), m.expectedChecksum());
        out.ascii("\n\tFlags [");
        IsisDetail.highFirst(out, flags, FLAGS, "none");
        out.ascii("]\n\tsource address (length ").num(srcLength).ascii("): ");
        IsisDetail.nsap(out, m, src, srcLength);
        out.ascii("\n\tdest   address (length ").num(dstLength).ascii("): ");
        IsisDetail.nsap(out, m, dst, dstLength);
        if ((flags & SEGMENTATION_PERMITTED) != 0) {
            if (rest < SEGMENT_PART_LENGTH) {
                out.ascii("li < size of fixed part of CLNP header, addresses, and segment part");
                return REJECTED;
            }
            need(m, at, SEGMENT_PART_LENGTH);
            out.ascii("\n\tData Unit ID: 0x").hex(m.shortAt(at), 4).ascii(", Segment Offset: ").num(m.shortAt(at + 2))
                    .ascii(", Total PDU Length: ").num(m.shortAt(at + 4));
            at += SEGMENT_PART_LENGTH;
            rest -= SEGMENT_PART_LENGTH;
        }
        while (rest != 0) {
            if (rest < 2) {
                out.ascii(", bad opts/li");
                return REJECTED;
            }
            need(m, at, 2);
            int op = m.byteAt(at);
            int n = m.byteAt(at + 1);
            at += 2;
            rest -= 2;
            if (n > rest) {
                out.ascii(", opt (").num(op).ascii(") too long");
                return REJECTED;
            }
            need(m, at, n);
            rest -= n;
            out.ascii("\n\t  ").ascii(optionName(op)).ascii(" Option #").num(op).ascii(", length ").num(n)
                    .ascii(", value: ");
            if (!option(out, m, op, at, n)) {
                return REJECTED;
            }
            if (c.verbose() > 1) {
                TlvText.dump(out, m, at, n, "\n\t  ");
            }
            at += n;
        }
        if (type == ERROR_REPORT || type == ECHO_RESPONSE) {
            need(m, at, 1);
            if (m.byteAt(at) == NLPID_CLNP) {
                out.ascii("\n\t-----original packet-----\n\t");
                return at;
            }
        }
        if (length > at) {
            out.ascii("\n\t  undecoded non-header data, length ").num(length - li);
            TlvText.dump(out, m, at, length - at, "\n\t  ");
        }
        return DONE;
    }

    /** Prints an option's value; false when tcpdump finds it too short and gives up on the PDU. */
    private static boolean option(Out out, Clnp m, int op, int at, int n) {
        switch (op) {
            case ROUTE_RECORDING, SOURCE_ROUTING -> {
                if (n < 2) {
                    out.ascii(", bad opt len");
                    return false;
                }
                int kind = m.byteAt(at);
                out.ascii(kind == 0 ? "partial" : kind == 1 ? "complete" : "Unknown").ch(' ')
                        .ascii(op == SOURCE_ROUTING ? "source routing" : "recording of route in progress");
                int offset = m.byteAt(at + 1);
                if (offset == 0) {
                    out.ascii(" Bad NSAP offset (0)");
                    return true;
                }
                offset -= 1;
                if (offset > n) {
                    out.ascii(" Bad NSAP offset (past end of option)");
                    return true;
                }
                // tcpdump reads each address's length from the same byte, the list's first: it never steps on
                int list = at + offset;
                for (int left = n - offset; left > 0; ) {
                    int length = m.byteAt(list);
                    if (left < length + 1) {
                        out.ascii("\n\t    NSAP address goes past end of option");
                        break;
                    }
                    if (length > 0) {
                        out.ascii("\n\t    NSAP address (length ").num(length).ascii("): ");
                        IsisDetail.nsap(out, m, list + 1, length);
                    }
                    left -= length + 1;
                }
            }
            case PRIORITY -> {
                if (n < 1) {
                    out.ascii(", bad opt len");
                    return false;
                }
                out.ascii("0x").hex(m.byteAt(at) & 0x0F);
            }
            case QOS_MAINTENANCE -> {
                if (n < 1) {
                    out.ascii(", bad opt len");
                    return false;
                }
                int v = m.byteAt(at);
                out.ascii("\n\t    Format Code: ").ascii(scope(v));
                if ((v & SCOPE_MASK) == SCOPE_GLOBAL) {
                    out.ascii("\n\t    QoS Flags [");
                    IsisDetail.highFirst(out, v & 0x3F, QOS_FLAGS, "none");
                    out.ch(']');
                }
            }
            case SECURITY -> {
                if (n < 2) {
                    out.ascii(", bad opt len");
                    return false;
                }
                out.ascii("\n\t    Format Code: ").ascii(scope(m.byteAt(at))).ascii(", Security-Level ")
                        .num(m.byteAt(at + 1));
            }
            case DISCARD_REASON -> {
                if (n < 1) {
                    out.ascii(", bad opt len");
                    return false;
                }
                int major = m.byteAt(at) >> 4;
                int minor = m.byteAt(at) & 0x0F;
                out.ascii("\n\t    Class: ").ascii(discardClass(major)).ascii(" Error (0x").hex(major)
                        .ascii("), ").ascii(discardReason(major, minor)).ascii(" (0x").hex(minor).ch(')');
            }
            case PADDING -> out.ascii("padding data");
            default -> TlvText.dump(out, m, at, n, "\n\t  ");
        }
        return true;
    }

    private static String scope(int v) {
        return switch (v & SCOPE_MASK) {
            case 0x40 -> "Source Address Specific";
            case 0x80 -> "Destination Address Specific";
            case SCOPE_GLOBAL -> "Globally unique";
            default -> "Reserved";
        };
    }

    private static String typeName(int type) {
        return switch (type) {
            case ERROR_REPORT -> "Error Report";
            case 28 -> "Data";
            case 29 -> "MD";
            case 30 -> "Echo Request";
            case ECHO_RESPONSE -> "Echo Response";
            default -> "unknown (" + type + ")";
        };
    }

    private static String optionName(int op) {
        return switch (op) {
            case DISCARD_REASON -> "Discard Reason";
            case PRIORITY -> "Priority";
            case QOS_MAINTENANCE -> "QoS Maintenance";
            case SECURITY -> "Security";
            case SOURCE_ROUTING -> "Source Routing";
            case ROUTE_RECORDING -> "Route Recording";
            case PADDING -> "Padding";
            default -> "Unknown";
        };
    }

    private static String discardClass(int major) {
        return switch (major) {
            case 0x0 -> "General";
            case 0x8 -> "Address";
            case 0x9 -> "Source Routeing";
            case 0xa -> "Lifetime";
            case 0xb -> "PDU Discarded";
            case 0xc -> "Reassembly";
            default -> "Unknown";
        };
    }

    private static String discardReason(int major, int minor) {
        String[] names = switch (major) {
            case 0x0 -> new String[] {"Reason not specified", "Protocol procedure error", "Incorrect checksum",
                "PDU discarded due to congestion", "Header syntax error (cannot be parsed)",
                "Segmentation needed but not permitted", "Incomplete PDU received", "Duplicate option"};
            case 0x8 -> new String[] {"Destination address unreachable", "Destination address unknown"};
            case 0x9 -> new String[] {"Unspecified source routeing error", "Syntax error in source routeing field",
                "Unknown address in source routeing field", "Path not acceptable"};
            case 0xa -> new String[] {"Lifetime expired while data unit in transit",
                "Lifetime expired during reassembly"};
            case 0xb -> new String[] {"Unsupported option not specified", "Unsupported protocol version",
                "Unsupported security option", "Unsupported source routeing option",
                "Unsupported recording of route option"};
            case 0xc -> new String[] {"Reassembly interference"};
            default -> new String[0];
        };
        return minor < names.length ? names[minor] : "Unknown";
    }
}
