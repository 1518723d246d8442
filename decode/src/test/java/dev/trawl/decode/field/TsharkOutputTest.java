package dev.trawl.decode.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.Projection;
import dev.trawl.decode.ProjectedRow;
import dev.trawl.decode.Projector;
import dev.trawl.decode.Tshark;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.tck.TestCorpus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link FieldsWriter} and {@link JsonWriter} against the installed tshark: the same fields over the same
 * corpus captures, with the same {@code -E} options, must be written byte for byte as tshark writes them; the
 * every-layer JSON must name tshark's layers and, where tshark's JSON prints a value as its field output does,
 * give tshark's values.
 */
class TsharkOutputTest {
    private static final FieldRegistry REGISTRY = FieldRegistry.standard();
    /** Captures whose chosen fields the decoder decodes as tshark does (checked by the agreement tests). */
    private static final List<String> CAPTURES = List.of("local-netns-eth-veth.pcap", "802.1ad_QinQ.pcap");
    private static final List<String> FIELDS = List.of("frame.number", "eth.type", "vlan.id", "ip.src", "ip.ttl",
            "ipv6.src", "udp.dstport", "tcp.flags", "dns.qry.name", "dns.a", "ip.proto");

    @Test
    void fieldsAreTsharksWithEachLayout() throws Exception {
        List<List<String>> options = List.of(List.of(), List.of("-E", "header=y"),
                List.of("-E", "header=y", "-E", "quote=d", "-E", "separator=;"),
                List.of("-E", "occurrence=f", "-E", "quote=s"), List.of("-E", "occurrence=l", "-E", "separator=/s"),
                List.of("-E", "aggregator=|"));
        List<FieldsWriter.Format> formats = List.of(FieldsWriter.Format.TSHARK,
                FieldsWriter.Format.TSHARK.withHeader(true),
                FieldsWriter.Format.TSHARK.withHeader(true).withQuote("\"").withSeparator(";"),
                FieldsWriter.Format.TSHARK.withOccurrence(FieldsWriter.Occurrence.FIRST).withQuote("'"),
                FieldsWriter.Format.TSHARK.withOccurrence(FieldsWriter.Occurrence.LAST).withSeparator(" "),
                FieldsWriter.Format.TSHARK.withAggregator("|"));
        for (String capture : CAPTURES) {
            for (int i = 0; i < formats.size(); i++) {
                FieldsWriter.Format format = formats.get(i);
                StringBuilder out = new StringBuilder();
                writeAll(capture, new FieldsWriter(out, fields(FIELDS), format));
                List<String> args = new ArrayList<>(List.of("-T", "fields"));
                args.addAll(options.get(i));
                assertEquals(tshark(capture, args, FIELDS), out.toString(), capture + " " + options.get(i));
            }
        }
    }

    @Test
    void jsonAndEkWithChosenFieldsAreTsharks() throws Exception {
        for (String capture : CAPTURES) {
            StringBuilder json = new StringBuilder();
            writeAll(capture, JsonWriter.json(json, REGISTRY, fields(FIELDS)));
            assertEquals(tshark(capture, List.of("-T", "json"), FIELDS), json.toString(), capture + " json");
            StringBuilder ek = new StringBuilder();
            writeAll(capture, JsonWriter.ek(ek, REGISTRY, fields(FIELDS)));
            assertEquals(tshark(capture, List.of("-T", "ek"), FIELDS), ek.toString(), capture + " ek");
        }
    }

