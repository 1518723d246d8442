package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Bgp;

/**
 * BGP as tcpdump prints it: {@code : BGP} after the TCP segment's length, and with {@code -v} every message
 * whose marker the segment holds, one line per item: the OPEN's parameters and capabilities, the UPDATE's
 * withdrawn routes, path attributes and prefixes of each address family, NOTIFICATION codes and
 * ROUTE-REFRESH. Bytes before a message's marker (the tail of one that began in an earlier segment) print
 * tcpdump's truncation note. Not thread-safe; keeps no state across packets.
 */
final class BgpPrinter implements LayerPrinter {
    private static final int OPEN_LENGTH = 29;
    private static final int NOTIFICATION_LENGTH = 21;
    private static final int ROUTE_REFRESH_LENGTH = 23;
    /** How deep ATTR_SET attributes may nest before tcpdump stops recursing. */
    private static final int MAX_ATTR_SET_LEVEL = 10;

    private static final int AFI_IPV4 = 1;
    private static final int AFI_IPV6 = 2;
    private static final int SAFI_UNICAST = 1;
    private static final int SAFI_MULTICAST = 2;
    private static final int SAFI_UNIMULTICAST = 3;
    private static final int SAFI_LABELED = 4;
    private static final int SAFI_VPN_UNICAST = 128;
    private static final int SAFI_VPN_MULTICAST = 129;
    private static final int SAFI_VPN_UNIMULTICAST = 130;
    private static final int SAFI_ROUTE_TARGET = 132;
    private static final int SAFI_MULTICAST_VPN = 5;

    /** The kinds of NLRI this printer decodes; {@link #NONE} for an address family it leaves undecoded. */
    private static final int NONE = 0;
    private static final int PREFIX4 = 1;
    private static final int PREFIX6 = 2;
    private static final int LABELED4 = 3;
    private static final int LABELED6 = 4;
    private static final int VPN4 = 5;
    private static final int VPN6 = 6;
    private static final int ROUTE_TARGET = 7;
    private static final int MULTICAST_VPN = 8;

    /** A parse ran past the captured bytes: the caller prints tcpdump's truncation marker. */
    private static final int TRUNCATED = -2;
    /** A prefix length out of range: the walk stops after tcpdump's note. */
    private static final int ILLEGAL = -1;

    private final Bgp m = new Bgp();
    private PrintContext c;
    private Out out;

    @Override
    public void print(PrintContext c, int layer) {
        c.out().ascii(": BGP");
        if (c.verbose() < 1) {
            return;
        }
        this.c = c;
        this.out = c.out();
        DecodedPacket p = c.packet();
        int start = p.offset(layer);
        m.wrap(p.buffer(), start, p.end() - start);
        int n = m.regionLength();
        int pos = 0;
        int begin = 0;
        while (pos < n) {
            if (m.byteAt(pos) != 0xff) {
                pos++;
                continue;
            }
            if (!m.has(pos, Bgp.MARKER_LENGTH)) {
                break;
            }
            if (!m.markerAt(pos)) {
                pos++;
                continue;
            }
            if (!m.has(pos, Bgp.HEADER_LENGTH)) {
                c.truncated("bgp");
                return;
            }
            if (begin != pos) {
                c.truncated("bgp");
            }
            int length = m.messageLength(pos);
            if (length < Bgp.HEADER_LENGTH) {
                out.ascii("\nmessage length ").num(length).ascii(" < ").num(Bgp.HEADER_LENGTH).ascii(" (invalid)");
                break;
            }
            if (!m.has(pos, length)) {
                String name = messageName(m.messageType(pos));
                out.ascii("\n[|BGP ").ascii(name == null ? "Unknown Message Type" : name).ch(']');
                break;
            }
            message(pos, length);
            pos += length;
            begin = pos;
        }
    }

    private void message(int at, int length) {
        int type = m.messageType(at);
        String name = messageName(type);
        out.ascii("\n\t").ascii(name == null ? "Unknown" : name).ascii(" Message (").num(type).ascii("), length: ")
                .num(length);
        switch (type) {
            case 1 -> open(at, length);
            case 2 -> update(at, length);
            case 3 -> notification(at, length);
            case 4 -> { }
            case 5 -> routeRefresh(at, length);
            default -> {
                out.ascii("\n\t  no Message ").num(type).ascii(" decoder");
                TlvText.dump(out, m, at, length, "\n\t  ");
            }
        }
    }

    // ---- OPEN

    private void open(int at, int length) {
        if (length < OPEN_LENGTH) {
            c.truncated("bgp");
            return;
        }
        out.ascii("\n\t  Version ").num(m.byteAt(at + 19)).ascii(", my AS ").num(m.shortAt(at + 20))
                .ascii(", Holdtime ").num(m.shortAt(at + 22)).ascii("s, ID ");
        c.ipv4((int) m.intAt(at + 24));
        int optionsLength = m.byteAt(at + 28);
        out.ascii("\n\t  Optional parameters, length: ").num(optionsLength);
        int opt = at + OPEN_LENGTH;
        int remaining = length - OPEN_LENGTH;
        int i = 0;
        while (i < optionsLength) {
            if (!m.has(opt + i, 2) || remaining < 2 + i) {
                c.truncated("bgp");
                return;
            }
            int type = m.byteAt(opt + i);
            int len = m.byteAt(opt + i + 1);
            if (2 + i + len > optionsLength) {
                out.ascii("\n\t     Option ").num(type).ascii(", length: ").num(len)
                        .ascii(", goes past the end of the options");
                break;
            }
            out.ascii("\n\t    Option ").ascii(switch (type) {
                case 1 -> "Authentication Information";
                case 2 -> "Capabilities Advertisement";
                default -> "Unknown";
            }).ascii(" (").num(type).ascii("), length: ").num(len);
            if (type == 2) {
                if (!capabilities(opt + i + 2, len)) {
                    // tcpdump notes the cut and goes on with the next option
                    c.truncated("bgp");
                }
            } else {
                out.ascii("\n\t      no decoder for option ").num(type);
            }
            i += 2 + len;
        }
    }

    /** Prints the capabilities in {@code length} bytes at {@code at}; false when they run past the capture. */
    private boolean capabilities(int at, int length) {
        int i = 0;
        while (i < length) {
            if (!m.has(at + i, 2)) {
                return false;
            }
            int type = m.byteAt(at + i);
            int len = m.byteAt(at + i + 1);
            String name = capabilityName(type);
            out.ascii("\n\t      ").ascii(name == null ? "Unknown" : name).ascii(" (").num(type)
                    .ascii("), length: ").num(len);
            if (!m.has(at + i + 2, len)) {
                return false;
            }
            int v = at + i + 2;
            switch (type) {
                case 1 -> {
                    if (len < 4) {
                        out.ascii(" (too short, < 4)");
                        return true;
                    }
                    out.ascii("\n\t\tAFI ");
                    afiSafi(m.shortAt(v), m.byteAt(v + 3));
                }
                case 8 -> {
                    for (int o = 0; len - o >= 4; o += 4) {
                        out.ascii("\n\t\tAFI ");
                        afiSafi(m.shortAt(v + o), m.byteAt(v + o + 2));
                        out.ascii(", Count: ").num(m.byteAt(v + o + 3));
                    }
                }
                case 64 -> {
                    if (len < 2) {
                        out.ascii(" (too short, < 2)");
                        return true;
                    }
                    out.ascii("\n\t\tRestart Flags: [").ascii((m.byteAt(v) & 0x80) != 0 ? "R" : "none")
                            .ascii("], Restart Time ").num(m.shortAt(v) & 0xfff).ch('s');
                    for (int o = 2; len - o >= 4; o += 4) {
                        out.ascii("\n\t\t  AFI ");
                        afiSafi(m.shortAt(v + o), m.byteAt(v + o + 2));
                        out.ascii(", Forwarding state preserved: ")
                                .ascii((m.byteAt(v + o + 3) & 0x80) != 0 ? "yes" : "no");
                    }
                }
                case 2, 71, 128 -> { }
                case 65 -> {
                    if (len < 4) {
                        out.ascii(" (too short, < 4)");
                        return true;
                    }
                    out.ascii("\n\t\t 4 Byte AS ").num(m.intAt(v));
                }
                case 69 -> {
                    if (len == 0) {
                        out.ascii(" (bogus)");
                        break;
                    }
                    for (int o = 0; o < len; o += 4) {
                        if (len - o < 4) {
                            out.ascii(" (invalid)");
                            break;
                        }
                        out.ascii("\n\t\tAFI ");
                        afiSafi(m.shortAt(v + o), m.byteAt(v + o + 2));
                        int mode = m.byteAt(v + o + 3);
                        out.ascii(", Send/Receive: ");
                        switch (mode) {
                            case 1 -> out.ascii("Receive");
                            case 2 -> out.ascii("Send");
                            case 3 -> out.ascii("Both");
                            default -> out.ascii("Bogus (0x").hex(mode, 2).ch(')');
                        }
                    }
                }
                default -> {
                    out.ascii("\n\t\tno decoder for Capability ").num(type);
                    if (c.verbose() <= 1) {
                        TlvText.dump(out, m, v, len, "\n\t\t");
                    }
                }
            }
            if (c.verbose() > 1 && len != 0) {
                TlvText.dump(out, m, v, len, "\n\t\t");
            }
            i += 2 + len;
        }
        return true;
    }

