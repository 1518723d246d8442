package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.OpenFlow;

/**
 * OpenFlow as tcpdump prints a TCP segment to or from its ports 6633 and 6653: {@code : OpenFlow}, then a line
 * per message of the segment, {@code version 1.0, type FEATURES_REPLY, length 176, xid 0x00000002}, with
 * tcpdump's notes on a message whose length its type does not allow and on a header or body the segment cuts.
 * With {@code -v} the bodies of OpenFlow 1.0 and 1.3 messages follow ({@link OpenFlow10Detail},
 * {@link OpenFlow13Detail}). Not thread-safe; keeps no state across packets.
 */
final class OpenFlowPrinter {
    private static final int VERSION_1_0 = 1;
    private static final int VERSION_1_3 = 4;

    /** Message type names of OpenFlow 1.0, by type. */
    private static final String[] NAMES_1_0 = {"HELLO", "ERROR", "ECHO_REQUEST", "ECHO_REPLY", "VENDOR",
        "FEATURES_REQUEST", "FEATURES_REPLY", "GET_CONFIG_REQUEST", "GET_CONFIG_REPLY", "SET_CONFIG", "PACKET_IN",
        "FLOW_REMOVED", "PORT_STATUS", "PACKET_OUT", "FLOW_MOD", "PORT_MOD", "STATS_REQUEST", "STATS_REPLY",
        "BARRIER_REQUEST", "BARRIER_REPLY", "QUEUE_GET_CONFIG_REQUEST", "QUEUE_GET_CONFIG_REPLY"};
    /**
     * The body length each OpenFlow 1.0 type allows: a minimum when positive or zero, exactly {@code -1 - n}
     * when negative.
     */
    private static final int[] BODY_1_0 = {0, 4, 0, 0, 4, -1, 24, -1, -1 - 4, -1 - 4, 10, -1 - 80, -1 - 56, 8, 64,
        -1 - 24, 4, 4, -1, -1, -1 - 4, 8};
    private static final String[] NAMES_1_3 = {"HELLO", "ERROR", "ECHO_REQUEST", "ECHO_REPLY", "EXPERIMENTER",
        "FEATURES_REQUEST", "FEATURES_REPLY", "GET_CONFIG_REQUEST", "GET_CONFIG_REPLY", "SET_CONFIG", "PACKET_IN",
        "FLOW_REMOVED", "PORT_STATUS", "PACKET_OUT", "FLOW_MOD", "GROUP_MOD", "PORT_MOD", "TABLE_MOD",
        "MULTIPART_REQUEST", "MULTIPART_REPLY", "BARRIER_REQUEST", "BARRIER_REPLY", "QUEUE_GET_CONFIG_REQUEST",
        "QUEUE_GET_CONFIG_REPLY", "ROLE_REQUEST", "ROLE_REPLY", "GET_ASYNC_REQUEST", "GET_ASYNC_REPLY", "SET_ASYNC",
        "METER_MOD"};
    /** As {@link #BODY_1_0} for OpenFlow 1.3; {@link Integer#MIN_VALUE} where a type has no constraint. */
    private static final int[] BODY_1_3 = {0, 4, 0, 0, 8, -1, -1 - 24, -1, -1 - 4, -1 - 4, Integer.MIN_VALUE,
        Integer.MIN_VALUE, -1 - 72, Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE, -1 - 32, -1 - 8,
        Integer.MIN_VALUE, Integer.MIN_VALUE, -1, -1, -1 - 8, Integer.MIN_VALUE, -1 - 16, -1 - 16, -1, -1 - 24,
        -1 - 24, Integer.MIN_VALUE};

    private final OpenFlow m = new OpenFlow();

    /**
     * Prints the OpenFlow messages of the payload of TCP layer {@code tcp}, which is {@code length} bytes long
     * on the wire.
     */
    void print(PrintContext c, int tcp, int length) {
        DecodedPacket p = c.packet();
        m.wrap(p.buffer(), p.payloadOffset(tcp), p.payloadLength(tcp));
        Out out = c.out();
        out.ascii(": OpenFlow");
        int at = 0;
        int left = length;
        while (left > 0) {
            if (!m.has(at, 1)) {
                c.truncatedRead("openflow");
                return;
            }
            int version = m.byteAt(at);
            at++;
            left--;
            out.ascii("\n\tversion ");
            switch (version) {
                case 1 -> out.ascii("1.0");
                case 2 -> out.ascii("1.1");
                case 3 -> out.ascii("1.2");
                case 4 -> out.ascii("1.3");
                case 5 -> out.ascii("1.4");
                case 6 -> out.ascii("1.5");
                default -> out.ascii("unknown (0x").hex(version, 2).ch(')');
            }
            if (left < 1) {
                partialHeader(c, at, left);
                return;
            }
            if (!m.has(at, 1)) {
                c.truncatedRead("openflow");
                return;
            }
            int type = m.byteAt(at);
            at++;
            left--;
            String[] names = version == VERSION_1_0 ? NAMES_1_0 : version == VERSION_1_3 ? NAMES_1_3 : null;
            boolean known = names != null && type < names.length;
            if (known) {
                out.ascii(", type ").ascii(names[type]);
            } else {
                out.ascii(", type unknown (0x").hex(type, 2).ch(')');
            }
            if (left < 2) {
                partialHeader(c, at, left);
                return;
            }
            if (!m.has(at, 2)) {
                c.truncatedRead("openflow");
                return;
            }
            int messageLength = m.shortAt(at);
            at += 2;
            left -= 2;
            out.ascii(", length ").num(messageLength)
                    .ascii(messageLength < OpenFlow.HEADER_LENGTH ? " (too short!)" : "");
            if (left < 4) {
                partialHeader(c, at, left);
                return;
            }
            if (!m.has(at, 4)) {
                c.truncatedRead("openflow");
                return;
            }
            out.ascii(", xid 0x").hex(m.intAt(at), 8);
            at += 4;
            left -= 4;
            if (messageLength < OpenFlow.HEADER_LENGTH) {
                out.ascii(" (invalid)");
                if (!m.has(at, left)) {
                    c.truncatedRead("openflow");
                }
                return;
            }
            int body = messageLength - OpenFlow.HEADER_LENGTH;
            boolean bad = false;
            if (known) {
                int rule = (version == VERSION_1_0 ? BODY_1_0 : BODY_1_3)[type];
                bad = rule != Integer.MIN_VALUE && (rule >= 0 ? body < rule : body != -1 - rule);
                if (bad) {
                    out.ascii(" (invalid)");
                }
            }
            boolean printed = false;
            boolean detailed = version == VERSION_1_0 ? type < NAMES_1_0.length
                    : version == VERSION_1_3 && type < NAMES_1_3.length;
            if (!bad && detailed && c.verbose() > 0) {
                try {
                    printed = version == VERSION_1_0 ? OpenFlow10Detail.body(c, m, type, at, body)
                            : OpenFlow13Detail.body(c, m, type, at, body);
                } catch (Truncated e) {
                    c.truncatedRead("openflow");
                    return;
                }
            }
            // a printed body was checked as far as it was read, and tcpdump checks no further
            if (!printed && !m.has(at, body)) {
                c.truncatedRead("openflow");
                return;
            }
            if (body > left) {
                break;
            }
            at += body;
            left -= body;
        }
    }

    /** tcpdump's note on a header the segment's payload ends inside. */
    private void partialHeader(PrintContext c, int at, int left) {
        c.out().ascii(" (end of TCP payload)");
        if (!m.has(at, left)) {
            c.truncatedRead("openflow");
        }
    }
}
