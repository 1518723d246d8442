package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IS-IS PDU (ISO 10589): the 8-byte common header, then the header of its PDU type and TLVs of a type byte
 * and a length byte, which a printer reads with the {@link TlvMessage} accessors.
 *
 * <pre>
 * +-------+-----------+---------+-----------+----------+-------------+----------+----------+
 * | nlpid | fixed len | version | id length | pdu type | pdu version | reserved | max area |
 * +-------+-----------+---------+-----------+----------+-------------+----------+----------+
 * | PDU type's header (hello: circuit type, source id, holding time, PDU length, ...)       |
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Isis extends TlvMessage {
    /** The length of the common header. */
    public static final int HEADER_LENGTH = 8;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Isis() {
    }

    /** Points this view at an IS-IS PDU. */
    public Isis wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code isis.len}: the length of the common and PDU-specific headers. */
    public int fixedLength() {
        return u8(1);
    }

    /** {@code isis.version}. */
    public int version() {
        return u8(2);
    }

    /** {@code isis.sysid_len}: 0 stands for 6. */
    public int idLength() {
        return u8(3);
    }

    /** The PDU type byte, its three reserved high bits included ({@code isis.type} is the low five). */
    public int pduTypeByte() {
        return u8(4);
    }

    /** {@code isis.version2}. */
    public int pduVersion() {
        return u8(5);
    }

    /** {@code isis.max_area_adr}: 0 stands for 3. */
    public int maxAreas() {
        return u8(7);
    }

    /**
     * The ISO 8473 (Fletcher) checksum that the {@code length} bytes from {@code from} should carry in the two
     * bytes {@code checksumAt} bytes into them (an LSP's checksum covers it from the LSP id on), or -1 when
     * those bytes were not all captured.
     */
    public int expectedOsiChecksum(int from, int checksumAt, int length) {
        return osiChecksum(this, from, checksumAt, length);
    }

    /**
     * The ISO 8473 checksum of {@code length} bytes of {@code m} from {@code from}, whose two check bytes lie
     * {@code checksumAt} bytes into them, or -1 when those bytes were not all captured. IS-IS, ES-IS and CLNP
     * share it.
     */
    static int osiChecksum(Flyweight m, int from, int checksumAt, int length) {
        if (!m.has(from, length) || checksumAt < 0 || checksumAt + 2 > length) {
            return -1;
        }
        long c0 = 0;
        long c1 = 0;
        for (int i = 0; i < length; i++) {
            if (i != checksumAt && i != checksumAt + 1) {
                c0 += m.u8(from + i);
            }
            c1 += c0;
        }
        c0 %= 255;
        c1 %= 255;
        long weight = (long) (length - checksumAt) * c0;
        long x = (weight - c0 - c1) % 255;
        long y = (c1 - weight) % 255;
        // the two check bytes are kept in 1..255, never 0
        if (x <= 0) {
            x += 255;
        }
        if (y <= 0) {
            y += 255;
        }
        return (int) (x << 8 | y);
    }
}
