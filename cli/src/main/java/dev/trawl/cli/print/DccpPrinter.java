package dev.trawl.cli.print;

import dev.trawl.decode.Checksums;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Dccp;

/**
 * DCCP as tcpdump prints it: {@code 10.0.0.1.5001 > 10.0.0.2.52667: DCCP DCCP-Response (service=0)
 * (ack=33164071488) }, with {@code -v} the CCVal, checksum coverage and checksum, with {@code -vv} the sequence
 * number. Not thread-safe.
 */
final class DccpPrinter implements LayerPrinter {
    private static final String[] TYPES = {"DCCP-Request", "DCCP-Response", "DCCP-Data", "DCCP-Ack",
        "DCCP-DataAck", "DCCP-CloseReq", "DCCP-Close", "DCCP-Reset", "DCCP-Sync", "DCCP-SyncAck"};
    private static final String[] RESETS = {"unspecified", "closed", "aborted", "no_connection", "packet_error",
        "option_error", "mandatory_error", "connection_refused", "bad_service_code", "too_busy", "bad_init_cookie",
        "aggression_penalty"};
    private static final int REQUEST = 0;
    private static final int RESPONSE = 1;
    private static final int DATA = 2;
    private static final int RESET = 7;

    private final Dccp view = new Dccp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Dccp d = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int ip = c.network(layer);
        int len = UdpPrinter.ipPayloadLength(c, layer, ip);
        if (!d.has(0, 12)) {
            c.truncated("dccp");
            return;
        }
        if (len < 12) {
            out.ascii("truncated-dccp - ").num(12 - len).ascii(" bytes missing!");
            return;
        }
        int fixed = d.genericLength();
        if (len < fixed) {
            out.ascii("truncated-dccp - ").num(fixed - len).ascii(" bytes missing!");
            return;
        }
        if (!d.has(0, fixed)) {
            c.truncated("dccp");
            return;
        }
        if (ip >= 0) {
            c.source(ip);
        }
        out.ch('.').num(d.sourcePort()).ascii(" > ");
        if (ip >= 0) {
            c.destination(ip);
        }
        out.ch('.').num(d.destinationPort()).ascii(": DCCP");
        int hlen = d.dataOffset() * 4;
        if (c.quiet()) {
            out.ch(' ').num((len - hlen) & 0xffffffffL);
            if (hlen > len) {
                out.ascii(" [bad hdr length ").num(hlen).ascii(" - too long, > ").num(len).ch(']');
            }
            return;
        }
        if (c.verbose() > 0) {
            out.ascii(" (CCVal ").num(d.ccval()).ascii(", CsCov ").num(d.checksumCoverage());
            if (d.has(0, len)) {
                int stored = d.checksum();
                out.ascii(", cksum 0x").hex(stored, 4).ch(' ');
                int coverage = d.checksumCoverage() == 0 ? len : (d.dataOffset() + d.checksumCoverage() - 1) * 4;
                int expected = Checksums.dccp(p, layer, len, coverage);
                if (expected != Checksums.UNKNOWN && expected != stored && !(expected == 0 && stored == 0xffff)) {
                    out.ascii("(incorrect -> 0x").hex(expected, 4).ch(')');
                } else {
                    out.ascii("(correct)");
                }
            }
            out.ch(')');
        }
        out.ch(' ');
        int type = d.type();
        String name = type < TYPES.length ? TYPES[type] : null;
        int extra = switch (type) {
            case REQUEST -> 4;
            case RESPONSE, RESET -> 12;
            case DATA -> 0;
            default -> type < TYPES.length ? 8 : 0;
        };
        if (len < fixed + extra) {
            out.ascii("truncated-").ascii(name).ascii(" - ").num(fixed + extra - len).ascii(" bytes missing!");
            return;
        }
        switch (type) {
            case REQUEST, RESPONSE -> {
                int at = fixed + (type == REQUEST ? 0 : 8);
                if (!d.has(fixed, extra)) {
                    c.truncated("dccp");
                    return;
                }
                out.ascii(name).ascii(" (service=").num(d.u32At(at)).ascii(") ");
            }
            case RESET -> {
                if (!d.has(fixed, extra)) {
                    c.truncated("dccp");
                    return;
                }
                int code = d.u8At(fixed + 8);
                out.ascii(name).ascii(" (code=").ascii(code < RESETS.length ? RESETS[code] : "invalid").ascii(") ");
            }
            default -> {
                if (name != null) {
                    out.ascii(name).ch(' ');
                } else {
                    out.ascii("unknown-type-").num(type).ch(' ');
                }
            }
        }
        if (type != DATA && type != REQUEST) {
            int ackBytes = d.extended() ? 8 : 4;
            if (!d.has(fixed, ackBytes)) {
                c.truncated("dccp");
                return;
            }
            out.ascii("(ack=").num(d.acknowledgment()).ascii(") ");
        }
        if (c.verbose() < 2) {
            return;
        }
        out.ascii("seq ").num(d.sequence());
    }
}
