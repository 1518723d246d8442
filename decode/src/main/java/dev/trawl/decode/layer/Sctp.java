package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An SCTP packet (RFC 9260): the common header and the chunk list.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Source Port Number        |     Destination Port Number   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Verification Tag                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Checksum                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Chunk Type    | Chunk Flags   |        Chunk Length           |  (repeated,
 * |                          Chunk Value ...                      |   padded to 4)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Chunks are walked with relative cursors: {@link #firstChunk()} and {@link #nextChunk(int)}, -1 at the
 * end or at a chunk whose length is impossible. See {@link Flyweight}; not thread-safe.
 */
public final class Sctp extends TransportHeader {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Sctp() {
    }

    /** The common header length. */
    public static final int HEADER_LENGTH = 12;

    /** Points this view at an SCTP packet. */
    public Sctp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public long verificationTag() {
        return u32(4);
    }

    public long checksum() {
        return u32(8);
    }

    /** The relative offset of the first chunk, or -1. */
    public int firstChunk() {
        return has(HEADER_LENGTH, 4) ? HEADER_LENGTH : -1;
    }

    /** The relative offset of the chunk after {@code chunk}, or -1. */
    public int nextChunk(int chunk) {
        int len = chunkLength(chunk);
        if (len < 4) {
            return -1;
        }
        int next = chunk + ((len + 3) & ~3);
        return has(next, 4) ? next : -1;
    }

    public int chunkType(int chunk) {
        return u8(chunk);
    }

    public int chunkFlags(int chunk) {
        return u8(chunk + 1);
    }

    public int chunkLength(int chunk) {
        return u16(chunk + 2);
    }
}
