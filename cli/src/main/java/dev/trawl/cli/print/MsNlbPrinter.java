package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.MsNlb;

/**
 * Microsoft NLB heartbeats as tcpdump prints them: {@code MS NLB heartbeat, host priority: 2, cluster IP:
 * 192.168.100.80, host IP: 192.168.100.82}, up to where the capture ends ({@code [|msnlb]}). Not thread-safe.
 */
final class MsNlbPrinter implements LayerPrinter {
    private final MsNlb view = new MsNlb();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        MsNlb m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        out.ascii("MS NLB heartbeat");
        if (!m.has(MsNlb.PRIORITY_OFFSET, 4)) {
            c.truncated("msnlb");
            return;
        }
        out.ascii(", host priority: ").num(m.hostPriority());
        if (!m.has(MsNlb.CLUSTER_OFFSET, 4)) {
            c.truncated("msnlb");
            return;
        }
        out.ascii(", cluster IP: ");
        c.ipv4(m.clusterAddress());
        if (!m.has(MsNlb.HOST_OFFSET, 4)) {
            c.truncated("msnlb");
            return;
        }
        out.ascii(", host IP: ");
        c.ipv4(m.hostAddress());
    }
}
