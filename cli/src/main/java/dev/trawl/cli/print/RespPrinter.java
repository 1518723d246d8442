package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Resp;

/**
 * Redis's RESP as tcpdump prints it after a TCP segment's length: {@code : RESP "set" "test" "1"}, every
 * string, error, integer and bulk string of the segment quoted in turn (arrays flattened, pipelined commands one
 * after another), {@code empty}, {@code null} and the notes on bad lengths where they stand. Inline commands
 * (text ended by a line end) print as one string. Like tcpdump, any item the segment ends inside, and any
 * malformed one it cannot step over, ends the text with {@code [|resp]}. Not thread-safe (the parse position is
 * kept in the instance).
 */
final class RespPrinter implements LayerPrinter {
    /** What {@link #length} returns for a length field the segment ends inside. */
    private static final int TRUNCATED = -2;

    private final Resp view = new Resp();
    private Resp m;
    private Out out;
    /** Where the length field {@link #length} read ended. */
    private int lengthEnd;

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        m = view.wrap(p.buffer(), p.offset(layer), UdpPortPrinters.captured(c, layer));
        out = c.out();
        int length = UdpPrinter.ipPayloadLength(c, layer, c.network(layer));
        out.ascii(": RESP");
        try {
            for (int at = 0; length > 0; ) {
                int used = item(at, length);
                if (used < 0) {
                    c.truncated("resp");
                    return;
                }
                at += used;
                length -= used;
            }
        } catch (Truncated e) {
            c.truncated("resp");
        }
    }

    /** Prints the item at {@code at} with {@code length} bytes left; returns the bytes it used, or -1. */
    private int item(int at, int length) {
        if (length < 1) {
            return -1;
        }
        return switch (CheckedReads.u8(m, at)) {
            case '+', '-', ':' -> line(at, length);
            case '$' -> bulkString(at, length);
            case '*' -> array(at, length);
            default -> inline(at, length);
        };
    }

    /** A simple string, error or integer: the text up to CR LF, the type byte left out. */
    private int line(int at, int length) {
        int end = findCrLf(at + 1, length - 1);
        if (end < 0) {
            return -1;
        }
        int n = end - (at + 1);
        quoted(at + 1, n);
        return 1 + n + 2;
    }

    private int bulkString(int at, int length) {
        int left = length - 1;
        int n = length(at + 1, left);
        left -= lengthEnd - (at + 1);
        int p = lengthEnd;
        if (n >= 0) {
            if (n == 0) {
                out.ascii(" empty");
            } else {
                if (left < n || !m.has(p, n)) {
                    return -1;
                }
                quoted(p, n);
                p += n;
                left -= n;
            }
            int end = findCrLf(p, left);
            if (end < 0) {
                return -1;
            }
            left -= end - p + 2;
        } else if (!badLength(n)) {
            return -1;
        }
        return length - left;
    }

    private int array(int at, int length) {
        int left = length - 1;
        int n = length(at + 1, left);
        left -= lengthEnd - (at + 1);
        int p = lengthEnd;
        if (n > 0) {
            for (int i = 0; i < n; i++) {
                int used = item(p, left);
                if (used < 0) {
                    return -1;
                }
                p += used;
                left -= used;
            }
        } else if (n == 0) {
            out.ascii(" empty");
        } else if (!badLength(n)) {
            return -1;
        }
        return length - left;
    }

    /** Writes the note on a negative {@link #length} result; false when it was a truncation. */
    private boolean badLength(int n) {
        switch (n) {
            case -1 -> out.ascii(" null");
            case TRUNCATED -> {
                return false;
            }
            case -3 -> out.ascii(" length too large");
            case -4 -> out.ascii(" length negative and not -1");
            default -> out.ascii(" invalid");
        }
        return true;
    }

    /** An inline command: line ends skipped, then the text up to the next CR or LF, then the line ends. */
    private int inline(int at, int length) {
        int left = length;
        int p = skipLineEnds(at, left);
        if (p < 0) {
            return -1;
        }
        left -= p - at;
        int q = p;
        while (true) {
            if (left < 1) {
                return -1;
            }
            int b = CheckedReads.u8(m, q);
            if (b == '\r' || b == '\n') {
                break;
            }
            q++;
            left--;
        }
        quoted(p, q - p);
        int r = skipLineEnds(q, left);
        if (r < 0) {
            return -1;
        }
        left -= r - q;
        return length - left;
    }

    /**
     * Steps over CR and LF bytes from {@code at} ({@code left} bytes remaining); returns where they end, or -1
     * when the bytes end before a byte that is not one and none was seen.
     */
    private int skipLineEnds(int at, int left) {
        boolean seen = false;
        int p = at;
        while (true) {
            if (left == 0 || !m.has(p, 1)) {
                return seen ? p : -1;
            }
            int b = m.byteAt(p);
            if (b != '\r' && b != '\n') {
                return p;
            }
            seen = true;
            p++;
            left--;
        }
    }

    /** Where the next CR LF from {@code at} starts ({@code left} bytes remaining), or -1. */
    private int findCrLf(int at, int left) {
        int p = at;
        while (true) {
            if (left < 2 || !m.has(p, 2)) {
                return -1;
            }
            if (m.byteAt(p) == '\r' && m.byteAt(p + 1) == '\n') {
                return p;
            }
            p++;
            left--;
        }
    }

    /**
     * Reads a decimal length ended by CR LF at {@code at} ({@code left} bytes remaining) and sets
     * {@link #lengthEnd}: the length, or -1 for {@code -1} (null), {@link #TRUNCATED}, -3 for one too large for
     * 31 bits, -4 for another negative one, -5 for a malformed one.
     */
    private int length(int at, int left) {
        int p = at;
        if (left == 0) {
            lengthEnd = p;
            return TRUNCATED;
        }
        boolean negative = false;
        if (CheckedReads.u8(m, p) == '-') {
            negative = true;
            p++;
            left--;
        }
        int result = 0;
        boolean digits = false;
        boolean tooLarge = false;
        while (true) {
            if (left == 0) {
                lengthEnd = p;
                return TRUNCATED;
            }
            int b = CheckedReads.u8(m, p);
            if (b < '0' || b > '9') {
                if (!digits) {
                    lengthEnd = p + 1;
                    return -5;
                }
                break;
            }
            int digit = b - '0';
            if (result > Integer.MAX_VALUE / 10) {
                tooLarge = true;
            } else {
                result *= 10;
                if (result == Integer.MAX_VALUE / 10 * 10 && digit > Integer.MAX_VALUE % 10) {
                    tooLarge = true;
                } else {
                    result += digit;
                }
            }
            p++;
            left--;
            digits = true;
        }
        if (CheckedReads.u8(m, p) != '\r') {
            lengthEnd = p + 1;
            return -5;
        }
        p++;
        left--;
        if (left == 0) {
            lengthEnd = p;
            return TRUNCATED;
        }
        if (CheckedReads.u8(m, p) != '\n') {
            lengthEnd = p + 1;
            return -5;
        }
        lengthEnd = p + 1;
        if (negative) {
            return tooLarge || result != 1 ? -4 : -1;
        }
        return tooLarge ? -3 : result;
    }

    /** Writes {@code n} bytes from {@code at} in quotes, controls escaped; the bytes captured before a throw. */
    private void quoted(int at, int n) {
        out.ascii(" \"");
        for (int i = 0; i < n; i++) {
            VrrpPrinter.printable(out, CheckedReads.u8(m, at + i));
        }
        out.ch('"');
    }
}
