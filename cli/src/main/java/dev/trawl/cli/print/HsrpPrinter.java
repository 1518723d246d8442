package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Hsrp;

/**
 * HSRP as tcpdump prints it: {@code HSRPv0-hello 20: state=standby group=1 addr=10.0.0.1}, and with {@code -v}
 * the timers, priority and authentication text. Not thread-safe.
 */
final class HsrpPrinter implements LayerPrinter {
    private static final int PORT = 1985;
    private final Hsrp view = new Hsrp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Hsrp h = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int udp = c.below(layer);
        if (udp >= 0 && p.protocol(udp) == Protocols.UDP && p.udp(udp).destinationPort() != PORT) {
            // tcpdump takes a datagram for HSRP by its destination port only
            out.ascii("UDP, length ").num(ApplicationPrinters.udpPayload(c, layer));
            return;
        }
        if (!h.has(0, 1)) {
            c.truncatedRead("hsrp");
            return;
        }
        out.ascii("HSRPv").num(h.version());
        if (h.version() != 0) {
            return;
        }
        out.ch('-');
        if (!h.has(1, 1)) {
            c.truncatedRead("hsrp");
            return;
        }
        int op = h.opcode();
        switch (op) {
            case 0 -> out.ascii("hello");
            case 1 -> out.ascii("coup");
            case 2 -> out.ascii("resign");
            default -> out.ascii("unknown (").num(op).ch(')');
        }
        out.ch(' ').num(ApplicationPrinters.udpPayload(c, layer)).ascii(": ");
        if (!h.has(2, 1)) {
            c.truncatedRead("hsrp");
            return;
        }
        out.ascii("state=");
        String state = switch (h.state()) {
            case 0 -> "initial";
            case 1 -> "learn";
            case 2 -> "listen";
            case 4 -> "speak";
            case 8 -> "standby";
            case 16 -> "active";
            default -> null;
        };
        if (state != null) {
            out.ascii(state);
        } else {
            out.ascii("Unknown (").num(h.state()).ch(')');
        }
        out.ch(' ');
        if (!h.has(6, 2)) {
            c.truncatedRead("hsrp");
            return;
        }
        out.ascii("group=").num(h.group()).ch(' ');
        if (h.reserved() != 0) {
            out.ascii("[reserved=").num(h.reserved()).ascii("!] ");
        }
        if (!h.has(16, 4)) {
            c.truncatedRead("hsrp");
            return;
        }
        out.ascii("addr=");
        c.ipv4(h.virtualAddress());
        if (c.verbose() > 0) {
            out.ascii(" hellotime=");
            duration(out, h.helloTime());
            out.ascii(" holdtime=");
            duration(out, h.holdTime());
            out.ascii(" priority=").num(h.priority()).ascii(" auth=\"");
            TlvText.textToNul(out, h, Hsrp.AUTH_OFFSET, Hsrp.AUTH_LENGTH);
            out.ch('"');
        }
    }

    /** Writes seconds as tcpdump's {@code unsigned_relts_print}: {@code 0s}, {@code 3s}, {@code 1m40s}. */
    static void duration(Out out, long secs) {
        if (secs == 0) {
            out.ascii("0s");
            return;
        }
        long[] units = {31_536_000, 604_800, 86_400, 3600, 60, 1};
        String[] names = {"y", "w", "d", "h", "m", "s"};
        for (int i = 0; i < units.length && secs > 0; i++) {
            if (secs >= units[i]) {
                out.num(secs / units[i]).ascii(names[i]);
                secs %= units[i];
            }
        }
    }
}
