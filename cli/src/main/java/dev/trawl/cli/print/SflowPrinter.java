package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Sflow;

/**
 * sFlow as tcpdump prints it without {@code -v}: {@code sFlowv5, IPv4 agent 10.0.0.1, agent-id 0, length 328}.
 * Not thread-safe.
 */
final class SflowPrinter implements LayerPrinter {
    private final Sflow view = new Sflow();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Sflow s = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int len = ApplicationPrinters.udpPayload(c, layer);
        if (!s.has(4, 4)) {
            c.truncated("sflow");
            return;
        }
        long type = s.addressType();
        if ((len < 28 && type == Sflow.IPV4) || (len < 40 && type == Sflow.IPV6)) {
            out.ascii("sFlowv").num(s.version()).ascii(" [length ").num(len).ascii(" < 28] (invalid)");
            return;
        }
        if (!s.has(0, 28)) {
            c.truncated("sflow");
            return;
        }
        if (s.version() != 5) {
            out.ascii("sFlow version ").num(s.version()).ascii(" packet not supported");
            return;
        }
        if (!s.has(0, s.headerLength())) {
            c.truncated("sflow");
            return;
        }
        out.ascii("sFlowv5, ").ascii(type == Sflow.IPV4 ? "IPv4" : "IPv6").ascii(" agent ");
        if (type == Sflow.IPV4) {
            c.ipv4(s.agentIpv4());
        } else {
            s.agentIpv6(c.addressScratch());
            c.ipv6(c.addressScratch());
        }
        out.ascii(", agent-id ").num(s.agentId());
        if (c.verbose() > 0) {
            out.ascii(", seqnum ").num(s.sequence()).ascii(", uptime ").num(s.uptime()).ascii(", samples ")
                    .num(s.samples());
        }
        out.ascii(", length ").num(len);
    }
}
