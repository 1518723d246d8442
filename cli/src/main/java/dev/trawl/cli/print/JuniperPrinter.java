package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Juniper;

/**
 * The capture header of Juniper routers' link types as tcpdump prints it: nothing without {@code -e} but its
 * complaints ({@code [|juniper_atm1]} for a header cut short, {@code [extension_length 48 < 50] (invalid)} for an
 * extension record that overruns the others, {@code (invalid)} for a cookie longer than eight bytes); with
 * {@code -e} the direction, the interface type and the cookie ({@code Out ATM1-PIC, cookie-len 4, cookie
 * 0x00000001: }). The frame inside prints through the next layer's printer where decode found one. One instance
 * serves one link type. Not thread-safe.
 */
final class JuniperPrinter implements LayerPrinter {
    /** The word of the network protocol after a cookie. */
    private static final int PROTOCOL_LENGTH = 2;
    /** The word before the network header of a frame whose link header was stripped. */
    private static final int STRIPPED_WORD = 4;
    /** An ATM1 cookie's first byte that marks an OAM cell. */
    private static final int ATM1_OAM = 0x80;
    /** The length of an ES interface's IPsec header (SA index, TTL, type, SPI, tunnel addresses). */
    private static final int ES_HEADER = 16;
    /** The length of a monitoring interface's header (type, padding, interface, service id). */
    private static final int MONITOR_HEADER = 8;
    /** The longest cookie tcpdump accepts. */
    private static final int MAX_COOKIE = 8;

    /** The interface types this printer knows, each with the length of its cookies; -1: it has none. */
    enum Pic {
        ETHER("juniper_ether", null, -1),
        ATM1("juniper_atm1", "ATM1", 4),
        ES("juniper_es", "ES", 0),
        MONITOR("juniper_monitor", "MONITOR", 8);

        final String marker;
        final String name;
        final int cookie;

        Pic(String marker, String name, int cookie) {
            this.marker = marker;
            this.name = name;
            this.cookie = cookie;
        }
    }

    private final Pic pic;
    private final Juniper view = new Juniper();

    JuniperPrinter(Pic pic) {
        this.pic = pic;
    }

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Juniper j = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        if (!j.has(0, 4)) {
            c.truncated(pic.marker);
            return;
        }
        if (!j.hasMagic()) {
            out.ascii("no magic-number found!");
            return;
        }
        int flags = j.flags();
        if (c.linkHeader()) {
            out.ascii((flags & Juniper.FLAG_IN) != 0 ? " In " : "Out ");
        }
        if ((flags & Juniper.FLAG_EXTENSIONS) != 0) {
            if (!j.has(4, 2) || !j.has(6, j.extensionsLength())) {
                c.truncated(pic.marker);
                return;
            }
            long overrun = j.overrunningRecord();
            if (overrun >= 0) {
                out.ascii(" [extension_length ").num(overrun >>> 16).ascii(" < ").num(overrun & 0xFFFF)
                        .ascii("] (invalid)");
                return;
            }
        }
        int at = j.headerLength();
        if ((flags & Juniper.FLAG_NO_L2) != 0) {
            if (c.linkHeader()) {
                out.ascii("no-L2-hdr, ");
            }
            if (!j.has(at + STRIPPED_WORD, 1)) {
                c.truncated(pic.marker);
            } else if (!c.next(layer)) {
                out.ascii("no IP-hdr found!");
            }
            return;
        }
        int cookie = 0;
        if (pic.cookie >= 0) {
            if (!j.has(at, 1)) {
                c.truncated(pic.marker);
                return;
            }
            cookie = j.cookieLength(at, pic.cookie);
            if (c.linkHeader()) {
                out.ascii(pic.name).ascii("-PIC, cookie-len ").num(cookie);
            }
            if (cookie > MAX_COOKIE) {
                out.ascii(" (invalid)");
                return;
            }
            if (!j.has(at, cookie)) {
                c.truncated(pic.marker);
                return;
            }
            if (c.linkHeader()) {
                if (cookie > 0) {
                    out.ascii(", cookie 0x");
                    for (int i = 0; i < cookie; i++) {
                        out.hex2(j.byteAt(at + i));
                    }
                }
                out.ascii(": ");
            }
            if (!j.has(at + cookie, PROTOCOL_LENGTH)) {
                c.truncated(pic.marker);
                return;
            }
        }
        int payload = at + cookie;
        if (c.linkHeader()) {
            out.ascii("hlen ").num(payload).ascii(", proto 0x").hex(pic.cookie >= 0 ? j.shortAt(payload) : 0, 4)
                    .ascii(", ");
        }
        switch (pic) {
            case ETHER -> c.next(layer);
            case ES -> {
                if (!j.has(payload, ES_HEADER)) {
                    c.truncated(pic.marker);
                }
            }
            case MONITOR -> {
                if (!j.has(payload, MONITOR_HEADER)) {
                    c.truncated(pic.marker);
                }
            }
            case ATM1 -> {
                if (j.byteAt(at) != ATM1_OAM && !j.has(payload, 3)) {
                    c.truncated(pic.marker);
                }
            }
        }
    }
}
