package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Babel;
import dev.trawl.decode.layer.Udp;
import java.util.Arrays;

/**
 * Babel as tcpdump prints it: {@code babel 2 (110)} and the TLV names ({@code hello ihu update/prefix/id}), a
 * trailer after {@code |}; with {@code -v} one line per TLV with its fields and sub-TLVs. tcpdump takes UDP port
 * 6697 for Babel as well as 6696, which decode leaves undissected, so {@link UdpPrinter} hands such a payload
 * here too. Not thread-safe.
 */
final class BabelPrinter implements LayerPrinter {
    /** The port of the first Babel drafts, which tcpdump still decodes. */
    static final int OLD_PORT = 6697;

    private static final int PAD1 = 0;
    private static final int PADN = 1;
    private static final int ACK_REQ = 2;
    private static final int ACK = 3;
    private static final int HELLO = 4;
    private static final int IHU = 5;
    private static final int ROUTER_ID = 6;
    private static final int NEXT_HOP = 7;
    private static final int UPDATE = 8;
    private static final int ROUTE_REQUEST = 9;
    private static final int SEQNO_REQUEST = 10;
    private static final int TSPC = 11;
    private static final int HMAC = 12;
    private static final int MAC = 16;
    private static final int PC = 17;
    private static final int CHALLENGE_REQUEST = 18;
    private static final int CHALLENGE_REPLY = 19;
    private static final String[] SHORT_NAMES = {"pad1", "padN", "ack-req", "ack", "hello", "ihu", "router-id",
        "nh", "update", "route-request", "seqno-request", "tspc", "hmac", "ss-update", "ss-request",
        "ss-mh-request", "mac", "pc", "challenge_request", "challenge_reply"};
    /** Result of a TLV walk: done, or the packet ran out of capture, or a TLV broke the format. */
    private static final int OK = 0;
    private static final int TRUNCATED = -1;
    private static final int INVALID = -2;

