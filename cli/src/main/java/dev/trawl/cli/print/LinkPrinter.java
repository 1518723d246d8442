package dev.trawl.cli.print;

import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.LinkType;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;

/**
 * Link layers: Ethernet (with 802.1Q/QinQ tags and MPLS), Linux cooked v1 and v2, BSD and OpenBSD
 * loopback, raw IP; and ARP. With {@code -e} the link header is printed as tcpdump does; without it only
 * the protocol prefix ({@code IP}, {@code IP6}, {@code ARP,}). Not thread-safe.
 */
final class LinkPrinter {
    private static final int SLL2 = 276;
    private final Printers p;
    private final Out out;
    private final Bytes b;
    private final Map<Integer, String> interfaceNames = new HashMap<>();
    /** VLAN tag bytes after the Ethernet header, which tcpdump counts as link header for -x. */
    private int tagBytes;

    LinkPrinter(Printers printers) {
        this.p = printers;
        this.out = printers.out;
        this.b = printers.b;
        printers.link = this;
    }

    /**
     * Prints the packet at {@code off}.
     *
     * @return the length of the link header, for {@code -x}
     */
    int print(LinkType type, int off, int length) {
        try {
            return switch (type.value()) {
                case 1 -> ethernet(off, length, true);
                case 113 -> sll(off, length);
                case SLL2 -> sll2(off, length);
                case 0 -> loopback(off, length, false);
                case 108 -> loopback(off, length, true);
                case 101, 12, 14 -> raw(off, length, "ip: ");
                case 228 -> raw(off, length, "");
                case 229 -> raw(off, length, "");
                default -> {
                    out.ascii(type.name()).ascii(", length ").num(length);
                    yield 0;
                }
            };
        } catch (Truncated e) {
            p.truncated(type.value() == 1 ? "ether" : type.name().toLowerCase(java.util.Locale.ROOT));
            return 0;
        }
    }

    private static boolean supported(int etherType) {
        return etherType == Numbers.ETHERTYPE_IPV4 || etherType == Numbers.ETHERTYPE_IPV6
                || etherType == Numbers.ETHERTYPE_ARP || etherType == Numbers.ETHERTYPE_RARP || isVlan(etherType)
                || etherType == Numbers.ETHERTYPE_MPLS;
    }

    private static boolean isVlan(int etherType) {
        return etherType == Numbers.ETHERTYPE_VLAN || etherType == Numbers.ETHERTYPE_QINQ
                || etherType == Numbers.ETHERTYPE_QINQ_LEGACY;
    }

    /** An Ethernet frame; {@code top} is false where the header must be printed whatever {@code -e} says. */
    int ethernet(int off, int length, boolean top) {
        b.need(off, 14);
        int type = b.u16(off + 12);
        boolean header = p.opt.linkHeader() || !top || !supported(type);
        if (header) {
            b.mac(out, off + 6);
            out.ascii(" > ");
            b.mac(out, off);
            out.ascii(", ");
            if (type < EtherType.MIN_VALUE) {
                out.ascii("802.3, length ").num(length).ascii(": ");
            } else {
                etherTypeText(type);
                out.ascii(", length ").num(length).ascii(": ");
            }
        }
        if (type < EtherType.MIN_VALUE) {
            llc(off + 14);
            return 14;
        }
        tagBytes = 0;
        payload(type, off + 14, length - 14, header);
        return 14 + tagBytes;
    }

    private void etherTypeText(int type) {
        out.ascii("ethertype ").ascii(Names.etherType(type)).ascii(" (0x").hex(type, 4).ch(')');
    }

    private void llc(int off) {
        out.ascii("LLC, dsap 0x").hex2(b.u8(off)).ascii(", ssap 0x").hex2(b.u8(off + 1)).ascii(", ctrl 0x")
                .hex2(b.u8(off + 2));
    }