    /** {@code IPv4 (1), SAFI Unicast (1)} as the capabilities print an address family. */
    private void afiSafi(int afi, int safi) {
        out.ascii(afiName(afi, "Unknown")).ascii(" (").num(afi).ascii("), SAFI ").ascii(safiName(safi, "Unknown"))
                .ascii(" (").num(safi).ch(')');
    }

    // ---- UPDATE

    private void update(int at, int length) {
        int p = at + Bgp.HEADER_LENGTH;
        int left = length - Bgp.HEADER_LENGTH;
        if (!m.has(p, 2) || left < 2) {
            c.truncated("bgp");
            return;
        }
        int withdrawn = m.shortAt(p);
        p += 2;
        left -= 2;
        if (!m.has(p, withdrawn) || left < withdrawn) {
            c.truncated("bgp");
            return;
        }
        if (withdrawn > 1) {
            out.ascii("\n\t  Withdrawn routes:");
            boolean addPath = addPath(p, withdrawn, 32);
            while (withdrawn != 0) {
                long pathId = 0;
                if (addPath) {
                    if (withdrawn < 4) {
                        p += withdrawn;
                        left -= withdrawn;
                        break;
                    }
                    pathId = m.intAt(p);
                    p += 4;
                    left -= 4;
                    withdrawn -= 4;
                }
                int used = route(p, withdrawn, addPath, pathId);
                if (used == ILLEGAL) {
                    break;
                }
                if (used == TRUNCATED) {
                    c.truncated("bgp");
                    return;
                }
                p += used;
                left -= used;
                withdrawn -= used;
            }
        } else {
            p += withdrawn;
            left -= withdrawn;
        }
        if (!m.has(p, 2) || left < 2) {
            c.truncated("bgp");
            return;
        }
        int attrs = m.shortAt(p);
        p += 2;
        left -= 2;
        if (withdrawn == 0 && attrs == 0 && left == 0) {
            out.ascii("\n\t  End-of-Rib Marker (empty NLRI)");
            return;
        }
        if (attrs != 0) {
            if (left < attrs) {
                c.truncated("bgp");
                return;
            }
            while (attrs != 0) {
                if (!m.has(p, 2) || left < 2) {
                    c.truncated("bgp");
                    return;
                }
                if (attrs < 2) {
                    out.ascii("\n\t  [path attrs too short]");
                    p += attrs;
                    left -= attrs;
                    break;
                }
                int flags = m.byteAt(p);
                int type = m.byteAt(p + 1);
                p += 2;
                attrs -= 2;
                left -= 2;
                int lenLen = (flags & 0x10) != 0 ? 2 : 1;
                if (!m.has(p, lenLen) || left < lenLen) {
                    c.truncated("bgp");
                    return;
                }
                if (attrs < lenLen) {
                    out.ascii("\n\t  [path attrs too short]");
                    p += attrs;
                    left -= attrs;
                    break;
                }
                int len = lenLen == 2 ? m.shortAt(p) : m.byteAt(p);
                p += lenLen;
                attrs -= lenLen;
                left -= lenLen;
                out.ascii("\n\t  ");
                attributeHeader(type, len, flags);
                if (flags != 0) {
                    out.ascii(": ");
                }
                if (attrs < len) {
                    out.ascii(" [path attrs too short]");
                    p += attrs;
                    left -= attrs;
                    break;
                }
                if (left < len || !attribute(type, p, len, 0)) {
                    c.truncated("bgp");
                    return;
                }
                p += len;
                attrs -= len;
                left -= len;
            }
        }
        if (left != 0) {
            boolean addPath = addPath(p, left, 32);
            out.ascii("\n\t  Updated routes:");
            while (left != 0) {
                long pathId = 0;
                if (addPath) {
                    if (!m.has(p, 4) || left < 4) {
                        c.truncated("bgp");
                        return;
                    }
                    pathId = m.intAt(p);
                    p += 4;
                    left -= 4;
                }
                int used = route(p, left, addPath, pathId);
                if (used == ILLEGAL) {
                    break;
                }
                if (used == TRUNCATED) {
                    c.truncated("bgp");
                    return;
                }
                p += used;
                left -= used;
            }
        }
    }

    /**
     * Prints one IPv4 route of the UPDATE's withdrawn or updated list, with its path id when the list carries
     * them; returns the bytes of its prefix, {@link #ILLEGAL} after tcpdump's note, or {@link #TRUNCATED}.
     */
    private int route(int p, int available, boolean addPath, long pathId) {
        int used = prefixText(p, available, "\n\t    ", false);
        if (used == ILLEGAL) {
            out.ascii("\n\t    (illegal prefix length)");
        } else if (used != TRUNCATED && addPath) {
            out.ascii("   Path Id: ").num(pathId);
        }
        return used;
    }

    /** {@code Origin (1), length: 1, Flags [T]} of a path attribute. */
    private void attributeHeader(int type, int len, int flags) {
        String name = attributeName(type);
        out.ascii(name == null ? "Unknown Attribute" : name).ascii(" (").num(type).ascii("), length: ").num(len);
        if (flags != 0) {
            out.ascii(", Flags [");
            if ((flags & 0x80) != 0) {
                out.ch('O');
            }
            if ((flags & 0x40) != 0) {
                out.ch('T');
            }
            if ((flags & 0x20) != 0) {
                out.ch('P');
            }
            if ((flags & 0x10) != 0) {
                out.ch('E');
            }
            if ((flags & 0xf) != 0) {
                out.ch('+').hex(flags & 0xf);
            }
            out.ch(']');
        }
    }

