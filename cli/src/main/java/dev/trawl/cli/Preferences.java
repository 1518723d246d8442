package dev.trawl.cli;

import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.conversation.ConversationFields;
import dev.trawl.decode.conversation.TcpTracker;
import dev.trawl.decode.conversation.UdpTracker;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The tshark preferences {@code -o NAME:VALUE} that change what trawl decodes: the TCP analysis's
 * {@code tcp.relative_sequence_numbers} and {@code tcp.analyze_sequence_numbers} (both TRUE by default, as in
 * tshark). Immutable.
 */
record Preferences(boolean relativeSequenceNumbers, boolean analyzeSequenceNumbers) {
    static final Preferences DEFAULTS = new Preferences(true, true);

    /** Parses the {@code -o} arguments; an unknown preference or a value that is not a boolean is a usage error. */
    static Preferences parse(List<String> options) throws CliException {
        Preferences p = DEFAULTS;
        for (String option : options) {
            int colon = option.indexOf(':');
            if (colon <= 0) {
                throw new CliException("invalid -o option '" + option + "' (expected NAME:VALUE)", 2, null);
            }
            String name = option.substring(0, colon).trim();
            boolean value = bool(option, option.substring(colon + 1).trim());
            p = switch (name) {
                case "tcp.relative_sequence_numbers" -> new Preferences(value, p.analyzeSequenceNumbers);
                case "tcp.analyze_sequence_numbers" -> new Preferences(p.relativeSequenceNumbers, value);
                default -> throw new CliException("-o: unknown preference '" + name + "' (trawl knows"
                        + " tcp.relative_sequence_numbers and tcp.analyze_sequence_numbers)", 2, null);
            };
        }
        return p;
    }

    private static boolean bool(String option, String value) throws CliException {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "TRUE" -> true;
            case "FALSE" -> false;
            default -> throw new CliException("-o: '" + option + "' needs TRUE or FALSE", 2, null);
        };
    }

    /**
     * Makes {@code decoder} follow TCP connections and UDP conversations as these preferences say, when the
     * output or filter names a field that needs them ({@code names}) or shows every field ({@code all}).
     */
    void apply(PacketDecoder decoder, boolean all, List<String> names) {
        // each kind of conversation is followed only when a field of its own asks for it
        boolean tcp = all || names.stream().anyMatch(ConversationFields::needsTcpTracking);
        boolean udp = all || names.stream().anyMatch(ConversationFields::needsUdpTracking);
        if (tcp || udp) {
            decoder.trackConversations(tcp ? TcpTracker.builder().relativeSequenceNumbers(relativeSequenceNumbers)
                    .analyzeSequenceNumbers(analyzeSequenceNumbers).build() : null, udp ? new UdpTracker() : null);
        }
    }

    /**
     * Reports on {@code err} how many connections and conversations the trackers of {@code decoder} had to
     * forget while they were still going because their tables were full (their later packets then started new
     * streams), if any. Ending idle is a conversation's normal end, not a limit.
     */
    static void reportLimits(PacketDecoder decoder, PrintStream err) {
        TcpTracker tcp = decoder.tcpTracker();
        if (tcp != null && tcp.overflowed() > 0) {
            err.println("trawl: TCP analysis forgot " + tcp.overflowed() + " open connections to stay within "
                    + TcpTracker.DEFAULT_MAX_CONNECTIONS + " at once; their later segments start new streams");
        }
        UdpTracker udp = decoder.udpTracker();
        if (udp != null && udp.overflowed() > 0) {
            err.println("trawl: UDP conversation tracking forgot " + udp.overflowed() + " conversations to stay"
                    + " within " + UdpTracker.DEFAULT_MAX_CONVERSATIONS + " at once; their later datagrams start"
                    + " new streams");
        }
    }
}