    /** What follows a link header of the given Ethernet type; {@code header} when the link header was printed. */
    void payload(int type, int off, int length, boolean header) {
        if (type == Numbers.ETHERTYPE_IPV4) {
            if (!header) {
                out.ascii("IP ");
            }
            p.ip.ipv4(off, length);
        } else if (type == Numbers.ETHERTYPE_IPV6) {
            if (!header) {
                out.ascii("IP6 ");
            }
            p.ip.ipv6(off, length);
        } else if (type == Numbers.ETHERTYPE_ARP || type == Numbers.ETHERTYPE_RARP) {
            if (!header) {
                out.ascii(type == Numbers.ETHERTYPE_ARP ? "ARP, " : "RARP, ");
            }
            arp(off, length);
        } else if (isVlan(type)) {
            int tci = b.u16(off);
            int inner = b.u16(off + 2);
            tagBytes += 4;
            if (header) {
                out.ascii("vlan ").num(tci & 0xfff).ascii(", p ").num(tci >>> 13);
                if ((tci & 0x1000) != 0) {
                    out.ascii(", DEI");
                }
                out.ascii(", ");
                etherTypeText(inner);
                out.ascii(", ");
            }
            payload(inner, off + 4, length - 4, header);
        } else if (type == Numbers.ETHERTYPE_MPLS) {
            mpls(off, length, header);
        } else if (!header) {
            etherTypeText(type);
            out.ascii(", length ").num(length);
        }
    }

    private void mpls(int off, int length, boolean header) {
        out.ascii("MPLS");
        int label;
        do {
            long entry = b.u32(off);
            label = (int) entry;
            out.ascii(" (label ").num(entry >>> 12).ascii(", tc ").num((entry >>> 9) & 7);
            if ((entry & 0x100) != 0) {
                out.ascii(", [S]");
            }
            out.ascii(", ttl ").num(entry & 0xff).ch(')');
            off += 4;
            length -= 4;
        } while ((label & 0x100) == 0);
        int version = b.has(off, 1) ? b.u8(off) >>> 4 : 0;
        if (version == 4) {
            out.ascii(header ? " " : " IP ");
            p.ip.ipv4(off, length);
        } else if (version == 6) {
            out.ascii(header ? " " : " IP6 ");
            p.ip.ipv6(off, length);
        }
    }

    private int sll(int off, int length) {
        b.need(off, 16);
        int packetType = b.u16(off);
        int addressLength = b.u16(off + 4);
        int protocol = b.u16(off + 14);
        // tcpdump's cooked printer knows one VLAN tag but not QinQ: other types print the header alone
        boolean known = supported(protocol) && protocol != Numbers.ETHERTYPE_QINQ
                && protocol != Numbers.ETHERTYPE_QINQ_LEGACY;
        if (p.opt.linkHeader() || !known) {
            String dir = packetTypeName(packetType);
            for (int pad = dir.length(); pad < 3; pad++) {
                out.ch(' ');
            }
            out.ascii(dir).ch(' ');
            linkAddress(off + 6, Math.min(addressLength, 8));
            out.ch(' ');
            etherTypeText(protocol);
            out.ascii(", length ").num(length).ascii(": ");
        }
        if (!known) {
            return 16;
        }
        if (protocol == Numbers.ETHERTYPE_VLAN) {
            return 16 + sllVlan(off + 16, length - 16);
        }
        payload(protocol, off + 16, length - 16, p.opt.linkHeader());
        return 16;
    }

    /** tcpdump's cooked-capture printer handles one 802.1Q tag itself, in its own words. */
    private int sllVlan(int off, int length) {
        int tci = b.u16(off);
        int inner = b.u16(off + 2);
        if (p.opt.linkHeader()) {
            out.ascii("vlan ").num(tci & 0xfff).ascii(", p ").num(tci >>> 13);
            if ((tci & 0x1000) != 0) {
                out.ascii(", DEI");
            }
            out.ascii(", ");
        }
        if (!p.opt.quiet()) {
            out.ascii("ethertype ").ascii(Names.etherType(inner)).ascii(", ");
        }
        payload(inner, off + 4, length - 4, p.opt.linkHeader());
        return 4;
    }

    private int sll2(int off, int length) {
        b.need(off, 20);
        int protocol = b.u16(off);
        int ifindex = b.s32(off + 4);
        int packetType = b.u8(off + 10);
        int addressLength = b.u8(off + 11);
        String name = interfaceName(ifindex);
        out.ascii(name);
        for (int pad = name.length(); pad < 5; pad++) {
            out.ch(' ');
        }
        out.ch(' ');
        String dir = packetTypeName(packetType);
        out.ascii(dir);
        for (int pad = dir.length(); pad < 3; pad++) {
            out.ch(' ');
        }
        out.ch(' ');
        if (p.opt.linkHeader()) {
            out.ascii("ifindex ").num(Integer.toUnsignedLong(ifindex)).ch(' ');
            linkAddress(off + 12, Math.min(addressLength, 8));
            out.ch(' ');
            etherTypeText(protocol);
            out.ascii(", length ").num(length).ascii(": ");
        }
        payload(protocol, off + 20, length - 20, p.opt.linkHeader());
        return 20;
    }