    /** Prints the value of a path attribute; false when it runs past the captured bytes. */
    private boolean attribute(int type, int at, int len, int level) {
        boolean ok = switch (type) {
            case 1 -> {
                if (len != 1) {
                    out.ascii("invalid len");
                } else if (m.has(at, 1)) {
                    int origin = m.byteAt(at);
                    out.ascii(switch (origin) {
                        case 0 -> "IGP";
                        case 1 -> "EGP";
                        case 2 -> "Incomplete";
                        default -> "Unknown Origin Typecode";
                    });
                } else {
                    yield false;
                }
                yield true;
            }
            case 2, 17 -> asPath(type, at, len);
            case 3, 9 -> {
                if (len != 4) {
                    out.ascii("invalid len");
                    yield true;
                }
                yield address4(at);
            }
            case 4, 5 -> {
                if (len != 4) {
                    out.ascii("invalid len");
                    yield true;
                }
                if (!m.has(at, 4)) {
                    yield false;
                }
                out.num(m.intAt(at));
                yield true;
            }
            case 6 -> {
                if (len != 0) {
                    out.ascii("invalid len");
                }
                yield true;
            }
            case 7, 18 -> {
                if (len != 8 && (type == 18 || len != 6)) {
                    out.ascii("invalid len");
                    yield true;
                }
                if (!m.has(at, len)) {
                    yield false;
                }
                out.ascii(" AS #").num(len == 6 ? m.shortAt(at) : m.intAt(at)).ascii(", origin ");
                c.ipv4((int) m.intAt(at + len - 4));
                yield true;
            }
            case 8 -> communities(at, len);
            case 10 -> {
                if (len % 4 != 0) {
                    out.ascii("invalid len");
                    yield true;
                }
                for (int o = 0; o < len; o += 4) {
                    if (!address4(at + o)) {
                        yield false;
                    }
                    if (len - o > 4) {
                        out.ascii(", ");
                    }
                }
                yield true;
            }
            case 14 -> mpReach(at, len);
            case 15 -> mpUnreach(at, len);
            case 16 -> extendedCommunities(at, len);
            case 22 -> pmsiTunnel(at, len);
            case 26 -> aigp(at, len);
            case 128 -> attributeSet(at, len, level);
            case 32 -> {
                if (len == 0 || len % 12 != 0) {
                    out.ascii("invalid len");
                    yield true;
                }
                out.ascii("\n\t    ");
                for (int o = 0; o < len; o += 12) {
                    if (!m.has(at + o, 12)) {
                        yield false;
                    }
                    out.num(m.intAt(at + o)).ch(':').num(m.intAt(at + o + 4)).ch(':').num(m.intAt(at + o + 8));
                    if (len - o > 12) {
                        out.ascii(", ");
                    }
                }
                yield true;
            }
            default -> {
                if (!m.has(at, len)) {
                    yield false;
                }
                out.ascii("\n\t    no Attribute ").num(type).ascii(" decoder");
                if (c.verbose() <= 1) {
                    TlvText.dump(out, m, at, len, "\n\t    ");
                }
                yield true;
            }
        };
        if (!ok) {
            return false;
        }
        // tcpdump counts the large communities and an attribute set down as it prints them, leaving no bytes to dump
        boolean counted = (type == 32 && len % 12 == 0) || type == 128;
        if (c.verbose() > 1 && len != 0 && !counted) {
            if (!m.has(at, len)) {
                return false;
            }
            TlvText.dump(out, m, at, len, "\n\t    ");
        }
        return true;
    }

    private boolean address4(int at) {
        if (!m.has(at, 4)) {
            return false;
        }
        c.ipv4((int) m.intAt(at));
        return true;
    }

    private boolean asPath(int type, int at, int len) {
        if (len % 2 != 0) {
            out.ascii("invalid len");
            return true;
        }
        if (len == 0) {
            out.ascii("empty");
            return true;
        }
        int size = asSize(type, at, len);
        int p = at;
        while (p < at + len) {
            if (!m.has(p, 2)) {
                return false;
            }
            int segment = m.byteAt(p);
            out.ascii(switch (segment) {
                case 1 -> "{ ";
                case 2 -> "";
                case 3 -> "( ";
                case 4 -> "({ ";
                default -> "?";
            });
            int count = m.byteAt(p + 1);
            for (int i = 0; i < count * size; i += size) {
                if (!m.has(p + 2 + i, size)) {
                    return false;
                }
                out.num(size == 2 ? m.shortAt(p + 2 + i) : m.intAt(p + 2 + i)).ch(' ');
            }
            out.ascii(switch (segment) {
                case 1 -> "}";
                case 2 -> "";
                case 3 -> ")";
                case 4 -> "})";
                default -> "?";
            });
            p += 2 + count * size;
        }
        return true;
    }

    /**
     * Whether the AS numbers of an AS_PATH are two or four bytes: two when its segments, read so, end exactly
     * at the attribute's end with valid segment types; AS4_PATH is always four.
     */
    private int asSize(int type, int at, int len) {
        if (type == 17) {
            return 4;
        }
        int p = at;
        while (p < at + len) {
            if (!m.has(p, 2)) {
                return 4;
            }
            int segment = m.byteAt(p);
            if (segment < 1 || segment > 4) {
                return 4;
            }
            p += 2 + m.byteAt(p + 1) * 2;
        }
        return p == at + len ? 2 : 4;
    }

    private boolean communities(int at, int len) {
        if (len % 4 != 0) {
            out.ascii("invalid len");
            return true;
        }
        for (int o = 0; o < len; o += 4) {
            if (!m.has(at + o, 4)) {
                return false;
            }
            long comm = m.intAt(at + o);
            if (comm == 0xffffff01L) {
                out.ascii(" NO_EXPORT");
            } else if (comm == 0xffffff02L) {
                out.ascii(" NO_ADVERTISE");
            } else if (comm == 0xffffff03L) {
                out.ascii(" NO_EXPORT_SUBCONFED");
            } else {
                out.num(comm >>> 16).ch(':').num(comm & 0xffff);
                if (len - o > 4) {
                    out.ascii(", ");
                }
            }
        }
        return true;
    }

    /**
     * Prints the address family of an MP_REACH or MP_UNREACH attribute and returns the kind of NLRI it
     * holds, {@link #NONE} after tcpdump's note for a family it does not decode, or {@link #TRUNCATED}.
     */
    private int addressFamily(int at, int len) {
        int afi = m.shortAt(at);
        int safi = m.byteAt(at + 2);
        out.ascii("\n\t    AFI: ").ascii(afiName(afi, "Unknown AFI")).ascii(" (").num(afi).ascii("), ")
                .ascii(safi > 128 ? "vendor specific " : "").ascii("SAFI: ").ascii(safiName(safi, "Unknown SAFI"))
                .ascii(" (").num(safi).ch(')');
        int kind = nlriKind(afi, safi);
        if (kind == NONE) {
            if (!m.has(at, len)) {
                return TRUNCATED;
            }
            out.ascii("\n\t    no AFI ").num(afi).ascii(" / SAFI ").num(safi).ascii(" decoder");
            if (c.verbose() <= 1) {
                TlvText.dump(out, m, at, len, "\n\t    ");
            }
        }
        return kind;
    }

    private static int nlriKind(int afi, int safi) {
        if (afi == AFI_IPV4 && safi == SAFI_ROUTE_TARGET) {
            return ROUTE_TARGET;
        }
        if (afi == AFI_IPV4 && safi == SAFI_MULTICAST_VPN) {
            return MULTICAST_VPN;
        }
        if (afi == AFI_IPV4 || afi == AFI_IPV6) {
            boolean v4 = afi == AFI_IPV4;
            return switch (safi) {
                case SAFI_UNICAST, SAFI_MULTICAST, SAFI_UNIMULTICAST -> v4 ? PREFIX4 : PREFIX6;
                case SAFI_LABELED -> v4 ? LABELED4 : LABELED6;
                case SAFI_VPN_UNICAST, SAFI_VPN_MULTICAST, SAFI_VPN_UNIMULTICAST -> v4 ? VPN4 : VPN6;
                default -> NONE;
            };
        }
        return NONE;
    }

