package dev.trawl.bench.report;

import java.util.Comparator;
import java.util.List;

/** The display order of results: C first, then each backend, then pcap4j; operations in a fixed order. */
final class Ordering {
    private static final List<String> FAMILIES = List.of("c", "capture", "pcap4j", "decode", "filter");
    private static final List<String> SUBJECTS = List.of("libpcap", "java", "jna", "panama", "bare-panama", "pcap4j",
            "trawl", "floor");
    private static final List<String> OPERATIONS = List.of("c_next_ex", "c_dispatch", "c_loop", "c_offline_filter",
            "next", "nextCopy", "dispatch", "loop", "getNextRawPacket", "getNextRawPacketEx", "getNextPacket",
            "loopRaw", "layers", "dns", "interpreter", "jit");
    private static final List<String> DATA = List.of("small", "mix", "small-pcapng", "mix-pcapng");

    static final Comparator<Result> RESULTS = Comparator.comparingInt((Result r) -> rank(FAMILIES, r.family()))
            .thenComparingInt(r -> rank(DATA, r.data()))
            .thenComparing(Result::filter, Comparator.reverseOrder()) // none before filtered
            .thenComparingInt(r -> rank(SUBJECTS, r.subject()))
            .thenComparingInt(r -> rank(OPERATIONS, r.operation()));

    private Ordering() {
    }

    private static int rank(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? order.size() : i;
    }
}
