package dev.trawl.cli.print;

import dev.trawl.decode.field.AsciiSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A buffered byte sink for the tool's text output. Appending ASCII, numbers and hexadecimal writes
 * straight into one byte array, so printing a packet allocates nothing; {@link #flush()} hands the bytes to
 * the stream. Text that may hold non-ASCII characters goes through {@link #utf8(String)}.
 *
 * <p>As an {@link Appendable} it takes trawl-decode's writers of tshark's output formats; characters beyond
 * ASCII are written as UTF-8 there too. As an {@link AsciiSink} it takes the lines those writers make as bytes.
 *
 * <p>Not thread-safe: one printing thread owns it. Write failures surface as {@link UncheckedIOException},
 * which the tool treats as "the reader went away" (a closed pipe) and stops quietly.
 */
public final class Out implements Appendable, AsciiSink, AutoCloseable {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int CAPACITY = 1 << 16;

    private final OutputStream stream;
    private byte[] buf = new byte[CAPACITY];
    private int len;
    private final byte[] digits = new byte[20];
    /** Where {@link #text} copies a builder's characters to. */
    private final char[] chars = new char[4096];

    /** Writes to the stream, which {@link #close()} closes unless it is {@code System.out}. */
    public Out(OutputStream stream) {
        this.stream = stream;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            if (len > 0) {
                flushBuffer();
            }
            if (more > buf.length) {
                buf = new byte[Integer.highestOneBit(more) << 1];
            }
        }
    }

    /** Appends ASCII text (characters above 0x7f are replaced by '?'; use {@link #utf8} for those). */
    public Out ascii(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            buf[len++] = c < 0x80 ? (byte) c : (byte) '?';
        }
        return this;
    }

    /** Appends text as UTF-8. */
    public Out utf8(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
        return this;
    }

    /** Appends the characters {@code from} to {@code to} of a text as UTF-8, without allocating for ASCII. */
    public Out text(CharSequence s, int from, int to) {
        ensure(to - from);
        if (s instanceof StringBuilder b && to - from <= chars.length) {
            // A whole line of field output at a time: one bulk copy, not a call per character.
            b.getChars(from, to, chars, 0);
            return text(chars, to - from, s, from);
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                flushPending(s, i, to);
                return this;
            }
            buf[len++] = (byte) c;
        }
        return this;
    }

    private Out text(char[] cs, int n, CharSequence s, int from) {
        byte[] b = buf;
        int at = len;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c >= 0x80) {
                len = at;
                flushPending(s, from + i, from + n);
                return this;
            }
            b[at++] = (byte) c;
        }
        len = at;
        return this;
    }

    private void flushPending(CharSequence s, int from, int to) {
        utf8(s.subSequence(from, to).toString());
    }

    @Override
    public Out append(CharSequence s) {
        return text(s, 0, s.length());
    }

    @Override
    public Out append(CharSequence s, int from, int to) {
        return text(s, from, to);
    }

    /** Appends a character as UTF-8 (a surrogate alone, which UTF-8 cannot hold, as '?'). */
    @Override
    public Out append(char c) {
        return c < 0x80 ? ch(c) : utf8(String.valueOf(c));
    }

    /** Appends one ASCII character. */
    public Out ch(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** Appends ASCII bytes (a writer's whole line at a time). */
    @Override
    public void ascii(byte[] b, int from, int to) {
        bytes(b, from, to - from);
    }

    /** Appends raw bytes. */
    public Out bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** Appends a decimal number. */
    public Out num(long v) {
        ensure(21);
        if (v == Long.MIN_VALUE) {
            return ascii("-9223372036854775808");
        }
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int i = digits.length;
        do {
            digits[--i] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        int n = digits.length - i;
        System.arraycopy(digits, i, buf, len, n);
        len += n;
        return this;
    }

    /** Appends a decimal number padded with zeros to at least {@code width} digits. */
    public Out num(long v, int width) {
        if (v >= 0) {
            long limit = 10;
            for (int w = 1; w < width; w++, limit *= 10) {
                if (v < limit) {
                    ensure(1);
                    buf[len++] = '0';
                }
            }
        }
        return num(v);
    }

    /** Appends a byte as two lower-case hexadecimal digits. */
    public Out hex2(int b) {
        ensure(2);
        buf[len++] = HEX[(b >>> 4) & 0xf];
        buf[len++] = HEX[b & 0xf];
        return this;
    }

    /** Appends a number in lower-case hexadecimal with no leading zeros. */
    public Out hex(long v) {
        ensure(16);
        int shift = 60;
        while (shift > 0 && ((v >>> shift) & 0xf) == 0) {
            shift -= 4;
        }
        for (; shift >= 0; shift -= 4) {
            buf[len++] = HEX[(int) ((v >>> shift) & 0xf)];
        }
        return this;
    }

    /** Appends a number in lower-case hexadecimal, padded with zeros to at least {@code width} digits. */
    public Out hex(long v, int width) {
        for (int w = width - 1; w > 0; w--) {
            if ((v >>> (4 * w)) == 0) {
                ch('0');
            }
        }
        return hex(v);
    }

    /** The number of bytes buffered and not yet flushed. */
    public int buffered() {
        return len;
    }

    /** Ends a line. */
    public Out nl() {
        return ch('\n');
    }

    private void flushBuffer() {
        try {
            stream.write(buf, 0, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            len = 0;
        }
    }

    /** Writes the buffered bytes and flushes the stream. */
    public void flush() {
        if (len > 0) {
            flushBuffer();
        }
        try {
            stream.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes; closes the stream unless it is standard output or error. */
    @Override
    public void close() {
        flush();
        if (stream != System.out && stream != System.err) {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