    private boolean mpReach(int at, int len) {
        if (!m.has(at, 3)) {
            return false;
        }
        if (len < 3) {
            return false;
        }
        int kind = addressFamily(at, len);
        if (kind == TRUNCATED) {
            return false;
        }
        if (kind == NONE) {
            return true;
        }
        int p = at + 3;
        int left = len - 3;
        if (!m.has(p, 1) || left < 1) {
            return false;
        }
        int nhLength = m.byteAt(p);
        p++;
        left--;
        if (nhLength != 0) {
            if (left < nhLength) {
                return false;
            }
            out.ascii("\n\t    nexthop: ");
            int nh = nhLength;
            boolean first = true;
            while (nh != 0) {
                if (!first) {
                    out.ascii(", ");
                }
                first = false;
                boolean vpn = kind == VPN4 || kind == VPN6;
                boolean v6 = kind == PREFIX6 || kind == LABELED6 || kind == VPN6;
                int need = (v6 ? 16 : 4) + (vpn ? 8 : 0);
                if (nh < need) {
                    out.ascii("invalid len");
                    p += nh;
                    left -= nh;
                    nh = 0;
                    continue;
                }
                if (!m.has(p, need)) {
                    return false;
                }
                int a = p;
                if (vpn) {
                    out.ascii("RD: ");
                    routeDistinguisher(p);
                    out.ascii(", ");
                    a += 8;
                }
                if (v6) {
                    address6(a);
                } else {
                    c.ipv4((int) m.intAt(a));
                }
                p += need;
                left -= need;
                nh -= need;
            }
        }
        out.ascii(", nh-length: ").num(nhLength);
        if (left < 1) {
            return false;
        }
        int snpa = m.byteAt(p);
        p++;
        left--;
        if (snpa != 0) {
            out.ascii("\n\t    ").num(snpa).ascii(" SNPA");
            for (; snpa != 0; snpa--) {
                if (left < 1 || !m.has(p, 1)) {
                    return false;
                }
                int snpaLength = m.byteAt(p);
                out.ascii("\n\t      ").num(snpaLength).ascii(" bytes");
                p++;
                left--;
                if (left < snpaLength || !m.has(p, snpaLength)) {
                    return false;
                }
                p += snpaLength;
                left -= snpaLength;
            }
        } else {
            out.ascii(", no SNPA");
        }
        return nlris(kind, p, at + len, len);
    }

    private boolean mpUnreach(int at, int len) {
        if (!m.has(at, 3)) {
            return false;
        }
        int kind = addressFamily(at, len);
        if (kind == TRUNCATED) {
            return false;
        }
        if (kind == NONE) {
            return true;
        }
        if (len == 3) {
            out.ascii("\n\t      End-of-Rib Marker (empty NLRI)");
        }
        return nlris(kind, at + 3, at + len, len);
    }

    /**
     * Prints the prefixes from {@code p} to {@code end} of an MP attribute of {@code attrLength} bytes. As
     * tcpdump, each prefix is bounded by the attribute's whole length rather than by what is left of it.
     */
    private boolean nlris(int kind, int p, int end, int attrLength) {
        boolean addPath4 = addPath(p, end - p, 32);
        boolean addPath6 = addPath(p, end - p, 128);
        while (p < end) {
            int used = nlri(kind, p, attrLength, addPath4, addPath6);
            if (used == TRUNCATED) {
                return false;
            }
            if (used < 0) {
                break;
            }
            p += used;
        }
        return true;
    }

    /** Prints one prefix; returns the bytes it took, {@link #ILLEGAL}, {@link #TRUNCATED}, or -3 to stop. */
    private int nlri(int kind, int p, int itemLength, boolean addPath4, boolean addPath6) {
        switch (kind) {
            case PREFIX4, PREFIX6 -> {
                boolean addPath = kind == PREFIX4 ? addPath4 : addPath6;
                long pathId = 0;
                int q = p;
                if (addPath) {
                    if (!m.has(q, 4)) {
                        return TRUNCATED;
                    }
                    pathId = m.intAt(q);
                    q += 4;
                }
                int used = prefixText(q, itemLength, "\n\t      ", kind == PREFIX6);
                if (used == ILLEGAL) {
                    out.ascii("\n\t    (illegal prefix length)");
                }
                if (addPath) {
                    out.ascii("   Path Id: ").num(pathId);
                    used += 4;
                }
                return used;
            }
            case LABELED4, LABELED6 -> {
                int bits = kind == LABELED4 ? 32 : 128;
                if (!m.has(p, 4)) {
                    return TRUNCATED;
                }
                if (itemLength < 4) {
                    return -3;
                }
                int plen = m.byteAt(p);
                if (plen < 24 || plen - 24 > bits) {
                    out.ascii("\n\t    (illegal prefix length)");
                    return ILLEGAL;
                }
                plen -= 24;
                int bytes = (plen + 7) / 8;
                if (kind == LABELED4 && itemLength - 4 < bytes) {
                    return -3;
                }
                if (!m.has(p + 4, bytes)) {
                    return TRUNCATED;
                }
                out.ascii("\n\t      ");
                prefixAddress(p + 4, plen, kind == LABELED6);
                label(p + 1);
                return 4 + bytes;
            }
            case VPN4, VPN6 -> {
                int bits = kind == VPN4 ? 32 : 128;
                if (!m.has(p, 1)) {
                    return TRUNCATED;
                }
                int plen = m.byteAt(p);
                if (plen < 88 || plen - 88 > bits) {
                    out.ascii("\n\t    (illegal prefix length)");
                    return ILLEGAL;
                }
                plen -= 88;
                int bytes = (plen + 7) / 8;
                if (!m.has(p, 12 + bytes)) {
                    return TRUNCATED;
                }
                out.ascii("\n\t      RD: ");
                routeDistinguisher(p + 4);
                out.ascii(", ");
                prefixAddress(p + 12, plen, kind == VPN6);
                label(p + 1);
                return 12 + bytes;
            }
            case ROUTE_TARGET -> {
                return routeTargetMembership(p);
            }
            case MULTICAST_VPN -> {
                return multicastVpn(p);
            }
            default -> {
                return -3;
            }
        }
    }

    /**
     * An RFC 6514 multicast VPN route: a route type, a length, then a body by type (a route distinguisher,
     * an originator, a source AS, a multicast source and group). Nothing of it prints when a field it needs
     * is not captured, as tcpdump composes the line before it writes it.
     */
    private int multicastVpn(int p) {
        if (!m.has(p, 2)) {
            return TRUNCATED;
        }
        int type = m.byteAt(p);
        int length = m.byteAt(p + 1);
        int q = p + 2;
        long originatorBits = 0;
        int sg = -1;
        switch (type) {
            case 1 -> {
                originatorBits = ((long) (length - 8) << 3) & 0xffffffffL;
                if (!m.has(q, 8) || !addressCaptured(q + 8, originatorBits)) {
                    return TRUNCATED;
                }
            }
            case 2, 6, 7 -> {
                if (!m.has(q, 12)) {
                    return TRUNCATED;
                }
                sg = type == 2 ? -1 : q + 12;
            }
            case 3, 5 -> {
                if (!m.has(q, 8)) {
                    return TRUNCATED;
                }
                sg = q + 8;
            }
            default -> { }
        }
        if (sg >= 0 && !sourceGroupCaptured(sg)) {
            return TRUNCATED;
        }
        long originatorBytes = 0;
        if (type == 3) {
            // the originator is read where the source and group start, as tcpdump does
            originatorBytes = (length - sourceGroupLength(sg)) & 0xffffffffL;
            originatorBits = (originatorBytes << 3) & 0xffffffffL;
            if (!m.has(sg, (int) Math.min(originatorBytes, Integer.MAX_VALUE))
                    || !addressCaptured(sg, originatorBits)) {
                return TRUNCATED;
            }
        }
        String name = switch (type) {
            case 1 -> "Intra-AS I-PMSI";
            case 2 -> "Inter-AS I-PMSI";
            case 3 -> "S-PMSI";
            case 4 -> "Intra-AS Segment-Leaf";
            case 5 -> "Source-Active";
            case 6 -> "Shared Tree Join";
            case 7 -> "Source Tree Join";
            default -> "Unknown";
        };
        out.ascii("\n\t      Route-Type: ").ascii(name).ascii(" (").num(type).ascii("), length: ").num(length);
        switch (type) {
            case 1 -> {
                out.ascii(", RD: ");
                routeDistinguisher(q);
                out.ascii(", Originator ");
                vpnAddress(q + 8, originatorBits);
            }
            case 2, 6, 7 -> {
                out.ascii(", RD: ");
                routeDistinguisher(q);
                out.ascii(", Source-AS ").num(m.intAt(q + 8));
                if (type != 2) {
                    sourceGroup(sg);
                }
            }
            case 3, 5 -> {
                out.ascii(", RD: ");
                routeDistinguisher(q);
                sourceGroup(sg);
                if (type == 3) {
                    out.ascii(", Originator ");
                    vpnAddress(sg, originatorBits);
                }
            }
            default -> { }
        }
        return length + 2;
    }

