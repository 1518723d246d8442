package dev.trawl.cli.print;

import static dev.trawl.cli.print.CheckedReads.need;
import static dev.trawl.cli.print.CheckedReads.u16;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Ipx;

/**
 * IPX as tcpdump prints it: {@code IPX 00000000.00:03:47:1b:c1:a8.0453 > 00000000.ff:ff:ff:ff:ff:ff.0453: }, then
 * by destination socket the RIP routes ({@code ipx-rip-resp a8f87967/1.2}), the SAP services ({@code ipx-sap-resp
 * 030c 'NAME' addr ...}) or the socket's name and the payload's length ({@code ipx-netbios 50}). The payload length
 * is the header's; one shorter than the header prints {@code [length 29 < 30] (invalid)}, and a packet cut short
 * {@code [|ipx]}. Not thread-safe.
 */
final class IpxPrinter implements LayerPrinter {
    private static final int ETHERTYPE_IPX = 0x8137;
    private static final int NCP = 0x0451;
    private static final int SAP = 0x0452;
    private static final int RIP = 0x0453;
    private static final int NETBIOS = 0x0455;
    private static final int DIAGNOSTICS = 0x0456;
    private static final int NWLINK_DATAGRAM = 0x0553;
    private static final int SAP_NAME_LENGTH = 48;
    private static final int SAP_ENTRIES = 8;
    private static final int RIP_ENTRIES = 50;

    /** Where tcpdump gives up on a message whose stated length cannot hold what it says. */
    private static final class Invalid extends Exception {
        private static final Invalid INSTANCE = new Invalid();
        private static final long serialVersionUID = 1L;

        private Invalid() {
            super(null, null, false, false);
        }
    }

    private final Ipx view = new Ipx();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        // an 802.3 frame's length field ends what tcpdump reads, as its capture's end would
        int captured = Math.min(p.end() - p.offset(layer), Math.max(0, LlcPrinter.frameLength(c, layer)));
        Ipx m = view.wrap(p.buffer(), p.offset(layer), captured);
        Out out = c.out();
        int below = c.below(layer);
        if (below >= 0 && p.protocol(below) == Protocols.ETH && p.ethernet(below).typeOrLength() == ETHERTYPE_IPX) {
            out.ascii("(NOV-ETHII) ");
        }
        if (!c.linkHeader()) {
            out.ascii("IPX ");
        } else if (below >= 0 && p.protocol(below) == Protocols.LLC) {
            out.ascii("IPX 802.2: ");
        }
        try {
            address(c, m, Ipx.SOURCE);
            out.ascii(" > ");
            address(c, m, Ipx.DESTINATION);
            out.ascii(": ");
            int length = u16(m, 2);
            if (length < Ipx.HEADER_LENGTH) {
                out.ascii("[length ").num(length).ascii(" < ").num(Ipx.HEADER_LENGTH).ascii("] (invalid)");
                return;
            }
            payload(c, m, length - Ipx.HEADER_LENGTH);
        } catch (Invalid e) {
            out.ascii(" (invalid)");
        } catch (Truncated t) {
            c.truncated("ipx");
        }
    }

    /** {@code network.node.socket}, written only when all of it was captured, as tcpdump formats it first. */
    private static void address(PrintContext c, Ipx m, int at) {
        need(m, at, 12);
        writeAddress(c, m.network(at), m.node(at));
        c.out().ch('.').hex(m.socket(at), 4);
    }

    private static void writeAddress(PrintContext c, long network, long node) {
        c.out().hex(network, 8).ch('.');
        c.mac(node);
    }

    private static void payload(PrintContext c, Ipx m, int length) throws Invalid {
        Out out = c.out();
        int socket = m.destinationSocket();
        switch (socket) {
            case NCP -> out.ascii("ipx-ncp ").num(length);
            case SAP -> sap(c, m, length);
            case RIP -> rip(c, m, length);
            case NETBIOS -> out.ascii("ipx-netbios ").num(length);
            case DIAGNOSTICS -> out.ascii("ipx-diags ").num(length);
            case NWLINK_DATAGRAM -> out.ascii("ipx-nwlink-dgm ").num(length);
            default -> out.ascii("ipx-#").hex(socket).ch(' ').num(length);
        }
    }

    private static void sap(PrintContext c, Ipx m, int length) throws Invalid {
        Out out = c.out();
        int command = command(m, length);
        int at = Ipx.HEADER_LENGTH + 2;
        length -= 2;
        switch (command) {
            case 1, 3 -> {
                out.ascii(command == 1 ? "ipx-sap-req" : "ipx-sap-nearest-req");
                out.ch(' ').hex(u16(m, at), 4);
            }
            case 2, 4 -> {
                out.ascii(command == 2 ? "ipx-sap-resp" : "ipx-sap-nearest-resp");
                for (int i = 0; i < SAP_ENTRIES && length != 0; i++) {
                    int type = u16(m, at);
                    if (length < 2) {
                        throw Invalid.INSTANCE;
                    }
                    out.ch(' ').hex(type, 4).ascii(" '");
                    at += 2;
                    length -= 2;
                    if (length < SAP_NAME_LENGTH) {
                        out.ch('\'');
                        throw Invalid.INSTANCE;
                    }
                    CheckedReads.textToNul(out, m, at, SAP_NAME_LENGTH);
                    out.ch('\'');
                    at += SAP_NAME_LENGTH;
                    length -= SAP_NAME_LENGTH;
                    need(m, at, 10);
                    if (length < 10) {
                        throw Invalid.INSTANCE;
                    }
                    out.ascii(" addr ");
                    writeAddress(c, m.intAt(at), m.macAt(at + 4));
                    at += 10;
                    length -= 10;
                    need(m, at, 4);
                    if (length < 4) {
                        throw Invalid.INSTANCE;
                    }
                    at += 4;
                    length -= 4;
                }
            }
            default -> out.ascii("ipx-sap-?").hex(command);
        }
    }

    private static void rip(PrintContext c, Ipx m, int length) throws Invalid {
        Out out = c.out();
        int command = command(m, length);
        int at = Ipx.HEADER_LENGTH + 2;
        length -= 2;
        switch (command) {
            case 1 -> {
                out.ascii("ipx-rip-req");
                if (length != 0) {
                    if (length < 8) {
                        throw Invalid.INSTANCE;
                    }
                    route(out, m, at);
                }
            }
            case 2 -> {
                out.ascii("ipx-rip-resp");
                for (int i = 0; i < RIP_ENTRIES && length != 0; i++) {
                    if (length < 8) {
                        throw Invalid.INSTANCE;
                    }
                    route(out, m, at);
                    at += 8;
                    length -= 8;
                }
            }
            default -> out.ascii("ipx-rip-?").hex(command);
        }
    }

    /** The command a SAP or RIP message starts with, read before tcpdump checks that its length holds it. */
    private static int command(Ipx m, int length) throws Invalid {
        int command = u16(m, Ipx.HEADER_LENGTH);
        if (length < 2) {
            throw Invalid.INSTANCE;
        }
        return command;
    }

    /** One RIP entry: {@code network/hops.ticks}. */
    private static void route(Out out, Ipx m, int at) {
        need(m, at, 8);
        out.ch(' ').hex(m.intAt(at), 8).ch('/').num(m.shortAt(at + 4)).ch('.').num(m.shortAt(at + 6));
    }
}
