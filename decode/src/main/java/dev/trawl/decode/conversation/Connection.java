package dev.trawl.decode.conversation;

/**
 * One TCP connection as {@link TcpTracker} follows it (Wireshark's {@code tcp_analysis}): its stream index,
 * its two directions, and the times the stream fields are measured from. Kept in the tracker's table until
 * the connection has ended and lingered, or has been idle too long, or the table is full.
 */
final class Connection {
    final FlowKey key;
    final long stream;
    /** The direction whose source sorts first (Wireshark's flow1), and the other. */
    final Half flow1 = new Half();
    final Half flow2 = new Half();
    final long firstTime;
    long previousTime;
    long firstRtt;
    long lastSynTime;
    /** {@code tcp.completeness}: the parts of a whole conversation seen so far (SYN, SYN/ACK, ACK, data, FIN, RST). */
    int completeness;
    /** FIN seen from flow1's side, from flow2's side, or a RST: the connection is ending. */
    boolean fin1;
    boolean fin2;
    boolean reset;
    /** The tracker's capture clock at the latest segment, for idle and linger eviction. */
    long lastSeen;
    /** Neighbours in the tracker's least-recently-seen list. */
    Connection older;
    Connection newer;

    Connection(FlowKey key, long stream, long time, long clock) {
        this.key = key;
        this.stream = stream;
        this.firstTime = time;
        this.previousTime = time;
        this.lastSeen = clock;
    }

    boolean ended() {
        return reset || fin1 && fin2;
    }

    long footprint() {
        return 160L + key.footprint() + flow1.footprint() + flow2.footprint();
    }
}