    /** Whether an address of {@code bits} bits at {@code at} that {@link #vpnAddress} would read is captured. */
    private boolean addressCaptured(int at, long bits) {
        return bits == 32 ? m.has(at, 4) : bits != 128 || m.has(at, 16);
    }

    /** An IPv4 or IPv6 address by its length in bits, or tcpdump's note on any other length. */
    private void vpnAddress(int at, long bits) {
        if (bits == 32) {
            dotted(at);
        } else if (bits == 128) {
            address6(at);
        } else {
            out.ascii("bogus address length ").num(bits);
        }
    }

    /**
     * Whether the length bytes of a multicast source and group are captured (their addresses may be cut:
     * the print then stops where they are missing).
     */
    private boolean sourceGroupCaptured(int at) {
        if (!m.has(at, 1)) {
            return false;
        }
        int source = m.byteAt(at) >> 3;
        return !m.has(at + 1, source) || m.has(at + 1 + source, 1);
    }

    /** The bytes a multicast source and group take, as far as their addresses are captured. */
    private int sourceGroupLength(int at) {
        int source = m.byteAt(at) >> 3;
        if (!m.has(at + 1, source)) {
            return 0;
        }
        int group = m.byteAt(at + 1 + source) >> 3;
        return m.has(at + 2 + source, group) ? source + group + 2 : source + 1;
    }

    /** {@code , Source 10.0.0.1, Group 232.1.1.1} of a multicast source and group, as far as captured. */
    private void sourceGroup(int at) {
        int sourceBits = m.byteAt(at);
        int source = sourceBits >> 3;
        if (!m.has(at + 1, source)) {
            return;
        }
        if (sourceBits != 0) {
            out.ascii(", Source ");
            vpnAddress(at + 1, sourceBits);
        }
        int g = at + 1 + source;
        int groupBits = m.byteAt(g);
        if (!m.has(g + 1, groupBits >> 3)) {
            return;
        }
        if (groupBits != 0) {
            out.ascii(", Group ");
            vpnAddress(g + 1, groupBits);
        }
    }

    /** An RFC 4684 route target membership NLRI: a length in bits, an origin AS and part of a route target. */
    private int routeTargetMembership(int p) {
        if (!m.has(p, 1)) {
            return TRUNCATED;
        }
        int plen = m.byteAt(p);
        if (plen == 0) {
            out.ascii("\n\t      default route target");
            return 1;
        }
        if (plen < 32 || plen - 32 > 64) {
            out.ascii("\n\t      (illegal prefix length)");
            return ILLEGAL;
        }
        plen -= 32;
        int bytes = (plen + 7) / 8;
        if (!m.has(p + 1, 4 + bytes)) {
            return TRUNCATED;
        }
        byte[] rt = new byte[8];
        for (int i = 0; i < bytes; i++) {
            rt[i] = (byte) m.byteAt(p + 5 + i);
        }
        if (plen % 8 != 0) {
            rt[bytes - 1] &= (byte) (0xff00 >> (plen % 8));
        }
        out.ascii("\n\t      origin AS: ").num(m.intAt(p + 1)).ascii(", ");
        if (plen == 0) {
            out.ascii("route-target: 0:0/0");
            return 5;
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            hex.append(Character.forDigit((rt[i] >> 4) & 0xf, 16)).append(Character.forDigit(rt[i] & 0xf, 16));
            if (i % 2 == 1 && i < bytes - 1) {
                hex.append(' ');
            }
        }
        if (plen < 16) {
            out.ascii("route-target: partial-type: (").ascii(hex).ch('/').num(plen).ch(')');
            return 5 + bytes;
        }
        int type = (rt[0] & 0xff) << 8 | (rt[1] & 0xff);
        long word = (rt[4] & 0xffL) << 24 | (rt[5] & 0xff) << 16 | (rt[6] & 0xff) << 8 | (rt[7] & 0xff);
        int high = (rt[2] & 0xff) << 8 | (rt[3] & 0xff);
        int low = (rt[6] & 0xff) << 8 | (rt[7] & 0xff);
        switch (type) {
            case 0x0002 -> out.ascii("route-target: ").num(high).ch(':').num(word);
            case 0x0102 -> out.ascii("route-target: ").num(rt[2] & 0xff).ch('.').num(rt[3] & 0xff).ch('.')
                    .num(rt[4] & 0xff).ch('.').num(rt[5] & 0xff).ch(':').num(low);
            case 0x0202 -> out.ascii("route-target: ").num((long) high << 16 | (rt[4] & 0xff) << 8 | (rt[5] & 0xff))
                    .ch(':').num(low);
            default -> {
                out.ascii("route target: unknown-type(").hex(type, 4).ascii(") (").ascii(hex).ch('/').num(plen)
                        .ch(')');
                return 5 + bytes;
            }
        }
        out.ch('/').num(plen).ascii(" (").ascii(hex).ch(')');
        return 5 + bytes;
    }

    /** {@code , label:300096 (bottom)} of the three label bytes at {@code at}. */
    private void label(int at) {
        int v = m.byteAt(at) << 16 | m.shortAt(at + 1);
        out.ascii(", label:").num(v >>> 4).ascii((v & 1) == 0 ? " (BOGUS: Bottom of Stack NOT set!)" : " (bottom)");
    }

    /**
     * Prints an IPv4 or IPv6 prefix (a length byte, then its significant bytes) after {@code lead}; returns
     * the bytes it took, {@link #ILLEGAL} for a length over the address's, or {@link #TRUNCATED} when
     * {@code itemLength} or the capture ends first.
     */
    private int prefixText(int at, int itemLength, String lead, boolean v6) {
        if (itemLength < 1 || !m.has(at, 1)) {
            return TRUNCATED;
        }
        int plen = m.byteAt(at);
        if (plen > (v6 ? 128 : 32)) {
            return ILLEGAL;
        }
        int bytes = (plen + 7) / 8;
        if (itemLength - 1 < bytes || !m.has(at + 1, bytes)) {
            return TRUNCATED;
        }
        out.ascii(lead);
        prefixAddress(at + 1, plen, v6);
        return 1 + bytes;
    }

    /** Writes {@code addr/plen} from the significant bytes at {@code at}, the bits past the length cleared. */
    private void prefixAddress(int at, int plen, boolean v6) {
        int bytes = (plen + 7) / 8;
        byte[] a = c.addressScratch();
        java.util.Arrays.fill(a, (byte) 0);
        for (int i = 0; i < bytes; i++) {
            a[i] = (byte) m.byteAt(at + i);
        }
        if (plen % 8 != 0) {
            a[bytes - 1] &= (byte) (0xff00 >> (plen % 8));
        }
        if (v6) {
            c.ipv6(a);
        } else {
            c.ipv4((a[0] & 0xff) << 24 | (a[1] & 0xff) << 16 | (a[2] & 0xff) << 8 | (a[3] & 0xff));
        }
        out.ch('/').num(plen);
    }

