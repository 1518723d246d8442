package dev.trawl.decode;

import dev.trawl.decode.field.FieldPrinter;
import dev.trawl.decode.field.FieldRegistry;

/**
 * What the tests that decode Ethernet frames built by {@link TestPackets} share: a decoder of the standard
 * registry, and the frame's layers and fields as tshark prints them. One per test instance.
 */
abstract class FrameDecoding {
    final PacketDecoder decoder = new PacketDecoder();
    final FieldRegistry fields = FieldRegistry.standard();
    final FieldPrinter printer = new FieldPrinter();

    /** Decodes {@code frame} as Ethernet. */
    DecodedPacket decode(byte[] frame) {
        return decoder.decode(1, frame, 0, frame.length);
    }

    /** The field's occurrences as {@code tshark -T fields} prints them, joined with commas. */
    String field(DecodedPacket p, String name) {
        return printer.toString(fields.require(name), p);
    }

    /** The layers as {@code frame.protocols} lists them. */
    static String protocols(DecodedPacket p) {
        return p.appendProtocols(new StringBuilder()).toString();
    }
}
