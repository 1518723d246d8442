package dev.trawl.decode.display;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.ProjectedRow;

/**
 * The packet a compiled filter is evaluated on, with what its parts share while evaluating it: a decoded packet,
 * or a projected row holding the fields the filter reads (each field's column in {@link #columns}). Not
 * thread-safe.
 */
final class Frame {
    DecodedPacket packet;
    ProjectedRow row;
    /** The row's column of each of the filter's row fields. */
    int[] columns;
    final FieldReader reader = new FieldReader();

    Frame of(DecodedPacket p) {
        this.packet = p;
        this.row = null;
        return this;
    }

    Frame of(ProjectedRow r, int[] columns) {
        this.packet = null;
        this.row = r;
        this.columns = columns;
        return this;
    }
}