    private void address6(int at) {
        byte[] a = c.addressScratch();
        for (int i = 0; i < 16; i++) {
            a[i] = (byte) m.byteAt(at + i);
        }
        c.ipv6(a);
    }

    /** An RFC 4364 route distinguisher of 8 bytes, as tcpdump writes each of its three formats. */
    private void routeDistinguisher(int at) {
        switch (m.shortAt(at)) {
            case 0 -> {
                out.num(m.shortAt(at + 2)).ch(':').num(m.intAt(at + 4)).ascii(" (= ");
                dotted(at + 4);
                out.ch(')');
            }
            case 1 -> {
                dotted(at + 2);
                out.ch(':').num(m.shortAt(at + 6));
            }
            case 2 -> {
                out.num(m.intAt(at + 2)).ch(':').num(m.shortAt(at + 6)).ascii(" (");
                dotted(at + 2);
                out.ch(':').num(m.shortAt(at + 6)).ch(')');
            }
            default -> out.ascii("unknown RD format");
        }
    }

    private void dotted(int at) {
        c.ipv4((int) m.intAt(at));
    }

    /**
     * Whether prefixes in {@code length} bytes at {@code at} carry RFC 7911 path identifiers: they parse with
     * them, and they do not parse (or parse oddly) without. tcpdump has no OPEN to go by and guesses so.
     */
    private boolean addPath(int at, int length, int maxBits) {
        if (length < 5) {
            return false;
        }
        int o = 0;
        while (o < length) {
            o += 4;
            if (!m.has(at + o, 1)) {
                break;
            }
            int plen = m.byteAt(at + o);
            if (plen > maxBits) {
                return false;
            }
            o += 1 + (plen + 7) / 8;
        }
        if (o > length) {
            return false;
        }
        o = 0;
        while (o < length) {
            if (!m.has(at + o, 1)) {
                break;
            }
            int plen = m.byteAt(at + o);
            if (plen < 1 || plen > maxBits) {
                return true;
            }
            o += 1 + (plen + 7) / 8;
        }
        return o > length;
    }

    private boolean extendedCommunities(int at, int len) {
        if (len % 8 != 0) {
            out.ascii("invalid len");
            return true;
        }
        for (int o = 0; o < len; o += 8) {
            int p = at + o;
            if (!m.has(p, 2)) {
                return false;
            }
            int type = m.shortAt(p);
            String name = extendedCommunityName(type);
            out.ascii("\n\t    ").ascii(name == null ? "unknown extd community typecode" : name).ascii(" (0x")
                    .hex(type, 4).ascii("), Flags [");
            if ((type & 0xc000) == 0) {
                out.ascii("none");
            } else if ((type & 0xc000) == 0xc000) {
                out.ascii("vendor-specific, non-transitive");
            } else {
                out.ascii((type & 0x8000) != 0 ? "vendor-specific" : "non-transitive");
            }
            out.ch(']');
            if (!m.has(p, 8)) {
                return false;
            }
            out.ascii(": ");
            extendedCommunity(p, type);
        }
        return true;
    }

    private void extendedCommunity(int p, int type) {
        switch (type) {
            case 0x0002, 0x0003, 0x000a -> {
                out.num(m.shortAt(p + 2)).ch(':').num(m.intAt(p + 4)).ascii(" (= ");
                dotted(p + 4);
                out.ch(')');
            }
            case 0x0102, 0x0103, 0xf10a, 0x010b -> {
                dotted(p + 2);
                out.ch(':').num(m.shortAt(p + 6));
            }
            case 0x0202, 0x0203 -> out.num(m.intAt(p + 2)).ch(':').num(m.shortAt(p + 6));
            case 0x4004 -> {
                float bw = Float.intBitsToFloat((int) m.intAt(p + 4));
                out.ascii("bandwidth: ").ascii(String.format(java.util.Locale.ROOT, "%.3f", bw * 8 / 1000000))
                        .ascii(" Mbps");
            }
            case 0x0005, 0x0105, 0x0205, 0x8005, 0x0107, 0x8001 -> dotted(p + 2);
            case 0x0306, 0x8000 -> {
                int routeType = m.byteAt(p + 6);
                out.ascii("area:");
                dotted(p + 2);
                out.ascii(", router-type:");
                String rt = switch (routeType) {
                    case 1 -> "Router";
                    case 2 -> "Network";
                    case 3 -> "Summary";
                    case 5 -> "External";
                    case 7 -> "NSSA External";
                    case 129 -> "MPLS-VPN Sham";
                    default -> null;
                };
                if (rt == null) {
                    out.ascii("unknown (0x").hex(routeType, 2).ch(')');
                } else {
                    out.ascii(rt);
                }
                out.ascii(", metric-type:").ascii((m.byteAt(p + 7) & 1) != 0 ? "E2" : "")
                        .ascii(routeType == 5 || routeType == 7 ? "E1" : "");
            }
            case 0x800a -> {
                String encaps = l2vpnEncapsulation(m.byteAt(p + 2));
                out.ascii(encaps == null ? "unknown encaps" : encaps).ascii(" Control Flags [0x")
                        .hex(m.byteAt(p + 3), 2).ascii("]:MTU ").num(m.shortAt(p + 4));
            }
            case 0x0009 -> out.ascii("AS ").num(m.shortAt(p + 2));
            case 0x030c -> {
                String tunnel = tunnelName(m.shortAt(p + 6));
                out.ascii("Tunnel type: ").ascii(tunnel == null ? "unknown encaps" : tunnel);
            }
            default -> {
                for (int i = 2; i < 8; i++) {
                    out.hex2(m.byteAt(p + i));
                }
            }
        }
    }

    private boolean pmsiTunnel(int at, int len) {
        if (!m.has(at, 5) || len < 5) {
            return false;
        }
        int flags = m.byteAt(at);
        int tunnel = m.byteAt(at + 1);
        String name = switch (tunnel) {
            case 1 -> "RSVP-TE P2MP LSP";
            case 2 -> "LDP P2MP LSP";
            case 3 -> "PIM-SSM Tree";
            case 4 -> "PIM-SM Tree";
            case 5 -> "PIM-Bidir Tree";
            case 6 -> "Ingress Replication";
            case 7 -> "LDP MP2MP LSP";
            default -> "Unknown";
        };
        out.ascii("\n\t    Tunnel-type ").ascii(name).ascii(" (").num(tunnel).ascii("), Flags [")
                .ascii((flags & 1) != 0 ? "Leaf Information required" : "none").ascii("], MPLS Label ")
                .num((m.byteAt(at + 2) << 16 | m.shortAt(at + 3)) >>> 4);
        int p = at + 5;
        int left = len - 5;
        switch (tunnel) {
            case 3, 4, 5 -> {
                if (!m.has(p, 8)) {
                    return false;
                }
                out.ascii(tunnel == 3 ? "\n\t      Root-Node " : "\n\t      Sender ");
                dotted(p);
                out.ascii(", P-Group ");
                dotted(p + 4);
            }
            case 6 -> {
                if (!m.has(p, 4)) {
                    return false;
                }
                out.ascii("\n\t      Tunnel-Endpoint ");
                dotted(p);
            }
            case 1, 2, 7 -> {
                if (!m.has(p, 8)) {
                    return false;
                }
                out.ascii(tunnel == 1 ? "\n\t      Extended-Tunnel-ID " : "\n\t      Root-Node ");
                dotted(p);
                out.ascii(tunnel == 1 ? ", P2MP-ID 0x" : ", LSP-ID 0x").hex(m.intAt(p + 4), 8);
            }
            default -> {
                if (c.verbose() <= 1) {
                    TlvText.dump(out, m, p, left, "\n\t      ");
                }
            }
        }
        return true;
    }

