package dev.trawl.decode.field;

import dev.trawl.decode.DecodedPacket;

/**
 * Reads a field's occurrences out of one layer of a decoded packet. Implementations must be stateless and
 * never throw: a value that is not in the captured bytes is simply not reported.
 */
@FunctionalInterface
public interface FieldExtractor {
    /**
     * Reports the field's occurrences in layer {@code layer} of {@code packet} to {@code sink}.
     *
     * @param layer the layer index, or -1 for frame fields (which belong to the packet as a whole)
     */
    void extract(DecodedPacket packet, int layer, FieldSink sink);
}
