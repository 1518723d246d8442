package dev.trawl.decode.internal;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.spi.ProtocolRegistrar;

/**
 * Link types of captures made off Ethernet (SocketCAN, Bluetooth HCI, OpenBSD's pflog, Prism-headed 802.11)
 * and PPP's control protocols, decoded as far as Wireshark's layer list names them.
 */
final class MoreLinks {
    private MoreLinks() {
    }

    private static int can;
    private static int bluetooth;
    private static int hciH4;
    private static int btl2cap;
    /** The HCI packet types 1 to 5: command, ACL data, SCO data, event, ISO data. */
    private static final int[] HCI_TYPES = new int[6];
    private static int pflog;
    private static int prism;

    static void register(ProtocolRegistrar r) {
        can = r.protocol("can", MoreLinks::can);
        r.bind(Dispatch.LINKTYPE, 227, can); // LINKTYPE_CAN_SOCKETCAN
        bluetooth = r.protocol("bluetooth", null);
        hciH4 = r.protocol("hci_h4", null);
        btl2cap = r.protocol("btl2cap", null);
        String[] names = {null, "bthci_cmd", "bthci_acl", "bthci_sco", "bthci_evt", "bthci_iso"};
        for (int type = 1; type < names.length; type++) {
            HCI_TYPES[type] = r.protocol(names[type], null);
        }
        r.bind(Dispatch.LINKTYPE, 187, r.protocol("bluetooth-h4", (buf, off, end, ctx) -> h4(buf, off, end, ctx, 0)));
        r.bind(Dispatch.LINKTYPE, 201,
                r.protocol("bluetooth-h4-phdr", (buf, off, end, ctx) -> h4(buf, off, end, ctx, 4)));
        pflog = r.protocol("pflog", MoreLinks::pflog);
        r.bind(Dispatch.LINKTYPE, 117, pflog);
        prism = r.protocol("prism", MoreLinks::prism);
        r.bind(Dispatch.LINKTYPE, 119, prism);
        ppp(r, "ipcp", 0x8021);
        ppp(r, "ipv6cp", 0x8057);
        ppp(r, "pap", 0xC023);
        ppp(r, "chap", 0xC223);
        ppp(r, "ccp", 0x80FD);
        ppp(r, "mplscp", 0x8281);
        ppp(r, "cbcp", 0xC029);
    }

    private static void ppp(ProtocolRegistrar r, String name, int protocol) {
        r.bind(Dispatch.PPP_PROTO, protocol, r.protocol(name, null));
    }

    /** SocketCAN: a 4-byte identifier and flags, the data length, 3 bytes reserved, then the data. */
    static int can(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, can, off, 8, end);
        if (off + 8 >= end || u8(buf, off + 4) == 0) {
            return Protocols.NONE;
        }
        ctx.next(off + 8, Math.min(end, off + 8 + u8(buf, off + 4)));
        return Protocols.DATA;
    }

    /**
     * Bluetooth HCI in H4 framing, after {@code pseudoHeader} bytes (the direction, for
     * LINKTYPE_BLUETOOTH_HCI_H4_WITH_PHDR): one byte of packet type, then the HCI packet.
     */
    static int h4(byte[] buf, int off, int end, DecodeContext ctx, int pseudoHeader) {
        ctx.flag(ctx.addLayer(bluetooth, off, 0, end), LayerFlags.PSEUDO);
        int p = off + pseudoHeader;
        if (p >= end) {
            return Protocols.NONE; // the direction header was cut short
        }
        header(ctx, hciH4, p, 1, end);
        if (p + 1 >= end) {
            return Protocols.NONE;
        }
        int type = u8(buf, p);
        if (type < 1 || type >= HCI_TYPES.length) {
            ctx.next(p + 1, end);
            return Protocols.DATA;
        }
        ctx.addLayer(HCI_TYPES[type], p + 1, end - p - 1, end);
        // ACL data: a 4-byte header (handle and flags, length); the first fragment of a message starts L2CAP.
        if (type == 2 && p + 9 <= end && ((u8(buf, p + 2) >>> 4) & 3) != 1) {
            ctx.addLayer(btl2cap, p + 5, 4, end);
        }
        return Protocols.NONE;
    }

    /**
     * OpenBSD pflog: a header whose first byte is its length (padded to 4 bytes) and whose second is the
     * address family of the packet that follows.
     */
    static int pflog(byte[] buf, int off, int end, DecodeContext ctx) {
        int length = off < end ? (u8(buf, off) + 3) & ~3 : 0;
        header(ctx, pflog, off, Math.max(length, 4), end);
        if (length < 4 || off + length >= end) {
            return Protocols.NONE;
        }
        int family = u8(buf, off + 1);
        ctx.next(off + length, end);
        if (family == 2) {
            return Protocols.IP;
        }
        if (family == 24 || family == 28 || family == 30 || family == 10) { // AF_INET6 on the BSDs, Linux
            return Protocols.IPV6;
        }
        return Protocols.DATA;
    }

    /** The Prism monitor-mode header: a message code and the header's length (little-endian), then 802.11. */
    static int prism(byte[] buf, int off, int end, DecodeContext ctx) {
        int length = off + 8 <= end ? Bytes.i32le(buf, off + 4) : 0;
        if (length < 8 || length > end - off) {
            header(ctx, prism, off, 8, end);
            return Protocols.NONE;
        }
        ctx.addLayer(prism, off, length, end);
        int pseudo = ctx.addLayer(Protocols.WLAN_RADIO, off + length, 0, end);
        ctx.flag(pseudo, LayerFlags.PSEUDO);
        ctx.next(off + length, end);
        return Protocols.WLAN;
    }
}