    private boolean aigp(int at, int len) {
        int p = at;
        int left = len;
        while (left >= 3) {
            if (!m.has(p, 3)) {
                return false;
            }
            int type = m.byteAt(p);
            int length = m.shortAt(p + 1);
            p += 3;
            left -= 3;
            out.ascii("\n\t    ").ascii(type == 1 ? "AIGP" : "Unknown").ascii(" TLV (").num(type)
                    .ascii("), length ").num(length);
            if (length < 3) {
                return false;
            }
            length -= 3;
            if (left < length) {
                return false;
            }
            if (type == 1) {
                if (length < 8 || !m.has(p, 8)) {
                    return false;
                }
                out.ascii(", metric ").ascii(Long.toUnsignedString(m.longAt(p)));
            } else if (c.verbose() <= 1) {
                TlvText.dump(out, m, p, length, "\n\t      ");
            }
            p += length;
            left -= length;
        }
        return true;
    }

    private boolean attributeSet(int at, int len, int level) {
        if (!m.has(at, 4) || len < 4) {
            return false;
        }
        out.ascii("\n\t    Origin AS: ").num(m.intAt(at));
        int p = at + 4;
        int left = len - 4;
        while (left != 0) {
            if (!m.has(p, 2)) {
                return false;
            }
            if (left < 2) {
                out.ascii(" [path attr too short]");
                break;
            }
            int flags = m.byteAt(p);
            int type = m.byteAt(p + 1);
            p += 2;
            left -= 2;
            int lenLen = (flags & 0x10) != 0 ? 2 : 1;
            if (!m.has(p, lenLen)) {
                return false;
            }
            if (left < lenLen) {
                out.ascii(" [path attr too short]");
                break;
            }
            int alen = lenLen == 2 ? m.shortAt(p) : m.byteAt(p);
            p += lenLen;
            left -= lenLen;
            out.ascii("\n\t      ");
            attributeHeader(type, alen, flags);
            out.ascii(": ");
            if (left < alen) {
                out.ascii(" [path attr too short]");
                break;
            }
            if (level == MAX_ATTR_SET_LEVEL) {
                out.ascii("(too many nested levels, not recursing)");
            } else if (!attribute(type, p, alen, level + 1)) {
                return false;
            }
            p += alen;
            left -= alen;
        }
        return true;
    }

    // ---- NOTIFICATION and ROUTE-REFRESH

    private void notification(int at, int length) {
        if (!m.has(at, NOTIFICATION_LENGTH)) {
            c.truncated("bgp");
            return;
        }
        if (length < NOTIFICATION_LENGTH) {
            return;
        }
        int major = m.byteAt(at + 19);
        int minor = m.byteAt(at + 20);
        String majorName = switch (major) {
            case 1 -> "Message Header Error";
            case 2 -> "OPEN Message Error";
            case 3 -> "UPDATE Message Error";
            case 4 -> "Hold Timer Expired";
            case 5 -> "Finite State Machine Error";
            case 6 -> "Cease";
            case 7 -> "Capability Message Error";
            default -> "Unknown Error";
        };
        out.ascii(", ").ascii(majorName).ascii(" (").num(major).ch(')');
        String minorName = switch (major) {
            case 1 -> switch (minor) {
                case 1 -> "Connection Not Synchronized";
                case 2 -> "Bad Message Length";
                case 3 -> "Bad Message Type";
                default -> "Unknown";
            };
            case 2 -> switch (minor) {
                case 1 -> "Unsupported Version Number";
                case 2 -> "Bad Peer AS";
                case 3 -> "Bad BGP Identifier";
                case 4 -> "Unsupported Optional Parameter";
                case 5 -> "Authentication Failure";
                case 6 -> "Unacceptable Hold Time";
                case 7 -> "Capability Message Error";
                default -> "Unknown";
            };
            case 3 -> switch (minor) {
                case 1 -> "Malformed Attribute List";
                case 2 -> "Unrecognized Well-known Attribute";
                case 3 -> "Missing Well-known Attribute";
                case 4 -> "Attribute Flags Error";
                case 5 -> "Attribute Length Error";
                case 6 -> "Invalid ORIGIN Attribute";
                case 7 -> "AS Routing Loop";
                case 8 -> "Invalid NEXT_HOP Attribute";
                case 9 -> "Optional Attribute Error";
                case 10 -> "Invalid Network Field";
                case 11 -> "Malformed AS_PATH";
                default -> "Unknown";
            };
            case 5 -> switch (minor) {
                case 0 -> "Unspecified Error";
                case 1 -> "In OpenSent State";
                case 2 -> "In OpenConfirm State";
                case 3 -> "In Established State";
                default -> "Unknown";
            };
            case 6 -> switch (minor) {
                case 1 -> "Maximum Number of Prefixes Reached";
                case 2 -> "Administrative Shutdown";
                case 3 -> "Peer Unconfigured";
                case 4 -> "Administrative Reset";
                case 5 -> "Connection Rejected";
                case 6 -> "Other Configuration Change";
                case 7 -> "Connection Collision Resolution";
                default -> "Unknown";
            };
            case 7 -> switch (minor) {
                case 1 -> "Invalid Action Value";
                case 2 -> "Invalid Capability Length";
                case 3 -> "Malformed Capability Value";
                case 4 -> "Unsupported Capability Code";
                default -> "Unknown";
            };
            default -> null;
        };
        if (minorName == null) {
            return;
        }
        // tcpdump writes no comma before the subcode of these two classes
        out.ascii(major == 5 || major == 7 ? " subcode " : ", subcode ").ascii(minorName).ascii(" (").num(minor)
                .ch(')');
        if (major != 6) {
            return;
        }
        int data = at + NOTIFICATION_LENGTH;
        if (minor == 1 && length >= NOTIFICATION_LENGTH + 7) {
            if (!m.has(data, 7)) {
                c.truncated("bgp");
                return;
            }
            int afi = m.shortAt(data);
            int safi = m.byteAt(data + 2);
            out.ascii(", AFI ").ascii(afiName(afi, "Unknown")).ascii(" (").num(afi).ascii("), SAFI ")
                    .ascii(safiName(safi, "Unknown")).ascii(" (").num(safi).ascii("), Max Prefixes: ")
                    .num(m.intAt(data + 3));
        }
        if ((minor == 2 || minor == 4) && length >= NOTIFICATION_LENGTH + 1) {
            if (!m.has(data, 1)) {
                c.truncated("bgp");
                return;
            }
            int textLength = m.byteAt(data);
            int rest = 0;
            if (textLength > length - (NOTIFICATION_LENGTH + 1)) {
                out.ascii(", invalid Shutdown Communication length");
            } else if (textLength == 0) {
                out.ascii(", empty Shutdown Communication");
                rest = 1;
            } else {
                out.ascii(", Shutdown Communication (length: ").num(textLength).ascii("): \"");
                for (int i = 0; i < textLength; i++) {
                    if (!m.has(data + 1 + i, 1)) {
                        out.ch('"');
                        c.truncated("bgp");
                        return;
                    }
                    VrrpPrinter.printable(out, m.byteAt(data + 1 + i));
                }
                out.ch('"');
                rest = textLength + 1;
            }
            int trailing = length - (rest + NOTIFICATION_LENGTH);
            if (trailing > 0) {
                out.ascii(", Data: (length: ").num(trailing).ch(')');
                hex(data + rest, trailing, "\n\t\t");
            }
        }
    }

    /** tcpdump's {@code hex_print}: the captured bytes only, sixteen to a line after {@code indent}. */
    private void hex(int at, int length, String indent) {
        TlvText.dump(out, m, at, length, indent);
    }

