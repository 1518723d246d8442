package dev.trawl.decode;

import static dev.trawl.decode.TestPackets.cat;
import static dev.trawl.decode.TestPackets.eth;
import static dev.trawl.decode.TestPackets.hex;
import static dev.trawl.decode.TestPackets.ipv4;
import static dev.trawl.decode.TestPackets.ipv6;
import static dev.trawl.decode.TestPackets.tcp;
import static dev.trawl.decode.TestPackets.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.decode.field.FieldValues;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A projection's rows hold exactly what the fields' extractors report from the general decoder's result, on the
 * corpus, on its frames cut short and with bytes flipped, and on generated stacks the specialised reading must
 * refuse (tunnels, fragments, options, odd lengths), with a stateless decoder and with one that reassembles and
 * follows conversations.
 */
class ProjectionTest {
    private static final FieldRegistry REGISTRY = FieldRegistry.standard();
    private static final byte[] A = hex("0a000001");
    private static final byte[] B = hex("0a000002");
    private static final List<String> DNS_QUESTION = List.of("dns.id", "dns.qry.name", "dns.qry.type", "dns.flags",
            "ip.src", "udp.srcport", "eth.type");

    /** Every field a projection can read from the bytes, each alone, then all together. */
    private static List<List<String>> fixedProjections() {
        List<List<String>> all = new ArrayList<>();
        List<String> every = new ArrayList<>();
        for (Field f : REGISTRY.fields()) {
            if (FixedField.of(f.name()) != null) {
                all.add(List.of(f.name()));
                every.add(f.name());
            }
        }
        all.add(every);
        all.add(DNS_QUESTION);
        all.add(List.of("frame.number", "ip.src", "ip.dst", "tcp.srcport", "udp.dstport"));
        return all;
    }