    @Test
    void rowsOfProjectionsAreWrittenAsTsharkWritesTheFields() throws Exception {
        List<String> fixed = List.of("frame.number", "eth.type", "ip.src", "ip.dst", "ip.ttl", "ipv6.src",
                "tcp.srcport", "udp.dstport", "dns.id", "dns.qry.name");
        for (String capture : CAPTURES) {
            for (List<String> names : List.of(FIELDS, fixed)) {
                StringBuilder out = new StringBuilder();
                writeRows(capture, new FieldsWriter(out, fields(names)), names);
                assertEquals(tshark(capture, List.of("-T", "fields"), names), out.toString(), capture + " fields");
                // the same lines made as bytes, for an output that takes them (the tool's), in every layout
                for (FieldsWriter.Format format : List.of(FieldsWriter.Format.TSHARK,
                        FieldsWriter.Format.TSHARK.withQuote("\"").withSeparator(";").withAggregator("|"),
                        FieldsWriter.Format.TSHARK.withOccurrence(FieldsWriter.Occurrence.FIRST),
                        FieldsWriter.Format.TSHARK.withOccurrence(FieldsWriter.Occurrence.LAST))) {
                    StringBuilder chars = new StringBuilder();
                    writeRows(capture, new FieldsWriter(chars, fields(names), format), names);
                    ByteLines bytes = new ByteLines();
                    writeRows(capture, new FieldsWriter(bytes, fields(names), format), names);
                    assertEquals(chars.toString(), bytes.toString(), capture + " " + format);
                    assertTrue(bytes.asciiLines > 0, "no line was written as bytes");
                }
                StringBuilder json = new StringBuilder();
                writeRows(capture, JsonWriter.json(json, REGISTRY, fields(names)), names);
                assertEquals(tshark(capture, List.of("-T", "json"), names), json.toString(), capture + " json");
                StringBuilder ek = new StringBuilder();
                writeRows(capture, JsonWriter.ek(ek, REGISTRY, fields(names)), names);
                assertEquals(tshark(capture, List.of("-T", "ek"), names), ek.toString(), capture + " ek");
            }
        }
        assertThrows(UnsupportedOperationException.class, () -> writeRows(CAPTURES.get(0),
                JsonWriter.json(new StringBuilder(), REGISTRY, List.of()), FIELDS));
    }

