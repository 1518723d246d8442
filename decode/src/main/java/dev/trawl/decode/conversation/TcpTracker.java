package dev.trawl.decode.conversation;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.decode.field.FieldSink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Follows TCP connections across packets, as Wireshark's TCP dissector does with its default preferences:
 * it numbers the connections ({@code tcp.stream}), makes sequence numbers relative to each direction's
 * first, learns the window scale from the handshake, times segments within their connection, and runs
 * Wireshark's sequence analysis (retransmissions, lost and out-of-order segments, duplicate and zero-window
 * acknowledgements, keep-alives, bytes in flight, round-trip times), checking the conditions in the order
 * Wireshark checks them. Feed it every packet, in capture order; {@link #track} fills a {@link TcpSegment}
 * with what it learnt of one TCP layer.
 *
 * <p>State is bounded: a connection is forgotten once it has ended (both FINs, or a RST) and a linger time
 * has passed, once it has been idle longer than the idle timeout (both in capture time), or, oldest first,
 * when the table holds {@link Builder#maxConnections} connections; each direction keeps at most Wireshark's
 * 10,000 unacknowledged segments. What a limit drops is counted ({@link #evicted()}); a segment of a
 * forgotten connection starts a new stream, as it would have in a capture that began there.
 *
 * <p>Not thread-safe: one tracker follows one packet sequence.
 */
public final class TcpTracker {
    /** How long an ended connection is remembered, by default: twice the maximum segment lifetime. */
    public static final Duration DEFAULT_LINGER = Duration.ofSeconds(240);
    /**
     * How long an idle connection is remembered, by default: longer than TCP's usual keep-alive interval (two
     * hours) with room to spare, so that a quiet but living connection keeps its stream index.
     */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(6);
    /** How many connections are remembered at once, by default. */
    public static final int DEFAULT_MAX_CONNECTIONS = 250_000;

    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int PUSH = 0x08;
    private static final int ACK = 0x10;

    /** The bits of {@code tcp.completeness}. */
    static final int COMPLETENESS_SYN = 1;
    static final int COMPLETENESS_SYNACK = 2;
    static final int COMPLETENESS_ACK = 4;
    static final int COMPLETENESS_DATA = 8;
    static final int COMPLETENESS_FIN = 16;
    static final int COMPLETENESS_RST = 32;

    private final boolean relative;
    private final boolean analyze;
    private final long lingerNanos;
    private final long idleNanos;
    private final int maxConnections;
    private final Field segmentLength;
    private final LengthSink lengthSink = new LengthSink();

    private final Map<FlowKey, Connection> connections = new HashMap<>();
    private final FlowKey probe = new FlowKey();
    /** The least and most recently seen connections, the ends of a list through {@link Connection#newer}. */
    private Connection oldest;
    private Connection newest;
    private long nextStream;
    private long evicted;
    private long evictedLive;
    private long overflowed;
    /**
     * The capture clock idle and linger times are measured on: the latest timestamp seen, so that a packet
     * with an earlier one (or none) is not taken for time passing. {@link #NO_TIME} before the first.
     */
    private long clock = NO_TIME;
    static final long NO_TIME = Long.MIN_VALUE;

    private TcpTracker(Builder b) {
        this.relative = b.relative;
        this.analyze = b.analyze;
        this.lingerNanos = b.linger.toNanos();
        this.idleNanos = b.idle.toNanos();
        this.maxConnections = b.maxConnections;
        this.segmentLength = b.fields.require("tcp.len");
    }

    /** A tracker with tshark's defaults: relative sequence numbers and sequence analysis on. */
    public static TcpTracker standard() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many connections are remembered now. */
    public int connections() {
        return connections.size();
    }

    /** How many connections were forgotten before they ended (idle, or the table full). */
    public long evicted() {
        return evictedLive;
    }

    /** How many connections were forgotten in all, ended or not. */
    public long forgotten() {
        return evicted;
    }

    /**
     * How many connections were forgotten before they ended because the table was full: a limit hit, where
     * the later segments of such a connection start a new stream.
     */
    public long overflowed() {
        return overflowed;
    }

    /** How many stream indexes have been given. */
    public long streams() {
        return nextStream;
    }

    /**
     * Follows the TCP layer {@code layer} of {@code p} and fills {@code out} with what is known of it.
     *
     * @return false when the layer is not a TCP header this tracker can follow (too short, or not over IP),
     *     {@code out} then being cleared
     */
    public boolean track(DecodedPacket p, int layer, TcpSegment out) {
        out.clear();
        if (p.protocol(layer) != Protocols.TCP) {
            return false;
        }
        int tcp = p.offset(layer);
        ByteBuffer buf = p.buffer();
        if (p.layerEnd(layer) - tcp < 20) {
            return false;
        }
        int ip = IpAddresses.enclosing(p, layer);
        if (ip < 0) {
            return false;
        }
        int srcPort = buf.getShort(tcp) & 0xFFFF;
        int dstPort = buf.getShort(tcp + 2) & 0xFFFF;
        int direction = probe.set(buf, IpAddresses.source(p, ip), IpAddresses.destination(p, ip, layer),
                IpAddresses.length(p, ip), srcPort, dstPort);
        long frame = p.frameNumber();
        long now = p.hasTimestamp() ? p.timestampSeconds() * 1_000_000_000L + p.timestampNanos() : 0;
        int seq = buf.getInt(tcp + 4);
        int ack = buf.getInt(tcp + 8);
        int flags = buf.getShort(tcp + 12) & 0x0FFF;
        int window = buf.getShort(tcp + 14) & 0xFFFF;
        int headerLength = (buf.get(tcp + 12) & 0xF0) >>> 2;

        if (p.hasTimestamp() && now > clock) {
            clock = now;
            expire(clock);
        }
        Connection c = connections.get(probe);
        boolean isNew = c == null;
        if (isNew) {
            c = open(now);
        } else {
            touch(c);
        }
        Half fwd = direction > 0 ? c.flow1 : c.flow2;
        Half rev = direction > 0 ? c.flow2 : c.flow1;
        int analysisFlags = 0;
        boolean hasAnalysis = false;
        // A SYN with a sequence number other than the connection's first opens a new connection on the same
        // ports; one with the same number is sent again, and the direction's next sequence number is restored
        // from the highest one acknowledgeable (a RST may have carried the number it was acknowledged with).
        if ((flags & (SYN | ACK)) == SYN && (fwd.staticFlags & Half.BASE_SEQ_SET) != 0) {
            if (seq != fwd.baseSeq) {
                forget(c);
                c = open(now);
                isNew = false;
                c.completeness = COMPLETENESS_SYN;
                fwd = direction > 0 ? c.flow1 : c.flow2;
                rev = direction > 0 ? c.flow2 : c.flow1;
            } else {
                fwd.nextSeq = fwd.maxSeqToBeAcked;
            }
            analysisFlags |= TcpSegment.REUSED_PORTS;
            hasAnalysis = true;
        } else if ((flags & (SYN | ACK)) == (SYN | ACK) && (fwd.staticFlags & Half.BASE_SEQ_SET) != 0
                && seq != fwd.baseSeq) {
            fwd.baseSeq = seq;
            analysisFlags |= TcpSegment.REUSED_PORTS;
            hasAnalysis = true;
        }
        fwd.sackRanges = 0;
        out.stream = c.stream;
        out.timeRelative = now - c.firstTime;
        out.timeDelta = now - c.previousTime;
        c.previousTime = now;

        lengthSink.value = -1;
        segmentLength.extract(p, layer, lengthSink);
        boolean quoted = (p.flags(layer) & LayerFlags.QUOTED) != 0;
        long seglen = quoted ? -1 : lengthSink.value;
        int relSeq = seq;
        int relAck = ack;
        // a data offset below 20 bytes ends Wireshark's dissection after the sequence number: nothing after it is
        // shown, but the segment was analysed before (with the length the IP header leaves after those bytes), so
        // that what follows sees it; its time counts too
        boolean bogus = headerLength < 20;
        if (bogus) {
            if (analyze && seglen >= 0) {
                Analysis a = analysis;
                a.reset(analysisFlags, hasAnalysis);
                analyze(c, fwd, rev, frame, now, seq, ack, (int) seglen, flags, window, a);
            }
            if (analyze && relative && (fwd.staticFlags & Half.BASE_SEQ_SET) != 0) {
                relSeq = seq - fwd.baseSeq;
            }
            out.timeRelative = out.timeDelta = TcpSegment.ABSENT;
        } else if (seglen >= 0) {
            if (analyze) {
                Analysis a = analysis;
                a.reset(analysisFlags, hasAnalysis);
                analyze(c, fwd, rev, frame, now, seq, ack, (int) seglen, flags, window, a);
                if (relative) {
                    relSeq = seq - fwd.baseSeq;
                    if ((flags & ACK) != 0) {
                        relAck = ack - rev.baseSeq;
                    }
                }
                analysisFlags = a.flags;
                hasAnalysis = a.present;
            }
            long scaled = window;
            if ((flags & SYN) == 0 && fwd.winScale >= 0) {
                scaled = (long) window << fwd.winScale;
            }
            out.window = scaled & 0xFFFF_FFFFL;
            int next = relSeq + (int) seglen + ((flags & (SYN | FIN)) != 0 ? 1 : 0);
            out.nextSeq = Integer.toUnsignedLong(next);
        }
        // shown as it stood before this segment, which then moves it forward
        out.completeness = c.completeness;
        if (headerLength >= 20) {
            updateCompleteness(c, isNew, flags, seglen);
        }
        out.seq = Integer.toUnsignedLong(relSeq);
        out.ack = bogus ? TcpSegment.ABSENT : Integer.toUnsignedLong(relAck);
        if (seglen < 0 && !bogus) {
            out.window = window;
        }
        if ((flags & SYN) == 0 && !bogus) {
            out.windowScaleShown = true;
            out.windowScale = fwd.winScale >= 0 ? 1 << fwd.winScale : fwd.winScale;
        }
        if ((flags & (SYN | ACK)) == SYN) {
            c.lastSynTime = now;
        }
        if (!quoted && headerLength >= 20) {
            options(buf, tcp, Math.min(tcp + headerLength, p.layerEnd(layer)), fwd, flags, analyze && seglen >= 0);
            if ((flags & SYN) != 0) {
                settleWindowScale(fwd, rev, (flags & ACK) != 0);
            }
        }
        if (analyze && (flags & (SYN | ACK)) == ACK && c.lastSynTime != 0 && c.firstRtt == 0) {
            c.firstRtt = now - c.lastSynTime;
        }
        // a header the capture cut short ends Wireshark's dissection before the analysis is shown
        boolean headerWhole = p.layerEnd(layer) - tcp >= headerLength;
        if (analyze && hasAnalysis && headerWhole && !bogus) {
            Analysis a = analysis;
            out.analysis = true;
            out.flags = analysisFlags;
            if (a.ackedFrame != 0) {
                out.ackedFrame = a.ackedFrame;
                if (a.ackRtt != 0) {
                    out.ackRtt = a.ackRtt;
                }
            }
            if (c.firstRtt != 0) {
                out.initialRtt = c.firstRtt;
            }
            if (a.bytesInFlight != 0) {
                out.bytesInFlight = Integer.toUnsignedLong(a.bytesInFlight);
                out.pushBytesSent = Integer.toUnsignedLong(a.pushBytesSent);
            }
            if (a.dupAckNum != 0) {
                out.duplicateAckNumber = a.dupAckNum;
                out.duplicateAckFrame = a.dupAckFrame;
            }
            if (a.rto != 0) {
                out.rto = a.rto;
                out.rtoFrame = a.rtoFrame;
            }
        }
        if (!quoted) {
            if ((flags & RST) != 0) {
                c.reset = true;
            }
            if ((flags & FIN) != 0) {
                if (direction > 0) {
                    c.fin1 = true;
                } else {
                    c.fin2 = true;
                }
            }
        }
        return true;
    }

    /** The analysis of the segment being followed (Wireshark's {@code tcp_acked}); one, reused. */
    private final Analysis analysis = new Analysis();

    private static final class Analysis {
        boolean present;
        int flags;
        long ackedFrame;
        long ackRtt;
        int bytesInFlight;
        int pushBytesSent;
        int dupAckNum;
        long dupAckFrame;
        long rto;
        long rtoFrame;

        void reset(int initialFlags, boolean initialPresence) {
            present = initialPresence;
            flags = initialFlags;
            ackedFrame = ackRtt = dupAckFrame = rto = rtoFrame = 0;
            bytesInFlight = pushBytesSent = dupAckNum = 0;
        }

        void flag(int f) {
            present = true;
            flags |= f;
        }
    }

    /** {@code (int) (a - b) > 0}: sequence number {@code a} is after {@code b}, modulo 2^32. */
    private static boolean after(int a, int b) {
        return a - b > 0;
    }

    private static boolean before(int a, int b) {
        return a - b < 0;
    }

    private static boolean notAfter(int a, int b) {
        return a - b <= 0;
    }

    /** Wireshark's {@code tcp_analyze_sequence_number}, condition for condition. */
    private static void analyze(Connection c, Half fwd, Half rev, long frame, long now, int seq, int ack, int seglen,
            int flags, int window, Analysis a) {
        if ((fwd.staticFlags & Half.BASE_SEQ_SET) == 0) {
            if ((flags & SYN) != 0) {
                fwd.baseSeq = seq;
                fwd.staticFlags |= (flags & ACK) != 0 ? Half.SAW_SYNACK : Half.SAW_SYN;
            } else {
                fwd.baseSeq = seq - 1;
            }
            fwd.staticFlags |= Half.BASE_SEQ_SET;
        }
        if ((rev.staticFlags & Half.BASE_SEQ_SET) == 0 && (flags & ACK) != 0) {
            rev.baseSeq = ack - 1;
            rev.staticFlags |= Half.BASE_SEQ_SET;
        }
        if ((flags & ACK) != 0) {
            rev.validBif = true;
        }
        boolean done = false;
        if (seglen == 1 && seq == fwd.nextSeq && rev.window == 0) {
            a.flag(TcpSegment.ZERO_WINDOW_PROBE);
            done = true;
        }
        if (!done) {
            if (window == 0 && (flags & (RST | FIN | SYN)) == 0) {
                a.flag(TcpSegment.ZERO_WINDOW);
            }
            if (fwd.nextSeq != 0 && after(seq, fwd.nextSeq) && (flags & RST) == 0) {
                a.flag(TcpSegment.LOST_SEGMENT);
                fwd.validBif = false;
            }
            if ((seglen == 0 || seglen == 1) && seq == fwd.nextSeq - 1 && (flags & (SYN | FIN | RST)) == 0) {
                a.flag(TcpSegment.KEEP_ALIVE);
            }
            if (seglen == 0 && window != 0 && window != fwd.window && seq == fwd.nextSeq && ack == fwd.lastAck
                    && (flags & (SYN | FIN | RST)) == 0) {
                a.flag(TcpSegment.WINDOW_UPDATE);
            }
            if (seglen > 0 && rev.winScale != -1
                    && seq + seglen == rev.lastAck + (rev.window << (rev.winScale == -2 ? 0 : rev.winScale))
                    && (flags & (SYN | FIN | RST)) == 0) {
                a.flag(TcpSegment.WINDOW_FULL);
            }
            if (seglen == 0 && window != 0 && window == fwd.window && seq == fwd.nextSeq && ack == fwd.lastAck
                    && (rev.lastSegmentFlags & TcpSegment.KEEP_ALIVE) != 0 && (flags & (SYN | FIN | RST)) == 0) {
                a.flag(TcpSegment.KEEP_ALIVE_ACK);
                done = true;
            }
        }
        if (!done && seglen == 0 && window == 0 && window == fwd.window && seq == fwd.nextSeq && ack == fwd.lastAck
                && (rev.lastSegmentFlags & TcpSegment.ZERO_WINDOW_PROBE) != 0 && (flags & (SYN | FIN | RST)) == 0) {
            a.flag(TcpSegment.ZERO_WINDOW_PROBE_ACK);
            done = true;
        }
        if (!done && seglen == 0 && window != 0 && window == fwd.window && seq == fwd.nextSeq && ack == fwd.lastAck
                && (flags & (SYN | FIN | RST)) == 0) {
            fwd.dupAckNum++;
            a.flag(TcpSegment.DUPLICATE_ACK);
            a.dupAckNum = fwd.dupAckNum;
            a.dupAckFrame = fwd.lastNonDupAck;
        }
        // finished_fwd
        if (ack != fwd.lastAck) {
            fwd.lastNonDupAck = frame;
            fwd.dupAckNum = 0;
        }
        if (rev.maxSeqToBeAcked != 0 && after(ack, rev.maxSeqToBeAcked) && (flags & ACK) != 0) {
            a.flag(TcpSegment.ACK_LOST_SEGMENT);
            // reported once: the bound moves to what the other direction has sent
            rev.maxSeqToBeAcked = rev.nextSeq;
        }
        if (seglen > 0 || (flags & (SYN | FIN)) != 0) {
            retransmission(c, fwd, rev, now, seq, seglen, flags, a);
        }
        int nextSeq = seq + seglen;
        if ((seglen != 0 || (flags & (SYN | FIN)) != 0) && fwd.unacked < Half.MAX_UNACKED) {
            if ((flags & (SYN | FIN)) != 0) {
                nextSeq += 1;
            }
            fwd.addUnacked(seq, nextSeq, frame, now);
        }
        boolean probe = (a.flags & TcpSegment.ZERO_WINDOW_PROBE) != 0;
        if (after(nextSeq, fwd.nextSeq) || fwd.nextSeq == 0) {
            if (!probe) {
                fwd.nextSeq = nextSeq;
                fwd.nextSeqFrame = frame;
                fwd.nextSeqTime = now;
            }
        }
        if (seq == fwd.maxSeqToBeAcked || fwd.maxSeqToBeAcked == 0) {
            if (!probe) {
                fwd.maxSeqToBeAcked = fwd.nextSeq;
            }
        }
        fwd.window = window;
        fwd.lastAck = ack;
        fwd.lastAckTime = now;
        fwd.lastSegmentFlags = a.present ? a.flags : 0;
        acknowledge(rev, frame, now, ack, a);
        bytesInFlight(fwd, rev, seglen, flags, a);
    }

    /**
     * Spurious retransmission, fast retransmission, out-of-order or plain retransmission, in Wireshark's order
     * (with its default that a fast retransmission takes precedence over reordering).
     */
    private static void retransmission(Connection c, Half fwd, Half rev, long now, int seq, int seglen, int flags,
            Analysis a) {
        boolean notAdvanced = fwd.nextSeq != 0 && before(seq, fwd.nextSeq);
        if ((a.flags & TcpSegment.KEEP_ALIVE) != 0) {
            return;
        }
        if (seglen > 1 && fwd.nextSeq - 1 == seq) {
            notAdvanced = false;
        }
        if (seglen > 0 && rev.lastAck != 0 && notAfter(seq + seglen, rev.lastAck)) {
            a.flag(TcpSegment.SPURIOUS_RETRANSMISSION);
            return;
        }
        long sinceDupAck = now - rev.lastAckTime;
        if (notAdvanced && rev.dupAckNum >= 2 && rev.lastAck == seq
                && Long.compareUnsigned(sinceDupAck, 20_000_000L) < 0) {
            a.flag(TcpSegment.FAST_RETRANSMISSION);
            return;
        }
        long sinceNext = now - fwd.nextSeqTime;
        long threshold = c.firstRtt == 0 ? 3_000_000L : c.firstRtt;
        // a SYN or FIN takes one sequence number: one sent again ends where the first did, and is no reordering
        int end = seq + seglen + ((flags & (SYN | FIN)) != 0 ? 1 : 0);
        if (notAdvanced && Long.compareUnsigned(sinceNext, threshold) < 0 && fwd.nextSeq != end) {
            a.flag(TcpSegment.OUT_OF_ORDER);
            return;
        }
        if (notAdvanced) {
            a.flag(TcpSegment.RETRANSMISSION);
            // measured from the oldest segment still unacknowledged, the one most likely sent again here
            if (fwd.unacked > 0) {
                a.rto = now - fwd.unackedTime[0];
                a.rtoFrame = fwd.unackedFrame[0];
            } else {
                a.rto = now - fwd.nextSeqTime;
                a.rtoFrame = fwd.nextSeqFrame;
            }
        }
    }

    /** Drops the segments of the other direction that {@code ack} acknowledges; notes the one it acks exactly. */
    private static void acknowledge(Half rev, long frame, long now, int ack, Analysis a) {
        for (int i = rev.unacked - 1; i >= 0; i--) {
            int useq = rev.unackedSeq[i];
            int unext = rev.unackedNext[i];
            if (ack == unext) {
                a.present = true;
                a.ackedFrame = rev.unackedFrame[i];
                a.ackRtt = now - rev.unackedTime[i];
            } else if (after(ack, useq) && notAfter(ack, unext)) {
                rev.unackedSeq[i] = ack;
                continue;
            } else if (after(unext, ack)) {
                continue;
            }
            rev.removeUnacked(i);
        }
    }

    private static void bytesInFlight(Half fwd, Half rev, int seglen, int flags, Analysis a) {
        if (seglen == 0 || fwd.unacked == 0 || !fwd.validBif) {
            return;
        }
        // the newest segment starts the range, as in Wireshark's walk from the head of its list
        int newest = fwd.unacked - 1;
        int first = fwd.unackedSeq[newest] - fwd.baseSeq;
        int last = fwd.unackedNext[newest] - fwd.baseSeq;
        for (int i = newest; i >= 0; i--) {
            int n = fwd.unackedNext[i] - fwd.baseSeq;
            int s = fwd.unackedSeq[i] - fwd.baseSeq;
            if (Integer.compareUnsigned(n, last) > 0) {
                last = n;
            }
            if (Integer.compareUnsigned(s, first) < 0) {
                first = s;
            }
        }
        int inFlight = last - first;
        for (int k = 0; k < rev.sackRanges; k++) {
            inFlight -= rev.sackEdges[2 * k + 1] - rev.sackEdges[2 * k];
        }
        if (Integer.compareUnsigned(inFlight, 0) > 0 && Integer.compareUnsigned(inFlight, 2_000_000_000) < 0) {
            a.present = true;
            a.bytesInFlight = inFlight;
            if ((flags & (SYN | FIN)) != 0) {
                a.bytesInFlight -= 1;
            }
        }
        boolean push = (flags & PUSH) != 0;
        if (push && !fwd.pushSetLast) {
            fwd.pushBytesSent += seglen;
            fwd.pushSetLast = true;
        } else if (push) {
            fwd.pushBytesSent = seglen;
        } else if (fwd.pushSetLast) {
            fwd.pushBytesSent = seglen;
            fwd.pushSetLast = false;
        } else {
            fwd.pushBytesSent += seglen;
        }
        a.present = true;
        a.pushBytesSent = fwd.pushBytesSent;
    }

    /**
     * Reads the options Wireshark's analysis uses: a SYN's window scale, and the SACK blocks a segment reports
     * (kept for the other direction's bytes in flight).
     */
    private static void options(ByteBuffer buf, int tcp, int end, Half fwd, int flags, boolean sacks) {
        for (int at = tcp + 20; at < end;) {
            int kind = buf.get(at) & 0xFF;
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                at++;
                continue;
            }
            if (at + 1 >= end) {
                break;
            }
            int length = buf.get(at + 1) & 0xFF;
            if (length < 2 || at + length > end) {
                break;
            }
            if (kind == 3 && length == 3 && (flags & SYN) != 0) {
                fwd.winScale = Math.min(buf.get(at + 2) & 0xFF, 14);
            } else if (kind == 5 && sacks) {
                if (fwd.sackEdges.length == 0) {
                    fwd.sackEdges = new int[2 * Half.MAX_SACK_RANGES];
                }
                for (int block = at + 2; block + 8 <= at + length && fwd.sackRanges < Half.MAX_SACK_RANGES;
                        block += 8) {
                    fwd.sackEdges[2 * fwd.sackRanges] = buf.getInt(block);
                    fwd.sackEdges[2 * fwd.sackRanges + 1] = buf.getInt(block + 4);
                    fwd.sackRanges++;
                }
            }
            at += length;
        }
    }

    /** Wireshark's {@code verify_tcp_window_scaling}: scaling holds only when both SYNs offered it. */
    private static void settleWindowScale(Half fwd, Half rev, boolean synAck) {
        if (fwd.winScale == -1) {
            fwd.winScale = -2;
            rev.winScale = -2;
        } else if (synAck && rev.winScale == -2) {
            fwd.winScale = -2;
        }
    }

    /** Moves {@code tcp.completeness} forward with what this segment adds. */
    private static void updateCompleteness(Connection c, boolean isNew, int flags, long seglen) {
        int v;
        if (isNew) {
            v = 0;
            if ((flags & (SYN | ACK)) == SYN) {
                v |= COMPLETENESS_SYN;
                if (seglen > 0) {
                    v |= COMPLETENESS_DATA;
                }
            }
        } else {
            v = c.completeness;
            if ((flags & (SYN | ACK)) == (SYN | ACK)) {
                v |= COMPLETENESS_SYNACK;
            }
            if ((flags & (SYN | ACK)) == ACK) {
                v |= seglen > 0 ? COMPLETENESS_DATA : COMPLETENESS_ACK;
            }
            if ((flags & (FIN | ACK)) == (FIN | ACK)) {
                v |= COMPLETENESS_FIN;
            }
            if ((flags & RST) != 0) {
                v |= COMPLETENESS_RST;
            }
        }
        c.completeness = v;
    }

    private Connection open(long now) {
        if (connections.size() >= maxConnections) {
            forgetOldest();
        }
        Connection c = new Connection(probe.copy(), nextStream++, now, clock);
        connections.put(c.key, c);
        link(c);
        return c;
    }

    private void touch(Connection c) {
        c.lastSeen = clock;
        if (c != newest) {
            unlink(c);
            link(c);
        }
    }

    private void link(Connection c) {
        c.older = newest;
        c.newer = null;
        if (newest != null) {
            newest.newer = c;
        }
        newest = c;
        if (oldest == null) {
            oldest = c;
        }
    }

    private void unlink(Connection c) {
        if (c.older != null) {
            c.older.newer = c.newer;
        } else {
            oldest = c.newer;
        }
        if (c.newer != null) {
            c.newer.older = c.older;
        } else {
            newest = c.older;
        }
        c.older = c.newer = null;
    }

    private void forget(Connection c) {
        connections.remove(c.key);
        unlink(c);
    }

    private void forgetOldest() {
        Connection c = oldest;
        evicted++;
        if (!c.ended()) {
            evictedLive++;
            overflowed++;
        }
        forget(c);
    }

    /** Forgets the connections that have lingered after their end, or been idle, past their time. */
    private void expire(long now) {
        while (oldest != null && oldest.lastSeen != NO_TIME) {
            Connection c = oldest;
            long idle = now - c.lastSeen;
            if (c.ended() ? idle > lingerNanos : idle > idleNanos) {
                evicted++;
                if (!c.ended()) {
                    evictedLive++;
                }
                forget(c);
            } else {
                break;
            }
        }
    }

    /** Receives the segment length field. */
    private static final class LengthSink implements FieldSink {
        long value;

        @Override
        public void integer(long v) {
            value = v;
        }

        @Override
        public void bytes(ByteBuffer buf, int index, int length) {
        }

        @Override
        public void text(CharSequence text) {
        }
    }

    /** Builds a {@link TcpTracker}. */
    public static final class Builder {
        private boolean relative = true;
        private boolean analyze = true;
        private Duration linger = DEFAULT_LINGER;
        private Duration idle = DEFAULT_IDLE_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private FieldRegistry fields = FieldRegistry.standard();

        private Builder() {
        }

        /** tshark's {@code tcp.relative_sequence_numbers}; on by default. */
        public Builder relativeSequenceNumbers(boolean on) {
            this.relative = on;
            return this;
        }

        /** tshark's {@code tcp.analyze_sequence_numbers}; on by default. Off, sequence numbers stay raw. */
        public Builder analyzeSequenceNumbers(boolean on) {
            this.analyze = on;
            return this;
        }

        /** How long an ended connection is remembered, in capture time. */
        public Builder linger(Duration d) {
            this.linger = requirePositive(d);
            return this;
        }

        /** How long an idle connection is remembered, in capture time. */
        public Builder idleTimeout(Duration d) {
            this.idle = requirePositive(d);
            return this;
        }

        /** How many connections are remembered at once; the least recently seen is forgotten first. */
        public Builder maxConnections(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1: " + n);
            }
            this.maxConnections = n;
            return this;
        }

        /** The fields the tracker reads the segment length through (the standard ones by default). */
        public Builder fields(FieldRegistry registry) {
            this.fields = java.util.Objects.requireNonNull(registry, "registry");
            return this;
        }

        public TcpTracker build() {
            return new TcpTracker(this);
        }

        private static Duration requirePositive(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a duration must be positive: " + d);
            }
            return d;
        }
    }
}
