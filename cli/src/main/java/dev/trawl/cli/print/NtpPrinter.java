package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Ntp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * NTP as tcpdump prints it: {@code NTPv4, Client, length 48}, and with {@code -v} the header's fields on the
 * lines after (leap indicator, stratum, poll, root delay and dispersion, reference id, the four timestamps and
 * the originator's differences), or a control message's fields. Not thread-safe.
 */
final class NtpPrinter implements LayerPrinter {
    private static final String[] MODES = {"unspecified", "symmetric active", "symmetric passive", "Client", "Server",
        "Broadcast", "Control Message", "Reserved"};
    private static final String[] LEAP = {"", "+1s", "-1s", "clock unsynchronized"};
    /** Seconds from the NTP era's start (1900) to the Unix epoch. */
    private static final long UNIX_EPOCH = 2_208_988_800L;
    private static final double TWO_TO_32 = 4294967296.0;

    private final Ntp view = new Ntp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Ntp n = view.wrap(p.buffer(), p.offset(layer), p.layerLength(layer));
        Out out = c.out();
        if (!n.has(0, 1)) {
            out.ascii("NTP");
            c.truncated("ntp");
            return;
        }
        int length = ApplicationPrinters.udpPayload(c, layer);
        int mode = n.mode();
        out.ascii("NTPv").num(n.version()).ascii(", ").ascii(MODES[mode]).ascii(", length ").num(length);
        if (c.verbose() == 0) {
            return;
        }
        int leap = n.byteAt(0) & 0xc0;
        out.ascii("\n\tLeap indicator: ").ascii(LEAP[leap >> 6]).ascii(" (").num(leap).ch(')');
        if (mode <= 5) {
            time(c, n, length);
        } else if (mode == 6) {
            control(c, n, length);
        }
    }

    private static void time(PrintContext c, Ntp n, int length) {
        Out out = c.out();
        if (length < Ntp.HEADER_LENGTH) {
            out.ascii(" (invalid)");
            if (!n.has(0, length)) {
                c.truncated("ntp");
            }
            return;
        }
        if (!n.has(1, 3)) {
            c.truncated("ntp");
            return;
        }
        int stratum = n.stratum();
        out.ascii(", Stratum ").num(stratum).ascii(" (").ascii(stratum == 0 ? "unspecified"
                : stratum == 1 ? "primary reference" : stratum <= 15 ? "secondary reference" : "reserved").ch(')');
        int poll = n.poll();
        out.ascii(", poll ").num(poll);
        if (poll > -32 && poll < 32) {
            if (poll >= 0) {
                out.ascii(" (").num(1L << poll).ascii("s)");
            } else {
                out.ascii(" (1/").num(1L << -poll).ascii("s)");
            }
        }
        out.ascii(", precision ").num(n.precision());
        if (!n.has(4, 4)) {
            c.truncated("ntp");
            return;
        }
        out.ascii("\n\tRoot Delay: ");
        shortFixed(out, n.rootDelay());
        if (!n.has(8, 4)) {
            c.truncated("ntp");
            return;
        }
        out.ascii(", Root dispersion: ");
        shortFixed(out, n.rootDispersion());
        if (!n.has(12, 4)) {
            c.truncated("ntp");
            return;
        }
        out.ascii(", Reference-ID: ");
        switch (stratum) {
            case 0 -> out.ascii("(unspec)");
            case 1 -> {
                for (int i = 0; i < 4; i++) {
                    VrrpPrinter.printable(out, n.byteAt(12 + i));
                }
            }
            case 62, 63 -> {
                c.ipv4((int) n.referenceId());
                out.ascii(stratum == 62 ? " INFO_QUERY" : " INFO_REPLY");
                return;
            }
            default -> out.ascii("0x").hex(n.referenceId(), 8);
        }
        String[] names = {"\n\t  Reference Timestamp:  ", "\n\t  Originator Timestamp: ",
            "\n\t  Receive Timestamp:    ", "\n\t  Transmit Timestamp:   "};
        for (int i = 0; i < names.length; i++) {
            if (!n.has(16 + 8 * i, 8)) {
                c.truncated("ntp");
                return;
            }
            out.ascii(names[i]);
            timestamp(out, n.intAt(16 + 8 * i), n.intAt(20 + 8 * i));
        }
        out.ascii("\n\t    Originator - Receive Timestamp:  ");
        delta(out, n.originTimestamp(), n.receiveTimestamp());
        out.ascii("\n\t    Originator - Transmit Timestamp: ");
        delta(out, n.originTimestamp(), n.transmitTimestamp());
        int extra = length - Ntp.HEADER_LENGTH;
        if (extra == 4 || extra == 20 || extra == 24) {
            if (!n.has(48, 4)) {
                c.truncated("ntp");
                return;
            }
            out.ascii("\n\tKey id: ").num(n.intAt(48));
            if (extra > 4) {
                if (!n.has(52, extra - 4)) {
                    c.truncated("ntp");
                    return;
                }
                out.ascii("\n\tAuthentication: ");
                for (int at = 52; at < 48 + extra; at += 4) {
                    out.hex(n.intAt(at), 8);
                }
            }
        } else if (extra > 0) {
            out.ascii("\n\t(").num(extra).ascii(" more bytes after the header)");
        }
    }

    private static void control(PrintContext c, Ntp n, int length) {
        Out out = c.out();
        if (length < 12) {
            out.ascii(" (invalid)");
            if (!n.has(0, length)) {
                c.truncated("ntp");
            }
            return;
        }
        if (!n.has(1, 1)) {
            c.truncated("ntp");
            return;
        }
        int control = n.byteAt(1);
        out.ascii((control & 0x80) != 0 ? ", Response" : ", Request").ascii((control & 0x40) != 0 ? ", Error" : ", OK")
                .ascii((control & 0x20) != 0 ? ", More" : ", Last").ascii(", OpCode=").num(control & 0x1f)
                .ascii("\n\t");
        String[] names = {"Sequence=", ", Status=", ", Assoc.=", ", Offset=", ", Count="};
        for (int i = 0; i < names.length; i++) {
            if (!n.has(2 + 2 * i, 2)) {
                c.truncated("ntp");
                return;
            }
            int v = n.shortAt(2 + 2 * i);
            out.ascii(names[i]);
            if (i == 1 && v != 0) {
                out.ascii("0x").hex(v);
            } else {
                out.num(v);
            }
        }
        int count = n.shortAt(10);
        if (12 + count > length) {
            out.ascii(" (invalid)");
            if (!n.has(0, length)) {
                c.truncated("ntp");
            }
            return;
        }
        if (count != 0) {
            if (!n.has(12, count)) {
                c.truncated("ntp");
                return;
            }
            out.ascii("\n\tTO-BE-DONE: data not interpreted");
        }
    }

    /** A 16.16 fixed-point number as tcpdump prints it, with six decimals. */
    private static void shortFixed(Out out, long v) {
        out.num(v >>> 16).ch('.').num((long) ((v & 0xffff) / 65536.0 * 1_000_000.0), 6);
    }

    /** A 32.32 NTP timestamp: seconds, nine decimals, and the UTC time it names when not zero. */
    static void timestamp(Out out, long seconds, long fraction) {
        out.num(seconds).ch('.').num(nanos(fraction), 9);
        if (seconds != 0) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(seconds - UNIX_EPOCH, 0, ZoneOffset.UTC);
            out.ascii(" (").num(t.getYear(), 4).ch('-').num(t.getMonthValue(), 2).ch('-').num(t.getDayOfMonth(), 2)
                    .ch('T').num(t.getHour(), 2).ch(':').num(t.getMinute(), 2).ch(':').num(t.getSecond(), 2)
                    .ascii("Z)");
        }
    }

    private static long nanos(long fraction) {
        return (long) (fraction / TWO_TO_32 * 1_000_000_000.0);
    }

    /** The difference {@code to - from} of two timestamps, signed; {@code to} itself when {@code from} is 0. */
    private static void delta(Out out, long from, long to) {
        if (from == 0) {
            timestamp(out, to >>> 32, to & 0xffffffffL);
            return;
        }
        long u = to >>> 32;
        long uf = to & 0xffffffffL;
        long ou = from >>> 32;
        long ouf = from & 0xffffffffL;
        boolean negative;
        long i;
        long f;
        if (u > ou) {
            negative = false;
            i = u - ou - (ouf > uf ? 1 : 0);
            f = (uf - ouf) & 0xffffffffL;
        } else if (u < ou) {
            negative = true;
            i = ou - u - (uf > ouf ? 1 : 0);
            f = (ouf - uf) & 0xffffffffL;
        } else {
            i = 0;
            negative = uf <= ouf;
            f = negative ? ouf - uf : uf - ouf;
        }
        out.ch(negative ? '-' : '+').num(i).ch('.').num(nanos(f), 9);
    }
}
