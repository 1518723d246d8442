package dev.trawl.decode.conversation;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Numbers UDP conversations as Wireshark does ({@code udp.stream}): a conversation is a pair of address and
 * port endpoints, the same both ways, numbered from 0 in the order conversations first appear. The addresses
 * are those of the IP header just outside the UDP header, so a datagram an ICMP error quotes belongs to the
 * conversation of the datagram it quotes.
 *
 * <p>State is bounded: when the table holds its maximum, the conversation seen least recently is forgotten
 * for a new one, and that is counted ({@link #overflowed()}); with an idle timeout, a conversation idle longer
 * than that (in capture time) is forgotten too. A datagram of a forgotten conversation starts a new one, where
 * Wireshark, which remembers every conversation for the whole capture, would give the old number: that is why
 * the default tracker has no idle timeout (UDP says nothing of a conversation's end) and forgets only for
 * room.
 *
 * <p>Not thread-safe: one tracker follows one packet sequence.
 */
public final class UdpTracker {
    /** How many conversations are remembered at once, by default. */
    public static final int DEFAULT_MAX_CONVERSATIONS = 250_000;

    private final long idleNanos;
    private final int maxConversations;
    /** The conversations by key, least recently seen first. */
    private final LinkedHashMap<FlowKey, Conversation> conversations = new LinkedHashMap<>(64, 0.75f, true);
    private final FlowKey probe = new FlowKey();
    private long nextStream;
    private long forgotten;
    private long overflowed;
    /**
     * The capture clock idle times are measured on: the latest timestamp seen, so that a datagram with an
     * earlier one (or none) is not taken for time passing. {@link #NO_TIME} before the first.
     */
    private long clock = NO_TIME;
    private static final long NO_TIME = Long.MIN_VALUE;

    /** A tracker with no idle timeout that keeps at most {@link #DEFAULT_MAX_CONVERSATIONS}. */
    public UdpTracker() {
        this(null, DEFAULT_MAX_CONVERSATIONS);
    }

    /**
     * A tracker that forgets a conversation idle for longer than {@code idleTimeout} (null: never), and keeps
     * at most {@code maxConversations}.
     */
    public UdpTracker(Duration idleTimeout, int maxConversations) {
        if (idleTimeout != null && idleTimeout.isNegative() || maxConversations < 1) {
            throw new IllegalArgumentException("the idle timeout must not be negative and the maximum must be"
                    + " at least 1: " + idleTimeout + ", " + maxConversations);
        }
        this.idleNanos = idleTimeout == null ? Long.MAX_VALUE : saturatedNanos(idleTimeout);
        this.maxConversations = maxConversations;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static final class Conversation {
        final long stream;
        long lastSeen;

        Conversation(long stream, long lastSeen) {
            this.stream = stream;
            this.lastSeen = lastSeen;
        }
    }

    /** How many conversations are remembered now. */
    public int conversations() {
        return conversations.size();
    }

    /** How many conversations were forgotten (idle, or the table full). */
    public long forgotten() {
        return forgotten;
    }

    /**
     * How many conversations were forgotten because the table was full: a limit hit, where the later
     * datagrams of such a conversation start a new stream.
     */
    public long overflowed() {
        return overflowed;
    }

    /** How many stream indexes have been given. */
    public long streams() {
        return nextStream;
    }

    /**
     * The stream index of the UDP layer {@code layer} of {@code p}, opening a conversation for it when it is
     * the first of its endpoints.
     *
     * @return the index, or -1 when the layer is not a UDP header over IP whose ports were captured
     */
    public long track(DecodedPacket p, int layer) {
        if (p.protocol(layer) != Protocols.UDP) {
            return -1;
        }
        int udp = p.offset(layer);
        if (p.layerEnd(layer) - udp < 4) {
            return -1;
        }
        int ip = -1;
        for (int i = layer - 1; i >= 0 && ip < 0; i--) {
            int proto = p.protocol(i);
            if (proto == Protocols.IP || proto == Protocols.IPV6) {
                ip = i;
            }
        }
        if (ip < 0) {
            return -1;
        }
        ByteBuffer buf = p.buffer();
        int ipAt = p.offset(ip);
        boolean v6 = p.protocol(ip) == Protocols.IPV6;
        if (p.layerEnd(ip) - ipAt < (v6 ? 40 : 20)) {
            return -1;
        }
        int srcPort = buf.getShort(udp) & 0xFFFF;
        int dstPort = buf.getShort(udp + 2) & 0xFFFF;
        if (v6) {
            probe.set(buf, ipAt + 8, ipAt + 24, 16, srcPort, dstPort);
        } else {
            probe.set(buf, ipAt + 12, ipAt + 16, 4, srcPort, dstPort);
        }
        if (p.hasTimestamp() && idleNanos != Long.MAX_VALUE) {
            long now = p.timestampSeconds() * 1_000_000_000L + p.timestampNanos();
            if (now > clock) {
                clock = now;
                expire(clock);
            }
        }
        Conversation c = conversations.get(probe);
        if (c == null) {
            if (conversations.size() >= maxConversations) {
                Iterator<Conversation> oldest = conversations.values().iterator();
                oldest.next();
                oldest.remove();
                forgotten++;
                overflowed++;
            }
            c = new Conversation(nextStream++, clock);
            conversations.put(probe.copy(), c);
        }
        c.lastSeen = clock;
        return c.stream;
    }

    /** Forgets the conversations idle past the timeout, oldest first. */
    private void expire(long now) {
        Iterator<Map.Entry<FlowKey, Conversation>> it = conversations.entrySet().iterator();
        while (it.hasNext()) {
            Conversation c = it.next().getValue();
            if (c.lastSeen == NO_TIME || now - c.lastSeen <= idleNanos) {
                return;
            }
            it.remove();
            forgotten++;
        }
    }
}
