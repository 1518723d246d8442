package dev.trawl.bench.data;

/**
 * Checks that a benchmark pass delivered exactly the packets it should, so that a fast but wrong result is
 * never reported.
 */
public final class Expected {
    private Expected() {
    }

    /** Throws if {@code delivered} differs from what the data set holds (or, when filtered, matches). */
    public static void check(String what, DataSet set, boolean filtered, long delivered) {
        long expected = filtered ? set.matched() : set.packets();
        if (delivered != expected) {
            throw new IllegalStateException(what + " delivered " + delivered + " packets of " + set.name()
                    + (filtered ? " with filter '" + DataSets.FILTER + "'" : "") + "; expected " + expected);
        }
    }
}
