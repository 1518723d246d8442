package dev.trawl.bench.data;

import java.util.Locale;

/**
 * How big the generated captures are and how long each benchmark runs: the full run behind the published
 * figures, a quick run for a look in a minute or two, and a smoke run that only proves everything works.
 */
public enum Scale {
    /** About a million small frames; the published figures. */
    FULL(1_000_000, 250_000, 50_000),
    /** A fifth of the data, short iterations. */
    QUICK(200_000, 50_000, 10_000),
    /** Tiny files, one short shot per benchmark; the numbers mean nothing. */
    SMOKE(20_000, 5_000, 2_000);

    private final int smallPackets;
    private final int mixPackets;
    private final int headPackets;

    Scale(int smallPackets, int mixPackets, int headPackets) {
        this.smallPackets = smallPackets;
        this.mixPackets = mixPackets;
        this.headPackets = headPackets;
    }

    /**
     * Packets in the head of each file: its first packets, in a file of their own, which the subjects
     * built on pcap4j read instead of the whole file. They cost microseconds per packet, so a whole pass
     * over a million packets would take most of a run's time budget.
     */
    public int headPackets() {
        return headPackets;
    }

    /** Packets in the file of 64-byte frames. */
    public int smallPackets() {
        return smallPackets;
    }

    /** Packets in the file of mixed sizes. */
    public int mixPackets() {
        return mixPackets;
    }

    /** Parses {@code full}, {@code quick} or {@code smoke}. */
    public static Scale parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scale '" + text + "'; use full, quick or smoke", e);
        }
    }
}
