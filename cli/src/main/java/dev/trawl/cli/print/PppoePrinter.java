package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Pppoe;

/**
 * PPP over Ethernet as tcpdump prints it: discovery packets with their tags ({@code PPPoE PADI [Service-Name]
 * [Host-Uniq 0x1234]}), session packets as {@code PPPoE  [ses 0x12] } and the PPP frame they carry. Not
 * thread-safe.
 */
final class PppoePrinter implements LayerPrinter {
    /** tcpdump shows at most this many characters of a tag's text. */
    private static final int MAX_TAG_TEXT = 79;
    private final Pppoe view = new Pppoe();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Pppoe h = view.wrap(p.buffer(), p.offset(layer), p.layerEnd(layer) - p.offset(layer));
        Out out = c.out();
        int length = c.wireLength(layer);
        if (length < Pppoe.HEADER_LENGTH) {
            out.ascii(" (length ").num(length).ascii(" < 6) (invalid)");
            return;
        }
        length -= Pppoe.HEADER_LENGTH;
        if (!h.has(0, Pppoe.HEADER_LENGTH)) {
            c.truncated("pppoe");
            return;
        }
        if (h.version() != 1) {
            out.ascii(" [ver ").num(h.version()).ch(']');
        }
        if (h.type() != 1) {
            out.ascii(" [type ").num(h.type()).ch(']');
        }
        int code = h.code();
        out.ascii("PPPoE ");
        switch (code) {
            case 0x09 -> out.ascii("PADI");
            case 0x07 -> out.ascii("PADO");
            case 0x19 -> out.ascii("PADR");
            case 0x65 -> out.ascii("PADS");
            case 0xa7 -> out.ascii("PADT");
            case 0 -> { }
            default -> out.ascii("PAD-").hex(code);
        }
        int payload = h.payloadLength();
        if (code == 0x09 && payload > 1484 - Pppoe.HEADER_LENGTH) {
            out.ascii(" [len ").num(payload).ascii("!]");
        }
        if (payload > length) {
            out.ascii(" [len ").num(payload).ascii(" > ").num(length).ascii("!]");
            payload = length;
        }
        if (h.sessionId() != 0) {
            out.ascii(" [ses 0x").hex(h.sessionId()).ch(']');
        }
        if (code == 0) {
            out.ch(' ');
            c.next(layer);
            return;
        }
        int at = Pppoe.HEADER_LENGTH;
        int end = at + payload;
        int tag = 0xffff;
        while (tag != 0 && at < end) {
            if (!h.has(at, 4)) {
                c.truncated("pppoe");
                return;
            }
            tag = h.shortAt(at);
            int len = h.shortAt(at + 2);
            at += 4;
            if (len == 0) {
                out.ascii(" [").ascii(tagName(tag)).ch(']');
                continue;
            }
            if (!h.has(at, len)) {
                c.truncated("pppoe");
                return;
            }
            int shown = Math.min(len, MAX_TAG_TEXT);
            int printable = 0;
            for (int i = 0; i < shown; i++) {
                int b = h.byteAt(at + i);
                if (b >= 0x20 && b < 0x7f) {
                    printable++;
                }
            }
            if (printable > shown - printable) {
                out.ascii(" [").ascii(tagName(tag)).ascii(" \"");
                for (int i = 0; i < shown; i++) {
                    int b = h.byteAt(at + i);
                    out.ch(b >= 0x20 && b < 0x7f ? (char) b : '.');
                }
                out.ascii("\"]");
            } else {
                out.ascii(" [").ascii(tagName(tag)).ascii(" 0x");
                for (int i = 0; i < len; i++) {
                    String hex = Integer.toHexString(0x100 | h.byteAt(at + i)).substring(1);
                    out.ascii(hex.toUpperCase(java.util.Locale.ROOT));
                }
                out.ch(']');
            }
            at += len;
        }
    }

    private static String tagName(int tag) {
        return switch (tag) {
            case 0 -> "EOL";
            case 0x0101 -> "Service-Name";
            case 0x0102 -> "AC-Name";
            case 0x0103 -> "Host-Uniq";
            case 0x0104 -> "AC-Cookie";
            case 0x0105 -> "Vendor-Specific";
            case 0x0110 -> "Relay-Session-ID";
            case 0x0120 -> "PPP-Max-Payload";
            case 0x0201 -> "Service-Name-Error";
            case 0x0202 -> "AC-System-Error";
            case 0x0203 -> "Generic-Error";
            default -> "TAG-0x" + Integer.toHexString(tag);
        };
    }
}
