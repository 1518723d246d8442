package dev.trawl.cli.print;

import dev.trawl.decode.layer.Rx;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * A cursor over the XDR words of an Rx body that writes AFS arguments as tcpdump does. A read of a word that
 * was not captured throws {@link Truncated} (tcpdump gives up on the whole packet with {@code [|rx]}); a check
 * of a run of bytes, a string too long or cut short, throws {@link #STOP} (tcpdump ends the service's text with
 * {@code [|fs]} and the like, and still prints the packet's length). Not thread-safe.
 */
final class AfsReader {
    /** Thrown where tcpdump jumps to its service printer's truncation label. */
    static final RuntimeException STOP = new RuntimeException("stop", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    private static final ZoneRules ZONE = ZoneId.systemDefault().getRules();

    Rx m;
    Out out;
    /** The offset of the next word from the packet's start. */
    int at;

    AfsReader reset(Rx m, Out out, int at) {
        this.m = m;
        this.out = out;
        this.at = at;
        return this;
    }

    long word() {
        long v = CheckedReads.u32(m, at);
        at += 4;
        return v;
    }

    /** Throws {@link #STOP} unless {@code n} bytes from the cursor were captured. */
    void check(long n) {
        if (n < 0 || at + n > m.regionLength()) {
            throw STOP;
        }
    }

    void skip(long n) {
        at += (int) Math.min(n, Integer.MAX_VALUE - at);
    }

    void label(String s) {
        out.ascii(s);
    }

    /** A signed word. */
    void integer() {
        int v = (int) word();
        out.ch(' ').num(v);
    }

    void unsigned() {
        long v = word();
        out.ch(' ').num(v);
    }

    void unsigned64() {
        long hi = word();
        long lo = word();
        out.ch(' ').ascii(Long.toUnsignedString(hi << 32 | lo));
    }

    void fid() {
        check(12);
        out.ascii(" fid ").num(word()).ch('/').num(word()).ch('/').num(word());
    }

    /** A counted string of at most {@code max} bytes, quoted, padded to a word. */
    void string(int max) {
        long n = word();
        if (n > max) {
            throw STOP;
        }
        out.ascii(" \"");
        int i = 0;
        for (; i < n && m.has(at + i, 1); i++) {
            VrrpPrinter.printable(out, m.byteAt(at + i));
        }
        if (i < n) {
            throw STOP;
        }
        out.ch('"');
        at += (int) ((n + 3) & ~3L);
    }

    /** A string stored one character per word, {@code max} words, up to its first NUL. */
    void vector(int max) {
        check(4L * max);
        out.ascii(" \"");
        boolean ended = false;
        for (int k = 0; k < max; k++) {
            int b = (int) (word() & 0xFF);
            ended |= b == 0;
            if (!ended) {
                VrrpPrinter.printable(out, b);
            }
        }
        out.ch('"');
    }

    /** A signed time in seconds, as local date and time. */
    void date() {
        long t = (int) word();
        java.time.Instant instant = java.time.Instant.ofEpochSecond(t);
        LocalDateTime d = LocalDateTime.ofEpochSecond(t, 0, ZONE.getOffset(instant));
        out.ch(' ').num(d.getYear(), 4).ch('/').num(d.getMonthValue(), 2).ch('/').num(d.getDayOfMonth(), 2)
            .ch(' ').num(d.getHour(), 2).ch(':').num(d.getMinute(), 2).ch(':').num(d.getSecond(), 2);
    }

    /** The attributes a client asks a file server to store, those its mask selects. */
    void storeStatus() {
        check(24);
        long mask = word();
        if (mask != 0) {
            out.ascii(" StoreStatus");
        }
        if ((mask & 1) != 0) {
            out.ascii(" date");
            date();
        } else {
            at += 4;
        }
        long owner = word();
        if ((mask & 2) != 0) {
            out.ascii(" owner ").num(owner);
        }
        long group = word();
        if ((mask & 4) != 0) {
            out.ascii(" group ").num(group);
        }
        long mode = word();
        if ((mask & 8) != 0) {
            out.ascii(" mode ").ascii(Long.toOctalString(mode & 07777));
        }
        long segment = word();
        if ((mask & 16) != 0) {
            out.ascii(" segsize ").num(segment);
        }
        if ((mask & 1024) != 0) {
            out.ascii(" fsync");
        }
    }

    void ubikVersion() {
        check(8);
        out.ch(' ').num(word()).ch('.').num(word());
    }

    void uuid() {
        check(44);
        out.ch(' ').hex(word(), 8).hex(word(), 4).hex(word(), 4);
        for (int i = 0; i < 8; i++) {
            out.hex2((int) word() & 0xFF);
        }
    }

    void destinationServer() {
        check(12);
        out.ascii(" server ").num(word()).ch(':').num(word()).ch(':').num(word());
    }

    /** A count, then that many file ids separated by commas, or {@code <none!>}. */
    void fids() {
        long j = word();
        for (long i = 0; i < j; i++) {
            fid();
            if (i != j - 1) {
                out.ch(',');
            }
        }
        if (j == 0) {
            out.ascii(" <none!>");
        }
    }

    /** A count, then that many signed words. */
    void integers() {
        long j = word();
        for (long i = 0; i < j; i++) {
            integer();
        }
        if (j == 0) {
            out.ascii(" <none!>");
        }
    }

    /** A count, then that many names stored a character per word. */
    void vectors(int max) {
        long j = word();
        for (long i = 0; i < j; i++) {
            vector(max);
        }
        if (j == 0) {
            out.ascii(" <none!>");
        }
    }

    /** An IPv4 address in a word. */
    void address() {
        long a = word(); // read before writing, as tcpdump prints nothing of a word it cannot read
        out.ch(' ').num(a >>> 24).ch('.').num(a >>> 16 & 0xFF).ch('.').num(a >>> 8 & 0xFF).ch('.').num(a & 0xFF);
    }
}
