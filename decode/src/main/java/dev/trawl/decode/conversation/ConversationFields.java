package dev.trawl.decode.conversation;

import java.util.Collection;
import java.util.Set;

/**
 * Which fields only a decoder that follows conversations gives ({@code PacketDecoder.trackConversations}):
 * an output or display filter that names one of them needs the trackers, and one that names none can leave
 * them off and keep no state per connection. Stateless.
 */
public final class ConversationFields {
    private static final Set<String> TCP = Set.of("tcp.stream", "tcp.completeness", "tcp.seq", "tcp.ack",
            "tcp.nxtseq", "tcp.window_size", "tcp.window_size_scalefactor", "tcp.time_relative", "tcp.time_delta");

    private ConversationFields() {
    }

    /** Whether field or protocol {@code name} is one that needs conversations followed. */
    public static boolean needsTracking(String name) {
        return needsTcpTracking(name) || needsUdpTracking(name);
    }

    /** Whether field {@code name} is one that needs TCP connections followed ({@code TcpTracker}). */
    public static boolean needsTcpTracking(String name) {
        return TCP.contains(name) || name.equals("tcp.analysis") || name.startsWith("tcp.analysis.");
    }

    /** Whether field {@code name} is one that needs UDP conversations followed ({@code UdpTracker}). */
    public static boolean needsUdpTracking(String name) {
        return name.equals("udp.stream");
    }

    /** Whether any of {@code names} needs conversations followed. */
    public static boolean needsTracking(Collection<String> names) {
        for (String name : names) {
            if (needsTracking(name)) {
                return true;
            }
        }
        return false;
    }
}
