package dev.trawl.decode.conversation;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;

/**
 * Where a transport layer's conversation addresses lie in the packet's buffer, as Wireshark takes them: those
 * of the IP header just outside it, except that an IPv6 routing header with segments left names the final
 * destination instead of the header's (source route and Mobile IPv6 types: the last address of the list;
 * segment routing: the first entry of its segment list). Stateless.
 */
final class IpAddresses {
    private static final int SOURCE_ROUTE = 0;
    private static final int MOBILE_IPV6 = 2;
    private static final int SEGMENT_ROUTING = 4;

    private IpAddresses() {
    }

    /** The IP layer just outside {@code layer}, or -1 when there is none or its addresses were not captured. */
    static int enclosing(DecodedPacket p, int layer) {
        for (int j = layer - 1; j >= 0; j--) {
            int proto = p.protocol(j);
            if (proto == Protocols.IP || proto == Protocols.IPV6) {
                int need = proto == Protocols.IP ? 20 : 40;
                return p.layerEnd(j) - p.offset(j) >= need ? j : -1;
            }
        }
        return -1;
    }

    /** The length of the addresses of IP layer {@code ip}. */
    static int length(DecodedPacket p, int ip) {
        return p.protocol(ip) == Protocols.IPV6 ? 16 : 4;
    }

    /** The index of the source address of IP layer {@code ip}. */
    static int source(DecodedPacket p, int ip) {
        return p.offset(ip) + (p.protocol(ip) == Protocols.IPV6 ? 8 : 12);
    }

    /** The index of the destination address of {@code layer}'s conversation, {@code ip} being its IP layer. */
    static int destination(DecodedPacket p, int ip, int layer) {
        if (p.protocol(ip) != Protocols.IPV6) {
            return p.offset(ip) + 16;
        }
        int destination = p.offset(ip) + 24;
        for (int j = ip + 1; j < layer; j++) {
            if (p.protocol(j) != Protocols.IPV6_ROUTING) {
                continue;
            }
            int at = p.offset(j);
            int captured = p.layerEnd(j) - at;
            if (captured < 4 || (p.buffer().get(at + 3) & 0xFF) == 0) {
                continue; // no segments left: the header's destination is the final one
            }
            int type = p.buffer().get(at + 2) & 0xFF;
            int count = (p.buffer().get(at + 1) & 0xFF) / 2;
            int address = switch (type) {
                case SOURCE_ROUTE -> count > 0 ? at + 8 + (count - 1) * 16 : -1;
                case MOBILE_IPV6, SEGMENT_ROUTING -> at + 8;
                default -> -1;
            };
            if (address >= 0 && address + 16 <= at + captured) {
                destination = address;
            }
        }
        return destination;
    }
}
