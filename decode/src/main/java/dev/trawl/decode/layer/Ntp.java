package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An NTP packet header (RFC 5905).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |LI | VN  |Mode |    Stratum     |     Poll      |  Precision   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Root Delay                            |
 * |                         Root Dispersion                       |
 * |                          Reference ID                         |
 * |                     Reference Timestamp (64)                  |
 * |                        Origin Timestamp (64)                  |
 * |                        Receive Timestamp (64)                 |
 * |                        Transmit Timestamp (64)                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Timestamps are returned raw (32.32 fixed point seconds since 1900). See {@link Flyweight}; not thread-safe.
 */
public final class Ntp extends TlvMessage {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ntp() {
    }

    /** The header length. */
    public static final int HEADER_LENGTH = 48;

    /** Points this view at an NTP header. */
    public Ntp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int leapIndicator() {
        return u8(0) >>> 6;
    }

    public int version() {
        return (u8(0) >>> 3) & 7;
    }

    public int mode() {
        return u8(0) & 7;
    }

    public int stratum() {
        return u8(1);
    }

    public int poll() {
        return (byte) u8(2);
    }

    public int precision() {
        return (byte) u8(3);
    }

    public long rootDelay() {
        return u32(4);
    }

    public long rootDispersion() {
        return u32(8);
    }

    public long referenceId() {
        return u32(12);
    }

    public long referenceTimestamp() {
        return u32(16) << 32 | u32(20);
    }

    public long originTimestamp() {
        return u32(24) << 32 | u32(28);
    }

    public long receiveTimestamp() {
        return u32(32) << 32 | u32(36);
    }

    public long transmitTimestamp() {
        return u32(40) << 32 | u32(44);
    }
}
