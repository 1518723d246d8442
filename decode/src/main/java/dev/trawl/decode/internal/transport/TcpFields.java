package dev.trawl.decode.internal.transport;

import static dev.trawl.decode.field.FieldType.BOOLEAN;
import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.bits;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.intAt;
import static dev.trawl.decode.internal.FieldSupport.needs;
import static dev.trawl.decode.internal.FieldSupport.shortAt;
import static dev.trawl.decode.internal.FieldSupport.u16;
import static dev.trawl.decode.internal.FieldSupport.u32;
import static dev.trawl.decode.internal.FieldSupport.u8;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.field.FieldExtractor;
import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.field.FieldSink;

/** Fields of the TCP header and its options, named as Wireshark names them. Stateless. */
public final class TcpFields {
    private TcpFields() {
    }

    /** The TCP header bytes tshark reads before it shows any field but the ports. */
    private static final int TCP_FIXED = 16;

    /** Registers the fields of {@code tcp}, its options included. */
    public static void register(FieldRegistrar r) {
        DatagramFields.portFields(r, "tcp");
        r.field("tcp.seq_raw", "tcp", UINT, "Sequence number (raw)", (p, i, s) -> {
            // tshark shows the sequence number of a header an ICMPv4 error quotes, but not its raw value
            if (has(p, i, 0, TCP_FIXED) && !quotedByIcmpv4(p, i)) {
                s.integer(u32(p, i, 4));
            }
        });
        r.field("tcp.ack_raw", "tcp", UINT, "Acknowledgment number (raw)", header(intAt(8)));
        r.field("tcp.hdr_len", "tcp", UINT, "Header length", (p, i, s) -> {
            if (has(p, i, 0, TCP_FIXED)) {
                s.integer((u8(p, i, 12) >>> 4) * 4);
            }
        });
        r.field("tcp.flags", "tcp", HEX16, "Flags", header(bits(12, 2, 0x0FFF, 0)));
        r.field("tcp.flags.res", "tcp", BOOLEAN, "Reserved", header(bits(12, 2, 0x0E00, 9)));
        r.field("tcp.flags.ae", "tcp", BOOLEAN, "Accurate ECN", header(bits(12, 2, 0x0100, 8)));
        r.field("tcp.flags.cwr", "tcp", BOOLEAN, "Congestion window reduced", header(bits(12, 2, 0x80, 7)));
        r.field("tcp.flags.ece", "tcp", BOOLEAN, "ECN-Echo", header(bits(12, 2, 0x40, 6)));
        r.field("tcp.flags.urg", "tcp", BOOLEAN, "Urgent", header(bits(12, 2, 0x20, 5)));
        r.field("tcp.flags.ack", "tcp", BOOLEAN, "Acknowledgment", header(bits(12, 2, 0x10, 4)));
        r.field("tcp.flags.push", "tcp", BOOLEAN, "Push", header(bits(12, 2, 0x08, 3)));
        r.field("tcp.flags.reset", "tcp", BOOLEAN, "Reset", header(bits(12, 2, 0x04, 2)));
        r.field("tcp.flags.syn", "tcp", BOOLEAN, "Syn", header(bits(12, 2, 0x02, 1)));
        r.field("tcp.flags.fin", "tcp", BOOLEAN, "Fin", header(bits(12, 2, 0x01, 0)));
        r.field("tcp.window_size_value", "tcp", UINT, "Window", header(shortAt(14)));
        r.field("tcp.checksum", "tcp", HEX16, "Checksum", header(shortAt(16)));
        r.field("tcp.urgent_pointer", "tcp", UINT, "Urgent pointer", header(shortAt(18)));
        r.field("tcp.len", "tcp", UINT, "Segment data length", (p, i, s) -> {
            if (!has(p, i, 0, TCP_FIXED) || (p.flags(i) & LayerFlags.QUOTED) != 0) {
                return; // a header an ICMP error quotes has no segment length in tshark
            }
            int hl = (u8(p, i, 12) >>> 4) * 4;
            int reported = ipReportedLength(p, i);
            if (reported < 0) {
                reported = p.layerEnd(i) - p.offset(i);
            }
            if (hl >= 20 && reported >= hl) {
                s.integer(reported - hl);
            }
        });
        options(r);
    }

    /**
     * A field that tshark shows only once it has read the fixed header and found its length field possible: none
     * of them is shown for a header whose length field is below 20 bytes.
     */
    private static FieldExtractor header(FieldExtractor e) {
        return (p, i, s) -> {
            if (has(p, i, 0, TCP_FIXED) && (u8(p, i, 12) >>> 4) * 4 >= 20) {
                e.extract(p, i, s);
            }
        };
    }

