package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Aoe;

/**
 * ATA over Ethernet as tcpdump prints it: {@code AoE length 46, Ver 1, Flags: [Response]}, with {@code -v} the
 * common header's error, addresses, command and tag on a second line. A version 1 message shorter than its
 * common header prints {@code (invalid)}. Not thread-safe.
 */
final class AoePrinter implements LayerPrinter {
    private static final String[] COMMANDS = {"Issue ATA Command", "Query Config Information", "MAC Mask List",
        "Reserve/Release"};
    private static final String[] ERRORS = {null, "Unrecognized command code", "Bad argument parameter",
        "Device unavailable", "Config string present", "Unsupported version", "Target is reserved"};

    private final Aoe view = new Aoe();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Aoe a = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = c.wireLength(layer);
        out.ascii("AoE length ").num(length);
        if (length < 1) {
            out.ascii(" (invalid)");
            return;
        }
        if (!a.has(0, 1)) {
            c.truncated("aoe");
            return;
        }
        out.ascii(", Ver ").num(a.version());
        if (a.version() != 1) {
            return;
        }
        if (length < Aoe.COMMON_HEADER_LENGTH) {
            out.ascii(" (invalid)");
            if (!a.has(0, length)) {
                c.truncated("aoe");
            }
            return;
        }
        out.ascii(", Flags: [");
        flags(out, a.flags());
        out.ch(']');
        if (c.verbose() == 0) {
            return;
        }
        if (!a.has(0, Aoe.COMMON_HEADER_LENGTH)) {
            c.truncated("aoe");
            return;
        }
        if ((a.flags() & Aoe.FLAG_ERROR) != 0) {
            int error = a.error();
            out.ascii("\n\tError: ");
            if (error < ERRORS.length && ERRORS[error] != null) {
                out.ascii(ERRORS[error]);
            } else {
                out.ascii("Invalid (").num(error).ch(')');
            }
        }
        out.ascii("\n\tMajor: 0x").hex(a.major(), 4).ascii(", Minor: 0x").hex2(a.minor()).ascii(", Command: ");
        int command = a.command();
        if (command < COMMANDS.length) {
            out.ascii(COMMANDS[command]);
        } else {
            out.ascii("Unknown (0x").hex2(command).ch(')');
        }
        out.ascii(", Tag: 0x").hex(a.tag(), 8);
    }

    /** The flags as tcpdump lists them, highest bit first. */
    private static void flags(Out out, int flags) {
        String[] names = {"MBZ-0", "MBZ-1", "Error", "Response"};
        String sep = "";
        for (int bit = 3; bit >= 0; bit--) {
            if ((flags & (1 << bit)) != 0) {
                out.ascii(sep).ascii(names[bit]);
                sep = ", ";
            }
        }
        if (sep.isEmpty()) {
            out.ascii("none");
        }
    }
}
