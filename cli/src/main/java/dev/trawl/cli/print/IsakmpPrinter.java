package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Isakmp;
import dev.trawl.decode.layer.Udp;

import java.util.Arrays;

/**
 * ISAKMP (IKE) as tcpdump prints it: {@code isakmp: phase 1 I ident}, {@code isakmp: parent_sa ikev2_init[I]},
 * and with {@code -v} the version, message id and every payload ({@link IsakmpDetail}). Which side sent an IKEv1 message ({@code I}, {@code R} or {@code ?}) comes from
 * the exchanges seen before, as in tcpdump: the first message of an exchange records its initiator cookie
 * with the initiator's and responder's addresses. The record holds the last {@value #EXCHANGES} exchanges.
 * Not thread-safe.
 */
final class IsakmpPrinter implements LayerPrinter {
    /** How many exchanges tcpdump remembers, reusing the oldest slot after that. */
    static final int EXCHANGES = 20;
    private static final int PORT = 500;
    private static final int NAT_PORT = 4500;
    private static final int NON_ESP_MARKER = 4;
    private static final int FLAG_E = 0x01;
    private static final int FLAG_C = 0x02;
    private static final int FLAG_I = 0x08;
    private static final int FLAG_V = 0x10;
    private static final int FLAG_R = 0x20;