    static List<byte[]> generatedFrames() {
        List<byte[]> frames = new ArrayList<>();
        byte[] payload = "GET / HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int[] ports = {80, 443, 22, 53, 123, 4789, 6081, 2152, 3544, 5353, 6633, 6653, 69, 1900, 5432, 40000};
        for (int port : ports) {
            frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.TCP, A, B, tcp(40000, port, 1, 2, 0x18, new byte[0],
                    payload))));
            frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.TCP, A, B, tcp(port, 40000, 1, 2, 0x18, new byte[0],
                    payload))));
            frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, A, B, udp(40000, port, payload))));
            frames.add(eth(EtherType.IPV6, ipv6(IpProtocol.UDP, udp(port, 40000, payload))));
            frames.add(eth(EtherType.IPV6, ipv6(IpProtocol.TCP, tcp(port, 40000, 1, 2, 0x02, new byte[0],
                    payload))));
        }
        // A VXLAN tunnel carrying a whole Ethernet/IPv4/TCP frame: its inner headers are further occurrences.
        byte[] inner = eth(EtherType.IPV4, ipv4(IpProtocol.TCP, B, A, tcp(80, 1234, 5, 6, 0x10, new byte[0],
                new byte[0])));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, A, B, udp(50000, 4789,
                cat(hex("0800000000000100"), inner)))));
        // IP in IP, GRE, options, MPTCP, fragments, an empty TCP segment, no next header, TLS on any port.
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.IPV4, A, B, Arrays.copyOfRange(inner, 14, inner.length))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.TCP, A, B, tcp(1, 2, 3, 4, 0x10,
                hex("020405b40101040201030307"), payload))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.TCP, A, B, tcp(1, 2, 3, 4, 0x10,
                hex("1e0c1000000000000000000001010101"), new byte[0]))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, A, B, 0x2000, udp(1, 2, payload))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, A, B, 0x0010, payload)));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.TCP, A, B, tcp(1, 2, 3, 4, 0x10, new byte[0], new byte[0]))));
        frames.add(eth(EtherType.IPV6, ipv6(IpProtocol.NO_NEXT_HEADER, payload)));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.TCP, A, B, tcp(40001, 40002, 3, 4, 0x18, new byte[0],
                hex("1603010005") ))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, A, B, udp(40001, 40002,
                hex("12340100000100000000000003777777076578616d706c6503636f6d0000010001")))));
        // DNS messages: one question, two (the second name a pointer to the first), a response, cut short, a
        // pointer loop; over DNS's port, mDNS's and LLMNR's, IPv6, and inside a VXLAN tunnel.
        byte[][] messages = {hex("12340100000100000000000003777777076578616d706c6503636f6d0000010001"),
                hex("abcd0100000200000000000003777777076578616d706c6503636f6d0000010001c00c001c0001"),
                hex("12348180000100010000000003777777076578616d706c6503636f6d0000010001c00c000100010000012c00040a000001"),
                hex("123401000001000000000000037777"), hex("1234"), hex("12340100000100000000000003777777c00c00010001")};
        for (byte[] message : messages) {
            for (int port : new int[] {53, 5353, 5355}) {
                frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, A, B, udp(40000, port, message))));
            }
            frames.add(eth(EtherType.IPV6, ipv6(IpProtocol.UDP, udp(53, 40000, message))));
            frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.TCP, A, B, tcp(40000, 53, 1, 2, 0x18, new byte[0],
                    cat(new byte[] {0, (byte) message.length}, message)))));
            frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, A, B, udp(50000, 4789, cat(hex("0800000000000100"),
                    eth(EtherType.IPV4, ipv4(IpProtocol.UDP, B, A, udp(53, 1234, message))))))));
        }
        // VXLAN carrying IPv6/UDP, an EtherType no protocol has, ARP, a frame cut inside its header, nothing.
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, A, B, udp(50000, 4789, cat(hex("0800000000000100"),
                eth(EtherType.IPV6, ipv6(IpProtocol.UDP, udp(123, 40000, payload))))))));
        frames.add(eth(EtherType.IPV6, ipv6(IpProtocol.UDP, udp(50000, 4789, cat(hex("0800000000000100"),
                eth(0x88b5, payload))))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, A, B, udp(50000, 4789, cat(hex("0800000000000100"),
                eth(0x88b5, new byte[0]))))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, A, B, udp(50000, 4789, cat(hex("0800000000000100"),
                eth(0x0806, hex("0001080006040001020000000001")))))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, A, B, udp(50000, 4789, cat(hex("0800000000000100"),
                hex("0200000000010200000000020800"), hex("45"))))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, A, B, udp(50000, 4789, hex("08000000000001")))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, A, B, udp(4789, 4789, cat(hex("0800000000000100"),
                inner)))));
        frames.add(eth(0x88b5, payload));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.ICMP, A, B, hex("0800f7ff00000000"))));
        frames.add(eth(0x0806, hex("0001080006040001020000000001")));
        return frames;
    }

    private static List<byte[]> variants(List<byte[]> frames, long seed) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (byte[] frame : frames) {
            out.add(frame);
            out.add(Arrays.copyOf(frame, random.nextInt(frame.length + 1)));
            byte[] flipped = frame.clone();
            for (int k = 0; k < 3 && flipped.length > 0; k++) {
                flipped[random.nextInt(Math.min(flipped.length, 80))] ^= (byte) (1 << random.nextInt(8));
            }
            out.add(flipped);
        }
        return out;
    }

    /** The occurrences of field {@code f} in the row, as kinds and tshark text, beside the extractor's. */
    static void assertSame(ProjectedRow row, int f, FieldValues expected, String where) {
        Field field = row.field(f);
        assertEquals(expected.size(), row.count(f), () -> where + ": occurrences of " + field.name());
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(expected.kind(k).name(), row.kind(f, k).name(), where + ": kind of " + field.name());
            assertEquals(expected.text(k), row.append(f, k, new StringBuilder()).toString(),
                    where + ": " + field.name() + " occurrence " + k);
            if (expected.kind(k) == FieldValues.Kind.INTEGER) {
                assertEquals(expected.integer(k), row.integer(f, k), where + ": " + field.name());
            } else if (expected.kind(k) == FieldValues.Kind.BYTES) {
                byte[] bytes = new byte[row.length(f, k)];
                row.buffer(f, k).get(row.index(f, k), bytes);
                assertTrue(Arrays.equals(expected.bytes(k), bytes), where + ": bytes of " + field.name());
            }
        }
        // every occurrence at once, as numbers of one kind
        long[] numbers = new long[expected.size()];
        boolean integers = true;
        int width = -1;
        for (int k = 0; k < expected.size(); k++) {
            integers &= expected.kind(k) == FieldValues.Kind.INTEGER;
            int w = expected.kind(k) == FieldValues.Kind.BYTES ? expected.bytes(k).length : -2;
            width = k == 0 ? w : width == w ? w : -2;
        }
        assertEquals(integers ? expected.size() : -1, row.numbers(f, numbers, 0), where + ": integers of "
                + field.name());
        if (width > 0 && width <= Long.BYTES) {
            assertEquals(expected.size(), row.numbers(f, numbers, width), where + ": " + field.name());
            assertEquals(-1, row.numbers(f, numbers, width + 1), where + ": " + field.name());
        }
        for (int k = 0; integers && k < expected.size(); k++) {
            row.numbers(f, numbers, 0);
            assertEquals(expected.integer(k), numbers[k], where + ": " + field.name());
        }
        // the typed reads: every occurrence as a number, and the first or a default
        if (expected.size() == 0) {
            assertEquals(-7L, row.longOr(f, -7), where + ": " + field.name() + " absent");
        }
        for (int k = 0; k < expected.size(); k++) {
            int occurrence = k;
            if (expected.kind(k) == FieldValues.Kind.INTEGER) {
                assertEquals(expected.integer(k), row.number(f, k), where + ": " + field.name() + " as a number");
            } else if (expected.kind(k) == FieldValues.Kind.BYTES && expected.bytes(k).length <= Long.BYTES) {
                long number = 0;
                for (byte b : expected.bytes(k)) {
                    number = number << 8 | (b & 0xFF);
                }
                assertEquals(number, row.number(f, k), where + ": " + field.name() + " as a number");
            } else {
                assertThrows(IllegalStateException.class, () -> row.number(f, occurrence),
                        where + ": " + field.name());
            }
            if (k == 0) {
                if (expected.kind(0) == FieldValues.Kind.TEXT || expected.kind(0) == FieldValues.Kind.BYTES
                        && expected.bytes(0).length > Long.BYTES) {
                    assertThrows(IllegalStateException.class, () -> row.longOr(f, -7), where);
                } else {
                    assertEquals(row.number(f, 0), row.longOr(f, -7), where + ": " + field.name() + " first");
                }
            }
        }
    }

    /**
     * Checks {@link ProjectedRow#longOr} of field {@code f} against the extractor's first occurrence: only for fields
     * whose read throws (text, bytes longer than 8) if {@code throwing}, only for the others if not.
     */
    private static void assertFirst(ProjectedRow row, int f, FieldValues expected, boolean throwing, String where) {
        String name = row.field(f).name();
        boolean throwsHere = expected.size() > 0 && (expected.kind(0) == FieldValues.Kind.TEXT
                || expected.kind(0) == FieldValues.Kind.BYTES && expected.bytes(0).length > Long.BYTES);
        if (throwsHere != throwing) {
            return;
        }
        if (throwsHere) {
            assertThrows(IllegalStateException.class, () -> row.longOr(f, -7), where + ": " + name);
        } else if (expected.size() == 0) {
            assertEquals(-7L, row.longOr(f, -7), where + ": " + name + " absent");
        } else if (expected.kind(0) == FieldValues.Kind.INTEGER) {
            assertEquals(expected.integer(0), row.longOr(f, -7), where + ": " + name + " first");
        } else {
            long number = 0;
            for (byte b : expected.bytes(0)) {
                number = number << 8 | (b & 0xFF);
            }
            assertEquals(number, row.longOr(f, -7), where + ": " + name + " first, as a number");
        }
    }

    /**
     * Projects every frame with each projection and a fresh decoder from {@code decoders}, and compares each row
     * with a reference decoder (made the same way) that decodes every frame. Returns how many rows were read
     * from the bytes.
     */
    private static long compare(List<byte[]> frames, List<List<String>> projections, Supplier<PacketDecoder> decoders,
            boolean readOnly) {
        long specialised = 0;
        FieldValues values = new FieldValues();
        for (List<String> names : projections) {
            Projection projection = Projection.compile(REGISTRY, names);
            Projector projector = projection.projector(decoders.get());
            PacketDecoder reference = decoders.get();
            int n = 0;
            for (byte[] frame : frames) {
                n++;
                byte[] framed = new byte[frame.length + 3];
                System.arraycopy(frame, 0, framed, 3, frame.length);
                ByteBuffer buf = readOnly ? ByteBuffer.wrap(framed).asReadOnlyBuffer() : ByteBuffer.wrap(framed);
                ProjectedRow row = projector.project(1, buf, 3, frame.length, frame.length + 4, 1_700_000_000L + n,
                        n);
                if (!projector.decoder().followsConversations()) {
                    // again, now that its ports have been looked up: the projector's shortest path reads it
                    projector.nextFrameNumber(n);
                    row = projector.project(1, buf, 3, frame.length, frame.length + 4, 1_700_000_000L + n, n);
                }
                DecodedPacket p = reference.decode(1, ByteBuffer.wrap(framed.clone()), 3, frame.length,
                        frame.length + 4, 1_700_000_000L + n, n);
                // the typed first reads before anything else, while the row may still wait for its fill (they
                // then read the bytes); those that throw last, as a throw fills it
                for (boolean throwing : new boolean[] {false, true}) {
                    for (int f = 0; f < names.size(); f++) {
                        assertFirst(row, f, values.collect(row.field(f), p), throwing, "frame " + n + " " + names);
                    }
                }
                assertEquals(p.frameNumber(), row.frameNumber());
                for (int f = 0; f < names.size(); f++) {
                    assertSame(row, f, values.collect(row.field(f), p), "frame " + n + " " + names);
                }
            }
            specialised += projector.specialisedPackets();
        }
        return specialised;
    }

    @Test
    void rowsEqualTheGeneralDecoderOnGeneratedStacksAndTheirMutations() {
        List<byte[]> frames = variants(generatedFrames(), 11);
        long stateless = compare(frames, fixedProjections(), PacketDecoder::new, false);
        long stateful = compare(frames, fixedProjections(), () -> new PacketDecoder().reassembleFragments(true)
                .followConversations(true).reassembleStreams(true), true);
        assertTrue(stateless > 0 && stateful > 0, "no frame was read from its bytes");
    }

    @Test
    void rowsEqualTheGeneralDecoderOnTheCorpusAndItsMutations() throws IOException {
        List<byte[]> frames = variants(LazyDecodeTest.corpusEthernetFrames(), 5);
        List<List<String>> projections = List.of(fixedProjections().get(fixedProjections().size() - 3),
                DNS_QUESTION, List.of("frame.number", "ip.src", "ip.dst", "tcp.srcport", "udp.dstport"));
        assertTrue(compare(frames, projections, PacketDecoder::new, false) > frames.size() / 4,
                "too few frames read from their bytes");
        compare(frames, projections, () -> new PacketDecoder().reassembleFragments(true).followConversations(true)
                .reassembleStreams(true), true);
    }

    @Test
    void everyRegisteredFieldProjectsAsItsExtractorReports() throws IOException {
        List<byte[]> frames = new ArrayList<>(generatedFrames());
        List<byte[]> corpus = LazyDecodeTest.corpusEthernetFrames();
        frames.addAll(corpus.subList(0, Math.min(corpus.size(), 1000)));
        List<String> all = REGISTRY.fields().stream().map(Field::name).toList();
        assertFalse(Projection.compile(REGISTRY, all).isSpecialised());
        compare(frames, List.of(all), () -> new PacketDecoder().reassembleFragments(true).followConversations(true)
                .reassembleStreams(true).trackConversations(true), false);
    }

    @Test
    void dnsQuestionsAndVxlanTunnelsAreReadFromTheirBytes() {
        byte[] query = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, A, B, udp(40000, 53,
                hex("12340100000100000000000003777777076578616d706c6503636f6d0000010001"))));
        Projector dns = Projection.compile(DNS_QUESTION).projector(new PacketDecoder());
        ProjectedRow row = dns.project(1, ByteBuffer.wrap(query), 0, query.length);
        assertTrue(row.specialised());
        assertEquals("www.example.com", row.text(1, 0).toString());
        assertEquals(0x1234, row.integer(0, 0));
        byte[] tunnelled = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, A, B, udp(50000, 4789,
                cat(hex("0800000000000100"), eth(EtherType.IPV4, ipv4(IpProtocol.TCP, B, A, tcp(80, 1234, 5, 6,
                        0x10, new byte[0], hex("48545450"))))))));
        Projector layers = Projection.compile(List.of("eth.type", "ip.src", "tcp.srcport", "udp.dstport"))
                .projector(new PacketDecoder());
        row = layers.project(1, ByteBuffer.wrap(tunnelled), 0, tunnelled.length);
        assertTrue(row.specialised());
        assertEquals(2, row.count(0));
        assertEquals(2, row.count(1));
        assertEquals(80, row.integer(2, 0));
        assertEquals(4789, row.integer(3, 0));
    }

    @Test
    void fieldsOfHigherLayersOrStateTakeTheGeneralPath() {
        assertTrue(Projection.compile(List.of("ip.src", "tcp.dstport", "frame.number")).isSpecialised());
        assertTrue(Projection.compile(List.of("ip.src", "dns.qry.name")).isSpecialised());
        assertFalse(Projection.compile(List.of("ip.src", "dns.resp.name")).isSpecialised());
        assertFalse(Projection.compile(List.of("tcp.stream")).isSpecialised());
        assertFalse(Projection.compile(List.of("frame.time_delta")).isSpecialised());
        Projector tracked = Projection.compile(List.of("tcp.srcport"))
                .projector(new PacketDecoder().trackConversations(true));
        tracked.project(1, ByteBuffer.wrap(generatedFrames().get(0)), 0, generatedFrames().get(0).length);
        assertEquals(0, tracked.specialisedPackets());
        assertEquals(1, tracked.decodedPackets());
    }

    @Test
    void aFieldListTooLongForOneGeneratedMethodIsReadByTheExtractors() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            names.add(i % 2 == 0 ? "ip.src" : "tcp.port");
        }
        assertNull(FieldFillCompiler.generate(names.stream().map(FixedField::of).toArray(FixedField[]::new)));
        assertFalse(Projection.compile(names).isSpecialised());
        long specialised = compare(generatedFrames(), List.of(names), PacketDecoder::new, false);
        assertEquals(0, specialised);
        assertTrue(Projection.compile(names.subList(0, 20)).isSpecialised());
    }

    @Test
    void unknownFieldsAndForeignDecodersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Projection.compile(List.of("ip.nonesuch")));
        assertTrue(e.getMessage().contains("ip.nonesuch"));
        assertThrows(IllegalArgumentException.class, () -> Projection.compile(List.of()));
        ProtocolRegistry other = ProtocolRegistry.builder().build();
        assertThrows(IllegalArgumentException.class,
                () -> Projection.compile(List.of("ip.src")).projector(new PacketDecoder(other)));
    }
}
