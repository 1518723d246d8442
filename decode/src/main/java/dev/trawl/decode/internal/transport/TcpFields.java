package dev.trawl.decode.internal.transport;

import static dev.trawl.decode.field.FieldType.BOOLEAN;
import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.INT;
import static dev.trawl.decode.field.FieldType.RELATIVE_NANOS;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.bits;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.intAt;
import static dev.trawl.decode.internal.FieldSupport.needs;
import static dev.trawl.decode.internal.FieldSupport.shortAt;
import static dev.trawl.decode.internal.FieldSupport.u16;
import static dev.trawl.decode.internal.FieldSupport.u32;
import static dev.trawl.decode.internal.FieldSupport.u8;
import static dev.trawl.decode.internal.FieldSupport.walkOptions;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.conversation.TcpSegment;
import dev.trawl.decode.field.FieldExtractor;
import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.field.FieldType;
import dev.trawl.decode.internal.FieldSupport.OptionVisitor;
import java.util.function.ToLongFunction;

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
            if (reported >= hl) { // also below 20 bytes: tshark counts the length before it checks the header length
                s.integer(reported - hl);
            }
        });
        r.field("tcp.payload", "tcp", FieldType.PLAIN_BYTES, "TCP payload", (p, i, s) -> {
            if (!has(p, i, 0, TCP_FIXED)) {
                return; // a quoted segment (an sFlow sample's) shows what was captured of its payload too
            }
            int hl = (u8(p, i, 12) >>> 4) * 4;
            int end = p.layerEnd(i);
            int reported = ipReportedLength(p, i);
            if (reported >= hl) {
                end = Math.min(end, p.offset(i) + reported);
            }
            // what was captured of the segment: tshark shows none when not one byte of it was
            int from = p.offset(i) + hl;
            if (hl < 20) {
                return;
            }
            if (from == p.reassembledAt()) {
                // the segment completed a message put together behind its header: the payload is its own bytes
                int shift = p.frameStart() - p.start();
                int frameEnd = p.frameStart() + p.capturedLength();
                int stop = reported >= hl ? Math.min(frameEnd, from + shift + reported - hl) : frameEnd;
                if (stop > from + shift) {
                    s.bytes(p.frameBuffer(), from + shift, stop - from - shift);
                }
            } else if (end > from) {
                s.bytes(p.buffer(), from, end - from);
            }
        });
        r.field("tcp.options", "tcp", FieldType.PLAIN_BYTES, "TCP options", (p, i, s) -> {
            if (has(p, i, 0, 20)) {
                int hl = (u8(p, i, 12) >>> 4) * 4;
                int captured = Math.min(hl, p.layerEnd(i) - p.offset(i));
                if (hl > 20 && captured > 20) { // what was captured of them
                    s.bytes(p.buffer(), p.offset(i) + 20, captured - 20);
                }
            }
        });
        options(r);
        conversation(r);
    }

    /**
     * The fields a connection's earlier segments give (Wireshark's stream index, relative numbers and sequence
     * analysis), present when the decoder follows connections ({@link DecodedPacket#tcpSegment}).
     */
    private static void conversation(FieldRegistrar r) {
        tracked(r, "tcp.stream", UINT, "Stream index", TcpSegment::stream);
        tracked(r, "tcp.completeness", UINT, "Conversation completeness", TcpSegment::completeness);
        tracked(r, "tcp.seq", UINT, "Sequence number", TcpSegment::seq);
        tracked(r, "tcp.nxtseq", UINT, "Next sequence number", TcpSegment::nextSeq);
        tracked(r, "tcp.ack", UINT, "Acknowledgment number", TcpSegment::ack);
        tracked(r, "tcp.window_size", UINT, "Calculated window size", TcpSegment::windowSize);
        tracked(r, "tcp.window_size_scalefactor", INT, "Window size scaling factor",
                s -> s.hasWindowScaleFactor() ? s.windowScaleFactor() : TcpSegment.ABSENT);
        tracked(r, "tcp.time_relative", RELATIVE_NANOS, "Time since first frame in this TCP stream",
                TcpSegment::timeRelative);
        tracked(r, "tcp.time_delta", RELATIVE_NANOS, "Time since previous frame in this TCP stream",
                TcpSegment::timeDelta);
        // Wireshark's analysis tree and its flags are fields with no value: present, they print as 1
        tracked(r, "tcp.analysis", BOOLEAN, "SEQ/ACK analysis", s -> s.hasAnalysis() ? 1 : TcpSegment.ABSENT);
        tracked(r, "tcp.analysis.acks_frame", UINT, "This is an ACK to the segment in frame",
                TcpSegment::ackedFrame);
        tracked(r, "tcp.analysis.ack_rtt", RELATIVE_NANOS, "The RTT to ACK the segment was", TcpSegment::ackRtt);
        tracked(r, "tcp.analysis.initial_rtt", RELATIVE_NANOS, "iRTT", TcpSegment::initialRtt);
        tracked(r, "tcp.analysis.bytes_in_flight", UINT, "Bytes in flight", TcpSegment::bytesInFlight);
        tracked(r, "tcp.analysis.push_bytes_sent", UINT, "Bytes sent since last PSH flag",
                TcpSegment::pushBytesSent);
        tracked(r, "tcp.analysis.flags", BOOLEAN, "TCP Analysis Flags", s -> s.flags() != 0 ? 1 : TcpSegment.ABSENT);
        flag(r, "tcp.analysis.retransmission", "Retransmission", TcpSegment.RETRANSMISSION
                | TcpSegment.FAST_RETRANSMISSION | TcpSegment.SPURIOUS_RETRANSMISSION);
        flag(r, "tcp.analysis.fast_retransmission", "Fast retransmission", TcpSegment.FAST_RETRANSMISSION);
        flag(r, "tcp.analysis.spurious_retransmission", "Spurious retransmission",
                TcpSegment.SPURIOUS_RETRANSMISSION);
        flag(r, "tcp.analysis.out_of_order", "Out of order", TcpSegment.OUT_OF_ORDER);
        flag(r, "tcp.analysis.reused_ports", "Reused ports", TcpSegment.REUSED_PORTS);
        flag(r, "tcp.analysis.lost_segment", "Previous segment not captured", TcpSegment.LOST_SEGMENT);
        flag(r, "tcp.analysis.ack_lost_segment", "ACKed segment that wasn't captured",
                TcpSegment.ACK_LOST_SEGMENT);
        flag(r, "tcp.analysis.window_update", "Window update", TcpSegment.WINDOW_UPDATE);
        flag(r, "tcp.analysis.window_full", "Window full", TcpSegment.WINDOW_FULL);
        flag(r, "tcp.analysis.keep_alive", "Keep-alive", TcpSegment.KEEP_ALIVE);
        flag(r, "tcp.analysis.keep_alive_ack", "Keep-alive ACK", TcpSegment.KEEP_ALIVE_ACK);
        // shown twice: as a field of the analysis and as the expert note of the same name
        r.field("tcp.analysis.duplicate_ack", "tcp", BOOLEAN, "Duplicate ACK", (p, i, s) -> {
            TcpSegment segment = p.tcpSegment(i);
            if (segment != null && segment.has(TcpSegment.DUPLICATE_ACK)) {
                s.integer(1);
                s.integer(1);
            }
        });
        tracked(r, "tcp.analysis.duplicate_ack_num", UINT, "Duplicate ACK number", TcpSegment::duplicateAckNumber);
        tracked(r, "tcp.analysis.duplicate_ack_frame", UINT, "Duplicate to the ACK in frame",
                TcpSegment::duplicateAckFrame);
        flag(r, "tcp.analysis.zero_window", "Zero window", TcpSegment.ZERO_WINDOW);
        flag(r, "tcp.analysis.zero_window_probe", "Zero window probe", TcpSegment.ZERO_WINDOW_PROBE);
        flag(r, "tcp.analysis.zero_window_probe_ack", "Zero window probe ACK", TcpSegment.ZERO_WINDOW_PROBE_ACK);
        tracked(r, "tcp.analysis.rto", RELATIVE_NANOS, "The RTO for this segment was", TcpSegment::rto);
        tracked(r, "tcp.analysis.rto_frame", UINT, "RTO based on delta from frame", TcpSegment::rtoFrame);
    }

    /** A field of a followed segment; {@code value} gives {@link TcpSegment#ABSENT} when it is not shown. */
    private static void tracked(FieldRegistrar r, String name, FieldType type, String description,
            ToLongFunction<TcpSegment> value) {
        r.field(name, "tcp", type, description, (p, i, s) -> {
            TcpSegment segment = p.tcpSegment(i);
            if (segment != null) {
                long v = value.applyAsLong(segment);
                if (v != TcpSegment.ABSENT) {
                    s.integer(v);
                }
            }
        });
    }

    /** An analysis flag of a followed segment, set when any of {@code bits} is. */
    private static void flag(FieldRegistrar r, String name, String description, int bits) {
        tracked(r, name, BOOLEAN, description, s -> (s.flags() & bits) != 0 ? 1 : TcpSegment.ABSENT);
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

    /** Calls {@code visitor} with each TCP option of layer {@code i}. */
    private static FieldExtractor options(OptionVisitor visitor) {
        return (p, i, s) -> {
            if (has(p, i, 0, 20)) {
                walkOptions(p, i, 20, (u8(p, i, 12) >>> 4) * 4, s, visitor);
            }
        };
    }

    private static void optionItem(FieldRegistrar r, String name, int kind, String description) {
        r.field(name, "tcp", FieldType.PLAIN_BYTES, description + " option", options((p, i, k, o, len, s) -> {
            if (k == kind) {
                s.bytes(p.buffer(), p.offset(i) + o, len);
            }
        }));
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
        // each option as Wireshark shows it: an item of its own, whose value is the option's bytes
        optionItem(r, "tcp.options.eol", 0, "End of option list");
        optionItem(r, "tcp.options.nop", 1, "No-operation");
        optionItem(r, "tcp.options.mss", 2, "Maximum segment size");
        optionItem(r, "tcp.options.wscale", 3, "Window scale");
        optionItem(r, "tcp.options.sack_perm", 4, "SACK permitted");
        optionItem(r, "tcp.options.sack", 5, "SACK");
        optionItem(r, "tcp.options.timestamp", 8, "Timestamps");
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