    private void routeRefresh(int at, int length) {
        if (!m.has(at, ROUTE_REFRESH_LENGTH)) {
            c.truncated("bgp");
            return;
        }
        if (length < ROUTE_REFRESH_LENGTH) {
            return;
        }
        int afi = m.shortAt(at + 19);
        int safi = m.byteAt(at + 22);
        out.ascii("\n\t  AFI ").ascii(afiName(afi, "Unknown")).ascii(" (").num(afi).ascii("), SAFI ")
                .ascii(safiName(safi, "Unknown")).ascii(" (").num(safi).ch(')');
        if (c.verbose() > 1) {
            if (!m.has(at, length)) {
                c.truncated("bgp");
                return;
            }
            TlvText.dump(out, m, at, length, "\n\t  ");
        }
    }

    // ---- names

    private static String messageName(int type) {
        return switch (type) {
            case 1 -> "Open";
            case 2 -> "Update";
            case 3 -> "Notification";
            case 4 -> "Keepalive";
            case 5 -> "Route Refresh";
            default -> null;
        };
    }

    private static String capabilityName(int type) {
        return switch (type) {
            case 1 -> "Multiprotocol Extensions";
            case 2 -> "Route Refresh";
            case 3 -> "Cooperative Route Filtering";
            case 4 -> "Multiple Routes to a Destination";
            case 5 -> "Extended Next Hop Encoding";
            case 8 -> "Multiple Labels";
            case 64 -> "Graceful Restart";
            case 65 -> "32-Bit AS Number";
            case 67 -> "Dynamic Capability";
            case 68 -> "Multisession BGP";
            case 69 -> "Multiple Paths";
            case 70 -> "Enhanced Route Refresh";
            case 71 -> "Long-lived Graceful Restart";
            case 128 -> "Route Refresh (Cisco)";
            default -> null;
        };
    }

    private static String attributeName(int type) {
        return switch (type) {
            case 1 -> "Origin";
            case 2 -> "AS Path";
            case 3 -> "Next Hop";
            case 4 -> "Multi Exit Discriminator";
            case 5 -> "Local Preference";
            case 6 -> "Atomic Aggregate";
            case 7 -> "Aggregator";
            case 8 -> "Community";
            case 9 -> "Originator ID";
            case 10 -> "Cluster List";
            case 11 -> "DPA";
            case 12 -> "Advertisers";
            case 13 -> "RCID Path / Cluster ID";
            case 14 -> "Multi-Protocol Reach NLRI";
            case 15 -> "Multi-Protocol Unreach NLRI";
            case 16 -> "Extended Community";
            case 17 -> "AS4 Path";
            case 18 -> "Aggregator4";
            case 22 -> "PMSI Tunnel";
            case 23 -> "Tunnel Encapsulation";
            case 24 -> "Traffic Engineering";
            case 25 -> "IPv6 Extended Community";
            case 26 -> "Accumulated IGP Metric";
            case 27 -> "PE Distinguisher Label";
            case 28 -> "Entropy Label";
            case 32 -> "Large Community";
            case 128 -> "Attribute Set";
            case 255 -> "Reserved for development";
            default -> null;
        };
    }

    /** The address family names of RFC 1700 as tcpdump lists them. */
    static String afiName(int afi, String unknown) {
        return switch (afi) {
            case 0 -> "Reserved";
            case 1 -> "IPv4";
            case 2 -> "IPv6";
            case 3 -> "NSAP";
            case 4 -> "HDLC";
            case 5 -> "BBN 1822";
            case 6 -> "802";
            case 7 -> "E.163";
            case 8 -> "E.164";
            case 9 -> "F.69";
            case 10 -> "X.121";
            case 11 -> "Novell IPX";
            case 12 -> "Appletalk";
            case 13 -> "Decnet IV";
            case 14 -> "Banyan Vines";
            case 15 -> "E.164 with NSAP subaddress";
            case 25 -> "VPLS";
            case 196 -> "Layer-2 VPN";
            default -> unknown;
        };
    }

    private static String safiName(int safi, String unknown) {
        return switch (safi) {
            case 0 -> "Reserved";
            case 1 -> "Unicast";
            case 2 -> "Multicast";
            case 3 -> "Unicast+Multicast";
            case 4 -> "labeled Unicast";
            case 5 -> "Multicast VPN";
            case 64 -> "Tunnel";
            case 65 -> "VPLS";
            case 66 -> "MDT";
            case 70 -> "EVPN";
            case 128 -> "labeled VPN Unicast";
            case 129 -> "labeled VPN Multicast";
            case 130 -> "labeled VPN Unicast+Multicast";
            case 132 -> "Route Target Routing Information";
            default -> unknown;
        };
    }

    private static String extendedCommunityName(int type) {
        return switch (type) {
            case 0x0002, 0x0102, 0x0202 -> "target";
            case 0x0003, 0x0103, 0x0203 -> "origin";
            case 0x4004 -> "link-BW";
            case 0x0005, 0x0105, 0x0205, 0x8005 -> "ospf-domain";
            case 0x0306, 0x8000 -> "ospf-route-type";
            case 0x030c -> "encapsulation";
            case 0x0107, 0x8001 -> "ospf-router-id";
            case 0x800a -> "layer2-info";
            case 0x8800 -> "eigrp-general-route (flag, tag)";
            case 0x8801 -> "eigrp-route-metric (AS, delay)";
            case 0x8802 -> "eigrp-route-metric (reliability, nexthop, bandwidth)";
            case 0x8803 -> "eigrp-route-metric (load, MTU)";
            case 0x8804 -> "eigrp-external-route (remote-AS, remote-ID)";
            case 0x8805 -> "eigrp-external-route (remote-proto, remote-metric)";
            case 0x0009 -> "source-AS";
            case 0x010b -> "vrf-route-import";
            case 0x000a, 0xf10a -> "l2vpn-id";
            default -> null;
        };
    }

    private static String tunnelName(int type) {
        return switch (type) {
            case 1 -> "L2TPv3 over IP";
            case 2 -> "GRE";
            case 3 -> "Transmit Tunnel";
            case 4 -> "IPsec";
            case 5 -> "IP in IP with IPsec";
            case 6 -> "MPLS in IP with IPsec";
            case 7 -> "IP in IP";
            case 8 -> "VXLAN";
            case 9 -> "NVGRE";
            case 10 -> "MPLS";
            case 11 -> "MPLS in GRE";
            case 12 -> "VXLAN GPE";
            case 13 -> "MPLS in UDP";
            case 14 -> "IPv6";
            case 15 -> "SR TE";
            case 16 -> "Bare";
            case 17 -> "SR";
            default -> null;
        };
    }

    private static String l2vpnEncapsulation(int type) {
        return switch (type) {
            case 0 -> "Reserved";
            case 1 -> "Frame Relay";
            case 2 -> "ATM AAL5 SDU VCC transport";
            case 3 -> "ATM transparent cell transport";
            case 4 -> "Ethernet (VLAN) Tagged Mode";
            case 5 -> "Ethernet Raw Mode";
            case 6 -> "Cisco HDLC";
            case 7 -> "PPP";
            case 8 -> "SONET/SDH Circuit Emulation Service over MPLS";
            case 9 -> "ATM n-to-one VCC cell transport";
            case 10 -> "ATM n-to-one VPC cell transport";
            case 11 -> "IP layer 2 transport";
            case 15 -> "Frame Relay Port mode";
            case 17 -> "Structure-agnostic E1 over packet";
            case 18 -> "Structure-agnostic T1 (DS1) over packet";
            case 19 -> "VPLS";
            case 20 -> "Structure-agnostic T3 (DS3) over packet";
            case 21 -> "Nx64kbit/s Basic Service using Structure-aware";
            case 25 -> "Frame Relay DLCI";
            case 40 -> "Structure-agnostic E3 over packet";
            case 41 -> "Octet-aligned playload for Structure-agnostic DS1 circuits";
            case 42 -> "E1 Nx64kbit/s with CAS using Structure-aware";
            case 43 -> "DS1 (ESF) Nx64kbit/s with CAS using Structure-aware";
            case 44 -> "DS1 (SF) Nx64kbit/s with CAS using Structure-aware";
            default -> null;
        };
    }
}
