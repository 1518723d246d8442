package dev.trawl.pcap.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over a pcapng option list: code (2 bytes), length (2), value padded to 4 bytes, ending with
 * {@code opt_endofopt} or the end of the block body. Bounded by the body: an option running past it stops
 * the walk and sets {@link #malformed}. Reused; not thread-safe.
 *
 * <pre>
 * +----------------+----------------+
 * |  option code   | option length  |
 * +----------------+----------------+
 * |  value, padded to 32 bits       |
 * +---------------------------------+
 * </pre>
 */
final class Options {
    static final int END = 0;
    static final int COMMENT = 1;

    private ByteBuffer buf;
    private int next;
    private int limit;
    /** The current option's code. */
    int code;
    /** The current option's value length. */
    int length;
    /** The buffer index of the current option's value. */
    int value;
    /** Whether the walk stopped at an option that did not fit, rather than at the end. */
    boolean malformed;
    /** The buffer index of the option that did not fit. */
    int malformedAt;

    /** Starts a walk over {@code [start, end)} of a buffer whose byte order is the section's. */
    Options reset(ByteBuffer buffer, int start, int end) {
        this.buf = buffer;
        this.next = start;
        this.limit = end;
        this.malformed = false;
        return this;
    }

    /** Moves to the next option; false at the end of the list or at a malformed option. */
    boolean advance() {
        if (limit - next < 4) {
            if (limit - next != 0) {
                malformed = true;
                malformedAt = next;
            }
            return false;
        }
        code = buf.getShort(next) & 0xFFFF;
        length = buf.getShort(next + 2) & 0xFFFF;
        if (code == END) {
            if (length != 0) {
                malformed = true; // libpcap rejects this in interface descriptions
                malformedAt = next;
            }
            return false;
        }
        int padded = (length + 3) & ~3;
        if (padded > limit - next - 4) {
            malformed = true;
            malformedAt = next;
            return false;
        }
        value = next + 4;
        next = value + padded;
        return true;
    }

    /** The current value as UTF-8 text, without trailing NULs. */
    String string() {
        int n = length;
        while (n > 0 && buf.get(value + n - 1) == 0) {
            n--;
        }
        byte[] bytes = new byte[n];
        buf.get(value, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The current value as an unsigned 64-bit number, or -1 if it is not 8 bytes long. */
    long u64() {
        return length == 8 ? buf.getLong(value) : -1;
    }

    /** The current value as a 32-bit number, or -1 if it is not 4 bytes long. */
    long u32() {
        return length == 4 ? buf.getInt(value) & 0xFFFFFFFFL : -1;
    }

    /** The first byte of the current value. */
    int u8() {
        return buf.get(value) & 0xFF;
    }
}
