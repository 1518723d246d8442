package dev.trawl.spark.split;

import dev.trawl.pcap.file.CaptureCursor;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;

/**
 * What a reader needs to start reading a pcapng file in the middle of a section: where the section's header
 * block is and where the interface description blocks read since then are, in file order. A classic pcap file
 * needs nothing ({@link #NONE}). Immutable.
 */
public final class Context implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No section read yet: a pcap file, or the start of a pcapng file. */
    public static final Context NONE = new Context(-1, new long[0]);

    private final long section;
    private final long[] interfaces;

    private Context(long section, long[] interfaces) {
        this.section = section;
        this.interfaces = interfaces;
    }

    /** The section whose header is at {@code section}, with the interfaces described at {@code interfaces}. */
    static Context of(long section, long[] interfaces) {
        return section < 0 ? NONE : new Context(section, interfaces.clone());
    }

    /** Keeps {@link #NONE} one instance when a plan travels to the executors. */
    private Object readResolve() {
        return section < 0 ? NONE : this;
    }

    /** The section header's offset, or -1. */
    long section() {
        return section;
    }

    /** How many interfaces the section has described. */
    int interfaceCount() {
        return interfaces.length;
    }

    /** Reads the section header and interface descriptions, so that the cursor reads on as a sequential reader. */
    void load(CaptureCursor cursor) throws IOException {
        if (section < 0) {
            return;
        }
        cursor.seek(section);
        cursor.next();
        for (long offset : interfaces) {
            cursor.seek(offset);
            cursor.next();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Context c && c.section == section && Arrays.equals(c.interfaces, interfaces);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(section) * 31 + Arrays.hashCode(interfaces);
    }

    @Override
    public String toString() {
        return section < 0 ? "no section" : "section at " + section + ", interfaces at " + Arrays.toString(interfaces);
    }
}
