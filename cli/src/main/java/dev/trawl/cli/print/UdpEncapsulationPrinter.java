package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;

/**
 * What UDP port 4500 carries through NAT (RFC 3948), as tcpdump prints it: the one-byte keepalive
 * ({@code isakmp-nat-keep-alive}), IKE after the zero non-ESP marker ({@code NONESP-encap: isakmp: ...}), or
 * ESP ({@code UDP-encap: ESP(...)}). Not thread-safe.
 */
final class UdpEncapsulationPrinter implements LayerPrinter {
    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        int length = ApplicationPrinters.udpPayload(c, layer);
        if (length == 1 && p.layerLength(layer) == 1) {
            out.ascii("isakmp-nat-keep-alive");
            return;
        }
        if (length < 4) {
            c.truncated("isakmp_rfc3948");
            return;
        }
        int next = c.after(layer);
        boolean ike = next >= 0 && p.protocol(next) == Protocols.ISAKMP;
        out.ascii(ike ? "NONESP-encap: " : "UDP-encap: ");
        if (next < 0 || !c.print(next)) {
            c.truncated(ike ? "isakmp" : "esp");
        }
    }
}
