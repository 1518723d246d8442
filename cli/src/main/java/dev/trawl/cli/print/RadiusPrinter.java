package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Radius;

/**
 * RADIUS as tcpdump prints it without {@code -v}:
 * {@code RADIUS, Access-Request (1), id: 0x05 length: 139}. Not thread-safe.
 */
final class RadiusPrinter implements LayerPrinter {
    private final Radius view = new Radius();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Radius r = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        if (!r.has(0, Radius.HEADER_LENGTH)) {
            c.truncated("radius");
            return;
        }
        int len = r.length();
        if (len < Radius.HEADER_LENGTH) {
            c.truncated("radius");
            return;
        }
        len = Math.min(len, ApplicationPrinters.udpPayload(c, layer));
        int code = r.code();
        out.ascii("RADIUS, ").ascii(command(code)).ascii(" (").num(code).ascii("), id: 0x").hex(r.identifier(), 2)
                .ascii(" length: ").num(len);
    }

    /** The name of RADIUS message code {@code code}, as tcpdump spells it. */
    static String command(int code) {
        return switch (code) {
            case 1 -> "Access-Request";
            case 2 -> "Access-Accept";
            case 3 -> "Access-Reject";
            case 4 -> "Accounting-Request";
            case 5 -> "Accounting-Response";
            case 11 -> "Access-Challenge";
            case 12 -> "Status-Server";
            case 13 -> "Status-Client";
            case 40 -> "Disconnect-Request";
            case 41 -> "Disconnect-ACK";
            case 42 -> "Disconnect-NAK";
            case 43 -> "CoA-Request";
            case 44 -> "CoA-ACK";
            case 45 -> "CoA-NAK";
            case 255 -> "Reserved";
            default -> "Unknown Command";
        };
    }
}
