package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.MplsEcho;

/**
 * MPLS LSP ping as tcpdump prints it without {@code -v}: {@code LSP-PINGv1, MPLS Echo Request, seq 5, length: 48}.
 * Not thread-safe.
 */
final class LspPingPrinter implements LayerPrinter {
    private final MplsEcho view = new MplsEcho();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        MplsEcho m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = ApplicationPrinters.udpPayload(c, layer);
        if (length < MplsEcho.HEADER_LENGTH) {
            out.ascii("\n\t\t packet is too short");
            return;
        }
        if (!m.has(0, MplsEcho.HEADER_LENGTH)) {
            c.truncated("lspping");
            return;
        }
        if (m.version() != 1) {
            out.ascii("LSP-PING version ").num(m.version()).ascii(" packet not supported");
            return;
        }
        int type = m.messageType();
        out.ascii("LSP-PINGv1, ");
        switch (type) {
            case 1 -> out.ascii("MPLS Echo Request");
            case 2 -> out.ascii("MPLS Echo Reply");
            default -> out.ascii("unknown (").num(type).ch(')');
        }
        out.ascii(", seq ").num(m.sequence()).ascii(", length: ").num(length);
    }
}
