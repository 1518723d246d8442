package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An OLSR packet (RFC 3626): a 16-bit length and sequence number, then messages whose address fields are 4
 * or 16 bytes by the IP version that carries them, which a printer walks with the {@link TlvMessage} accessors.
 *
 * <pre>
 * +-----------------+-----------------+
 * | packet length   | packet sequence |
 * +-----------------+-----------------+
 * | messages ...                      |
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Olsr extends TlvMessage {
    /** The length of the packet header. */
    public static final int HEADER_LENGTH = 4;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Olsr() {
    }

    /** Points this view at an OLSR packet. */
    public Olsr wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code olsr.packet_len}. */
    public int packetLength() {
        return u16(0);
    }

    /** {@code olsr.packet_seq_num}. */
    public int sequence() {
        return u16(2);
    }
}
