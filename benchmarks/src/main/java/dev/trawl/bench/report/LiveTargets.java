package dev.trawl.bench.report;

import dev.trawl.bench.live.FanoutResult;
import dev.trawl.bench.live.LiveResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets of the live part, checked against a run's live results rather than JMH scores: the
 * {@code afpacket} backend's capture CPU per packet beside C libpcap's at the sender's highest rate, with no
 * drop and nothing allocated per packet, for each reading call; and what a second reader in a fanout group adds.
 */
final class LiveTargets {
    static final String BACKEND = "afpacket";
    /** The most capture CPU per packet, as a multiple of C libpcap's. */
    static final double CPU_LIMIT = 1.0;
    /** The least a second fanout reader must add: two handle this many times what one does. */
    static final double FANOUT_LIMIT = 1.8;

    private LiveTargets() {
    }

    static List<Target.Check> check(RunRecord run) {
        List<Target.Check> checks = new ArrayList<>();
        LiveResult c = find(run, "libpcap");
        for (String mode : List.of("", " next", " loop")) {
            String name = BACKEND + mode;
            String call = mode.isEmpty() ? "dispatch" : mode.strip();
            Target target = new Target(BACKEND + " " + call + " capture CPU <= " + CPU_LIMIT + "x C libpcap, no drop, "
                    + "0 B/packet (live, 64-byte frames)", "live " + name, "live libpcap", CPU_LIMIT, true);
            LiveResult l = find(run, name);
            if (l == null || c == null || !l.ran() || !c.ran()) {
                checks.add(new Target.Check(target, Target.Status.NO_DATA, Double.NaN,
                        "not measured: " + (l == null || !l.ran() ? name : "libpcap")));
                continue;
            }
            double ratio = l.cpuNanosPerPacket() / c.cpuNanosPerPacket();
            long missing = l.sent() - l.delivered();
            boolean met = ratio <= CPU_LIMIT && l.statsDropped() == 0 && missing == 0
                    && !Double.isNaN(l.bytesPerPacket()) && l.bytesPerPacket() < Target.ZERO_BYTES;
            checks.add(new Target.Check(target, met ? Target.Status.MET : Target.Status.NOT_MET, ratio,
                    String.format(Locale.ROOT, "%.1f ns vs %.1f ns = %.2fx (limit %.2fx); %d of %d delivered, "
                            + "%d dropped; %.2f B/packet (must be 0)", l.cpuNanosPerPacket(), c.cpuNanosPerPacket(),
                            ratio, CPU_LIMIT, l.delivered(), l.sent(), l.statsDropped(), l.bytesPerPacket())));
        }
        Target fanout = new Target("fanout: 2 " + BACKEND + " readers in one group handle >= " + FANOUT_LIMIT
                + "x what 1 does, none twice (live, work per packet)", "fanout 2", "fanout 1", 1 / FANOUT_LIMIT, false);
        FanoutResult one = fanout(run, 1);
        FanoutResult two = fanout(run, 2);
        if (one == null || two == null || one.handled() == 0) {
            checks.add(new Target.Check(fanout, Target.Status.NO_DATA, Double.NaN, "not measured"));
        } else {
            double gain = (double) two.handled() / one.handled();
            boolean met = gain >= FANOUT_LIMIT && two.duplicates() == 0;
            checks.add(new Target.Check(fanout, met ? Target.Status.MET : Target.Status.NOT_MET, gain,
                    String.format(Locale.ROOT, "%d vs %d handled = %.2fx (at least %.2fx); %d seen twice; "
                            + "handled per second while busy %.2fx", two.handled(), one.handled(), gain, FANOUT_LIMIT,
                            two.duplicates(), two.handledPerSecond() / one.handledPerSecond())));
        }
        return checks;
    }

    private static LiveResult find(RunRecord run, String capturer) {
        return run.live().stream().filter(l -> l.capturer().equals(capturer)).findFirst().orElse(null);
    }

    private static FanoutResult fanout(RunRecord run, int readers) {
        return run.fanout().stream().filter(f -> f.readers() == readers && f.ran()).findFirst().orElse(null);
    }
}
