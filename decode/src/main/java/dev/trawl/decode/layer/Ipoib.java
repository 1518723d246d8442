package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * IP over InfiniBand as libpcap captures it (LINKTYPE_IPOIB): a 40-byte pseudo-header holding the source GID,
 * then the 4-byte IPoIB header, an EtherType and a reserved word.
 *
 * <pre>
 * +--------------------------------+-----------+----------+------------------
 * | source GID and padding         | EtherType | reserved | payload ...
 * +--------------------------------+-----------+----------+------------------
 *                40                      2           2
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Ipoib extends Flyweight {
    /** The length of the pseudo-header and the IPoIB header. */
    public static final int HEADER_LENGTH = 44;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ipoib() {
    }

    /** Points this view at an IPoIB capture header. */
    public Ipoib wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The EtherType of the payload ({@code infiniband.ipoib.type}). */
    public int etherType() {
        return u16(40);
    }
}
