package dev.trawl.examples;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldPrinter;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.ReadStatus;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a capture file, keeps the packets a pcap-filter expression accepts, decodes them and prints their
 * protocol stack and a few Wireshark-named fields.
 *
 * <pre>./trawl example ReadFilterDecode FILE ['FILTER']</pre>
 */
public final class ReadFilterDecode {
    private ReadFilterDecode() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ReadFilterDecode FILE [FILTER]");
            return;
        }
        FieldRegistry fields = FieldRegistry.standard();
        Field src = fields.require("ip.src");
        Field dst = fields.require("ip.dst");
        FieldPrinter printer = new FieldPrinter();
        // One decoder, reused: decoding allocates nothing per packet.
        PacketDecoder decoder = new PacketDecoder();

        try (OfflineHandle handle = Pcap.openOffline(Path.of(args[0]))) {
            if (args.length > 1) {
                // Compiled for the file's link type, by libpcap or by trawl-filter, whichever backend reads it.
                handle.setFilter(args[1]);
            }
            while (handle.next() == ReadStatus.PACKET) {
                DecodedPacket packet = decoder.decode(handle.linkType(), handle.packet());
                StringBuilder line = new StringBuilder().append(packet.frameNumber()).append(' ');
                packet.appendProtocols(line);
                line.append("  ");
                printer.print(src, packet, line);
                line.append(" -> ");
                printer.print(dst, packet, line);
                System.out.println(line);
            }
        }
    }
}