    private final Isakmp view = new Isakmp();
    private final IsakmpDetail detail = new IsakmpDetail();
    /** Per slot: the initiator cookie, the IP version (0 for an unused slot) and the two addresses. */
    private final long[] cookies = new long[EXCHANGES];
    private final int[] versions = new int[EXCHANGES];
    private final byte[][] initiators = new byte[EXCHANGES][16];
    private final byte[][] responders = new byte[EXCHANGES][16];
    private final byte[] source = new byte[16];
    private final byte[] destination = new byte[16];
    private int nextSlot;

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        // tcpdump reads up to the IP datagram's end, past a UDP length that claims less
        int ip = c.innermostIp(layer);
        int end = Math.max(p.layerEnd(layer), ip >= 0 ? p.layerEnd(ip) : 0);
        Isakmp m = view.wrap(p.buffer(), p.offset(layer), end - p.offset(layer));
        Out out = c.out();
        if (!m.has(0, Isakmp.HEADER_LENGTH)) {
            c.truncated("isakmp");
            return;
        }
        out.ascii("isakmp");
        if (c.verbose() > 0) {
            out.ch(' ').num(m.majorVersion()).ch('.').num(m.minorVersion()).ascii(" msgid ").hex(m.messageId(), 8);
        }
        if (c.verbose() > 1) {
            out.ascii(" cookie ").hex(m.initiatorCookie(), 16).ascii("->").hex(m.responderCookie(), 16);
        }
        out.ch(':');
        int major = m.majorVersion();
        boolean phase1 = m.messageId() == 0;
        int flags = m.flags();
        if (major == 1) {
            out.ascii(phase1 ? " phase 1" : " phase 2/others");
            side(c, m, layer);
            out.ch(' ');
            exchange(out, m.exchangeType());
            if (flags != 0) {
                out.ch('[').ascii((flags & FLAG_E) != 0 ? "E" : "").ascii((flags & FLAG_C) != 0 ? "C" : "").ch(']');
            }
        } else if (major == 2) {
            out.ascii(phase1 ? " parent_sa" : " child_sa ");
            out.ch(' ');
            exchange(out, m.exchangeType());
            if (flags != 0) {
                out.ch('[').ascii((flags & FLAG_I) != 0 ? "I" : "").ascii((flags & FLAG_V) != 0 ? "V" : "")
                        .ascii((flags & FLAG_R) != 0 ? "R" : "").ch(']');
            }
        }
        if (c.verbose() > 0 && (major == 1 || major == 2)) {
            detail.print(c, m, length(c, layer));
        }
    }

    /**
     * The bytes the UDP datagram holds for the message, as tcpdump counts them: the smaller of what the IP and
     * UDP headers state, less the non-ESP marker on port 4500.
     */
    private static int length(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        int below = c.below(layer);
        boolean marker = below >= 0 && p.protocol(below) == Protocols.UDPENCAP;
        int udp = marker ? c.below(below) : below;
        if (udp < 0 || p.protocol(udp) != Protocols.UDP) {
            return c.wireLength(layer);
        }
        int stated = Math.min(UdpPrinter.ipPayloadLength(c, udp, c.network(udp)), p.udp(udp).totalLength());
        return stated - Udp.HEADER_LENGTH - (marker ? NON_ESP_MARKER : 0);
    }

    /**
     * Prints tcpdump's marker for a datagram to the IKE ports whose payload was not captured, and returns
     * whether it did: port 500 is tried before 4500, as tcpdump does.
     */
    static boolean uncaptured(PrintContext c, int sourcePort, int destinationPort) {
        if (sourcePort == PORT || destinationPort == PORT) {
            c.truncated("isakmp");
            return true;
        }
        if (sourcePort == NAT_PORT || destinationPort == NAT_PORT) {
            c.truncated("isakmp_rfc3948");
            return true;
        }
        return false;
    }

    /** Prints {@code " I"}, {@code " R"} or {@code " ?"} for an IKEv1 message, recording a new exchange. */
    private void side(PrintContext c, Isakmp m, int layer) {
        Out out = c.out();
        int ip = c.innermostIp(layer);
        int version = ip < 0 ? 0 : c.packet().protocol(ip) == Protocols.IP ? 4 : 6;
        if (version != 0) {
            addresses(c, ip, version);
        }
        long cookie = m.initiatorCookie();
        int slot = find(cookie);
        if (slot < 0) {
            if (m.responderCookie() == 0) {
                out.ascii(" I");
                if (version != 0) {
                    record(cookie, version);
                }
            } else {
                out.ascii(" ?");
            }
        } else if (version != 0 && versions[slot] == version && Arrays.equals(source, initiators[slot])) {
            out.ascii(" I");
        } else if (version != 0 && versions[slot] == version && Arrays.equals(source, responders[slot])) {
            out.ascii(" R");
        } else {
            out.ascii(" ?");
        }
    }

    private void addresses(PrintContext c, int ip, int version) {
        DecodedPacket p = c.packet();
        Arrays.fill(source, (byte) 0);
        Arrays.fill(destination, (byte) 0);
        if (version == 4) {
            put(source, p.ipv4(ip).source());
            put(destination, p.ipv4(ip).destination());
        } else {
            p.ipv6(ip).source(source);
            p.ipv6(ip).destination(destination);
        }
    }

    private static void put(byte[] dst, int a) {
        dst[0] = (byte) (a >>> 24);
        dst[1] = (byte) (a >>> 16);
        dst[2] = (byte) (a >>> 8);
        dst[3] = (byte) a;
    }

    /** The slot of the exchange with this initiator cookie, or -1 (unused slots hold cookie 0, as tcpdump's). */
    private int find(long cookie) {
        for (int i = 0; i < EXCHANGES; i++) {
            if (cookies[i] == cookie) {
                return i;
            }
        }
        return -1;
    }

    private void record(long cookie, int version) {
        int slot = find(cookie);
        if (slot >= 0) {
            nextSlot = (slot + 1) % EXCHANGES;
            return;
        }
        versions[nextSlot] = version;
        System.arraycopy(source, 0, initiators[nextSlot], 0, 16);
        System.arraycopy(destination, 0, responders[nextSlot], 0, 16);
        cookies[nextSlot] = cookie;
        nextSlot = (nextSlot + 1) % EXCHANGES;
    }

    private static void exchange(Out out, int type) {
        String name = switch (type) {
            case 0 -> "none";
            case 1 -> "base";
            case 2 -> "ident";
            case 3 -> "auth";
            case 4 -> "agg";
            case 5 -> "inf";
            case 32 -> "oakley-quick";
            case 33 -> "oakley-newgroup";
            case 34 -> "ikev2_init";
            case 35 -> "ikev2_auth";
            case 36 -> "child_sa";
            case 37 -> "inf2";
            default -> null;
        };
        if (name != null) {
            out.ascii(name);
        } else {
            out.ch('#').num(type);
        }
    }
}
