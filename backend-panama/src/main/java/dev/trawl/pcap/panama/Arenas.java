package dev.trawl.pcap.panama;

import java.lang.foreign.Arena;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The arenas of handles and dumpers, counted: each handle or dumper owns one shared arena from
 * {@link #open()} and gives it back with {@link #close(Arena)}. The count is how the tests check that no
 * handle leaks its native memory; it costs one atomic per open and close, nothing per packet.
 */
final class Arenas {
    private static final AtomicInteger LIVE = new AtomicInteger();

    private Arenas() {
    }

    /** A shared arena: {@code breakLoop} and {@code close} may come from threads other than the reader's. */
    static Arena open() {
        Arena arena = Arena.ofShared();
        LIVE.incrementAndGet();
        return arena;
    }

    /** Closes an arena from {@link #open()}. */
    static void close(Arena arena) {
        arena.close();
        LIVE.decrementAndGet();
    }

    /** How many arenas are open: handles and dumpers not yet closed. */
    static int live() {
        return LIVE.get();
    }
}
