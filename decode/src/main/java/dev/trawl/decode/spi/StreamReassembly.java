package dev.trawl.decode.spi;

/**
 * Messages that span TCP segments, put back together as Wireshark puts them: a decoder that sees the start of
 * a message its segment does not complete keeps it ({@link #begin}) and returns
 * {@link ProtocolDecoder#INCOMPLETE}; later segments of the same direction are added to it ({@link #append});
 * when one completes the message, the decoder decodes that frame again with the whole message behind its TCP
 * header ({@link #assembled()} then says so), and the protocol's decoder sees the message at once. Segments
 * must come in order: a retransmission is ignored, a gap drops the message.
 *
 * <p>It also follows records (PDUs) that end in a later segment without putting their bytes together: a decoder
 * notes where a record its segment starts ends ({@link #expectRecordEnd}), and asks of a later segment that does
 * not start with a record header whether it is the one that ends it ({@link #endsRecord}), as Wireshark shows
 * that segment as the protocol's and the ones in between as bare TCP.
 *
 * <p>Reached through {@link DecodeContext#streams()} during a {@link ProtocolDecoder#decode} call, and only then;
 * the methods that take a segment read the TCP header, which must be the last layer recorded, and the IP header
 * below it. When the decoder does not reassemble streams (the default; see
 * {@link dev.trawl.decode.PacketDecoder#reassembleStreams}) nothing is kept, nothing is found and
 * {@link #assembled()} is false. The decoder bounds what it keeps (how many messages wait, how long one may
 * grow) and forgets the least recently used stream first.
 *
 * <p>Implemented by trawl's decoder, not by plugins; not thread-safe (one per decoder).
 */
public interface StreamReassembly {
    /**
     * Whether the frame being decoded carries, behind its TCP header, a whole message put back together from
     * several segments: the IP length, which counts the frame's own segment only, does not end it then.
     */
    boolean assembled();

    /**
     * In a frame that carries a whole message put back together ({@link #assembled()}), how many of the message's
     * first bytes came from earlier segments: the frame's own segment's bytes start there. -1 in any other frame.
     */
    default int earlierBytes() {
        return -1;
    }

    /**
     * Keeps the start of a message that the segment whose payload ends at {@code end} begins at {@code offset}
     * (the start of the payload, or where the last of the records before it ends) but does not complete. A
     * repeated start (a retransmission) does not replace the message in progress.
     */
    void begin(byte[] buf, int offset, int end);

    /**
     * Adds the segment whose payload is {@code [offset, end)} to the message in progress in its direction, if it
     * is the next one; when {@code length} then finds the message whole (or finds it ends with the connection,
     * and this segment closes its direction with a FIN), the decoder decodes the frame again with it. A segment
     * that comes after a gap, or that would make the message too long, drops the message.
     */
    void append(byte[] buf, int offset, int end, MessageLength length);

    /**
     * Notes that a record the segment being decoded starts ends {@code length} bytes after the start of the
     * segment's payload, in a later segment.
     */
    void expectRecordEnd(byte[] buf, long length);

    /**
     * Whether the segment being decoded, whose payload is {@code [offset, end)}, ends the record noted by
     * {@link #expectRecordEnd} in its direction (it started inside the record and reaches its end). A segment
     * that starts past the record's end forgets it.
     */
    boolean endsRecord(byte[] buf, int offset, int end);

    /** How long a message is, told from its first bytes: a protocol's framing rule. */
    @FunctionalInterface
    interface MessageLength {
        /** Not known yet: more bytes are needed. */
        long UNKNOWN = -1;
        /** Known never to be: the bytes start no message, or one that cannot be read. */
        long NEVER = -2;
        /** The message ends when its direction of the connection closes (with a FIN). */
        long UNTIL_CLOSE = -3;

        /**
         * The length of the message that starts at {@code offset}, once {@code [offset, end)} holds all of it
         * (its length may then be shorter than the bytes), or one of the constants.
         */
        long of(byte[] buf, int offset, int end);
    }
}
