package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Lwapp;

/**
 * LWAPP over UDP as tcpdump prints it: {@code LWAPPv0, Data frame, Flags [none], length 30}; with {@code -v} the
 * radio and fragment IDs and the header's length, then a data frame's bytes or a control frame's AP identity.
 * Messages sent to the control port start with the AP's MAC address, before the header. The control messages
 * themselves are not listed. Not thread-safe; it keeps no state between packets.
 */
final class LwappPrinter implements LayerPrinter {
    private static final int CONTROL_PORT = 12223;

    private final Lwapp lwapp = new Lwapp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        int udp = c.below(layer);
        int source = 0;
        int destination = 0;
        if (udp >= 0 && p.protocol(udp) == Protocols.UDP) {
            source = p.udp(udp).sourcePort();
            destination = p.udp(udp).destinationPort();
        }
        boolean control = destination == CONTROL_PORT || source == CONTROL_PORT;
        int identity = destination == CONTROL_PORT ? 6 : 0;
        int start = p.offset(layer);
        Lwapp h = lwapp.wrap(p.buffer(), start + identity, p.layerEnd(layer) - start - identity);
        if (!h.has(0, Lwapp.HEADER_LENGTH)) {
            c.truncated(control ? "lwapp_control" : "lwapp_data");
            return;
        }
        if (h.version() != 0) {
            out.ascii("LWAPP version ").num(h.version()).ascii(" packet not supported");
            return;
        }
        out.ascii("LWAPPv0, ").ascii(h.isControl() ? "Control" : "Data").ascii(" frame, ");
        if (c.verbose() < 1) {
            flags(out, h.flags());
            out.ascii(", length ").num(ApplicationPrinters.udpPayload(c, layer));
            return;
        }
        // tcpdump spaces the data port's fields twice
        String gap = control ? " " : "  ";
        int length = h.length();
        out.ascii("Radio-id").ascii(gap).num(h.radioId()).ascii(", ");
        flags(out, h.flags());
        if (!control && length < Lwapp.HEADER_LENGTH) {
            out.ascii(", length ").num(length).ascii(" < transport header length");
            return;
        }
        out.ascii(", Frag-id").ascii(gap).num(h.fragmentId()).ascii(", length ").num(length);
        if (control) {
            if (identity > 0) {
                out.ascii("\n\tAP identity: ");
                c.mac(lwapp.wrap(p.buffer(), start, identity).macAt(0));
            }
            return;
        }
        int from = h.offset() + Lwapp.HEADER_LENGTH;
        int to = Math.min(p.layerEnd(layer), from + length - Lwapp.HEADER_LENGTH);
        PrintContext.hexLines(out, p.buffer(), from, to, false);
    }

    private static void flags(Out out, int flags) {
        out.ascii("Flags [");
        if (flags == 0) {
            out.ascii("none");
        } else {
            String sep = "";
            if ((flags & 1) != 0) {
                out.ascii("Last Fragment Bit");
                sep = ", ";
            }
            if ((flags & 2) != 0) {
                out.ascii(sep).ascii("Fragment Bit");
                sep = ", ";
            }
            if ((flags & 4) != 0) {
                out.ascii(sep).ascii("Control Bit");
            }
        }
        out.ch(']');
    }
}
