package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Esp;

/**
 * ESP as tcpdump prints it without keys: {@code ESP(spi=0x00001234,seq=0x5), length 116}, the length being
 * that of the ESP packet as the IP (or UDP) header states it. Nothing after the header is printed: it is
 * encrypted. Not thread-safe.
 */
final class EspPrinter implements LayerPrinter {
    private final Esp view = new Esp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Esp esp = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        // tcpdump wants a byte beyond the clear header before it prints it
        if (!esp.has(0, Esp.HEADER_LENGTH + 1)) {
            c.truncated("esp");
            return;
        }
        int below = c.below(layer);
        // over NAT traversal the length is the UDP payload's, the encapsulation header being empty
        int length = below >= 0 && p.protocol(below) == Protocols.UDPENCAP
                ? ApplicationPrinters.udpPayload(c, below)
                : UdpPrinter.ipPayloadLength(c, layer, c.network(layer));
        c.out().ascii("ESP(spi=0x").hex(esp.spi(), 8).ascii(",seq=0x").hex(esp.sequence()).ascii("), length ")
                .num(length);
    }
}
