package dev.trawl.bench.report;

/**
 * One measured figure, in nanoseconds per packet, whatever produced it (JMH, the C baseline).
 *
 * @param family {@code capture} (a trawl backend), {@code pcap4j} (pcap4j used directly), {@code c}
 *     (C libpcap), {@code decode} or {@code filter}
 * @param subject who was measured: a backend name, {@code pcap4j}, {@code libpcap}, {@code trawl} ...
 * @param operation what was measured: {@code next}, {@code dispatch}, {@code c_next_ex} ...
 * @param data the data set, {@code small} or {@code mix}, or a pcapng twin ({@code mix-pcapng})
 * @param filter {@code none} or {@code filtered}
 * @param nsPerPacket the mean cost per packet
 * @param errorNsPerPacket the half-width of its 99.9% confidence interval, or NaN when unknown
 * @param bestNsPerPacket the cost per packet of the fastest iteration or repetition: the figure ratios and
 *     targets use, since other load on a shared machine only ever slows an iteration down
 * @param bytesPerPacket bytes allocated per packet (JMH's gc.alloc.rate.norm per packet), or NaN
 * @param samples the number of measured iterations or repetitions
 */
public record Result(String family, String subject, String operation, String data, String filter,
        double nsPerPacket, double errorNsPerPacket, double bestNsPerPacket, double bytesPerPacket, int samples) {
    /** A key naming this figure uniquely: family/subject/operation/data/filter. */
    public String key() {
        return key(family, subject, operation, data, filter);
    }

    /** The key of a figure. */
    public static String key(String family, String subject, String operation, String data, String filter) {
        return family + "/" + subject + "/" + operation + "/" + data + "/" + filter;
    }

    /** The label shown in tables and the chart. */
    public String label() {
        return subject + " " + operation;
    }
}