    /**
     * The number of bytes the enclosing IP header says follow layer {@code i}'s start: Wireshark's reported
     * length, which counts bytes the capture cut off. -1 when there is no enclosing IP layer.
     */
    private static int ipReportedLength(DecodedPacket p, int i) {
        for (int j = i - 1; j >= 0; j--) {
            int proto = p.protocol(j);
            if (proto == Protocols.IP && has(p, j, 0, 4)) {
                int hl = (u8(p, j, 0) & 0x0F) * 4;
                int total = u16(p, j, 2);
                if (total == 0) {
                    return p.layerEnd(i) - p.offset(i);
                }
                return total - (p.offset(i) - p.offset(j));
            }
            if (proto == Protocols.IPV6 && has(p, j, 0, 6)) {
                int plen = u16(p, j, 4);
                if (plen == 0) {
                    return p.layerEnd(i) - p.offset(i);
                }
                return plen + 40 - (p.offset(i) - p.offset(j));
            }
        }
        return -1;
    }

    /** Whether layer {@code i} is part of what an ICMP (version 4) error quotes. */
    private static boolean quotedByIcmpv4(DecodedPacket p, int i) {
        if ((p.flags(i) & LayerFlags.QUOTED) == 0) {
            return false;
        }
        for (int j = i - 1; j >= 0; j--) {
            int protocol = p.protocol(j);
            if (protocol == Protocols.ICMP || protocol == Protocols.ICMPV6) {
                return protocol == Protocols.ICMP;
            }
        }
        return false;
    }

    /** Walks the TCP options of layer {@code i}, calling {@code visitor} with each option's relative offset. */
    private interface OptionVisitor {
        void visit(DecodedPacket p, int i, int kind, int rel, int len, FieldSink s);
    }

    private static FieldExtractor options(OptionVisitor visitor) {
        return (p, i, s) -> {
            if (!has(p, i, 0, 20)) {
                return;
            }
            int hl = (u8(p, i, 12) >>> 4) * 4;
            for (int o = 20; o < hl && has(p, i, o, 1);) {
                int kind = u8(p, i, o);
                if (kind == 0 || kind == 1) {
                    visitor.visit(p, i, kind, o, 1, s);
                    if (kind == 0) {
                        return;
                    }
                    o++;
                    continue;
                }
                if (!has(p, i, o + 1, 1)) {
                    return;
                }
                int len = u8(p, i, o + 1);
                if (len < 2 || o + len > hl || !has(p, i, o, len)) {
                    return;
                }
                visitor.visit(p, i, kind, o, len, s);
                o += len;
            }
        };
    }

    private static void options(FieldRegistrar r) {
        r.field("tcp.option_kind", "tcp", UINT, "Option kind",
                options((p, i, kind, o, len, s) -> s.integer(kind)));
        r.field("tcp.options.mss_val", "tcp", UINT, "MSS value", options((p, i, kind, o, len, s) -> {
            if (kind == 2 && len == 4) {
                s.integer(u16(p, i, o + 2));
            }
        }));
        r.field("tcp.options.wscale.shift", "tcp", UINT, "Window scale shift count",
                options((p, i, kind, o, len, s) -> {
                    if (kind == 3 && len == 3) {
                        s.integer(u8(p, i, o + 2));
                    }
                }));
        r.field("tcp.options.sack_perm", "tcp", BOOLEAN, "SACK permitted", options((p, i, kind, o, len, s) -> {
            if (kind == 4) {
                s.integer(1);
            }
        }));
        r.field("tcp.options.sack_le", "tcp", UINT, "SACK left edge (raw)", options((p, i, kind, o, len, s) -> {
            if (kind == 5) {
                for (int b = o + 2; b + 8 <= o + len; b += 8) {
                    s.integer(u32(p, i, b));
                }
            }
        }));
        r.field("tcp.options.sack_re", "tcp", UINT, "SACK right edge (raw)", options((p, i, kind, o, len, s) -> {
            if (kind == 5) {
                for (int b = o + 2; b + 8 <= o + len; b += 8) {
                    s.integer(u32(p, i, b + 4));
                }
            }
        }));
        r.field("tcp.options.timestamp.tsval", "tcp", UINT, "Timestamp value",
                options((p, i, kind, o, len, s) -> {
                    if (kind == 8 && len == 10) {
                        s.integer(u32(p, i, o + 2));
                    }
                }));
        r.field("tcp.options.timestamp.tsecr", "tcp", UINT, "Timestamp echo reply",
                options((p, i, kind, o, len, s) -> {
                    if (kind == 8 && len == 10) {
                        s.integer(u32(p, i, o + 6));
                    }
                }));
    }
}
