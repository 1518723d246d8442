package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Tftp;

/**
 * TFTP as tcpdump prints a datagram to or from port 69: {@code TFTP, length 14, RRQ "file1" octet}, with the
 * block number of DATA and ACK, the code and text of ERROR and the options of a request or OACK. tcpdump goes by
 * the port alone (the transfer's later packets, on other ports, print as plain UDP), and reads on past a UDP
 * length longer than the datagram, so this prints from the UDP payload's bytes whatever decode named there.
 * Not thread-safe (one view, reused).
 */
final class TftpPrinter {
    private static final String[] OPCODES = {null, "RRQ", "WRQ", "DATA", "ACK", "ERROR", "OACK"};
    private static final String[] ERRORS = {"EUNDEF", "ENOTFOUND", "EACCESS", "ENOSPACE", "EBADOP", "EBADID",
        "EEXISTS", "ENOUSER"};

    private final Tftp view = new Tftp();

    /**
     * Prints the TFTP packet at absolute index {@code from}, captured up to {@code to}, of {@code length} bytes
     * as the UDP and IP headers state them.
     */
    void print(PrintContext c, int from, int to, int length) {
        DecodedPacket p = c.packet();
        Tftp t = view.wrap(p.buffer(), from, Math.max(0, to - from));
        Out out = c.out();
        out.ascii("TFTP, length ").num(length);
        if (length < 2 || !t.has(0, 2)) {
            c.truncated("tftp");
            return;
        }
        int opcode = t.opcode();
        if (opcode >= OPCODES.length || OPCODES[opcode] == null) {
            out.ascii(", tftp-#").num(opcode);
            return;
        }
        out.ascii(", ").ascii(OPCODES[opcode]);
        if (!body(c, t, opcode, length - 2)) {
            c.truncated("tftp");
        }
    }

    /** The part after the opcode; false where tcpdump stops with its truncation marker. */
    private static boolean body(PrintContext c, Tftp t, int opcode, int length) {
        Out out = c.out();
        int at = 2;
        switch (opcode) {
            case Tftp.RRQ, Tftp.WRQ -> {
                if (length == 0) {
                    return false;
                }
                out.ascii(" \"");
                int n = text(out, t, at, length);
                out.ch('"');
                if (n == 0) {
                    return false;
                }
                at += n;
                length -= n;
                if (length == 0) {
                    return false; // no mode
                }
                out.ch(' ');
                n = text(out, t, at, length);
                if (n == 0) {
                    return false;
                }
                return options(out, t, at + n, length - n);
            }
            case Tftp.OACK -> {
                return options(out, t, at, length);
            }
            case Tftp.DATA, Tftp.ACK -> {
                if (length < 2 || !t.has(at, 2)) {
                    return false;
                }
                out.ascii(" block ").num(t.shortAt(at));
                return true;
            }
            default -> {
                if (length < 2 || !t.has(at, 2)) {
                    return false;
                }
                int code = t.shortAt(at);
                if (code < ERRORS.length) {
                    out.ch(' ').ascii(ERRORS[code]);
                } else {
                    out.ascii(" tftp-err-#").num(code).ascii(" \""); // tcpdump's own spelling, quote and all
                }
                if (length == 2) {
                    return false;
                }
                out.ascii(" \"");
                int n = text(out, t, at + 2, length - 2);
                out.ch('"');
                return n != 0;
            }
        }
    }

    /** Option names and values, each after a space unless it is empty. */
    private static boolean options(Out out, Tftp t, int at, int length) {
        while (length != 0) {
            if (!t.has(at, 1)) {
                return false;
            }
            if (t.byteAt(at) != 0) {
                out.ch(' ');
            }
            int n = text(out, t, at, length);
            if (n == 0) {
                return false;
            }
            at += n;
            length -= n;
        }
        return true;
    }

    /**
     * Writes the NUL-terminated text at {@code at} of at most {@code n} bytes; returns the bytes it took with the
     * NUL, or 0 when the text ran past {@code n} or past the captured bytes (tcpdump's {@code nd_printztn}).
     */
    private static int text(Out out, Tftp t, int at, int n) {
        for (int i = 0; i < n; i++) {
            if (!t.has(at + i, 1)) {
                return 0;
            }
            int b = t.byteAt(at + i);
            if (b == 0) {
                return i + 1;
            }
            VrrpPrinter.printable(out, b);
        }
        return 0;
    }
}
