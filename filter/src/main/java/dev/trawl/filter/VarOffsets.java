package dev.trawl.filter;

import dev.trawl.filter.Ir.Block;

/**
 * Code placed before the first block that computes variable header offsets. None of the link types this
 * compiler supports needs any yet; the hook stays where libpcap's insert_compute_vloffsets runs.
 */
final class VarOffsets {
    private VarOffsets() {
    }

    static void insert(Gen g, Block root) {
        // Fixed-offset link layers only: nothing to compute.
    }
}
