package dev.trawl.decode.conversation;

/**
 * What {@link TcpTracker} learnt of one TCP segment from the segments before it, named as Wireshark names
 * the fields: the connection's stream index ({@code tcp.stream}), relative sequence numbers
 * ({@code tcp.seq}, {@code tcp.ack}, {@code tcp.nxtseq}), the scaled window ({@code tcp.window_size}), times
 * within the connection ({@code tcp.time_relative}, {@code tcp.time_delta}) and the sequence analysis
 * ({@code tcp.analysis.*}). Values that Wireshark would not show for the segment are reported as absent
 * ({@link #ABSENT}, or a {@code has...} method that says so).
 *
 * <p>One instance is reused for every segment: read it before the next call to {@link TcpTracker#track}.
 * Not thread-safe.
 */
public final class TcpSegment {
    /** The value of a number Wireshark would not show for this segment. */
    public static final long ABSENT = Long.MIN_VALUE;

    /** {@code tcp.analysis.retransmission}. */
    public static final int RETRANSMISSION = 1;
    /** {@code tcp.analysis.lost_segment}: a segment before this one was not captured. */
    public static final int LOST_SEGMENT = 1 << 1;
    /** {@code tcp.analysis.ack_lost_segment}: this acknowledges a segment that was not captured. */
    public static final int ACK_LOST_SEGMENT = 1 << 2;
    /** {@code tcp.analysis.keep_alive}. */
    public static final int KEEP_ALIVE = 1 << 3;
    /** {@code tcp.analysis.duplicate_ack}. */
    public static final int DUPLICATE_ACK = 1 << 4;
    /** {@code tcp.analysis.zero_window}. */
    public static final int ZERO_WINDOW = 1 << 5;
    /** {@code tcp.analysis.zero_window_probe}. */
    public static final int ZERO_WINDOW_PROBE = 1 << 6;
    /** {@code tcp.analysis.zero_window_probe_ack}. */
    public static final int ZERO_WINDOW_PROBE_ACK = 1 << 7;
    /** {@code tcp.analysis.keep_alive_ack}. */
    public static final int KEEP_ALIVE_ACK = 1 << 8;
    /** {@code tcp.analysis.out_of_order}. */
    public static final int OUT_OF_ORDER = 1 << 9;
    /** {@code tcp.analysis.fast_retransmission}. */
    public static final int FAST_RETRANSMISSION = 1 << 10;
    /** {@code tcp.analysis.window_update}. */
    public static final int WINDOW_UPDATE = 1 << 11;
    /** {@code tcp.analysis.window_full}. */
    public static final int WINDOW_FULL = 1 << 12;
    /** {@code tcp.analysis.reused_ports}: a new connection on the ports of an earlier one. */
    public static final int REUSED_PORTS = 1 << 13;
    /** {@code tcp.analysis.spurious_retransmission}. */
    public static final int SPURIOUS_RETRANSMISSION = 1 << 14;

    long stream;
    int completeness;
    long seq;
    long ack;
    long nextSeq;
    long window;
    int windowScale;
    boolean windowScaleShown;
    long timeRelative;
    long timeDelta;
    int flags;
    boolean analysis;
    long ackedFrame;
    long ackRtt;
    long initialRtt;
    long bytesInFlight;
    long pushBytesSent;
    long duplicateAckNumber;
    long duplicateAckFrame;
    long rto;
    long rtoFrame;

    void clear() {
        stream = seq = ack = nextSeq = window = timeRelative = timeDelta = ABSENT;
        ackedFrame = ackRtt = initialRtt = bytesInFlight = pushBytesSent = ABSENT;
        duplicateAckNumber = duplicateAckFrame = rto = rtoFrame = ABSENT;
        windowScaleShown = false;
        flags = 0;
        analysis = false;
    }

    /** {@code tcp.stream}: the connection's index, from 0 in the order connections first appear. */
    public long stream() {
        return stream;
    }

    /**
     * {@code tcp.completeness}: what of a whole conversation has been seen so far, as bits: 1 SYN, 2 SYN/ACK,
     * 4 a pure ACK, 8 data, 16 FIN, 32 RST (a complete conversation with a FIN is 31).
     */
    public int completeness() {
        return completeness;
    }

    /** {@code tcp.seq}: the sequence number, relative to the connection's first unless that is turned off. */
    public long seq() {
        return seq;
    }

    /** {@code tcp.ack}: the acknowledgement number (relative), or {@link #ABSENT} without the ACK flag. */
    public long ack() {
        return ack;
    }

    /** {@code tcp.nxtseq}: the sequence number after this segment's data, or {@link #ABSENT}. */
    public long nextSeq() {
        return nextSeq;
    }

    /** {@code tcp.window_size}: the window with the scale the handshake set, or {@link #ABSENT}. */
    public long windowSize() {
        return window;
    }

    /** Whether {@code tcp.window_size_scalefactor} is shown (segments other than SYNs of a tracked connection). */
    public boolean hasWindowScaleFactor() {
        return windowScaleShown;
    }

    /**
     * {@code tcp.window_size_scalefactor}: the multiplier (a power of two), -1 when it is unknown (the
     * handshake was not seen), -2 when the connection does not scale its window.
     */
    public int windowScaleFactor() {
        return windowScale;
    }

    /** {@code tcp.time_relative} in nanoseconds: since the connection's first segment. */
    public long timeRelative() {
        return timeRelative;
    }

    /** {@code tcp.time_delta} in nanoseconds: since the connection's previous segment. */
    public long timeDelta() {
        return timeDelta;
    }

    /** Whether Wireshark shows a {@code tcp.analysis} tree for this segment. */
    public boolean hasAnalysis() {
        return analysis;
    }

    /** The {@code tcp.analysis.*} flags this segment raised (the constants of this class). */
    public int flags() {
        return flags;
    }

    /** Whether this segment raised {@code flag}. */
    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** {@code tcp.analysis.acks_frame}: the frame whose data this segment acknowledges, or {@link #ABSENT}. */
    public long ackedFrame() {
        return ackedFrame;
    }

    /** {@code tcp.analysis.ack_rtt} in nanoseconds, or {@link #ABSENT}. */
    public long ackRtt() {
        return ackRtt;
    }

    /** {@code tcp.analysis.initial_rtt} in nanoseconds, or {@link #ABSENT}. */
    public long initialRtt() {
        return initialRtt;
    }

    /** {@code tcp.analysis.bytes_in_flight}, or {@link #ABSENT}. */
    public long bytesInFlight() {
        return bytesInFlight;
    }

    /** {@code tcp.analysis.push_bytes_sent}, or {@link #ABSENT}. */
    public long pushBytesSent() {
        return pushBytesSent;
    }

    /** {@code tcp.analysis.duplicate_ack_num}, or {@link #ABSENT}. */
    public long duplicateAckNumber() {
        return duplicateAckNumber;
    }

    /** {@code tcp.analysis.duplicate_ack_frame}, or {@link #ABSENT}. */
    public long duplicateAckFrame() {
        return duplicateAckFrame;
    }

    /** {@code tcp.analysis.rto} in nanoseconds: since the segment this one retransmits, or {@link #ABSENT}. */
    public long rto() {
        return rto;
    }

    /** {@code tcp.analysis.rto_frame}, or {@link #ABSENT}. */
    public long rtoFrame() {
        return rtoFrame;
    }
}
