package dev.trawl.bench.live;

/**
 * What one capturer saw of the live burst.
 *
 * @param capturer {@code libpcap} (the C program), a backend name, or a backend and its reading call
 *     ({@code afpacket next}, {@code afpacket loop}; plain names use {@code dispatch})
 * @param sent frames the sender sent
 * @param sendNanos how long the sender took to send them
 * @param delivered packets handed to the application
 * @param statsReceived {@code ps_recv}
 * @param statsDropped {@code ps_drop}
 * @param statsInterfaceDropped {@code ps_ifdrop}
 * @param cpuNanos CPU time of the capturing thread from activation to the last packet
 * @param allocatedBytes heap bytes the capturing thread allocated meanwhile, or -1 where not measured (C)
 * @param note why the capturer did not run, or empty
 */
public record LiveResult(String capturer, long sent, long sendNanos, long delivered, long statsReceived, long statsDropped,
        long statsInterfaceDropped, long cpuNanos, long allocatedBytes, String note) {
    /** CPU nanoseconds per delivered packet, NaN when none was. */
    public double cpuNanosPerPacket() {
        return delivered == 0 ? Double.NaN : (double) cpuNanos / delivered;
    }

    /** Heap bytes allocated per delivered packet, NaN when none was or it was not measured. */
    public double bytesPerPacket() {
        return delivered == 0 || allocatedBytes < 0 ? Double.NaN : (double) allocatedBytes / delivered;
    }

    /** The rate the sender reached, in frames per second; NaN when it sent nothing. */
    public double sendRate() {
        return sendNanos == 0 ? Double.NaN : sent * 1e9 / sendNanos;
    }

    /** A capturer that did not run. */
    public static LiveResult skipped(String capturer, String why) {
        return new LiveResult(capturer, 0, 0, 0, 0, 0, 0, 0, -1, why);
    }

    /** Whether it ran. */
    public boolean ran() {
        return note == null || note.isEmpty();
    }
}
