package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A Precision Time Protocol message (IEEE 1588), over UDP ports 319 and 320 or straight over Ethernet. The
 * common header of version 2, which the message body follows:
 *
 * <pre>
 *  0               1               2               3
 * +-------+-------+-------+-------+---------------+---------------+
 * | trans | msg   | minor | ver   |         message length        |
 * | spec  | type  | ver   |       |                               |
 * +-------+-------+-------+-------+---------------+---------------+
 * | domain number | reserved      |             flags             |
 * +---------------+---------------+-------------------------------+
 * |                 correction field (64 bits: ns, 16 bits of it  |
 * |                 fractional)                                   |
 * +---------------------------------------------------------------+
 * |                 reserved (32 bits)                            |
 * +---------------------------------------------------------------+
 * |         source port identity: clock identity (64 bits)        |
 * |                                                               |
 * +-------------------------------+-------------------------------+
 * |        source port number     |          sequence id          |
 * +---------------+---------------+-------------------------------+
 * | control field | log msg intvl |
 * +---------------+---------------+
 * </pre>
 *
 * The body's fields (timestamps of 48-bit seconds and 32-bit nanoseconds, port identities) are read with
 * {@link #byteAt}, {@link #shortAt}, {@link #intAt}, {@link #macAt} (48 bits) and {@link #longAt}. See
 * {@link Flyweight}; not thread-safe.
 */
public final class Ptp extends TlvMessage {
    /** The length of the common header. */
    public static final int HEADER_LENGTH = 34;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ptp() {
    }

    /** Points this view at a PTP message. */
    public Ptp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code ptp.v2.transportspecific} (high nibble) and {@code ptp.v2.messagetype} (low nibble) together. */
    public int typeOctet() {
        return u8(0);
    }

    /** {@code ptp.v2.versionptp} with the minor version in its high nibble, as the octet holds them. */
    public int versionOctet() {
        return u8(1);
    }

    /** {@code ptp.v2.messagelength}. */
    public int messageLength() {
        return u16(2);
    }

    /** {@code ptp.v2.domainnumber}. */
    public int domainNumber() {
        return u8(4);
    }

    /** {@code ptp.v2.flags}. */
    public int flags() {
        return u16(6);
    }

    /** The correction field's whole nanoseconds (its top 48 bits; {@code ptp.v2.correction.ns}). */
    public long correctionNanoseconds() {
        return u48(8);
    }

    /** {@code ptp.v2.clockidentity}. */
    public long clockIdentity() {
        return longAt(20);
    }

    /** {@code ptp.v2.sourceportid}. */
    public int sourcePortId() {
        return u16(28);
    }

    /** {@code ptp.v2.sequenceid}. */
    public int sequenceId() {
        return u16(30);
    }

    /** {@code ptp.v2.control}. */
    public int control() {
        return u8(32);
    }

    /** {@code ptp.v2.logmessageperiod}, as the unsigned octet. */
    public int logMessageInterval() {
        return u8(33);
    }

    /** The big-endian 64-bit value at {@code rel} (a clock identity), or 0 outside the region. */
    public long longAt(int rel) {
        return u32(rel) << 32 | u32(rel + 4);
    }
}
