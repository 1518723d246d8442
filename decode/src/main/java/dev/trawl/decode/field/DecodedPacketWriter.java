package dev.trawl.decode.field;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.ProjectedRow;
import java.io.IOException;

/**
 * Writes decoded packets as text, one after another, in one of tshark's output formats:
 * {@link FieldsWriter} ({@code -T fields}) or {@link JsonWriter} ({@code -T json}, {@code -T ek}).
 *
 * <pre>{@code
 * DecodedPacketWriter out = new FieldsWriter(writer, List.of(registry.require("ip.src")));
 * while (handle.next() == ReadStatus.PACKET) {
 *     out.write(decoder.decode(handle.linkType(), handle.packet()));
 * }
 * out.finish();                                   // the header of an empty capture, JSON's closing bracket
 * }</pre>
 *
 * <p>A writer reads each packet during the call only and keeps nothing of it. It appends to the
 * {@link Appendable} it was made with and never flushes or closes it: buffering is the caller's. Implementations
 * are not thread-safe.
 */
public interface DecodedPacketWriter {
    /** Writes one packet, after whatever the format puts before the first one. */
    void write(DecodedPacket packet) throws IOException;

    /**
     * Whether this writer also writes rows of a {@link dev.trawl.decode.Projection} of its fields
     * ({@link #write(ProjectedRow)}), which spare decoding what the fields do not need.
     */
    default boolean writesRows() {
        return false;
    }

    /**
     * Writes one packet's row of a projection of this writer's fields, in the same order, as
     * {@link #write(DecodedPacket)} writes the packet the row was read from. Columns after the writer's (fields
     * that something else reads, such as a display filter) are not written.
     *
     * @throws UnsupportedOperationException if {@link #writesRows} is false
     * @throws IllegalArgumentException if the row's fields are not this writer's
     */
    default void write(ProjectedRow row) throws IOException {
        throw new UnsupportedOperationException("this writer writes decoded packets only");
    }

    /**
     * Ends the output: writes what the format puts after the last packet (and before it, when no packet was
     * written). Call it once, after the last {@link #write}.
     */
    void finish() throws IOException;
}
