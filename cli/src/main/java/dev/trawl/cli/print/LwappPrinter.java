package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Lwapp;

/**
 * LWAPP over UDP as tcpdump prints it: {@code LWAPPv0, Data frame, Flags [none], length 30}; with {@code -v} the
 * radio and fragment IDs and the header's length, then a data frame's bytes or a control frame's AP identity.
 * Messages sent to the control port start with the AP's MAC address, before the header; with {@code -v} each control
 * message's header is listed. Not thread-safe; it keeps no state between packets.
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
                h = lwapp.wrap(p.buffer(), start + identity, p.layerEnd(layer) - start - identity);
            }
            messages(c, h, length);
            return;
        }
        int from = h.offset() + Lwapp.HEADER_LENGTH;
        int to = Math.min(p.layerEnd(layer), from + length - Lwapp.HEADER_LENGTH);
        PrintContext.hexLines(out, p.buffer(), from, to, false);
    }

    /** The headers of the control messages in the {@code length} bytes after the transport header. */
    private static void messages(PrintContext c, Lwapp h, int length) {
        Out out = c.out();
        int at = Lwapp.HEADER_LENGTH;
        int left = length;
        while (left != 0) {
            if (!h.has(at, Lwapp.MESSAGE_HEADER_LENGTH)) {
                c.truncated("lwapp_control");
                return;
            }
            int n = h.messageLength(at);
            if (left < Lwapp.MESSAGE_HEADER_LENGTH + n) {
                out.ascii("\n\t  Msg goes past end of PDU");
                return;
            }
            int type = h.messageType(at);
            String name = type < MESSAGE_TYPES.length ? MESSAGE_TYPES[type] : null;
            out.ascii("\n\t  Msg type: ").ascii(name == null ? "Unknown" : name).ascii(" (").num(type)
                    .ascii("), Seqnum: ").num(h.messageSequence(at)).ascii(", Msg len: ").num(n)
                    .ascii(", Session: 0x").hex(h.messageSession(at), 8);
            if (!h.has(at, n)) {
                c.truncated("lwapp_control");
                return;
            }
            at += Lwapp.MESSAGE_HEADER_LENGTH + n;
            left -= Lwapp.MESSAGE_HEADER_LENGTH + n;
        }
    }

    private static final String[] MESSAGE_TYPES = new String[41];

    static {
        String[] names = {"1", "Discovery req", "2", "Discovery resp", "3", "Join req", "4", "Join resp",
            "5", "Join ack", "6", "Join confirm", "10", "Configure req", "11", "Configure resp", "12", "Update req",
            "13", "Update resp", "14", "WTP event req", "15", "WTP event resp", "16", "Change state event req",
            "17", "Change state event resp", "22", "Echo req", "23", "Echo resp", "24", "Image data req",
            "25", "Image data resp", "26", "Channel status req", "27", "Channel status resp", "30", "Key update req",
            "31", "Key update resp", "32", "Primary discovery req", "33", "Primary discovery resp",
            "34", "Data transfer req", "35", "Data transfer resp", "36", "Clear config ind",
            "37", "Wlan config req", "38", "Wlan config resp", "39", "Mobile config req",
            "40", "Mobile config resp"};
        for (int i = 0; i < names.length; i += 2) {
            MESSAGE_TYPES[Integer.parseInt(names[i])] = names[i + 1];
        }
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
