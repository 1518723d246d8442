package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Sflow;

/**
 * sFlow as tcpdump prints it: without {@code -v} {@code sFlowv5, IPv4 agent 10.0.0.1, agent-id 0, length 328};
 * with it the header's counts, then a line per sample and an indented block per flow or counter record with
 * the fields tcpdump decodes (generic, Ethernet, 100BaseVG, VLAN and processor counters; raw packet, Ethernet
 * frame and switch data flow records), a hex dump of records of unknown types at {@code -v}. Like tcpdump, a
 * record's fields are checked against the rest of the datagram, not against the record's own length, and a
 * sample or record too short for its fixed part ends the datagram with {@code (invalid)}. Not thread-safe.
 */
final class SflowPrinter implements LayerPrinter {
    private static final String[] SAMPLE_NAMES = {null, "flow sample", "counter sample", "expanded flow sample",
        "expanded counter sample"};
    private static final String[] COUNTER_NAMES = {null, "Generic counter", "Ethernet counter",
        "Token ring counter", "100 BaseVG counter", "Vlan counter"};
    private static final String[] FLOW_NAMES = {null, "Raw packet", "Ethernet frame", "IPv4 Data", "IPv6 Data"};
    private static final String[] EXTENDED_FLOW_NAMES = {"Extended Switch data", "Extended Router data",
        "Extended Gateway data", "Extended User data", "Extended URL data", "Extended MPLS data",
        "Extended NAT data", "Extended MPLS tunnel", "Extended MPLS VC", "Extended MPLS FEC",
        "Extended MPLS LVP FEC", "Extended VLAN Tunnel"};
    private static final String[] DIRECTIONS = {"unknown", "full-duplex", "half-duplex", "in", "out"};
    private static final String[] RAW_PROTOCOLS = {null, "Ethernet", null, null, null, null, null, null, null,
        null, null, "IPv4", "IPv6"};

    /** A sample or record ran past what tcpdump accepts: the datagram ends with {@code (invalid)}. */
    private static final int INVALID = -1;
    /** A read ran past the captured bytes: the datagram ends with tcpdump's truncation marker. */
    private static final int TRUNCATED = -2;
    /** A record's fixed part is there to print. */
    private static final int PRINT = 1;

