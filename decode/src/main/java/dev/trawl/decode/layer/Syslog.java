package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A BSD syslog message (RFC 3164): {@code <PRI>} with one to three decimal digits, then the text.
 * {@link #priority()} is the facility times 8 plus the severity. See {@link Flyweight}; not thread-safe.
 */
public final class Syslog extends TlvMessage {
    private static final int MAX_DIGITS = 3;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Syslog() {
    }

    /** Points this view at a syslog message. */
    public Syslog wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The priority value, or -1 when the message does not start with a well-formed {@code <PRI>}. */
    public int priority() {
        int end = priorityEnd();
        if (end < 0) {
            return -1;
        }
        int pri = 0;
        for (int i = 1; i < end - 1; i++) {
            pri = pri * 10 + u8(i) - '0';
        }
        return pri;
    }

    /** The facility (the priority divided by 8), or -1. */
    public int facility() {
        int pri = priority();
        return pri < 0 ? -1 : (pri & 0x3F8) >>> 3;
    }

    /** The severity (the priority modulo 8), or -1. */
    public int severity() {
        int pri = priority();
        return pri < 0 ? -1 : pri & 7;
    }

    /** Where the text starts (just past {@code >}), or -1 when the priority is malformed. */
    public int messageOffset() {
        return priorityEnd();
    }

    /** Whether the captured bytes end inside the priority part, so that its form cannot be told. */
    public boolean priorityCut() {
        if (!has(0, 1)) {
            return true;
        }
        if (u8(0) != '<') {
            return false;
        }
        int i = 1;
        while (i <= MAX_DIGITS && has(i, 1) && isDigit(u8(i))) {
            i++;
        }
        return !has(i, 1);
    }

    /** The index just past {@code >}, or -1. */
    private int priorityEnd() {
        if (!has(0, 1) || u8(0) != '<') {
            return -1;
        }
        int i = 1;
        while (i <= MAX_DIGITS && has(i, 1) && isDigit(u8(i))) {
            i++;
        }
        return has(i, 1) && u8(i) == '>' ? i + 1 : -1;
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }
}
