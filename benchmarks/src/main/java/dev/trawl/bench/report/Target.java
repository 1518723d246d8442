package dev.trawl.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A published performance target: the ratio of a measurement to its baseline must stay within a limit
 * (and, for decoding, allocate nothing). Immutable.
 *
 * @param text the target as the README states it
 * @param subject the key of the measured result
 * @param baseline the key of the baseline result
 * @param limit the largest allowed ratio subject/baseline
 * @param zeroAllocation whether the subject must also allocate nothing per packet
 */
public record Target(String text, String subject, String baseline, double limit, boolean zeroAllocation) {
    /** Allocation below this many bytes per packet counts as none (JMH's figure is amortized and noisy). */
    static final double ZERO_BYTES = 0.5;

    /** The outcome of checking a target against a run. */
    public enum Status { MET, NOT_MET, NO_DATA }

    /** A target checked against a run. */
    public record Check(Target target, Status status, double ratio, String detail) {
    }

    /** Checks this target against a run's results. */
    public Check check(RunRecord run) {
        Result s = run.find(subject);
        Result b = run.find(baseline);
        if (s == null || b == null) {
            return new Check(this, Status.NO_DATA, Double.NaN,
                    "not measured: " + (s == null ? subject : baseline));
        }
        double ratio = s.bestNsPerPacket() / b.bestNsPerPacket();
        boolean met = ratio <= limit;
        String detail = String.format(Locale.ROOT, "%.2f ns vs %.2f ns = %.2fx (limit %.2fx)", s.bestNsPerPacket(),
                b.bestNsPerPacket(), ratio, limit);
        if (zeroAllocation) {
            boolean none = !Double.isNaN(s.bytesPerPacket()) && s.bytesPerPacket() < ZERO_BYTES;
            met &= none;
            detail += String.format(Locale.ROOT, "; %.2f B/packet (must be 0)", s.bytesPerPacket());
        }
        return new Check(this, met ? Status.MET : Status.NOT_MET, ratio, detail);
    }

    /** Every target, for each data set where it applies. */
    public static List<Target> all() {
        List<Target> targets = new ArrayList<>();
        targets.add(vsC("java zero-copy next <= 0.35x C pcap_next_ex (64-byte frames)", "java", "next", "small",
                "c_next_ex", 0.35));
        targets.add(vsC("java zero-copy next <= 0.8x C pcap_next_ex (mix)", "java", "next", "mix", "c_next_ex", 0.8));
        targets.add(vsC("java zero-copy next <= 0.5x C pcap_next_ex (pcapng, mix)", "java", "next", "mix-pcapng",
                "c_next_ex", 0.5));
        for (String data : List.of("small", "mix")) {
            String on = " (" + data + ")";
            targets.add(vsC("jna zero-copy next <= 4x C pcap_next_ex" + on, "jna", "next", data, "c_next_ex", 4));
            // Panama is judged against the bare java.lang.foreign loop of the same run: what the API adds.
            for (String operation : List.of("next", "dispatch", "loop")) {
                targets.add(new Target("panama " + operation + " <= 1.15x bare java.lang.foreign next" + on,
                        Result.key("capture", "panama", operation, data, "none"),
                        Result.key("capture", ReportWriter.BARE_PANAMA, "next", data, "none"), 1.15, false));
            }
            targets.add(new Target("pcap4j backend next <= 1.1x pcap4j getNextRawPacketEx" + on,
                    Result.key("capture", "pcap4j", "next", data, "none"),
                    Result.key("pcap4j", "pcap4j", "getNextRawPacketEx", data, "none"), 1.1, false));
            targets.add(new Target("pcap4j backend loop <= 1.1x pcap4j loop(RawPacketListener)" + on,
                    Result.key("capture", "pcap4j", "loop", data, "none"),
                    Result.key("pcap4j", "pcap4j", "loopRaw", data, "none"), 1.1, false));
            targets.add(new Target("filter interpreter <= 1.5x C pcap_offline_filter" + on,
                    Result.key("filter", "trawl", "interpreter", data, "filtered"),
                    Result.key("c", "libpcap", "c_offline_filter", data, "filtered"), 1.5, false));
            targets.add(new Target("filter JIT >= 2x faster than C pcap_offline_filter" + on,
                    Result.key("filter", "trawl", "jit", data, "filtered"),
                    Result.key("c", "libpcap", "c_offline_filter", data, "filtered"), 0.5, false));
        }
        // The general decoder's rows are a record of its ratio to pcap4j; the field projections carry the targets.
        targets.add(new Target("projection Ethernet/IPv4/TCP/UDP <= 1.5x the fields read by hand, 0 B/op (mix)",
                Result.key("decode", "trawl", "layersProjected", "mix", "none"),
                Result.key("decode", ReportWriter.FLOOR, "layers", "mix", "none"), 1.5, true));
        targets.add(new Target("projection DNS <= 1.5x the fields read by hand, 0 B/op (mix)",
                Result.key("decode", "trawl", "dnsProjected", "mix", "none"),
                Result.key("decode", ReportWriter.FLOOR, "dns", "mix", "none"), 1.5, true));
        return targets;
    }

    private static Target vsC(String text, String backend, String operation, String data, String cOperation,
            double limit) {
        return new Target(text, Result.key("capture", backend, operation, data, "none"),
                Result.key("c", "libpcap", cOperation, data, "none"), limit, false);
    }
}