    private final Sflow view = new Sflow();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Sflow s = view.wrap(p.buffer(), p.offset(layer), UdpPortPrinters.captured(c, layer));
        Out out = c.out();
        int len = ApplicationPrinters.udpPayload(c, layer);
        if (!s.has(4, 4)) {
            c.truncated("sflow");
            return;
        }
        long type = s.addressType();
        if ((len < 28 && type == Sflow.IPV4) || (len < 40 && type == Sflow.IPV6)) {
            out.ascii("sFlowv").num(s.version()).ascii(" [length ").num(len).ascii(" < 28] (invalid)");
            return;
        }
        if (!s.has(0, 28)) {
            c.truncated("sflow");
            return;
        }
        if (s.version() != 5) {
            out.ascii("sFlow version ").num(s.version()).ascii(" packet not supported");
            return;
        }
        if (!s.has(0, s.headerLength())) {
            c.truncated("sflow");
            return;
        }
        out.ascii("sFlowv5, ").ascii(type == Sflow.IPV4 ? "IPv4" : "IPv6").ascii(" agent ");
        if (type == Sflow.IPV4) {
            c.ipv4(s.agentIpv4());
        } else {
            s.agentIpv6(c.addressScratch());
            c.ipv6(c.addressScratch());
        }
        out.ascii(", agent-id ").num(s.agentId());
        if (c.verbose() == 0) {
            out.ascii(", length ").num(len);
            return;
        }
        out.ascii(", seqnum ").num(s.sequence()).ascii(", uptime ").num(s.uptime()).ascii(", samples ")
                .num(s.samples()).ascii(", length ").num(len);
        int at = s.headerLength();
        int end = Math.max(at, len);
        int result = samples(c, s, at, end, s.samples());
        if (result == INVALID) {
            out.ascii(" (invalid)");
            if (end > s.regionLength()) {
                c.truncated("sflow");
            }
        } else if (result == TRUNCATED) {
            c.truncated("sflow");
        }
    }

    /** Prints up to {@code count} samples between {@code at} and {@code end}; returns 0, INVALID or TRUNCATED. */
    private static int samples(PrintContext c, Sflow s, int at, int end, long count) {
        Out out = c.out();
        for (long n = count; n > 0 && at < end; n--) {
            if (!s.has(at, 8)) {
                return TRUNCATED;
            }
            int sampleType = (int) (s.intAt(at) & 0xFFF);
            long sampleLength = s.intAt(at + 4);
            if (end - at < 8) {
                return INVALID;
            }
            at += 8;
            out.ascii("\n\t").ascii(name(SAMPLE_NAMES, sampleType)).ascii(" (").num(sampleType)
                    .ascii("), length ").num(sampleLength).ch(',');
            if (sampleType == 0 || sampleLength == 0) {
                return 0;
            }
            if (end - at < sampleLength) {
                return INVALID;
            }
            if (!s.has(at, (int) sampleLength)) {
                return TRUNCATED;
            }
            int left = end - at;
            int r = switch (sampleType) {
                case 1 -> sample(c, s, at, left, true, false);
                case 2 -> sample(c, s, at, left, false, false);
                case 3 -> sample(c, s, at, left, true, true);
                case 4 -> sample(c, s, at, left, false, true);
                default -> {
                    if (c.verbose() <= 1) {
                        unknown(c, s, at, (int) sampleLength, "\n\t    ");
                    }
                    yield 0;
                }
            };
            if (r != 0) {
                return r;
            }
            at += (int) sampleLength;
        }
        return 0;
    }

    /** A flow or counter sample's fixed part, then its records; returns 0, INVALID or TRUNCATED. */
    private static int sample(PrintContext c, Sflow s, int at, int left, boolean flow, boolean expanded) {
        int size = flow ? (expanded ? 44 : 32) : (expanded ? 16 : 12);
        if (left < size) {
            return INVALID;
        }
        Out out = c.out();
        out.ascii(" seqnum ").num(s.intAt(at));
        if (expanded) {
            out.ascii(", type ").num(s.intAt(at + 4)).ascii(", idx ").num(s.intAt(at + 8));
        } else {
            out.ascii(", type ").num(s.byteAt(at + 4)).ascii(", idx ").num(s.u24At(at + 5));
        }
        int rest = expanded ? at + 12 : at + 8;
        if (flow) {
            out.ascii(", rate ").num(s.intAt(rest)).ascii(", pool ").num(s.intAt(rest + 4)).ascii(", drops ")
                    .num(s.intAt(rest + 8));
            if (!expanded) {
                out.ascii(", input ").num(s.intAt(rest + 12)).ascii(" output ").num(s.intAt(rest + 16));
            }
        }
        long records = s.intAt(at + size - 4);
        out.ascii(flow && !expanded ? " records " : ", records ").num(records);
        return records(c, s, at + size, left - size, records, !flow);
    }

    private static int counter(PrintContext c, Sflow s, int type, int at, int left, int length) {
        Out out = c.out();
        int need = switch (type) {
            case 1 -> 88;
            case 2 -> 52;
            case 3 -> 0; // token ring: tcpdump prints nothing of it
            case 4 -> 80;
            case 5, 1001 -> 28;
            default -> -1;
        };
        int fits = fits(c, s, need, at, left, length);
        if (fits != PRINT) {
            return fits;
        }
        String l = "\n\t      ";
        switch (type) {
            case 1 -> {
                long direction = s.intAt(at + 16);
                long status = s.intAt(at + 20);
                out.ascii(l).ascii("ifindex ").num(s.intAt(at)).ascii(", iftype ").num(s.intAt(at + 4))
                        .ascii(", ifspeed ").ascii(u64(s, at + 8)).ascii(", ifdirection ").num(direction)
                        .ascii(" (").ascii(direction < DIRECTIONS.length ? DIRECTIONS[(int) direction] : "Unknown")
                        .ch(')');
                out.ascii(l).ascii("ifstatus ").num(status).ascii(", adminstatus: ")
                        .ascii((status & 1) != 0 ? "up" : "down").ascii(", operstatus: ")
                        .ascii((status & 2) != 0 ? "up" : "down");
                out.ascii(l).ascii("In octets ").ascii(u64(s, at + 24)).ascii(", unicast pkts ")
                        .num(s.intAt(at + 32)).ascii(", multicast pkts ").num(s.intAt(at + 36))
                        .ascii(", broadcast pkts ").num(s.intAt(at + 40)).ascii(", discards ").num(s.intAt(at + 44));
                out.ascii(l).ascii("In errors ").num(s.intAt(at + 48)).ascii(", unknown protos ")
                        .num(s.intAt(at + 52));
                out.ascii(l).ascii("Out octets ").ascii(u64(s, at + 56)).ascii(", unicast pkts ")
                        .num(s.intAt(at + 64)).ascii(", multicast pkts ").num(s.intAt(at + 68))
                        .ascii(", broadcast pkts ").num(s.intAt(at + 72)).ascii(", discards ").num(s.intAt(at + 76));
                out.ascii(l).ascii("Out errors ").num(s.intAt(at + 80)).ascii(", promisc mode ")
                        .num(s.intAt(at + 84));
            }
            case 2 -> {
                out.ascii(l).ascii("align errors ").num(s.intAt(at)).ascii(", fcs errors ").num(s.intAt(at + 4))
                        .ascii(", single collision ").num(s.intAt(at + 8)).ascii(", multiple collision ")
                        .num(s.intAt(at + 12)).ascii(", test error ").num(s.intAt(at + 16));
                out.ascii(l).ascii("deferred ").num(s.intAt(at + 20)).ascii(", late collision ")
                        .num(s.intAt(at + 24)).ascii(", excessive collision ").num(s.intAt(at + 28))
                        .ascii(", mac trans error ").num(s.intAt(at + 32));
                out.ascii(l).ascii("carrier error ").num(s.intAt(at + 36)).ascii(", frames too long ")
                        .num(s.intAt(at + 40)).ascii(", mac receive errors ").num(s.intAt(at + 44))
                        .ascii(", symbol errors ").num(s.intAt(at + 48));
            }
            case 4 -> {
                out.ascii(l).ascii("in high prio frames ").num(s.intAt(at)).ascii(", in high prio octets ")
                        .ascii(u64(s, at + 4));
                out.ascii(l).ascii("in norm prio frames ").num(s.intAt(at + 12)).ascii(", in norm prio octets ")
                        .ascii(u64(s, at + 16));
                out.ascii(l).ascii("in ipm errors ").num(s.intAt(at + 24)).ascii(", oversized ").num(s.intAt(at + 28))
                        .ascii(", in data errors ").num(s.intAt(at + 32)).ascii(", null addressed frames ")
                        .num(s.intAt(at + 36));
                out.ascii(l).ascii("out high prio frames ").num(s.intAt(at + 40)).ascii(", out high prio octets ")
                        .ascii(u64(s, at + 44)).ascii(", trans into frames ").num(s.intAt(at + 52));
                out.ascii(l).ascii("in hc high prio octets ").ascii(u64(s, at + 56))
                        .ascii(", in hc norm prio octets ").ascii(u64(s, at + 64))
                        .ascii(", out hc high prio octets ").ascii(u64(s, at + 72));
            }
            case 5 -> out.ascii(l).ascii("vlan_id ").num(s.intAt(at)).ascii(", octets ").ascii(u64(s, at + 4))
                    .ascii(", unicast_pkt ").num(s.intAt(at + 12)).ascii(", multicast_pkt ").num(s.intAt(at + 16))
                    .ascii(", broadcast_pkt ").num(s.intAt(at + 20)).ascii(", discards ").num(s.intAt(at + 24));
            case 1001 -> // tcpdump labels the free memory "total_mem" as well
                out.ascii(l).ascii("5sec ").num(s.intAt(at)).ascii(", 1min ").num(s.intAt(at + 4))
                        .ascii(", 5min ").num(s.intAt(at + 8)).ascii(", total_mem ").ascii(u64(s, at + 12))
                        .ascii(", total_mem ").ascii(u64(s, at + 20));
            default -> {
            }
        }
        return 0;
    }

    /**
     * Prints up to {@code count} counter or flow records from {@code at}, {@code left} bytes of the datagram
     * remaining; returns 0, INVALID or TRUNCATED.
     */
    private static int records(PrintContext c, Sflow s, int at, int left, long count, boolean counters) {
        Out out = c.out();
        for (long n = count; n > 0; n--) {
            if (left < 8) {
                return INVALID;
            }
            if (!s.has(at, 8)) {
                return TRUNCATED;
            }
            long format = s.intAt(at);
            int type = (int) (format & 0xFFF);
            // tcpdump takes a counter record's enterprise from the top 12 bits, a flow record's from the top 20
            long enterprise = format >>> (counters ? 20 : 12);
            long length = s.intAt(at + 4);
            out.ascii("\n\t    enterprise ").num(enterprise).ascii(counters ? ", " : " ")
                    .ascii(enterprise != 0 ? "Unknown" : counters ? counterName(type) : flowName(type))
                    .ascii(" (").num(type).ascii(") length ").num(length);
            at += 8;
            left -= 8;
            if (left < length) {
                return INVALID;
            }
            if (enterprise == 0) {
                int r = counters ? counter(c, s, type, at, left, (int) length)
                        : flowRecord(c, s, type, at, left, (int) length);
                if (r != 0) {
                    return r;
                }
            }
            at += (int) length;
            left -= (int) length;
        }
        return 0;
    }

    private static int flowRecord(PrintContext c, Sflow s, int type, int at, int left, int length) {
        Out out = c.out();
        int need = switch (type) {
            case 1, 1001 -> 16;
            case 2 -> 24;
            default -> type >= 3 && type <= 4 || type >= 1002 && type <= 1012 ? 0 : -1;
        };
        int fits = fits(c, s, need, at, left, length);
        if (fits != PRINT) {
            return fits;
        }
        String l = "\n\t      ";
        switch (type) {
            case 1 -> {
                long protocol = s.intAt(at);
                out.ascii(l).ascii("protocol ")
                        .ascii(protocol < RAW_PROTOCOLS.length && RAW_PROTOCOLS[(int) protocol] != null
                                ? RAW_PROTOCOLS[(int) protocol] : "Unknown")
                        .ascii(" (").num(protocol).ascii("), length ").num(s.intAt(at + 4))
                        .ascii(", stripped bytes ").num(s.intAt(at + 8)).ascii(", header_size ")
                        .num(s.intAt(at + 12));
            }
            case 2 -> out.ascii(l).ascii("frame len ").num(s.intAt(at)).ascii(", type ").num(s.intAt(at + 20));
            default -> out.ascii(l).ascii("src vlan ").num(s.intAt(at)).ascii(", src pri ").num(s.intAt(at + 4))
                    .ascii(", dst vlan ").num(s.intAt(at + 8)).ascii(", dst pri ").num(s.intAt(at + 12));
        }
        return 0;
    }

    /**
     * Whether a record whose fixed part tcpdump decodes takes {@code need} bytes ({@code 0} for a type it names
     * and skips, negative for one it dumps) can be printed: {@link #PRINT}, else 0 when done with it, INVALID or
     * TRUNCATED.
     */
    private static int fits(PrintContext c, Sflow s, int need, int at, int left, int length) {
        if (need < 0) {
            if (c.verbose() <= 1) {
                unknown(c, s, at, length, "\n\t\t");
            }
            return 0;
        }
        if (need == 0) {
            return 0;
        }
        if (left < need) {
            return INVALID;
        }
        return s.has(at, need) ? PRINT : TRUNCATED;
    }

    /** tcpdump's {@code print_unknown_data}: the captured part of {@code length} bytes from {@code at}. */
    private static void unknown(PrintContext c, Sflow s, int at, int length, String indent) {
        if (at >= s.regionLength()) {
            c.out().ascii(indent).ascii("Dissector error: print_unknown_data called with pointer past end of packet");
            return;
        }
        TlvText.dump(c.out(), s, at, length, indent);
    }

    private static String u64(Sflow s, int at) {
        return Long.toUnsignedString(s.intAt(at) << 32 | s.intAt(at + 4));
    }

    private static String name(String[] names, int i) {
        return i < names.length && names[i] != null ? names[i] : "Unknown";
    }

    private static String counterName(int type) {
        return type == 1001 ? "Processor counter" : name(COUNTER_NAMES, type);
    }

    private static String flowName(int type) {
        return type >= 1001 && type <= 1012 ? EXTENDED_FLOW_NAMES[type - 1001] : name(FLOW_NAMES, type);
    }
}
