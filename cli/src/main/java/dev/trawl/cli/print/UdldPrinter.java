package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Udld;

/**
 * UDLD as tcpdump prints it: {@code UDLDv1, Code Probe message (1), Flags [RT, RSY] (0x03), length 60}, with
 * {@code -v} the checksum and each record (device and port ids, echo, intervals, device name, sequence number).
 * Not thread-safe.
 */
final class UdldPrinter implements LayerPrinter {
    private final Udld udld = new Udld();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Udld u = udld.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = LlcPrinter.frameLength(c, layer);
        if (!u.has(0, 2)) {
            c.truncated("udld");
            return;
        }
        int opcode = u.opcode();
        int flags = u.flags();
        out.ascii("UDLDv").num(u.version()).ascii(", Code ").ascii(switch (opcode) {
            case 0 -> "Reserved";
            case 1 -> "Probe message";
            case 2 -> "Echo message";
            case 3 -> "Flush message";
            default -> "Unknown";
        }).ascii(" (").num(opcode).ascii("), Flags [");
        if ((flags & 3) == 0) {
            out.ascii("none");
        } else {
            out.ascii((flags & 1) != 0 ? "RT" : "").ascii((flags & 3) == 3 ? ", " : "")
                    .ascii((flags & 2) != 0 ? "RSY" : "");
        }
        out.ascii("] (0x").hex2(flags).ascii("), length ").num(length);
        if (c.verbose() == 0) {
            return;
        }
        if (!u.has(2, 2)) {
            c.truncated("udld");
            return;
        }
        out.ascii("\n\tChecksum 0x").hex(u.checksum(), 4).ascii(" (unverified)");
        int rel = Udld.HEADER_LENGTH;
        while (rel < length) {
            if (!u.has(rel, 4)) {
                c.truncated("udld");
                return;
            }
            int type = u.shortAt(rel);
            int tlvLength = u.shortAt(rel + 2);
            out.ascii("\n\t").ascii(name(type)).ascii(" (0x").hex(type, 4).ascii(") TLV, length ").num(tlvLength);
            if (tlvLength <= 4) {
                out.ascii(" (invalid)");
                return;
            }
            int value = rel + 4;
            int valueLength = tlvLength - 4;
            if (!u.has(value, valueLength)) {
                c.truncated("udld");
                return;
            }
            out.ascii(", ");
            switch (type) {
                case 1, 2, 3, 6 -> TlvText.text(out, u, value, valueLength);
                case 4, 5 -> out.num(u.byteAt(value)).ch('s');
                case 7 -> out.num(u.intAt(value));
                default -> { }
            }
            rel += tlvLength;
        }
    }

    private static String name(int type) {
        return switch (type) {
            case 1 -> "Device-ID TLV";
            case 2 -> "Port-ID TLV";
            case 3 -> "Echo TLV";
            case 4 -> "Message Interval TLV";
            case 5 -> "Timeout Interval TLV";
            case 6 -> "Device Name TLV";
            case 7 -> "Sequence Number TLV";
            default -> "Unknown";
        };
    }
}
