package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An ES-IS PDU (ISO 9542): the 9-byte fixed header, then what its type carries (a redirect's destination, SNPA and
 * network entity title, a hello's addresses) and options of a code byte and a length byte, which a printer reads
 * with the {@link TlvMessage} accessors.
 *
 * <pre>
 * +-------+-----------+---------+----------+----------+--------------+----------+
 * | nlpid | length ind| version | reserved | pdu type | holding time | checksum |
 * +-------+-----------+---------+----------+----------+--------------+----------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Esis extends OsiHeader {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Esis() {
    }

    /** Points this view at an ES-IS PDU. */
    public Esis wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code esis.htime}: the holding time in seconds. */
    public int holdingTime() {
        return u16(5);
    }
}
