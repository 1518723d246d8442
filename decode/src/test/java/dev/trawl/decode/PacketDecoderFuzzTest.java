package dev.trawl.decode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldPrinter;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.decode.field.FieldValues;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Fuzzes the decoder and every registered field: any bytes, under any supported link type, decode without
 * an exception, a hang or a large allocation; layers stay inside the packet; every field prints.
 *
 * <p>Input format: the first byte picks the link type from {@link #LINK_TYPES}, the second the options
 * (checksum verification, buffer position); the rest is the packet. Without {@code JAZZER_FUZZ=1} the test
 * replays the seeds in {@code PacketDecoderFuzzTestInputs/} (packets taken from the corpus captures, and
 * every crash found so far). The {@code fuzz} Maven profile fuzzes for the {@code maxDuration} below.
 */
class PacketDecoderFuzzTest {
    /** The link types the fuzzer exercises (the first byte of an input indexes this array). */
    static final int[] LINK_TYPES = {1, 0, 101, 228, 229, 113, 276, 9, 50, 104, 105, 107, 108, 127, 129, 226,
        239, 242, 258, 106, 195, 271, 12345};

    private static final PacketDecoder DECODER = new PacketDecoder();
    /** Keeps fragments across inputs, so that inputs complete each other's datagrams. */
    private static final PacketDecoder REASSEMBLING = new PacketDecoder().reassembleFragments(true)
            .followConversations(true).reassembleStreams(true);
    private static final List<Field> FIELDS = FieldRegistry.standard().fields();
    private static final FieldPrinter PRINTER = new FieldPrinter();
    private static final FieldValues VALUES = new FieldValues();

    @FuzzTest(maxDuration = "60s")
    void decoderSurvivesAnyBytes(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int linkType = LINK_TYPES[(input[0] & 0xFF) % LINK_TYPES.length];
        int options = input[1] & 0xFF;
        int shift = options & 0x0F;
        byte[] framed = new byte[input.length - 2 + shift];
        System.arraycopy(input, 2, framed, shift, input.length - 2);
        ByteBuffer buf = ByteBuffer.wrap(framed).asReadOnlyBuffer();
        buf.position(shift);
        PacketDecoder decoder = (options & 0x20) != 0 ? REASSEMBLING : DECODER;
        decoder.verifyChecksums((options & 0x10) != 0);
        DecodedPacket p = decoder.decode(linkType, buf, buf.position(), buf.remaining());
        check(buf.position() == shift && buf.limit() == framed.length, "buffer moved");
        check(p.layerCount() <= DecodedPacket.MAX_LAYERS, "too many layers");
        for (int i = 0; i < p.layerCount(); i++) {
            check(p.offset(i) >= p.start() && p.offset(i) <= p.end(), "layer starts outside the packet");
            check(p.layerEnd(i) >= p.offset(i) && p.layerEnd(i) <= p.end(), "layer ends outside the packet");
            check(p.payloadOffset(i) <= p.layerEnd(i), "payload past the layer");
            check(p.protocolName(i) != null, "unnamed layer");
        }
        StringBuilder sb = new StringBuilder();
        for (Field f : FIELDS) {
            sb.setLength(0);
            PRINTER.print(f, p, sb);
            check(sb.length() < 1 << 20, "field output grows without bound: " + f.name());
            VALUES.collect(f, p);
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
