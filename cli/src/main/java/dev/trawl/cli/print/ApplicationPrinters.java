package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;

/** What the printers of protocols over UDP share. */
final class ApplicationPrinters {
    private ApplicationPrinters() {
    }

    /** The UDP payload's length from layer {@code layer} on, as the UDP header states it. */
    static int udpPayload(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        int below = c.below(layer);
        int wire = c.wireLength(layer);
        if (below >= 0 && p.protocol(below) == Protocols.UDP) {
            return Math.min(wire, Math.max(0, p.udp(below).totalLength() - 8));
        }
        return wire;
    }
}