    @Test
    void numbersAndAddressesWrittenAsBytesAreTheirDecimals() throws IOException {
        // frame numbers around every power of ten and the 32-bit boundary, where the byte path divides by ten
        // another way, and IPv4 addresses holding every octet
        List<Long> numbers = new ArrayList<>();
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            numbers.addAll(List.of(p - 1, p, p + 1, 2 * p + 3));
        }
        numbers.addAll(List.of(0xFFFF_FFFFL, 0x1_0000_0000L, 0x1_0000_0001L, Long.MAX_VALUE - 1));
        List<String> names = List.of("frame.number", "ip.src", "ip.dst");
        Projector projector = Projection.compile(REGISTRY, names).projector(new PacketDecoder());
        StringBuilder chars = new StringBuilder();
        ByteLines bytes = new ByteLines();
        FieldsWriter charWriter = new FieldsWriter(chars, fields(names));
        FieldsWriter byteWriter = new FieldsWriter(bytes, fields(names));
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            // Ethernet, then an IPv4 header with no payload: source octets 4i to 4i + 3, the destination's reversed
            byte[] frame = new byte[34];
            frame[12] = 0x08;
            frame[14] = 0x45;
            frame[17] = 20;
            frame[22] = 64;
            frame[23] = 59;
            StringBuilder source = new StringBuilder();
            StringBuilder destination = new StringBuilder();
            for (int o = 0; o < 4; o++) {
                int octet = (4 * i + o) % 256;
                frame[26 + o] = (byte) octet;
                frame[33 - o] = (byte) (255 - octet);
                source.append(o > 0 ? "." : "").append(octet);
                destination.insert(0, (o < 3 ? "." : "") + (255 - octet));
            }
            projector.nextFrameNumber(numbers.get(i));
            ProjectedRow row = projector.project(1, ByteBuffer.wrap(frame), 0, frame.length);
            charWriter.write(row);
            byteWriter.write(row);
            expected.append(numbers.get(i)).append('\t').append(source).append('\t').append(destination).append('\n');
        }
        assertTrue(4 * numbers.size() >= 256, "every octet");
        assertEquals(expected.toString(), chars.toString());
        assertEquals(expected.toString(), bytes.toString());
        assertEquals(numbers.size(), bytes.asciiLines);
    }

    @Test
    void everyLayerJsonNamesTsharksLayers() throws Exception {
        for (String capture : List.of("dns_tcp.pcap", "dhcp-rfc4388.pcap", "ntp.pcap",
                "edns-opts.pcap")) {
            List<Map<String, Map<String, List<String>>>> ours = everyLayer(capture);
            List<Map<String, Map<String, List<String>>>> theirs = layers(tshark(capture, List.of("-T", "json"), List.of()));
            assertEquals(theirs.size(), ours.size(), capture + ": packets");
            for (int n = 0; n < ours.size(); n++) {
                // tshark leaves out a layer with no field of its own (ethertype), and trawl writes none of tshark's
                // expert pseudo-layers (_ws.malformed); every other layer is tshark's, in order
                List<String> named = ours.get(n).entrySet().stream().filter(e -> !e.getValue().isEmpty())
                        .map(Map.Entry::getKey).toList();
                List<String> want = theirs.get(n).keySet().stream().filter(k -> !k.startsWith("_ws.")).toList();
                assertEquals(want, named, capture + ": layers of packet " + (n + 1));
            }
        }
    }

    @Test
    void everyLayerJsonHoldsTsharksValues() throws Exception {
        // a capture whose fields print in tshark's JSON as in its field output (not so for FT_NONE option
        // fields, reference ids, or the TTL of a DNS OPT record, which tshark's JSON leaves out)
        String capture = "802.1ad_QinQ.pcap";
        List<Map<String, Map<String, List<String>>>> ours = everyLayer(capture);
        List<Map<String, Map<String, List<String>>>> theirs = layers(tshark(capture, List.of("-T", "json"), List.of()));
        int compared = 0;
        for (int n = 0; n < ours.size(); n++) {
            for (Map.Entry<String, Map<String, List<String>>> layer : ours.get(n).entrySet()) {
                for (Map.Entry<String, List<String>> field : layer.getValue().entrySet()) {
                    List<String> want = theirs.get(n).getOrDefault(layer.getKey(), Map.of()).get(field.getKey());
                    if (want != null) {
                        assertEquals(want, field.getValue(), "packet " + (n + 1) + " " + field.getKey());
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 20 * ours.size(), "fields compared: " + compared);
    }

    private static List<Map<String, Map<String, List<String>>>> everyLayer(String capture) throws IOException {
        StringBuilder json = new StringBuilder();
        writeAll(capture, JsonWriter.json(json, REGISTRY, List.of()));
        return layers(json.toString());
    }

    @Test
    void emptyOutputIsStillWellFormed() throws IOException {
        StringBuilder json = new StringBuilder();
        JsonWriter.json(json, REGISTRY, List.of()).finish();
        assertEquals("[\n]\n", json.toString());
        StringBuilder fields = new StringBuilder();
        new FieldsWriter(fields, fields(List.of("ip.src", "ip.dst")), FieldsWriter.Format.TSHARK.withHeader(true))
                .finish();
        assertEquals("ip.src\tip.dst\n", fields.toString());
        assertThrows(IllegalArgumentException.class, () -> new FieldsWriter(fields, List.of()));
    }

    @Test
    void jsonEscapesWhatJsonCannotHoldAndKeepsTheRest() throws IOException {
        StringBuilder out = new StringBuilder();
        Field text = new Field("frame.text", "frame", -1, FieldType.STRING, "test text",
                (packet, layer, sink) -> sink.text("a\"b\\c\n\u0001é"));
        PacketDecoder decoder = new PacketDecoder();
        JsonWriter.ek(out, REGISTRY, List.of(text)).write(decoder.decode(1, new byte[14], 0, 14));
        assertTrue(out.toString().contains("{\"frame_text\":[\"a\\\"b\\\\c\\n\\u0001é\"]}"), out.toString());
    }

    private static List<Field> fields(List<String> names) {
        return names.stream().map(REGISTRY::require).toList();
    }

    private static Path capture(String name) {
        return TestCorpus.file("captures").resolve(name);
    }

    /** Decodes every packet of {@code capture}, numbered as tshark numbers them, into {@code writer}. */
    private static void writeAll(String capture, DecodedPacketWriter writer) throws IOException {
        PacketDecoder decoder = new PacketDecoder();
        // what tshark does by default: datagrams, messages and conversations followed across packets
        decoder.reassembleFragments(true);
        decoder.reassembleStreams(true);
        decoder.followConversations(true);
        try (OfflineHandle handle = Pcap.backend("java").openOffline(capture(capture),
                OfflineOptions.of(TimestampPrecision.NANO))) {
            long number = 0;
            while (handle.next() == ReadStatus.PACKET) {
                var decoded = decoder.decode(handle.linkType(), handle.packet());
                decoder.frameNumber(++number);
                writer.write(decoded);
            }
        }
        writer.finish();
    }

    /** An output that takes lines as ASCII bytes and characters as UTF-16, as the tool's does. */
    private static final class ByteLines implements Appendable, AsciiSink {
        private final StringBuilder text = new StringBuilder();
        int asciiLines;

        @Override
        public void ascii(byte[] bytes, int from, int to) {
            for (int i = from; i < to; i++) {
                assertTrue(bytes[i] >= 0, "a byte beyond ASCII");
                text.append((char) bytes[i]);
            }
            asciiLines++;
        }

        @Override
        public Appendable append(CharSequence s) {
            text.append(s);
            return this;
        }

        @Override
        public Appendable append(CharSequence s, int from, int to) {
            text.append(s, from, to);
            return this;
        }

        @Override
        public Appendable append(char c) {
            text.append(c);
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Writes the rows of a projection of {@code names} over {@code capture}, as the tool does. */
    private static void writeRows(String capture, DecodedPacketWriter writer, List<String> names) throws IOException {
        PacketDecoder decoder = new PacketDecoder();
        decoder.reassembleFragments(true);
        decoder.reassembleStreams(true);
        decoder.followConversations(true);
        Projector projector = Projection.compile(REGISTRY, names).projector(decoder);
        try (OfflineHandle handle = Pcap.backend("java").openOffline(capture(capture),
                OfflineOptions.of(TimestampPrecision.NANO))) {
            while (handle.next() == ReadStatus.PACKET) {
                writer.write(projector.project(handle.linkType(), handle.packet()));
            }
        }
        writer.finish();
    }

    /** What tshark writes for {@code capture} with {@code args} and the fields {@code fields}. */
    private static String tshark(String capture, List<String> args, List<String> fields)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("-n", "-r", capture(capture).toString()));
        cmd.addAll(args);
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        String out = Tshark.output(cmd);
        assertTrue(!out.isEmpty(), "tshark wrote nothing for " + cmd);
        return out;
    }

    private static final Pattern LAYER = Pattern.compile("^        \"([^\"]+)\": \\{");
    private static final Pattern VALUE = Pattern.compile("^ {10,}\"([^\"]+)\": (\\[.*\\]|\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"),?$");
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");

    /**
     * The layers of each packet of pretty-printed {@code -T json} output, each a map from field name to its
     * values; tshark's subtrees ({@code ip.flags_tree}) are flattened into their layer, as trawl writes them.
     */
    private static List<Map<String, Map<String, List<String>>>> layers(String json) {
        List<Map<String, Map<String, List<String>>>> packets = new ArrayList<>();
        Map<String, List<String>> layer = null;
        for (String line : json.split("\n")) {
            if (line.equals("  {")) {
                packets.add(new LinkedHashMap<>());
                layer = null;
                continue;
            }
            Matcher m = LAYER.matcher(line);
            if (m.find()) {
                layer = new LinkedHashMap<>();
                packets.get(packets.size() - 1).put(m.group(1), layer);
                continue;
            }
            Matcher v = VALUE.matcher(line);
            if (layer != null && v.find()) {
                Matcher s = STRING.matcher(v.group(2));
                while (s.find()) {
                    layer.computeIfAbsent(v.group(1), k -> new ArrayList<>()).add(s.group(1));
                }
            }
        }
        return packets;
    }
}
