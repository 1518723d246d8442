package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.LinuxCooked;
import dev.trawl.decode.layer.Vlan;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;

/**
 * Linux cooked captures, version 1 ({@code In 00:11:22:33:44:55 ethertype IPv4 (0x0800), length 84: } with
 * {@code -e}) and version 2 (which always starts with the interface name and direction). Not thread-safe; the
 * interface names looked up are kept, at most {@link #MAX_NAMES}.
 */
final class CookedPrinter implements LayerPrinter {
    private static final int MAX_NAMES = 1024;
    private static final int V2_HEADER_LENGTH = 20;
    private static final int MAC_LENGTH = 6;
    private static final int MAX_LENGTH_VALUE = 1500;
    /** The protocol values Linux gives Novell's raw 802.3 frames and 802.2 LLC frames. */
    private static final int SLL_P_802_3 = 0x0001;
    private static final int SLL_P_802_2 = 0x0004;
    private final boolean v2;
    private final LinuxCooked view = new LinuxCooked();
    private final Map<Long, String> interfaceNames = new HashMap<>();

    CookedPrinter(boolean v2) {
        this.v2 = v2;
    }

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        // decode names both versions sll, as Wireshark does: the header's length tells them apart
        boolean v2 = this.v2 || p.headerLength(layer) == V2_HEADER_LENGTH;
        LinuxCooked h = view.wrap(p.buffer(), p.offset(layer), p.layerLength(layer), v2);
        Out out = c.out();
        int length = c.wireLength(layer);
        if (!h.has(0, h.headerLength())) {
            c.truncated(v2 ? "sll2" : "sll");
            return;
        }
        c.linkHeaderEnd(h.offset() + h.headerLength());
        int protocol = h.protocol();
        int next = c.after(layer);
        if (v2) {
            String name = interfaceName(h.interfaceIndex());
            out.ascii(name);
            for (int pad = name.length(); pad < 5; pad++) {
                out.ch(' ');
            }
            out.ch(' ');
            String dir = packetTypeName(h.packetType());
            out.ascii(dir);
            for (int pad = dir.length(); pad < 3; pad++) {
                out.ch(' ');
            }
            out.ch(' ');
            if (c.linkHeader()) {
                out.ascii("ifindex ").num(h.interfaceIndex()).ch(' ');
                linkHeaderRest(c, h, protocol, length);
            }
            if (next >= 0) {
                c.print(next);
            }
            return;
        }
        // tcpdump's cooked printer knows one VLAN tag but not QinQ: other types print the header alone
        boolean known = next >= 0 && c.printable(next) && p.protocol(next) != Protocols.IEEE8021AD;
        if (c.linkHeader() || !known) {
            String dir = packetTypeName(h.packetType());
            for (int pad = dir.length(); pad < 3; pad++) {
                out.ch(' ');
            }
            out.ascii(dir).ch(' ');
            linkHeaderRest(c, h, protocol, length);
        }
        if (!known) {
            if (!EthernetPrinter.knownToTcpdump(protocol, false) && protocol > 1500) {
                c.rawDump(h.offset() + h.headerLength());
            }
            return;
        }
        if (p.protocol(next) == Protocols.VLAN) {
            vlan(c, next);
            return;
        }
        c.print(next);
    }

    /** tcpdump's cooked-capture printer handles one 802.1Q tag itself, in its own words. */
    private static void vlan(PrintContext c, int layer) {
        Vlan v = c.packet().vlan(layer);
        Out out = c.out();
        if (c.linkHeader()) {
            VlanPrinter.tag(out, v);
        }
        if (!c.quiet()) {
            out.ascii("ethertype ").ascii(Names.etherType(v.etherType())).ascii(", ");
        }
        c.next(layer);
    }

    /**
     * The header after the direction: the address only when it is a MAC address (tcpdump prints no other kind),
     * then unless {@code -q} the protocol, where a length-like value names 802.3 (Novell's raw frames) or 802.2.
     */
    private static void linkHeaderRest(PrintContext c, LinuxCooked h, int protocol, int length) {
        Out out = c.out();
        if (h.addressLength() == MAC_LENGTH) {
            for (int i = 0; i < MAC_LENGTH; i++) {
                if (i > 0) {
                    out.ch(':');
                }
                out.hex2(h.addressByte(i));
            }
            out.ch(' ');
        }
        if (c.quiet()) {
            return;
        }
        if (protocol > MAX_LENGTH_VALUE) {
            EthernetPrinter.etherType(out, protocol);
        } else if (protocol == SLL_P_802_3) {
            out.ascii("802.3");
        } else if (protocol == SLL_P_802_2) {
            out.ascii("802.2");
        } else {
            out.ascii("ethertype Unknown (0x").hex(protocol, 4).ch(')');
        }
        out.ascii(", length ").num(length).ascii(": ");
    }

    private String interfaceName(long index) {
        String name = interfaceNames.get(index);
        if (name == null) {
            if (interfaceNames.size() >= MAX_NAMES) {
                interfaceNames.clear();
            }
            name = lookUp(index);
            interfaceNames.put(index, name);
        }
        return name;
    }

    private static String lookUp(long index) {
        try {
            NetworkInterface nif = index <= Integer.MAX_VALUE ? NetworkInterface.getByIndex((int) index) : null;
            return nif != null ? nif.getName() : "?";
        } catch (SocketException | RuntimeException e) {
            return "?";
        }
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
}
