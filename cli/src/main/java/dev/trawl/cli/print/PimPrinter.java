package dev.trawl.cli.print;

import dev.trawl.decode.Checksums;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Flyweight;
import dev.trawl.decode.layer.Pim;

/**
 * PIM as tcpdump prints it. Without {@code -v} one summary, {@code PIMv2, Join / Prune, length 518}; with it
 * the checksum's verdict and each message type's body: a Hello's options, a Register's flags and the packet it
 * encapsulates (printed by that packet's own printers), the group and source lists of a Join/Prune or Graft in
 * the encoded address formats (RFC 7761 section 4.9.1, with the length field of RFC 2117), a Bootstrap's RP
 * sets, Assert, Candidate-RP advertisement, State Refresh and DF election. Version 1, which travels inside
 * IGMP, is printed by {@link #v1}. Where the captured bytes or the stated length end inside what it needs, it
 * stops with tcpdump's {@code [|pimv2]} marker, at the point tcpdump stops. Not thread-safe: it keeps one view.
 */
final class PimPrinter implements LayerPrinter {
    private static final String[] TYPES = {"Hello", "Register", "Register Stop", "Join / Prune", "Bootstrap",
        "Assert", "Graft", "Graft Acknowledgement", "Candidate RP Advertisement", "Prune Refresh",
        "DF Election", "ECMP Redirect"};
    private static final String[] V1_TYPES = {"Query", "Register", "Register-Stop", "Join/Prune", "RP-reachable",
        "Assert", "Graft", "Graft-ACK"};
    private static final String[] DF_SUBTYPES = {null, "Offer", "Winner", "Backoff", "Pass"};
    private static final String[] V1_MODES = {"Dense-mode", "Sparse-mode", "Sparse-Dense-mode"};

    private static final int HELLO = 0;
    private static final int REGISTER = 1;
    private static final int REGISTER_STOP = 2;
    private static final int JOIN_PRUNE = 3;
    private static final int BOOTSTRAP = 4;
    private static final int ASSERT = 5;
    private static final int GRAFT = 6;
    private static final int GRAFT_ACK = 7;
    private static final int CANDIDATE_RP = 8;
    private static final int PRUNE_REFRESH = 9;
    private static final int DF_ELECTION = 10;
    private static final int DF_BACKOFF = 3;
    private static final int DF_PASS = 4;

    /** How an encoded address is laid out: a bare unicast one, or a group or source one with a mask length. */
    private static final int UNICAST = 0;
    private static final int GROUP = 1;
    private static final int SOURCE = 2;

    private static final long ALL_ONES = 0xFFFF_FFFFL;
    private static final int V1_HOLD_DEFAULT = 180;

    private static final int REGISTER_HEADER = 8;
    private static final String CORRECT = "(correct)";
    private static final String INCORRECT = "(incorrect)";
    private static final String UNVERIFIED = "(unverified)";

    private final Pim pim = new Pim();
    /** Where the message body is being read, relative to the PIM header. */
    private int at;
    /** How many bytes of the stated length are left from {@link #at}: unsigned, as tcpdump counts them. */
    private long len;
    /** The header's RFC 2117 address length field: 0 for the encoded formats of RFC 7761. */
    private int addressLength;

    /** Thrown when the captured bytes or the stated length end inside what is being printed. */
    private static final class Truncated extends Exception {
        private static final Truncated INSTANCE = new Truncated();

