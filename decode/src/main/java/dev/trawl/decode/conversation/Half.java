package dev.trawl.decode.conversation;

import java.util.Arrays;

/**
 * One direction of a TCP connection: what the sequence analysis remembers of the segments this side sent
 * (Wireshark's {@code tcp_flow_t}). Sequence numbers are 32-bit and compared modulo 2^32; as in Wireshark, a
 * {@code nextSeq} of 0 means none seen yet.
 */
final class Half {
    static final int BASE_SEQ_SET = 1;
    static final int SAW_SYN = 2;
    static final int SAW_SYNACK = 4;
    /** Wireshark's bound on the segments kept unacknowledged per direction. */
    static final int MAX_UNACKED = 10_000;

    int baseSeq;
    int staticFlags;
    /** The window scale shift; -1 unknown, -2 not used. */
    int winScale = -1;
    int window;
    int lastSegmentFlags;
    boolean validBif = true;
    int pushBytesSent;
    boolean pushSetLast;

    int nextSeq;
    long nextSeqFrame;
    long nextSeqTime;
    int maxSeqToBeAcked;
    int lastAck;
    /**
     * The SACK blocks of this direction's latest segment (Wireshark keeps three for bytes in flight): left and
     * right edges by turns, made on the first SACK option, as most connections never send one.
     */
    int sackRanges;
    int[] sackEdges = NO_INTS;
    static final int MAX_SACK_RANGES = 3;
    long lastAckTime;
    long lastNonDupAck;
    int dupAckNum;

    /** Segments sent and not yet acknowledged, oldest first. */
    int unacked;
    int[] unackedSeq = NO_INTS;
    int[] unackedNext = NO_INTS;
    long[] unackedFrame = NO_LONGS;
    long[] unackedTime = NO_LONGS;
    /** What a direction with nothing in flight yet holds: shared, so that an idle connection costs less. */
    private static final int[] NO_INTS = new int[0];
    private static final long[] NO_LONGS = new long[0];

    void addUnacked(int seq, int next, long frame, long time) {
        if (unacked == unackedSeq.length) {
            int n = Math.max(4, unacked * 2);
            unackedSeq = Arrays.copyOf(unackedSeq, n);
            unackedNext = Arrays.copyOf(unackedNext, n);
            unackedFrame = Arrays.copyOf(unackedFrame, n);
            unackedTime = Arrays.copyOf(unackedTime, n);
        }
        unackedSeq[unacked] = seq;
        unackedNext[unacked] = next;
        unackedFrame[unacked] = frame;
        unackedTime[unacked] = time;
        unacked++;
    }

    void removeUnacked(int i) {
        int tail = unacked - i - 1;
        System.arraycopy(unackedSeq, i + 1, unackedSeq, i, tail);
        System.arraycopy(unackedNext, i + 1, unackedNext, i, tail);
        System.arraycopy(unackedFrame, i + 1, unackedFrame, i, tail);
        System.arraycopy(unackedTime, i + 1, unackedTime, i, tail);
        unacked--;
        if (unacked == 0 && unackedSeq.length > 64) {
            // a connection that once had many segments in flight gives the memory back
            unackedSeq = NO_INTS;
            unackedNext = NO_INTS;
            unackedFrame = NO_LONGS;
            unackedTime = NO_LONGS;
        }
    }

    /** An estimate of the bytes this direction holds. */
    long footprint() {
        return 96L + unackedSeq.length * 24L + sackEdges.length * 4L;
    }
}