    private String interfaceName(int index) {
        return interfaceNames.computeIfAbsent(index, i -> {
            try {
                NetworkInterface nif = NetworkInterface.getByIndex(i);
                return nif != null ? nif.getName() : "?";
            } catch (SocketException | RuntimeException e) {
                return "?";
            }
        });
    }

    private static String packetTypeName(int type) {
        return switch (type) {
            case 0 -> "In";
            case 1 -> "B";
            case 2 -> "M";
            case 3 -> "P";
            case 4 -> "Out";
            default -> "?";
        };
    }

    private void linkAddress(int off, int length) {
        if (length == 6) {
            b.mac(out, off);
            return;
        }
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.ch(':');
            }
            out.hex2(b.u8(off + i));
        }
    }

    private int loopback(int off, int length, boolean networkOrder) {
        long family = b.u32(off);
        if (!networkOrder && (family & 0xffff0000L) != 0) {
            family = Integer.toUnsignedLong(Integer.reverseBytes((int) family));
        }
        boolean v6 = family == 24 || family == 28 || family == 30 || family == 10;
        if (p.opt.linkHeader()) {
            out.ascii("AF ").ascii(family == 2 ? "IPv4" : v6 ? "IPv6" : "Unknown").ascii(" (").num(family)
                    .ascii("), length ").num(length).ascii(": ");
        }
        if (family == 2) {
            payload(Numbers.ETHERTYPE_IPV4, off + 4, length - 4, p.opt.linkHeader());
        } else if (v6) {
            payload(Numbers.ETHERTYPE_IPV6, off + 4, length - 4, p.opt.linkHeader());
        }
        return 4;
    }

    private int raw(int off, int length, String eflagPrefix) {
        int version = b.u8(off) >>> 4;
        if (p.opt.linkHeader()) {
            out.ascii(eflagPrefix);
        }
        if (version == 4) {
            payload(Numbers.ETHERTYPE_IPV4, off, length, p.opt.linkHeader());
        } else if (version == 6) {
            payload(Numbers.ETHERTYPE_IPV6, off, length, p.opt.linkHeader());
        } else {
            out.ascii("IP").num(version).ascii(", length ").num(length);
        }
        return 0;
    }

    private void arp(int off, int length) {
        int hardware = b.u16(off);
        int protocol = b.u16(off + 2);
        int hlen = b.u8(off + 4);
        int plen = b.u8(off + 5);
        int op = b.u16(off + 6);
        if ((protocol != Numbers.ETHERTYPE_IPV4 && protocol != Numbers.ETHERTYPE_TRAILER) || plen != 4 || hlen == 0) {
            out.ascii("Unknown Hardware (").num(hardware).ascii("), protocol 0x").hex(protocol, 4).ascii(", op ")
                    .num(op).ascii(", length ").num(length);
            return;
        }
        if (p.opt.verbose() > 0) {
            out.ascii(hardware == 1 ? "Ethernet" : hardware == 6 ? "IEEE 802" : "Unknown Hardware").ascii(" (len ")
                    .num(hlen).ascii("), IPv4 (len ").num(plen).ascii("), ");
        }
        int sha = off + 8;
        int spa = sha + hlen;
        int tha = spa + plen;
        int tpa = tha + hlen;
        b.need(off + 8, 2 * hlen + 2 * plen);
        switch (op) {
            case 1 -> {
                out.ascii("Request who-has ");
                b.ipv4(out, tpa);
                if (nonZero(tha, hlen)) {
                    out.ascii(" (");
                    linkAddress(tha, hlen);
                    out.ch(')');
                }
                out.ascii(" tell ");
                b.ipv4(out, spa);
            }
            case 2 -> {
                out.ascii("Reply ");
                b.ipv4(out, spa);
                out.ascii(" is-at ");
                linkAddress(sha, hlen);
            }
            case 3 -> {
                out.ascii("Reverse Request who-is ");
                linkAddress(tha, hlen);
                out.ascii(" tell ");
                linkAddress(sha, hlen);
            }
            case 4 -> {
                out.ascii("Reverse Reply ");
                linkAddress(tha, hlen);
                out.ascii(" at ");
                b.ipv4(out, tpa);
            }
            default -> out.ascii("Unknown (").num(op).ch(')');
        }
        out.ascii(", length ").num(length);
    }

    private boolean nonZero(int off, int length) {
        for (int i = 0; i < length; i++) {
            if (b.u8(off + i) != 0) {
                return true;
            }
        }
        return false;
    }
}