        private Truncated() {
            super(null, null, false, false);
        }
    }

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        int length = UdpPrinter.ipPayloadLength(c, layer, c.network(layer));
        // like tcpdump, read nothing past the datagram the IP header states (an Ethernet pad is not PIM)
        Pim m = pim.wrap(p.buffer(), p.offset(layer), Math.min(p.end() - p.offset(layer), length));
        if (!m.has(0, 1)) {
            c.truncated("pim");
            return;
        }
        int version = m.version();
        int type = m.type();
        String name = type < TYPES.length ? TYPES[type] : "Unknown Type";
        if (version != 2) {
            out.ascii("PIMv").num(version).ascii(", length ").num(length);
            return;
        }
        if (c.verbose() == 0) {
            out.ascii("PIMv2, ").ascii(name).ascii(", length ").num(length);
            return;
        }
        out.ascii("PIMv2, length ").num(length).ascii("\n\t").ascii(name);
        try {
            v2(c, m, layer, length);
        } catch (Truncated t) {
            c.truncated("pimv2");
        }
    }

    private void v2(PrintContext c, Pim m, int layer, long length) throws Truncated {
        Out out = c.out();
        if (length < 2) {
            out.ascii("[length ").num(length).ascii(" < 2] (invalid)");
            return;
        }
        need(m, 1, 1);
        int addressLength = m.addressLength();
        if (addressLength != 0) {
            out.ascii(", RFC2117-encoding");
        }
        if (length < 4) {
            out.ascii("[length ").num(length).ascii(" < 4] (invalid)");
            return;
        }
        int checksum = u16(m, 2);
        out.ascii(", cksum 0x").hex(checksum, 4).ch(' ');
        int type = m.type();
        if (checksum == 0) {
            out.ascii(UNVERIFIED);
        } else {
            String verdict = checksum(c, layer, type == REGISTER ? REGISTER_HEADER : (int) length, checksum);
            if (INCORRECT.equals(verdict) && type == REGISTER) {
                // a Register's checksum may cover the whole message rather than its header (RFC 7761 4.9.3)
                verdict = checksum(c, layer, (int) length, checksum);
            }
            out.ascii(verdict);
        }
        at = 4;
        len = length - 4;
        this.addressLength = addressLength;
        switch (type) {
            case HELLO -> hello(c, m);
            case REGISTER -> register(c, m, layer);
            case REGISTER_STOP -> {
                out.ascii(" group=");
                address(c, m, GROUP);
                out.ascii(" source=");
                address(c, m, UNICAST);
            }
            case JOIN_PRUNE, GRAFT, GRAFT_ACK -> joinPrune(c, m, type);
            case BOOTSTRAP -> bootstrap(c, m);
            case ASSERT -> {
                out.ascii(" group=");
                address(c, m, GROUP);
                out.ascii(" src=");
                address(c, m, UNICAST);
                left(8);
                need(m, at, 8);
                if ((m.u8At(at) & 0x80) != 0) {
                    out.ascii(" RPT");
                }
                out.ascii(" pref=").num(m.u32At(at) & 0x7FFF_FFFFL).ascii(" metric=").num(m.u32At(at + 4));
            }
            case CANDIDATE_RP -> candidateRp(c, m);
            case PRUNE_REFRESH -> {
                out.ascii(" src=");
                address(c, m, UNICAST);
                out.ascii(" grp=");
                address(c, m, GROUP);
                out.ascii(" forwarder=");
                address(c, m, UNICAST);
                left(2);
                out.ascii(" TUNR ");
                HsrpPrinter.duration(out, u16(m, at));
            }
            case DF_ELECTION -> dfElection(c, m);
            default -> out.ascii(" [type ").num(type).ch(']');
        }
    }

    /** tcpdump's verdict on the checksum over the first {@code covered} bytes. */
    private static String checksum(PrintContext c, int layer, int covered, int stored) {
        DecodedPacket p = c.packet();
        int ip = c.network(layer);
        if (ip < 0 || p.offset(layer) + covered > p.end()) {
            return UNVERIFIED;
        }
        if (p.protocol(ip) == Protocols.IP) {
            return Checksums.over(p, p.offset(layer), covered) == 0 ? CORRECT : INCORRECT;
        }
        int expected = Checksums.transport(p, layer, Pim.IP_PROTOCOL, covered);
        if (expected == Checksums.UNKNOWN) {
            return UNVERIFIED;
        }
        return expected == stored || expected == 0 && stored == 0xFFFF ? CORRECT : INCORRECT;
    }

    private void hello(PrintContext c, Pim m) throws Truncated {
        Out out = c.out();
        while (len > 0) {
            left(4);
            int option = u16(m, at);
            int olen = u16(m, at + 2);
            out.ascii("\n\t  ").ascii(helloOption(option)).ascii(" Option (").num(option).ascii("), length ")
                    .num(olen).ascii(", Value: ");
            at += 4;
            len -= 4;
            if (len < olen) {
                throw Truncated.INSTANCE;
            }
            need(m, at, olen);
            int value = at;
            switch (option) {
                case 1 -> {
                    if (olen != 2) {
                        invalidOption(out, olen, 2);
                        return;
                    }
                    HsrpPrinter.duration(out, m.u16At(value));
                }
                case 2 -> {
                    if (olen != 4) {
                        invalidOption(out, olen, 4);
                        return;
                    }
                    int delay = m.u16At(value);
                    out.ascii("\n\t    T-bit=").num(delay >>> 15).ascii(", LAN delay ").num(delay & 0x7FFF)
                            .ascii("ms, Override interval ").num(m.u16At(value + 2)).ascii("ms");
                }
                case 18, 19 -> {
                    if (olen == 0) {
                        out.ascii("Bi-Directional Capability (Old)");
                    } else if (olen == 4) {
                        out.num(m.u32At(value));
                    } else {
                        invalidOption(out, olen, 4);
                        return;
                    }
                }
                case 20 -> {
                    if (olen != 4) {
                        invalidOption(out, olen, 4);
                        return;
                    }
                    out.ascii("0x").hex(m.u32At(value), 8);
                }
                case 21 -> {
                    if (olen != 4) {
                        invalidOption(out, olen, 4);
                        return;
                    }
                    out.ch('v').num(m.u8At(value));
                    if (m.u8At(value + 1) != 0) {
                        out.ascii(", interval ");
                        HsrpPrinter.duration(out, m.u8At(value + 1));
                    }
                    if (m.u16At(value + 2) != 0) {
                        out.ascii(" ?0x").hex(m.u16At(value + 2), 4).ch('?');
                    }
                }
                case 22 -> {
                }
                case 24, 65001 -> {
                    if (c.verbose() > 1) {
                        long saved = len;
                        while (at < value + olen) {
                            out.ascii("\n\t    ");
                            address(c, m, UNICAST);
                        }
                        at = value;
                        len = saved;
                    }
                }
                default -> {
                    if (c.verbose() <= 1) {
                        dump(out, m, value, olen);
                    }
                }
            }
            if (c.verbose() > 1) {
                dump(out, m, value, olen);
            }
            at = value + olen;
            len -= olen;
        }
    }

    private static String helloOption(int option) {
        return switch (option) {
            case 1 -> "Hold Time";
            case 2 -> "LAN Prune Delay";
            case 18 -> "DR Priority (Old)";
            case 19 -> "DR Priority";
            case 20 -> "Generation ID";
            case 21 -> "State Refresh Capability";
            case 22 -> "Bi-Directional Capability";
            case 24 -> "Address List";
            case 65001 -> "Address List (Old)";
            default -> "Unknown";
        };
    }

    private static void invalidOption(Out out, int olen, int wanted) {
        out.ascii("[option length ").num(olen).ascii(" != ").num(wanted).ascii("] (invalid)");
    }

    /** An option's value as tcpdump's {@code print_unknown_data} dumps it, the captured bytes only. */
    private static void dump(Out out, Flyweight m, int at, int length) {
        int n = Math.min(length, Math.max(0, m.regionLength() - at));
        TlvText.dump(out, i -> m.u8At(at + i), n, "\n\t    ");
    }

    private void register(PrintContext c, Pim m, int layer) throws Truncated {
        Out out = c.out();
        left(4);
        long flags = u32(m, at);
        out.ascii(", Flags [ ").ascii(flags == 0x8000_0000L ? "Border" : flags == 0x4000_0000L ? "Null" : "none")
                .ascii(" ]\n\t");
        at += 4;
        len -= 4;
        if (len == 0) {
            throw Truncated.INSTANCE;
        }
        int version = u8(m, at) >>> 4;
        switch (version) {
            case 0 -> {
                need(m, at + 12, 8);
                out.ascii("IP-Null-header ");
                ipv4(c, m, at + 12);
                out.ascii(" > ");
                ipv4(c, m, at + 16);
            }
            case 4, 6 -> {
                int inner = c.after(layer);
                int proto = version == 4 ? Protocols.IP : Protocols.IPV6;
                if (inner < 0 || c.packet().protocol(inner) != proto || !c.print(inner)) {
                    out.ascii(version == 4 ? "IP" : "IP6");
                }
            }
            default -> out.ascii("IP ver ").num(version);
        }
    }

    private void joinPrune(PrintContext c, Pim m, int type) throws Truncated {
        Out out = c.out();
        if (type != GRAFT_ACK) {
            out.ascii(", upstream-neighbor: ");
            address(c, m, UNICAST);
        }
        left(4);
        need(m, at, 4);
        int groups = m.u8At(at + 1);
        int holdtime = m.u16At(at + 2);
        out.ascii("\n\t  ").num(groups).ascii(" group(s)");
        if (type != GRAFT_ACK) {
            out.ascii(", holdtime: ");
            if (holdtime == 0xFFFF) {
                out.ascii("infinite");
            } else {
                HsrpPrinter.duration(out, holdtime);
            }
        }
        at += 4;
        len -= 4;
        for (int i = 0; i < groups; i++) {
            out.ascii("\n\t    group #").num(i + 1).ascii(": ");
            address(c, m, GROUP);
            left(4);
            need(m, at, 4);
            int joined = m.u16At(at);
            int pruned = m.u16At(at + 2);
            out.ascii(", joined sources: ").num(joined).ascii(", pruned sources: ").num(pruned);
            at += 4;
            len -= 4;
            for (int j = 0; j < joined; j++) {
                out.ascii("\n\t      joined source #").num(j + 1).ascii(": ");
                address(c, m, SOURCE);
            }
            for (int j = 0; j < pruned; j++) {
                out.ascii("\n\t      pruned source #").num(j + 1).ascii(": ");
                address(c, m, SOURCE);
            }
        }
    }

    private void bootstrap(PrintContext c, Pim m) throws Truncated {
        Out out = c.out();
        left(2);
        int tag = u16(m, at);
        out.ascii(" tag=").hex(tag);
        at += 2;
        len -= 2;
        left(1);
        int hashMask = u8(m, at);
        out.ascii(" hashmlen=").num(hashMask);
        left(2);
        // tcpdump checks one byte past the priority here
        need(m, at + 2, 1);
        out.ascii(" BSRprio=").num(m.u8At(at + 1));
        at += 2;
        len -= 2;
        out.ascii(" BSR=");
        address(c, m, UNICAST);
        for (int i = 0; len > 0; i++) {
            out.ascii(" (group").num(i).ascii(": ");
            address(c, m, GROUP);
            left(1);
            int rps = u8(m, at);
            out.ascii(" RPcnt=").num(rps);
            left(2);
            int fragmentRps = u8(m, at + 1);
            out.ascii(" FRPcnt=").num(fragmentRps);
            left(4);
            at += 4;
            len -= 4;
            for (int j = 0; j < fragmentRps && len > 0; j++) {
                out.ascii(" RP").num(j).ch('=');
                address(c, m, UNICAST);
                left(2);
                out.ascii(",holdtime=");
                HsrpPrinter.duration(out, u16(m, at));
                left(3);
                int priority = u8(m, at + 2);
                out.ascii(",prio=").num(priority);
                left(4);
                at += 4;
                len -= 4;
            }
            out.ch(')');
        }
    }

    private void candidateRp(PrintContext c, Pim m) throws Truncated {
        Out out = c.out();
        left(1);
        int prefixes = u8(m, at);
        out.ascii(" prefix-cnt=").num(prefixes);
        left(2);
        int priority = u8(m, at + 1);
        out.ascii(" prio=").num(priority);
        left(4);
        out.ascii(" holdtime=");
        HsrpPrinter.duration(out, u16(m, at + 2));
        at += 4;
        len -= 4;
        out.ascii(" RP=");
        address(c, m, UNICAST);
        for (int i = 0; i < prefixes && len > 0; i++) {
            out.ascii(" Group").num(i).ch('=');
            address(c, m, GROUP);
        }
    }

    private void dfElection(PrintContext c, Pim m) throws Truncated {
        Out out = c.out();
        int subtype = m.subtype();
        out.ascii("\n\t  ").ascii(subtype < DF_SUBTYPES.length && DF_SUBTYPES[subtype] != null
                ? DF_SUBTYPES[subtype] : "Unknown").ascii(", rpa=");
        address(c, m, UNICAST);
        long preference = u32(m, at);
        out.ascii(" sender pref=").num(preference);
        long metric = u32(m, at + 4);
        out.ascii(" sender metric=").num(metric);
        // tcpdump takes the metrics off what the stated length leaves as an unsigned count that may wrap
        at += 8;
        len = (len - 8) & ALL_ONES;
        if (subtype == DF_BACKOFF || subtype == DF_PASS) {
            String who = subtype == DF_BACKOFF ? "offer" : "new winner";
            out.ascii("\n\t  ").ascii(who).ascii(" addr=");
            address(c, m, UNICAST);
            preference = u32(m, at);
            out.ch(' ').ascii(who).ascii(" pref=").num(preference);
            metric = u32(m, at + 4);
            out.ch(' ').ascii(who).ascii(" metric=").num(metric);
            at += 8;
            len = (len - 8) & ALL_ONES;
            if (subtype == DF_BACKOFF) {
                int interval = u16(m, at);
                out.ascii(" interval ").num(interval).ascii("ms");
            }
        }
    }

    /**
     * Prints the encoded address at {@link #at} (its family and encoding bytes, or with the RFC 2117 length
     * field only the address) and steps {@link #at} and {@link #len} past it.
     */
    private void address(PrintContext c, Pim m, int kind) throws Truncated {
        int size;
        int header;
        if (addressLength == 0) {
            left(2);
            int family = u8(m, at);
            if (family == 1) {
                size = 4;
            } else if (family == 2) {
                size = 16;
            } else {
                throw Truncated.INSTANCE;
            }
            if (u8(m, at + 1) != 0) {
                throw Truncated.INSTANCE;
            }
            header = 2;
        } else if (addressLength == 4 || addressLength == 16) {
            size = addressLength;
            header = 0;
        } else {
            throw Truncated.INSTANCE;
        }
        int a = at + header;
        long rest = len - header;
        if (kind == UNICAST) {
            if (rest < size) {
                throw Truncated.INSTANCE;
            }
            need(m, a, size);
            addressAt(c, m, a, size);
            at = a + size;
            len = rest - size;
            return;
        }
        if (rest < size + 2) {
            throw Truncated.INSTANCE;
        }
        need(m, a, size + 2);
        addressAt(c, m, a + 2, size);
        int mask = m.u8At(a + 1);
        Out out = c.out();
        if (mask != size * 8) {
            out.ch('/').num(mask);
        }
        int flags = m.u8At(a);
        if (flags != 0 && kind == GROUP) {
            out.ascii("(0x").hex2(flags).ch(')');
        } else if (flags != 0) {
            out.ch('(');
            if ((flags & 0x04) != 0) {
                out.ch('S');
            }
            if ((flags & 0x02) != 0) {
                out.ch('W');
            }
            if ((flags & 0x01) != 0) {
                out.ch('R');
            }
            if ((flags & 0xF8) != 0) {
                out.ascii("+0x").hex2(flags & 0xF8);
            }
            out.ch(')');
        }
        at = a + 2 + size;
        len = rest - 2 - size;
    }

    private static void addressAt(PrintContext c, Flyweight m, int at, int size) {
        if (size == 4) {
            c.ipv4((int) m.u32At(at));
            return;
        }
        byte[] a = c.addressScratch();
        for (int i = 0; i < 16; i++) {
            a[i] = (byte) m.u8At(at + i);
        }
        c.ipv6(a);
    }

    /**
     * PIM version 1 inside IGMP (type 0x14), after {@code igmp pimv1}: the message type and per type its
     * addresses, the Join/Prune's one-line form for a single source or with {@code -vv} its group lists, and
     * the version when it is not 1. {@code len} is the IGMP length; {@code g} views the IGMP message.
     */
    static void v1(PrintContext c, Flyweight g, int len) {
        try {
            v1Body(c, g, len);
        } catch (Truncated t) {
            c.truncatedRead("pimv1");
        }
    }

    private static void v1Body(PrintContext c, Flyweight g, int len) throws Truncated {
        Out out = c.out();
        int type = u8(g, 1);
        out.ch(' ');
        if (type < V1_TYPES.length) {
            out.ascii(V1_TYPES[type]);
        } else {
            out.ascii("[type ").num(type).ch(']');
        }
        switch (type) {
            case 0 -> {
                if (g.has(8, 1)) {
                    int mode = g.u8At(8) >>> 4;
                    out.ch(' ');
                    if (mode < V1_MODES.length) {
                        out.ascii(V1_MODES[mode]);
                    } else {
                        out.ascii("mode-").num(mode);
                    }
                }
                if (c.verbose() > 0) {
                    out.ascii(" (Hold-time ");
                    HsrpPrinter.duration(out, u16(g, 10));
                    out.ch(')');
                }
            }
            case 1 -> {
                need(g, 8, 20);
                fromTo(c, g, 20, 24);
            }
            case 2 -> fromTo(c, g, 8, 12);
            case 4 -> {
                if (c.verbose() > 0) {
                    need(g, 8, 4);
                    out.ascii(" group ");
                    ipv4(c, g, 8);
                    if (u32(g, 12) != ALL_ONES) {
                        out.ch('/');
                        ipv4(c, g, 12);
                    }
                    need(g, 16, 4);
                    out.ascii(" RP ");
                    ipv4(c, g, 16);
                    out.ascii(" hold ");
                    HsrpPrinter.duration(out, u16(g, 22));
                }
            }
            case 5 -> {
                fromTo(c, g, 16, 8);
                if (u32(g, 12) != ALL_ONES) {
                    out.ch('/');
                    ipv4(c, g, 12);
                }
                need(g, 20, 8);
                out.ch(' ').ascii((u8(g, 20) & 0x80) != 0 ? "RP-tree" : "SPT").ascii(" pref ")
                        .num(u32(g, 20) & 0x7FFF_FFFFL).ascii(" metric ").num(u32(g, 24));
            }
            case 3, 6, 7 -> {
                if (c.verbose() > 0) {
                    if (cut(c, len, 8)) {
                        return;
                    }
                    v1JoinPrune(c, g, 8, len - 8);
                }
            }
            default -> {
            }
        }
        int version = u8(g, 4) >>> 4;
        if (version != 1) {
            out.ascii(" [v").num(version).ch(']');
        }
    }

    /** Writes {@code " for A > B"}, or nothing when either address was not captured. */
    private static void fromTo(PrintContext c, Flyweight g, int from, int to) throws Truncated {
        need(g, from, 4);
        need(g, to, 4);
        c.out().ascii(" for ");
        ipv4(c, g, from);
        c.out().ascii(" > ");
        ipv4(c, g, to);
    }

    /** Writes the marker and says so when fewer than {@code n} of the {@code len} bytes stated are left. */
    private static boolean cut(PrintContext c, int len, int n) {
        if (len < n) {
            c.truncated("pimv1");
            return true;
        }
        return false;
    }

    private static void v1JoinPrune(PrintContext c, Flyweight g, int at, int len) throws Truncated {
        Out out = c.out();
        if (g.has(at, 30) && g.u8At(at + 11) == 1 && g.u16At(at + 20) + g.u16At(at + 22) == 1) {
            boolean join = g.u16At(at + 20) != 0;
            out.ascii(" RPF ");
            ipv4(c, g, at);
            out.ch(' ');
            int hold = g.u16At(at + 6);
            if (hold != V1_HOLD_DEFAULT) {
                out.ascii("Hold ");
                HsrpPrinter.duration(out, hold);
            }
            out.ascii(join ? "Join" : "Prune").ascii(" (");
            ipv4(c, g, at + 26);
            out.ch('/').num(g.u8At(at + 25) & 0x3F).ascii(", ");
            ipv4(c, g, at + 12);
            if (g.u32At(at + 16) != ALL_ONES) {
                out.ch('/');
                ipv4(c, g, at + 16);
            }
            int flags = g.u8At(at + 25);
            out.ascii(") ").ascii((g.u8At(at + 24) & 0x01) != 0 ? "Sparse" : "Dense")
                    .ascii((flags & 0x80) != 0 ? " WC" : "").ch(' ').ascii((flags & 0x40) != 0 ? "RP" : "SPT");
            return;
        }
        boolean lines = c.verbose() > 1;
        if (cut(c, len, 4)) {
            return;
        }
        if (lines) {
            out.ch('\n');
        }
        need(g, at, 4);
        out.ascii(" Upstream Nbr: ");
        ipv4(c, g, at);
        at += 4;
        len -= 4;
        if (cut(c, len, 4)) {
            return;
        }
        if (lines) {
            out.ch('\n');
        }
        out.ascii(" Hold time: ");
        HsrpPrinter.duration(out, u16(g, at + 2));
        if (!lines) {
            return;
        }
        at += 4;
        len -= 4;
        if (cut(c, len, 4)) {
            return;
        }
        int groups = u8(g, at + 3);
        at += 4;
        len -= 4;
        for (; groups != 0; groups--) {
            if (cut(c, len, 4)) {
                return;
            }
            need(g, at, 4);
            out.ascii("\n\tGroup: ");
            ipv4(c, g, at);
            at += 4;
            len -= 4;
            if (cut(c, len, 4)) {
                return;
            }
            if (u32(g, at) != ALL_ONES) {
                out.ch('/');
                ipv4(c, g, at);
            }
            at += 4;
            len -= 4;
            if (cut(c, len, 4)) {
                return;
            }
            int joined = u16(g, at);
            int pruned = u16(g, at + 2);
            out.ascii(" joined: ").num(joined).ascii(" pruned: ").num(pruned);
            at += 4;
            len -= 4;
            for (int i = 0; i < joined + pruned; i++) {
                if (cut(c, len, 6)) {
                    return;
                }
                need(g, at, 6);
                int flags = g.u8At(at + 1);
                out.ascii("\n\t").ascii(i < joined ? "Join " : "Prune").ch(' ')
                        .ascii((u8(g, at) & 0x01) != 0 ? "Sparse " : "Dense ")
                        .ascii((flags & 0x80) != 0 ? "WC " : "").ascii((flags & 0x40) != 0 ? "RP " : "SPT ");
                ipv4(c, g, at + 2);
                out.ch('/').num(flags & 0x3F);
                at += 6;
                len -= 6;
            }
        }
    }

    /** Stops as tcpdump does when fewer than {@code n} bytes of the stated length are left. */
    private void left(long n) throws Truncated {
        if (len < n) {
            throw Truncated.INSTANCE;
        }
    }

    private static void need(Flyweight m, int at, int n) throws Truncated {
        if (!m.has(at, n)) {
            throw Truncated.INSTANCE;
        }
    }

    private static int u8(Flyweight m, int at) throws Truncated {
        need(m, at, 1);
        return m.u8At(at);
    }

    private static int u16(Flyweight m, int at) throws Truncated {
        need(m, at, 2);
        return m.u16At(at);
    }

    private static long u32(Flyweight m, int at) throws Truncated {
        need(m, at, 4);
        return m.u32At(at);
    }

    private static void ipv4(PrintContext c, Flyweight m, int at) throws Truncated {
        c.ipv4((int) u32(m, at));
    }
}
