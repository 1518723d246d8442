package dev.trawl.bench.report;

/**
 * Which measurement each result is compared with: the C libpcap loop doing the same job, and pcap4j's raw
 * path doing the same job, on the same data with the same filter.
 */
final class Baselines {
    private Baselines() {
    }

    /** The key of the C baseline for a result, or {@code null} when there is none. */
    static String c(Result r) {
        String op = switch (r.family()) {
            case "capture" -> switch (r.operation()) {
                case "next", "nextCopy" -> "c_next_ex";
                case "dispatch" -> "c_dispatch";
                case "loop" -> "c_loop";
                default -> null;
            };
            case "pcap4j" -> r.operation().equals("loopRaw") ? "c_loop" : "c_next_ex";
            case "filter" -> "c_offline_filter";
            default -> null;
        };
        if (op == null) {
            return null;
        }
        String filter = r.family().equals("filter") ? "filtered" : r.filter();
        return Result.key("c", "libpcap", op, r.data(), filter);
    }

    /** The key of the pcap4j raw baseline for a result, or {@code null} when there is none. */
    static String pcap4j(Result r) {
        return switch (r.family()) {
            case "capture" -> Result.key("pcap4j", "pcap4j",
                    r.operation().equals("dispatch") || r.operation().equals("loop") ? "loopRaw" : "getNextRawPacketEx",
                    r.data(), r.filter());
            case "decode" -> r.subject().equals("pcap4j") ? null
                    : Result.key("decode", "pcap4j", r.operation(), r.data(), r.filter());
            default -> null;
        };
    }
}
