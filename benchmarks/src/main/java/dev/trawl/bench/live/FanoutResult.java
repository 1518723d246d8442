package dev.trawl.bench.live;

import java.util.List;

/**
 * What a fanout group of readers saw of a numbered burst, each reader doing a fixed amount of work per packet.
 *
 * @param readers how many readers shared the group
 * @param mode the fanout mode
 * @param sent frames the sender sent
 * @param sendNanos how long the sender took
 * @param perReader packets each reader handled
 * @param unique distinct frame numbers handled, over all readers
 * @param duplicates frames handled by more than one reader (must be none)
 * @param dropped {@code ps_drop} summed over the readers
 * @param cpuNanosPerPacket the readers' CPU time per packet handled (reading, decoding and the work), NaN when
 *     none was handled
 * @param activeNanos from the first packet a reader handled to the last any handled
 * @param note why it did not run, or empty
 */
public record FanoutResult(int readers, String mode, long sent, long sendNanos, List<Long> perReader, long unique,
        long duplicates, long dropped, double cpuNanosPerPacket, long activeNanos, String note) {
    public FanoutResult {
        perReader = List.copyOf(perReader);
    }

    /** Packets handled by all readers. */
    public long handled() {
        return perReader.stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Packets the group handled per second while it was busy; unlike {@link #handled()}, it does not grow when
     * the readers slow the sender down and so have longer to work. NaN when nothing was handled.
     */
    public double handledPerSecond() {
        return activeNanos <= 0 ? Double.NaN : handled() * 1e9 / activeNanos;
    }

    /** The rate the sender reached, in frames per second; NaN when it sent nothing. */
    public double sendRate() {
        return sendNanos == 0 ? Double.NaN : sent * 1e9 / sendNanos;
    }

    /** A group that did not run. */
    public static FanoutResult skipped(int readers, String mode, String why) {
        return new FanoutResult(readers, mode, 0, 0, List.of(), 0, 0, 0, Double.NaN, 0, why);
    }

    /** Whether it ran. */
    public boolean ran() {
        return note == null || note.isEmpty();
    }
}
