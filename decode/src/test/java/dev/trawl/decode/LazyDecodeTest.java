package dev.trawl.decode;

import static dev.trawl.decode.TestPackets.ethIpTcp;
import static dev.trawl.decode.TestPackets.ethIpUdp;
import static dev.trawl.decode.TestPackets.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.internal.FastPath;
import dev.trawl.decode.layer.Tcp;
import dev.trawl.pcap.tck.TestCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lazy decode (the common headers at once, the rest on demand) gives exactly the layers of a decode that
 * runs every decoder at once, whatever the caller asks first: over every frame of the corpus, truncated and
 * with bytes flipped.
 */
class LazyDecodeTest {
    /** A registry whose Ethernet decoder is not the built-in instance, so that nothing is deferred. */
    private static ProtocolRegistry eagerRegistry() {
        return ProtocolRegistry.builder().plugin(r -> r.protocol("eth",
                (buf, off, end, ctx) -> FastPath.ETHERNET.decode(buf, off, end, ctx))).build();
    }

    /** Everything the result says about its layers, read through the public API. */
    private static String snapshot(DecodedPacket p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.layerCount()).append(p.tooManyLayers() ? " cut" : "").append(p.isMalformed() ? " bad" : "");
        for (int i = 0; i < p.layerCount(); i++) {
            sb.append(" | ").append(p.protocolName(i)).append(' ').append(p.offset(i)).append(' ')
                    .append(p.headerLength(i)).append(' ').append(p.layerEnd(i)).append(' ').append(p.flags(i));
        }
        return sb.toString();
    }

    /** Reads as a caller interested in the first layers would, before reading everything. */
    private static String firstLayersThenAll(DecodedPacket p) {
        StringBuilder sb = new StringBuilder();
        int ip = p.find(Protocols.IP);
        int tcp = p.findNext(Protocols.TCP, Math.max(ip, 0));
        int udp = p.findNext(Protocols.UDP, Math.max(ip, 0));
        sb.append(ip).append(' ').append(tcp).append(' ').append(udp).append(' ');
        // Walking up from IP one layer at a time decodes only what it reaches.
        for (int i = ip; i >= 0; i = p.next(i)) {
            sb.append(p.protocolName(i)).append('>');
        }
        if (ip >= 0) {
            sb.append(p.ipv4(ip).source()).append(' ').append(p.offset(ip)).append(' ');
        }
        if (tcp >= 0) {
            sb.append(p.tcp(tcp).sourcePort()).append(' ').append(p.payloadLength(tcp)).append(' ');
        }
        sb.append(p.find(Protocols.DNS)).append(' ').append(p.findLast(Protocols.IP)).append(' ');
        return sb.append(snapshot(p)).toString();
    }

    static List<byte[]> corpusEthernetFrames() throws IOException {
        Path captures = TestCorpus.file("captures");
        List<byte[]> frames = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(captures)) {
            files = s.filter(f -> f.toString().endsWith(".pcap") || f.toString().endsWith(".pcapng")).sorted()
                    .toList();
        }
        for (Path f : files) {
            for (CaptureFile.Frame frame : CaptureFile.read(f)) {
                if (frame.linkType() == 1) {
                    frames.add(frame.data());
                }
            }
        }
        return frames;
    }

    @Test
    void lazyDecodeAgreesWithEagerDecodeOnTheCorpusAndItsMutations() throws IOException {
        PacketDecoder lazy = new PacketDecoder();
        PacketDecoder eager = new PacketDecoder(eagerRegistry());
        List<byte[]> frames = corpusEthernetFrames();
        assertTrue(frames.size() > 1000, "too few Ethernet frames in the corpus: " + frames.size());
        Random random = new Random(7);
        int compared = 0;
        for (byte[] frame : frames) {
            List<byte[]> variants = new ArrayList<>();
            variants.add(frame);
            variants.add(java.util.Arrays.copyOf(frame, random.nextInt(frame.length + 1)));
            byte[] flipped = frame.clone();
            for (int k = 0; k < 3 && flipped.length > 0; k++) {
                flipped[random.nextInt(Math.min(flipped.length, 80))] ^= (byte) (1 << random.nextInt(8));
            }
            variants.add(flipped);
            for (byte[] v : variants) {
                String want = snapshot(eager.decode(1, v, 0, v.length));
                assertEquals(want, snapshot(lazy.decode(1, v, 0, v.length)), () -> hexOf(v));
                String wantFirst = firstLayersThenAll(eager.decode(1, v, 0, v.length));
                assertEquals(wantFirst, firstLayersThenAll(lazy.decode(1, v, 0, v.length)), () -> hexOf(v));
                compared++;
            }
        }
        assertTrue(compared > 3000);
    }

    /** What a stateful decoder learnt of the packet's TCP and UDP layers, asked before anything else. */
    private static String tracked(DecodedPacket p) {
        StringBuilder sb = new StringBuilder();
        for (int i = p.find(Protocols.TCP); i >= 0; i = p.findNext(Protocols.TCP, i + 1)) {
            dev.trawl.decode.conversation.TcpSegment s = p.tcpSegment(i);
            sb.append(" tcp").append(i).append(p.isQuoted(i) ? "q" : "");
            if (s != null) {
                sb.append(' ').append(s.stream()).append(' ').append(s.seq()).append(' ').append(s.ack()).append(' ')
                        .append(s.nextSeq()).append(' ').append(s.windowSize()).append(' ').append(s.flags())
                        .append(' ').append(s.ackedFrame()).append(' ').append(s.bytesInFlight()).append(' ')
                        .append(s.completeness());
            }
        }
        for (int i = p.find(Protocols.UDP); i >= 0; i = p.findNext(Protocols.UDP, i + 1)) {
            sb.append(" udp").append(i).append(' ').append(p.udpStream(i));
        }
        return sb.toString();
    }

    private static PacketDecoder stateful(PacketDecoder d) {
        return d.reassembleFragments(true).followConversations(true).reassembleStreams(true).trackConversations(true);
    }

    @Test
    void aStatefulDecodeThatLeavesLeavesForLaterKeepsTheSameStateAndLayers() throws IOException {
        PacketDecoder lazy = stateful(new PacketDecoder());
        PacketDecoder eager = stateful(new PacketDecoder(eagerRegistry()));
        List<byte[]> frames = corpusEthernetFrames();
        Random random = new Random(11);
        int compared = 0;
        int leftForLater = 0;
        for (byte[] frame : frames) {
            byte[] v = random.nextInt(8) == 0 ? java.util.Arrays.copyOf(frame, random.nextInt(frame.length + 1)) : frame;
            DecodedPacket e = eager.decode(1, v, 0, v.length);
            String want = tracked(e) + " | " + snapshot(e);
            DecodedPacket l = lazy.decode(1, v, 0, v.length);
            leftForLater += l.pending ? 1 : 0;
            assertEquals(want, tracked(l) + " | " + snapshot(l), () -> hexOf(v));
            compared++;
        }
        assertTrue(compared > 1000);
        assertTrue(leftForLater > 100, "too few payloads left for later: " + leftForLater);
    }

    @Test
    void theFirstLayersAreReadWithoutDecodingTheRest() {
        byte[] packet = ethIpUdp(40000, 53, hex("1234 0100 0001 0000 0000 0000 03 777777 00 0001 0001"));
        DecodedPacket p = new PacketDecoder().decode(1, packet, 0, packet.length);
        assertTrue(p.pending, "the payload of UDP is left for later");
        int udp = p.find(Protocols.UDP);
        assertEquals(53, p.udp(udp).destinationPort());
        assertTrue(p.pending, "finding a known layer decodes nothing more");
        assertEquals(udp + 1, p.find(Protocols.DNS));
        assertFalse(p.pending);
        assertEquals("eth:ethertype:ip:udp:dns", p.appendProtocols(new StringBuilder()).toString());
    }

    @Test
    void aSearchThatFailsDecodesTheRest() {
        byte[] packet = ethIpTcp(Tcp.ACK, hex("16 0303 0005 0100000100"));
        DecodedPacket p = new PacketDecoder().decode(1, packet, 0, packet.length);
        assertEquals(-1, p.find(Protocols.UDP));
        assertFalse(p.pending);
        assertEquals("eth:ethertype:ip:tcp:tls", p.appendProtocols(new StringBuilder()).toString());
    }

    @Test
    void checksumVerificationDecodesEverythingAtOnce() {
        byte[] packet = ethIpUdp(40000, 53, hex("1234 0100 0001 0000 0000 0000 00 0001 0001"));
        PacketDecoder decoder = new PacketDecoder().verifyChecksums(true);
        assertFalse(decoder.decode(1, packet, 0, packet.length).pending);
    }

    private static String hexOf(byte[] v) {
        StringBuilder sb = new StringBuilder();
        for (byte b : v) {
            sb.append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }
}
