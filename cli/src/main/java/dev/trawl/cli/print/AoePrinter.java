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
        int at = Aoe.COMMON_HEADER_LENGTH;
        int rest = length - at;
        if (command == 0) {
            issueArguments(c, a, at, rest);
        } else if (command == 1) {
            queryArguments(c, a, at, rest);
        } else if (command == 3) {
            reserveArguments(c, a, at, rest);
        }
    }

    private static final String[] RESERVE_COMMANDS = {"Read reserve list", "Set reserve list",
        "Force set reserve list"};

    /** The arguments of a reserve/release command: the subcommand, then the count of MAC addresses and each. */
    private static void reserveArguments(PrintContext c, Aoe a, int at, int length) {
        Out out = c.out();
        if (length < 2 || (length - 2) % 6 != 0) {
            invalid(c, a, at, length);
            return;
        }
        if (!a.has(at, 1)) {
            c.truncatedRead("aoe");
            return;
        }
        int command = a.u8At(at);
        out.ascii("\n\tRCmd: ");
        if (command < RESERVE_COMMANDS.length) {
            out.ascii(RESERVE_COMMANDS[command]);
        } else {
            out.ascii("Unknown (0x").hex2(command).ch(')');
        }
        if (!a.has(at + 1, 1)) {
            c.truncatedRead("aoe");
            return;
        }
        int count = a.u8At(at + 1);
        out.ascii(", NMacs: ").num(count);
        if (count * 6 != length - 2) {
            invalid(c, a, at + 2, length - 2);
            return;
        }
        for (int i = 0; i < count; i++) {
            int mac = at + 2 + 6 * i;
            if (!a.has(mac, 6)) {
                c.truncatedRead("aoe");
                return;
            }
            out.ascii("\n\tEthernet Address ").num(i).ascii(": ");
            for (int j = 0; j < 6; j++) {
                out.ascii(j == 0 ? "" : ":").hex2(a.u8At(mac + j));
            }
        }
    }

    private static final String[] AFLAGS = {"MBZ-7", "Ext48", "MBZ-5", "Device", "MBZ-3", "MBZ-2", "Async",
        "Write"};
    private static final String[] CONFIG_COMMANDS = {"read config string", "test config string",
        "test config string prefix", "set config string", "force set config string"};

    /** The arguments of an ATA command: flags, registers, the six LBA bytes and the data's length. */
    private static void issueArguments(PrintContext c, Aoe a, int at, int length) {
        Out out = c.out();
        if (length < 12) {
            invalid(c, a, at, length);
            return;
        }
        if (!a.has(at, 1)) {
            c.truncatedRead("aoe");
            return;
        }
        int flags = a.u8At(at);
        out.ascii("\n\tAFlags: [");
        String sep = "";
        for (int bit = 7; bit >= 0; bit--) {
            if ((flags & (1 << bit)) != 0) {
                out.ascii(sep).ascii(AFLAGS[7 - bit]);
                sep = ", ";
            }
        }
        out.ascii(sep.isEmpty() ? "none]" : "]");
        String[] names = {", Err/Feature: ", ", Sector Count: ", ", Cmd/Status: ", "\n\tlba0: ", ", lba1: ",
            ", lba2: ", ", lba3: ", ", lba4: ", ", lba5: "};
        for (int i = 0; i < names.length; i++) {
            if (!a.has(at + 1 + i, 1)) {
                c.truncatedRead("aoe");
                return;
            }
            out.ascii(names[i]).num(a.u8At(at + 1 + i));
        }
        if (!a.has(at + 10, 2)) {
            c.truncatedRead("aoe");
            return;
        }
        if (length > 12) {
            out.ascii("\n\tData: ").num(length - 12).ascii(" bytes");
        }
    }

    /** The arguments of a config query: buffer count, firmware, sectors, the config command and string. */
    private static void queryArguments(PrintContext c, Aoe a, int at, int length) {
        Out out = c.out();
        if (length < 8) {
            invalid(c, a, at, length);
            return;
        }
        if (!a.has(at, 2)) {
            c.truncatedRead("aoe");
            return;
        }
        out.ascii("\n\tBuffer Count: ").num(a.u16At(at));
        if (!a.has(at + 2, 2)) {
            c.truncatedRead("aoe");
            return;
        }
        out.ascii(", Firmware Version: ").num(a.u16At(at + 2));
        if (!a.has(at + 4, 1)) {
            c.truncatedRead("aoe");
            return;
        }
        out.ascii(", Sector Count: ").num(a.u8At(at + 4));
        if (!a.has(at + 5, 1)) {
            c.truncatedRead("aoe");
            return;
        }
        int ccmd = a.u8At(at + 5);
        out.ascii(", AoE: ").num(ccmd >> 4).ascii(", CCmd: ");
        // tcpdump's format for an unknown command has no conversion: it prints these very characters
        out.ascii((ccmd & 0x0f) < CONFIG_COMMANDS.length ? CONFIG_COMMANDS[ccmd & 0x0f] : "Unknown (0x02x)");
        if (!a.has(at + 6, 2)) {
            c.truncatedRead("aoe");
            return;
        }
        int stringLength = a.u16At(at + 6);
        if (stringLength > 1024 || stringLength > length - 8) {
            invalid(c, a, at + 8, length - 8);
            return;
        }
        if (stringLength > 0) {
            out.ascii("\n\tConfig String (length ").num(stringLength).ascii("): ");
            for (int i = 0; i < stringLength; i++) {
                if (!a.has(at + 8 + i, 1)) {
                    c.truncatedRead("aoe");
                    return;
                }
                VrrpPrinter.printable(out, a.u8At(at + 8 + i));
            }
        }
    }

    /** tcpdump's {@code (invalid)}, and its marker when the bytes it then checks were not all captured. */
    private static void invalid(PrintContext c, Aoe a, int at, int length) {
        c.out().ascii(" (invalid)");
        if (!a.has(at, Math.max(0, length))) {
            c.truncatedRead("aoe");
        }
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