    private final Babel view = new Babel();
    /** The prefixes an Update with the default-prefix flag sets, for later Updates that omit leading bytes. */
    private final byte[] v4Default = new byte[16];
    private final byte[] v6Default = new byte[16];
    private final byte[] prefix = new byte[16];

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        int length = datagramLength(c, layer);
        Babel b = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        out.ascii("babel");
        if (!b.has(0, Babel.HEADER_LENGTH)) {
            c.truncated("babel");
            return;
        }
        if (b.magic() != Babel.MAGIC) {
            out.ascii(" invalid header");
            return;
        }
        out.ch(' ').num(b.version());
        if (b.version() != 2) {
            out.ascii(" unknown version");
            return;
        }
        int body = b.bodyLength();
        out.ascii(" (").num(body).ch(')');
        int left = length - Babel.HEADER_LENGTH;
        if (left < body) {
            out.ascii(" (invalid)");
            return;
        }
        int result = tlvs(c, b, Babel.HEADER_LENGTH, body, left);
        if (result == OK && left > body) {
            out.ascii(c.verbose() > 0 ? "\n\t----" : " |");
            result = tlvs(c, b, Babel.HEADER_LENGTH + body, left - body, left - body);
        }
        if (result == TRUNCATED) {
            c.truncated("babel");
        } else if (result == INVALID) {
            out.ascii(" (invalid)");
        }
    }

    /** The UDP payload's length as tcpdump takes it: the lesser of the UDP and IP headers' statements. */
    static int datagramLength(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        int udp = c.below(layer);
        if (udp < 0 || p.protocol(udp) != Protocols.UDP) {
            return c.wireLength(layer);
        }
        int stated = UdpPrinter.statedLength(c, udp, c.network(udp));
        int ulen = p.udp(udp).totalLength();
        return Math.max(0, (ulen == 0 ? stated : Math.min(ulen, stated)) - Udp.HEADER_LENGTH);
    }

    private int tlvs(PrintContext c, Babel b, int start, int tlvsLength, int remaining) {
        Out out = c.out();
        boolean verbose = c.verbose() > 0;
        Arrays.fill(v6Default, (byte) 0);
        Arrays.fill(v4Default, (byte) 0);
        v4Default[10] = (byte) 0xff;
        v4Default[11] = (byte) 0xff;
        int limit = Math.min(tlvsLength, remaining);
        for (int i = 0; i < tlvsLength; ) {
            int m = start + i;
            if (i + 1 > limit) {
                return INVALID;
            }
            if (!b.has(m, 1)) {
                return TRUNCATED;
            }
            int type = b.byteAt(m);
            if (type == PAD1) {
                out.ascii(verbose ? "\n\tPad 1" : " pad1");
                i++;
                continue;
            }
            if (i + 2 > limit) {
                return INVALID;
            }
            if (!b.has(m, 2)) {
                return TRUNCATED;
            }
            int len = b.byteAt(m + 1);
            if (i + 2 + len > limit) {
                return INVALID;
            }
            if (!b.has(m, 2 + len)) {
                return TRUNCATED;
            }
            if (!verbose) {
                out.ch(' ').ascii(type < SHORT_NAMES.length ? SHORT_NAMES[type] : "unknown");
                if (type == UPDATE) {
                    if (len < 10) {
                        return INVALID;
                    }
                    updateFlags(out, b.byteAt(m + 3));
                }
            } else if (!detail(c, b, m, type, len)) {
                return INVALID;
            }
            i += len + 2;
        }
        return OK;
    }

    /** Writes one TLV's {@code -v} line; false when it is malformed. */
    private boolean detail(PrintContext c, Babel b, int m, int type, int len) {
        Out out = c.out();
        switch (type) {
            case PADN -> out.ascii("\n\tPad ").num(len + 2);
            case ACK_REQ -> {
                out.ascii("\n\tAcknowledgment Request ");
                if (len < 6) {
                    return false;
                }
                out.hex(b.shortAt(m + 4), 4).ch(' ');
                interval(out, b.shortAt(m + 6));
            }
            case ACK -> {
                out.ascii("\n\tAcknowledgment ");
                if (len < 2) {
                    return false;
                }
                out.hex(b.shortAt(m + 2), 4);
            }
            case HELLO -> {
                out.ascii("\n\tHello ");
                if (len < 6) {
                    return false;
                }
                if ((b.shortAt(m + 2) & 0x8000) != 0) {
                    out.ascii("(Unicast) ");
                }
                out.ascii("seqno ").num(b.shortAt(m + 4)).ch(' ');
                int interval = b.shortAt(m + 6);
                if (interval != 0) {
                    out.ascii("interval ");
                    interval(out, interval);
                } else {
                    out.ascii("unscheduled");
                }
                if (len > 6) {
                    subTlvs(out, b, m + 8, m + 2 + len, type);
                }
            }
            case IHU -> {
                out.ascii("\n\tIHU ");
                if (len < 6) {
                    return false;
                }
                int ae = b.byteAt(m + 2);
                int rc = prefix(b, ae, -1, 0, m + 8, len - 6, null);
                if (rc < 0) {
                    c.truncated("babel");
                    return true;
                }
                if (ae == 0) {
                    out.ascii("any");
                } else {
                    address(c);
                }
                out.ascii(" rxcost ").num(b.shortAt(m + 4)).ascii(" interval ");
                interval(out, b.shortAt(m + 6));
                if (rc < len - 6) {
                    subTlvs(out, b, m + 8 + rc, m + 2 + len, type);
                }
            }
            case ROUTER_ID -> {
                out.ascii("\n\tRouter Id");
                if (len < 10) {
                    return false;
                }
                out.ch(' ');
                routerId(out, b, m + 4);
            }
            case NEXT_HOP -> {
                out.ascii("\n\tNext Hop");
                if (len < 2) {
                    return false;
                }
                int ae = b.byteAt(m + 2);
                if (prefix(b, ae, -1, 0, m + 4, len - 2, null) < 0) {
                    return false;
                }
                out.ch(' ');
                if (ae == 0) {
                    out.ascii("invalid AE 0");
                } else {
                    address(c);
                }
            }
            case UPDATE -> {
                out.ascii("\n\tUpdate");
                if (len < 10) {
                    return false;
                }
                int ae = b.byteAt(m + 2);
                int flags = b.byteAt(m + 3);
                int plen = b.byteAt(m + 4) + (ae == 1 ? 96 : 0);
                int rc = prefix(b, ae, b.byteAt(m + 4), b.byteAt(m + 5), m + 12, len - 10,
                    ae == 1 ? v4Default : v6Default);
                if (rc < 0) {
                    return false;
                }
                updateFlags(out, flags);
                out.ch(' ');
                if (ae == 0) {
                    out.ascii("any");
                } else {
                    prefixText(c, plen);
                }
                out.ascii(" metric ").num(b.shortAt(m + 10)).ascii(" seqno ").num(b.shortAt(m + 8))
                    .ascii(" interval ");
                int interval = b.shortAt(m + 6);
                if (interval == 0xffff) {
                    out.ascii("infinity");
                } else {
                    interval(out, interval);
                }
                if ((flags & 0x80) != 0) {
                    System.arraycopy(prefix, 0, ae == 1 ? v4Default : v6Default, 0, 16);
                }
                if (rc < len - 10) {
                    subTlvs(out, b, m + 12 + rc, m + 2 + len, type);
                }
            }
            case ROUTE_REQUEST -> {
                out.ascii("\n\tRoute Request ");
                if (len < 2) {
                    return false;
                }
                int ae = b.byteAt(m + 2);
                if (prefix(b, ae, b.byteAt(m + 3), 0, m + 4, len - 2, null) < 0) {
                    return false;
                }
                out.ascii("for ");
                if (ae == 0) {
                    out.ascii("any");
                } else {
                    prefixText(c, b.byteAt(m + 3) + (ae == 1 ? 96 : 0));
                }
            }
            case SEQNO_REQUEST -> {
                out.ascii("\n\tSeqno Request ");
                if (len < 14) {
                    return false;
                }
                int ae = b.byteAt(m + 2);
                if (prefix(b, ae, b.byteAt(m + 3), 0, m + 16, len - 14, null) < 0) {
                    return false;
                }
                out.ch('(').num(b.byteAt(m + 6)).ascii(" hops) for ");
                if (ae == 0) {
                    out.ascii("invalid AE 0");
                } else {
                    prefixText(c, b.byteAt(m + 3) + (ae == 1 ? 96 : 0));
                }
                out.ascii(" seqno ").num(b.shortAt(m + 4)).ascii(" id ");
                routerId(out, b, m + 8);
            }
            case TSPC -> {
                out.ascii("\n\tTS/PC ");
                if (len < 6) {
                    return false;
                }
                out.ascii("timestamp ").num(b.intAt(m + 4)).ascii(" packetcounter ").num(b.shortAt(m + 2));
            }
            case HMAC -> {
                out.ascii("\n\tHMAC ");
                if (len < 18) {
                    return false;
                }
                out.ascii("key-id ").num(b.shortAt(m + 2)).ascii(" digest-").num(len - 2).ch(' ');
                for (int j = 0; j < len - 2; j++) {
                    out.ascii(Integer.toHexString(0x100 | b.byteAt(m + 4 + j)).substring(1).toUpperCase());
                }
            }
            case MAC -> out.ascii("\n\tMAC len ").num(len);
            case PC -> {
                out.ascii("\n\tPC");
                if (len < 4) {
                    return false;
                }
                out.ascii(" value ").num(b.intAt(m + 2)).ascii(" index len ").num(len - 4);
            }
            case CHALLENGE_REQUEST, CHALLENGE_REPLY -> {
                out.ascii(type == CHALLENGE_REQUEST ? "\n\tChallenge Request" : "\n\tChallenge Reply");
                out.ascii(" len ").num(len);
            }
            default -> out.ascii("\n\tUnknown message type ").num(type);
        }
        return true;
    }

    private static void updateFlags(Out out, int flags) {
        out.ascii((flags & 0x80) != 0 ? "/prefix" : "").ascii((flags & 0x40) != 0 ? "/id" : "")
            .ascii((flags & 0x3f) != 0 ? "/unknown" : "");
    }

    /** Writes an interval in centiseconds as seconds with two decimals. */
    private static void interval(Out out, int centiseconds) {
        if (centiseconds == 0) {
            out.ascii("0.0s (bogus)");
            return;
        }
        out.num(centiseconds / 100).ch('.').num(centiseconds % 100, 2).ch('s');
    }

    private static void routerId(Out out, Babel b, int at) {
        for (int i = 0; i < 8; i++) {
            if (i > 0) {
                out.ch(':');
            }
            out.hex(b.byteAt(at + i), 2);
        }
    }

    /**
     * Rebuilds into {@link #prefix} the address of encoding {@code ae} (0 none, 1 IPv4, 2 IPv6, 3 link-local
     * IPv6) whose first {@code omitted} bytes come from {@code defaults}; {@code plen} -1 means a full address.
     * Returns the bytes read at {@code at}, or -1 when the encoding is bad or the TLV too short.
     */
    private int prefix(Babel b, int ae, int plen, int omitted, int at, int len, byte[] defaults) {
        int pb = plen >= 0 ? (plen + 7) / 8 : ae == 1 ? 4 : 16;
        if (pb > 16) {
            return -1;
        }
        Arrays.fill(prefix, (byte) 0);
        int consumed = 0;
        switch (ae) {
            case 0 -> { }
            case 1 -> {
                if (omitted > 4 || pb > 4 || (pb > omitted && len < pb - omitted)) {
                    return -1;
                }
                prefix[10] = (byte) 0xff;
                prefix[11] = (byte) 0xff;
                if (omitted > 0) {
                    if (defaults == null) {
                        return -1;
                    }
                    System.arraycopy(defaults, 0, prefix, 0, 12 + omitted);
                }
                consumed = copy(b, at, 12 + omitted, pb - omitted);
            }
            case 2 -> {
                if (omitted > 16 || (pb > omitted && len < pb - omitted)) {
                    return -1;
                }
                if (omitted > 0) {
                    if (defaults == null) {
                        return -1;
                    }
                    System.arraycopy(defaults, 0, prefix, 0, omitted);
                }
                consumed = copy(b, at, omitted, pb - omitted);
            }
            case 3 -> {
                if (pb > 8 && len < pb - 8) {
                    return -1;
                }
                prefix[0] = (byte) 0xfe;
                prefix[1] = (byte) 0x80;
                consumed = copy(b, at, 8, pb - 8);
            }
            default -> {
                return -1;
            }
        }
        return consumed;
    }

    private int copy(Babel b, int at, int into, int n) {
        for (int i = 0; i < n; i++) {
            prefix[into + i] = (byte) b.byteAt(at + i);
        }
        return Math.max(0, n);
    }

    private boolean v4Mapped() {
        for (int i = 0; i < 12; i++) {
            if (prefix[i] != (i < 10 ? 0 : (byte) 0xff)) {
                return false;
            }
        }
        return true;
    }

    private void address(PrintContext c) {
        if (v4Mapped()) {
            c.ipv4(v4Value());
        } else {
            c.ipv6(prefix);
        }
    }

    private void prefixText(PrintContext c, int plen) {
        plen &= 0xff;
        if (plen >= 96 && v4Mapped()) {
            c.ipv4(v4Value());
            c.out().ch('/').num(plen - 96);
        } else {
            c.ipv6(prefix);
            c.out().ch('/').num(plen);
        }
    }

    private int v4Value() {
        return (prefix[12] & 0xff) << 24 | (prefix[13] & 0xff) << 16 | (prefix[14] & 0xff) << 8 | prefix[15] & 0xff;
    }

    private void subTlvs(Out out, Babel b, int at, int end, int tlvType) {
        while (at < end) {
            int subtype = b.byteAt(at++);
            if (subtype == 0) {
                out.ascii(" sub-pad1");
                continue;
            }
            if ((subtype & 0x80) != 0) {
                out.ascii(" (M)");
            }
            if (at == end) {
                out.ascii(" (invalid)");
                return;
            }
            int sublen = b.byteAt(at++);
            if (at + sublen > end) {
                out.ascii(" (invalid)");
                return;
            }
            switch (subtype) {
                case 1 -> out.ascii(" sub-padn");
                case 2 -> {
                    out.ascii(" sub-diversity");
                    if (sublen == 0) {
                        out.ascii(" empty");
                        break;
                    }
                    for (int k = 0; k < sublen; k++) {
                        int channel = b.byteAt(at + k);
                        out.ch(k == 0 ? ' ' : '-');
                        if (channel == 0) {
                            out.ascii("reserved");
                        } else if (channel == 255) {
                            out.ascii("all");
                        } else {
                            out.num(channel);
                        }
                    }
                    if (tlvType != UPDATE && tlvType != 13) {
                        out.ascii(" (bogus)");
                    }
                }
                case 3 -> {
                    out.ascii(" sub-timestamp");
                    if (tlvType == HELLO || tlvType == IHU) {
                        if (sublen < (tlvType == HELLO ? 4 : 8)) {
                            out.ascii(" (invalid)");
                            return;
                        }
                        out.ch(' ');
                        timestamp(out, b.intAt(at));
                        if (tlvType == IHU) {
                            out.ch('|');
                            timestamp(out, b.intAt(at + 4));
                        }
                    } else {
                        out.ascii(" (bogus)");
                    }
                }
                default -> out.ascii(" sub-unknown-0x").hex(subtype, 2);
            }
            at += sublen;
        }
    }

    private static void timestamp(Out out, long micros) {
        out.num(micros / 1000000).ch('.').num(micros % 1000000, 6).ch('s');
    }
}
