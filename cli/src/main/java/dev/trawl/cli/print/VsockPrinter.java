package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Vsock;

/**
 * Linux vsock monitor frames as tcpdump prints them: the transport, the endpoints as {@code CID.port} and the
 * operation ({@code VIRTIO 3.1024 > 2.1234 CONNECT, length 76}, the length being the captured one); with
 * {@code -v} the virtio header in parentheses and the endpoints on a line of their own; with {@code -vv} a
 * payload's bytes in hex. Not thread-safe.
 */
final class VsockPrinter implements LayerPrinter {
    private static final String[] TRANSPORTS = {"UNKNOWN", "NO_INFO", "VIRTIO"};
    private static final String[] OPERATIONS = {"UNKNOWN", "CONNECT", "DISCONNECT", "CONTROL", "PAYLOAD"};
    private static final String[] VIRTIO_OPERATIONS = {"INVALID", "REQUEST", "RESPONSE", "RST", "SHUTDOWN", "RW",
        "CREDIT UPDATE", "CREDIT REQUEST"};
    private final Vsock view = new Vsock();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        Vsock v = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        if (!v.has(0, Vsock.HEADER_LENGTH)) {
            c.truncated("vsock");
            c.linkHeaderEnd(p.end()); // tcpdump takes what was captured as the link header
            return;
        }
        c.linkHeaderEnd(v.offset() + Vsock.HEADER_LENGTH);
        int transport = v.transport();
        if (transport < TRANSPORTS.length) {
            out.ascii(TRANSPORTS[transport]);
        } else {
            out.ascii("Invalid transport (").num(transport).ch(')');
        }
        int transportLength = transport == Vsock.TRANSPORT_VIRTIO ? Vsock.VIRTIO_LENGTH : 0;
        // only -v reads the transport header, so only then does a short one end the line
        boolean cut = c.verbose() > 0 && !v.has(0, Vsock.HEADER_LENGTH + transportLength);
        if (c.verbose() > 0) {
            if (!cut) {
                if (transport == Vsock.TRANSPORT_VIRTIO) {
                    virtio(out, v);
                }
                out.ascii("\n\t");
            }
        } else {
            out.ch(' ');
        }
        out.ascii(Long.toUnsignedString(v.sourceCid())).ch('.').num(v.sourcePort()).ascii(" > ")
                .ascii(Long.toUnsignedString(v.destinationCid())).ch('.').num(v.destinationPort()).ch(' ');
        int op = v.operation();
        if (op < OPERATIONS.length) {
            out.ascii(OPERATIONS[op]);
        } else {
            out.ascii(" invalid op (").num(op).ch(')');
        }
        int captured = p.end() - v.offset();
        out.ascii(", length ").num(captured);
        if (cut) {
            c.truncated("vsock");
            return;
        }
        int headers = Vsock.HEADER_LENGTH + transportLength;
        if (c.verbose() > 1 && op == Vsock.OP_PAYLOAD) {
            if (captured > headers) {
                out.ch('\n');
                PrintContext.hexLines(out, p.buffer(), v.offset() + headers, p.end(), false, "\t");
            } else {
                c.truncated("vsock");
            }
        }
    }

    private static void virtio(Out out, Vsock v) {
        out.ascii(" (len ").num(v.virtioLength()).ascii(", type ");
        int type = v.virtioType();
        if (type == 1) {
            out.ascii("STREAM");
        } else {
            out.ascii("Invalid type (").num(type).ch(')');
        }
        out.ascii(", op ");
        int op = v.virtioOperation();
        if (op < VIRTIO_OPERATIONS.length) {
            out.ascii(VIRTIO_OPERATIONS[op]);
        } else {
            out.ascii("Invalid op (").num(op).ch(')');
        }
        out.ascii(", flags ").hex(v.virtioFlags()).ascii(", buf_alloc ").num(v.virtioBufferAllocation())
                .ascii(", fwd_cnt ").num(v.virtioForwardCount()).ch(')');
    }
}
