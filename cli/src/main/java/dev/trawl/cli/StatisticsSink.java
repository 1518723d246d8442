package dev.trawl.cli;

import dev.trawl.cli.print.Out;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.conversation.ConversationFields;
import dev.trawl.decode.conversation.ConversationStatistics;
import dev.trawl.decode.conversation.ConversationStatistics.Kind;
import dev.trawl.decode.conversation.StreamFollower;
import dev.trawl.decode.conversation.TcpTracker;
import dev.trawl.decode.conversation.UdpTracker;
import dev.trawl.decode.display.DisplayFilter;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.decode.field.Formats;
import dev.trawl.pcap.Packet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * tshark's conversation and endpoint tables ({@code -z conv,TYPE[,FILTER]}, {@code -z endpoints,TYPE[,FILTER]}),
 * followed streams and interval statistics ({@code -z io,stat,INTERVAL[,FILTER]...}):
 * decodes every packet as tshark does (datagrams and streams put back together, conversations followed),
 * counts it in each table whose filter passes it, hands it on to the packet output (none with {@code -q}), and
 * prints the tables after that output, the last asked first, as tshark does. Not thread-safe.
 */
final class StatisticsSink implements PacketSink {
    private static final String RULE = "================================================================================";

    /** One {@code -z} output: a conversation or endpoint table, or a followed stream. */
    private record Table(ConversationStatistics statistics, boolean endpoints, String filter, StreamFollower follower,
            String spec, IoStatistics io, Set<String> names) {
    }

    // (HTTP messages are not put back together: a followed stream shows each segment's own payload)
    private final PacketDecoder decoder = new PacketDecoder().reassembleFragments(true).followConversations(true);
    private final LinkTypes linkTypes;
    private final List<Table> tables;
    private final PacketSink inner;
    private final OutputStream out;

    private StatisticsSink(LinkTypes linkTypes, List<Table> tables, PacketSink inner, OutputStream out) {
        this.linkTypes = linkTypes;
        this.tables = tables;
        this.inner = inner;
        this.out = out;
    }

