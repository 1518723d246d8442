package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A BFD control packet (RFC 5880), possibly followed by an authentication section.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Vers |  Diag   |Sta|P|F|C|A|D|M|  Detect Mult  |    Length     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       My Discriminator                        |
 * |                      Your Discriminator                       |
 * |                    Desired Min TX Interval                    |
 * |                   Required Min RX Interval                    |
 * |                 Required Min Echo RX Interval                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Bfd extends TlvMessage {
    /** The length of the mandatory section. */
    public static final int HEADER_LENGTH = 24;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Bfd() {
    }

    /** Points this view at a BFD packet. */
    public Bfd wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code bfd.version}. */
    public int version() {
        return u8(0) >>> 5;
    }

    /** {@code bfd.diag}. */
    public int diagnostic() {
        return u8(0) & 0x1F;
    }

    /** {@code bfd.flags}: the state ({@code bfd.sta}, the top two bits) and the flag bits. */
    public int flags() {
        return u8(1);
    }

    /** {@code bfd.detect_time_multiplier}. */
    public int detectMultiplier() {
        return u8(2);
    }

    /** {@code bfd.message_length}. */
    public int length() {
        return u8(3);
    }

    /** {@code bfd.my_discriminator}. */
    public long myDiscriminator() {
        return u32(4);
    }

    /** {@code bfd.your_discriminator}. */
    public long yourDiscriminator() {
        return u32(8);
    }

    /** {@code bfd.desired_min_tx_interval}, in microseconds. */
    public long desiredMinTx() {
        return u32(12);
    }

    /** {@code bfd.required_min_rx_interval}, in microseconds. */
    public long requiredMinRx() {
        return u32(16);
    }

    /** {@code bfd.required_min_echo_interval}, in microseconds. */
    public long requiredMinEcho() {
        return u32(20);
    }
}