    /**
     * The sink for the {@code -z} arguments {@code specs}, before {@code inner} (null: no packet output).
     *
     * @throws CliException when an argument names statistics trawl does not have, or its filter is refused
     */
    static StatisticsSink open(List<String> specs, LinkTypes linkTypes, PacketSink inner, OutputStream out)
            throws CliException {
        List<Table> tables = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String spec : specs) {
            Table t = table(spec);
            tables.add(t);
            names.addAll(t.names);
        }
        boolean tcp = ConversationFields.needsTracking(names);
        boolean udp = tcp;
        for (Table t : tables) {
            if (t.io != null) {
                t.io.prime(names);
            }
            // only the kinds of conversation a table counts or follows are tracked
            tcp |= t.statistics != null && t.statistics.kind() == Kind.TCP || t.follower != null && t.follower.tcp();
            udp |= t.statistics != null && t.statistics.kind() == Kind.UDP || t.follower != null && !t.follower.tcp();
        }
        StatisticsSink sink = new StatisticsSink(linkTypes, tables, inner, out);
        sink.decoder.trackConversations(tcp ? TcpTracker.standard() : null, udp ? new UdpTracker() : null);
        return sink;
    }

    /** Checks the {@code -z} arguments, for an error before any input is opened. */
    static void check(List<String> specs) throws CliException {
        for (String spec : specs) {
            table(spec);
        }
    }

    private static Table table(String spec) throws CliException {
        if (spec.startsWith("follow,")) {
            return follow(spec);
        }
        if (spec.startsWith("io,stat,")) {
            IoStatistics io = IoStatistics.parse(spec, FieldRegistry.standard());
            return new Table(null, false, null, null, spec, io, io.filterNames());
        }
        String[] parts = spec.split(",", 3);
        boolean endpoints = parts[0].equals("endpoints");
        Kind kind = parts.length >= 2 ? Kind.byFilterName(parts[1]) : null;
        if (!(endpoints || parts[0].equals("conv")) || kind == null) {
            throw new CliException("-z: unknown statistics '" + spec + "' (trawl has conv,TYPE[,FILTER],"
                    + " endpoints,TYPE[,FILTER], TYPE being eth, ip, ipv6, tcp or udp,"
                    + " follow,tcp|udp,ascii|hex|raw,STREAM and io,stat,INTERVAL[,FILTER]...)", 2, null);
        }
        String filter = parts.length == 3 ? parts[2] : null;
        DisplayFilter compiled = null;
        if (filter != null) {
            try {
                compiled = FieldOutput.displayFilter(filter, FieldRegistry.standard());
            } catch (CliException e) {
                throw new CliException("-z " + spec + ": " + e.getMessage(), 2, e);
            }
        }
        return new Table(new ConversationStatistics(kind, compiled == null ? null : compiled::test,
                ConversationStatistics.DEFAULT_MAX_ENTRIES, endpoints ? ConversationStatistics.Tables.ENDPOINTS
                        : ConversationStatistics.Tables.CONVERSATIONS), endpoints,
                filter, null, spec, null, compiled == null ? Set.of() : compiled.names());
    }

    /** {@code follow,tcp|udp,ascii|hex|raw,STREAM}. */
    private static Table follow(String spec) throws CliException {
        String[] parts = spec.split(",");
        long stream = -1;
        if (parts.length == 4) {
            try {
                stream = Long.parseLong(parts[3]);
            } catch (NumberFormatException e) {
                stream = -1;
            }
        }
        if (parts.length != 4 || !(parts[1].equals("tcp") || parts[1].equals("udp"))
                || !List.of("ascii", "hex", "raw").contains(parts[2]) || stream < 0) {
            throw new CliException("-z: '" + spec + "' is not follow,tcp|udp,ascii|hex|raw,STREAM (a stream index,"
                    + " as tcp.stream or udp.stream shows it)", 2, null);
        }
        return new Table(null, false, null, new StreamFollower(parts[1].equals("tcp"), stream), spec, null,
                Set.of());
    }

    @Override
    public boolean accept(Packet packet, long frameNumber) throws IOException {
        decoder.nextFrameNumber(frameNumber);
        decoder.nextInterface(linkTypes.interfaceOf(packet));
        DecodedPacket decoded = decoder.decode(linkTypes.of(packet), packet);
        for (Table t : tables) {
            if (t.follower != null) {
                t.follower.add(decoded);
            } else if (t.io != null) {
                try {
                    t.io.add(decoded, packet.originalLength());
                } catch (CliException e) {
                    throw new IOException(e.getMessage(), e);
                }
            } else {
                t.statistics.add(decoded);
            }
        }
        return inner == null || inner.accept(packet, frameNumber);
    }

    @Override
    public void endOfInput() throws IOException {
        if (inner != null) {
            inner.endOfInput();
        }
    }

    @Override
    public void flush() throws IOException {
        if (inner != null) {
            inner.flush();
        }
    }

    @Override
    public void idle() throws IOException {
        if (inner != null) {
            inner.idle();
        }
    }

    @Override
    public boolean finished() {
        return inner != null && inner.finished();
    }

    @Override
    public void close() throws IOException {
        if (inner != null) {
            inner.close();
        }
        try (Out o = new Out(out)) {
            for (int i = tables.size() - 1; i >= 0; i--) {
                Table t = tables.get(i);
                StringBuilder text = new StringBuilder();
                if (t.follower != null) {
                    follow(text, t);
                } else if (t.io != null) {
                    t.io.print(text);
                } else if (t.endpoints) {
                    endpoints(text, t, o);
                } else {
                    conversations(text, t, o);
                }
                o.utf8(text.toString());
            }
        }
    }

    private static void heading(StringBuilder out, Table t, String what) {
        out.append(RULE).append('\n').append(t.statistics.kind().title()).append(' ').append(what).append('\n')
                .append("Filter:").append(t.filter == null ? "<No Filter>" : t.filter).append('\n');
    }

    /** Hands what {@code out} holds to {@code o} once it is long, so that a table of any length is not held whole. */
    private static void spill(StringBuilder out, Out o) {
        if (out.length() >= SPILL) {
            o.utf8(out.toString());
            out.setLength(0);
        }
    }

    private static final int SPILL = 1 << 16;

    private static void conversations(StringBuilder out, Table t, Out o) {
        heading(out, t, "Conversations");
        boolean ports = t.statistics.kind().hasPorts();
        String indent = (ports ? " ".repeat(12) : "") + " ".repeat(47);
        out.append(indent).append("|       <-      | |       ->      | |     Total     |    Relative    |   Duration   |\n");
        out.append(indent).append("| Frames  Bytes | | Frames  Bytes | | Frames  Bytes |      Start     |              |\n");
        int width = ports ? 26 : 20;
        for (ConversationStatistics.Conversation c : t.statistics.conversations()) {
            spill(out, o);
            name(out, c.a(), width).append(" <-> ");
            name(out, c.b(), width).append("  ");
            counts(out, c.framesBtoA(), c.bytesBtoA());
            counts(out, c.framesAtoB(), c.bytesAtoB());
            counts(out, c.frames(), c.bytes());
            double start = seconds(c.startNanos());
            int from = out.length();
            appendFixed(out, start, 9);
            padLeft(out, from, 14).append("   ");
            from = out.length();
            appendFixed(out, seconds(c.stopNanos()) - start, 4);
            padLeft(out, from, 12).append('\n');
        }
        out.append(RULE).append('\n');
    }

    private static void endpoints(StringBuilder out, Table t, Out o) {
        heading(out, t, "Endpoints");
        boolean ports = t.statistics.kind().hasPorts();
        out.append("                       |  ").append(ports ? "Port  ||  " : "")
                .append("Packets  | |  Bytes  | | Tx Packets | | Tx Bytes | | Rx Packets | | Rx Bytes |\n");
        for (ConversationStatistics.Endpoint e : t.statistics.endpoints()) {
            spill(out, o);
            int from = out.length();
            appendAddress(out, e.address());
            pad(out, out.length() - from, 20).append("      ");
            if (ports) {
                padLeft(out, Integer.toString(e.address().port()), 5).append("     ");
            }
            padLeft(out, Long.toString(e.frames()), 6).append("     ");
            padLeft(out, Long.toString(e.bytes()), 9).append("     ");
            padLeft(out, Long.toString(e.txFrames()), 6).append("       ");
            padLeft(out, Long.toString(e.txBytes()), 9).append("      ");
            padLeft(out, Long.toString(e.rxFrames()), 6).append("       ");
            padLeft(out, Long.toString(e.rxBytes()), 9).append("   \n");
        }
        out.append(RULE).append('\n');
    }

    private static final String FOLLOW_RULE = "=".repeat(67);

    private static void follow(StringBuilder out, Table t) {
        StreamFollower f = t.follower;
        f.finish();
        String[] parts = t.spec.split(",");
        out.append('\n').append(FOLLOW_RULE).append('\n').append("Follow: ").append(parts[1]).append(',')
                .append(parts[2]).append('\n').append("Filter: ").append(parts[1]).append(".stream eq ")
                .append(parts[3]).append('\n');
        for (int node = 0; node < 2; node++) {
            byte[] address = f.address(node);
            String name = address == null ? ""
                    : address(new ConversationStatistics.Address(ConversationStatistics.Kind.TCP, address, 0));
            out.append("Node ").append(node).append(": ")
                    .append(address != null && address.length == 16 ? "[" + name + "]" : name)
                    .append(':').append(f.port(node)).append('\n');
        }
        long[] offsets = new long[2];
        for (StreamFollower.Chunk c : f.chunks()) {
            String indent = c.node() == 0 ? "" : "\t";
            byte[] data = c.data();
            switch (parts[2]) {
                case "ascii" -> {
                    out.append(indent).append(data.length).append('\n');
                    for (byte b : data) {
                        // printable ASCII and line ends as they are, every other byte as a dot
                        out.append(b >= 0x20 && b < 0x7f || b == '\n' || b == '\r' ? (char) b : '.');
                    }
                    out.append('\n');
                }
                case "raw" -> {
                    out.append(indent);
                    for (byte b : data) {
                        out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
                    }
                    out.append('\n');
                }
                default -> {
                    for (int line = 0; line < data.length; line += 16) {
                        out.append(indent).append(String.format("%08X", offsets[c.node()] + line)).append("  ");
                        int n = Math.min(16, data.length - line);
                        for (int k = 0; k < 16; k++) {
                            if (k == 8) {
                                out.append(' ');
                            }
                            if (k < n) {
                                int b = data[line + k] & 0xFF;
                                out.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16))
                                        .append(' ');
                            } else {
                                out.append("   ");
                            }
                        }
                        out.append(' ');
                        for (int k = 0; k < n; k++) {
                            if (k == 8) {
                                out.append(' ');
                            }
                            int b = data[line + k] & 0xFF;
                            out.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                        }
                        while (out.charAt(out.length() - 1) == ' ') {
                            out.setLength(out.length() - 1); // tshark ends a line at its last visible character
                        }
                        out.append('\n');
                    }
                    offsets[c.node()] += data.length;
                }
            }
        }
        out.append(FOLLOW_RULE).append('\n');
    }

    /** Appends a conversation's side (address, and port for TCP and UDP), padded to {@code width}. */
    private static StringBuilder name(StringBuilder out, ConversationStatistics.Address a, int width) {
        int from = out.length();
        appendAddress(out, a);
        if (a.kind().hasPorts()) {
            out.append(':').append(a.port());
        }
        return pad(out, out.length() - from, width);
    }

    private static String address(ConversationStatistics.Address a) {
        return appendAddress(new StringBuilder(), a).toString();
    }

    private static StringBuilder appendAddress(StringBuilder s, ConversationStatistics.Address a) {
        byte[] bytes = a.address();
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        return switch (bytes.length) {
            case 4 -> Formats.appendIpv4(s, buf.getInt(0));
            case 16 -> Formats.appendIpv6(s, buf, 0);
            default -> Formats.appendMac(s, ((long) buf.getShort(0) & 0xFFFF) << 32 | (buf.getInt(2) & 0xFFFF_FFFFL));
        };
    }

    /**
     * A byte count as Wireshark's tables print it: exact below 10,000, else in whole kB, MB, GB or TB (powers of
     * 1,000, rounded down), the largest unit that keeps at least two digits.
     */
    static String size(long bytes) {
        String[] units = {"kB", "MB", "GB", "TB"};
        long scaled = bytes;
        int unit = -1;
        while (unit + 1 < units.length && scaled / 1000 >= 10) {
            scaled /= 1000;
            unit++;
        }
        return unit < 0 ? bytes + " bytes" : scaled + " " + units[unit];
    }

    /** Nanoseconds as Wireshark turns a time into seconds: whole seconds plus the fraction, in a double. */
    private static double seconds(long nanos) {
        return (double) (nanos / 1_000_000_000L) + (nanos % 1_000_000_000L) / 1e9;
    }

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
        1_000_000_000};

    /** {@code value} with {@code decimals} decimals (at most 9), rounded from its exact binary value as C's printf does. */
    static String fixed(double value, int decimals) {
        return appendFixed(new StringBuilder(), value, decimals).toString();
    }

    private static StringBuilder appendFixed(StringBuilder s, double value, int decimals) {
        long scale = POWERS[decimals];
        if (value >= 0 && value * scale < 0x1p52) { // integers up to 2^52 are exact in a double
            long rounded = Math.round(value * scale);
            // value * scale - rounded, computed exactly and rounded once: a residue well inside half a unit means
            // the nearest integer to the exact product is the one taken, which a tie or near-tie must make sure of
            double residue = Math.fma(value, scale, -rounded);
            if (Math.abs(residue) < 0.4999) {
                s.append(rounded / scale);
                if (decimals > 0) {
                    s.append('.');
                    int from = s.length();
                    s.append(rounded % scale);
                    for (int k = s.length() - from; k < decimals; k++) {
                        s.insert(from, '0');
                    }
                }
                return s;
            }
        }
        return s.append(new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString());
    }

    private static StringBuilder pad(StringBuilder out, String s, int width) {
        return pad(out.append(s), s.length(), width);
    }

    /** Pads with spaces what was just appended, {@code written} characters, to {@code width}. */
    private static StringBuilder pad(StringBuilder out, int written, int width) {
        for (int i = written; i < width; i++) {
            out.append(' ');
        }
        return out;
    }

    /** A frame count and a byte count, as a conversation row's column pair prints them. */
    private static void counts(StringBuilder out, long frames, long bytes) {
        int from = out.length();
        out.append(frames);
        padLeft(out, from, 6).append(' ');
        pad(out, size(bytes), 9).append("  ");
    }

    /** Pads with spaces on the left what was appended from {@code from} on, to {@code width}. */
    private static StringBuilder padLeft(StringBuilder out, int from, int width) {
        int missing = width - (out.length() - from);
        for (int i = 0; i < missing; i++) {
            out.insert(from, ' ');
        }
        return out;
    }

    private static StringBuilder padLeft(StringBuilder out, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            out.append(' ');
        }
        return out.append(s);
    }
}
