package dev.trawl.decode.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.MergedCorpus;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.ReadStatus;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reassembly API on crafted segments (in order, sent again with other bytes, out of order, overlapping, lost,
 * cut off by the snap length, FIN, RST, idle, limits, IPv6), on corpus captures against tshark's "Follow TCP
 * Stream", and on a million short connections with its memory measured.
 */
class TcpReassemblerTest {
    private static final int RAW = 101;
    private static final int SYN = 0x02;
    private static final int FIN = 0x01;
    private static final int RST = 0x04;
    private static final int ACK = 0x10;
    private static final int PSH_ACK = 0x18;

    /** What a listener saw, as text: "d0:bytes", "g1:3", "e0:FIN". */
    private static final class Recorder implements TcpReassembler.Listener {
        final List<String> events = new ArrayList<>();

        @Override
        public void data(TcpReassembler.Stream stream, ByteBuffer data) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            events.add("d" + stream.direction() + ":" + new String(b, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void gap(TcpReassembler.Stream stream, long length) {
            events.add("g" + stream.direction() + ":" + length);
        }

        @Override
        public void end(TcpReassembler.Stream stream, TcpReassembler.End reason) {
            events.add("e" + stream.direction() + ":" + reason);
        }
    }

    private final PacketDecoder decoder = new PacketDecoder();
    private long second = 1_700_000_000L;

    private static byte[] ipv4Tcp(int client, int sport, int dport, boolean fromClient, long seq, int flags,
            String payload) {
        byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(40 + data.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + data.length)).putShort((short) 1)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0);
        b.putInt(fromClient ? client : 0xC0A80001).putInt(fromClient ? 0xC0A80001 : client);
        b.putShort((short) (fromClient ? sport : dport)).putShort((short) (fromClient ? dport : sport))
                .putInt((int) seq).putInt(0).put((byte) 0x50).put((byte) flags).putShort((short) 8192).putInt(0);
        b.put(data);
        return b.array();
    }

    private static byte[] ipv6Tcp(boolean fromClient, long seq, int flags, String payload) {
        byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(60 + data.length);
        b.putInt(0x60000000).putShort((short) (20 + data.length)).put((byte) 6).put((byte) 64);
        byte[] client = HexFormat.of().parseHex("20010db8000000000000000000000001");
        byte[] server = HexFormat.of().parseHex("20010db8000000000000000000000002");
        b.put(fromClient ? client : server).put(fromClient ? server : client);
        b.putShort((short) (fromClient ? 40000 : 443)).putShort((short) (fromClient ? 443 : 40000)).putInt((int) seq)
                .putInt(0).put((byte) 0x50).put((byte) flags).putShort((short) 8192).putInt(0);
        b.put(data);
        return b.array();
    }

    private void feed(TcpReassembler r, byte[] packet) {
        feed(r, packet, packet.length);
    }

    private void feed(TcpReassembler r, byte[] packet, int captured) {
        second++;
        r.add(decoder.decode(RAW, packet, 0, captured, packet.length, second, 0));
    }

    private byte[] c(long seq, int flags, String payload) {
        return ipv4Tcp(0x0A000001, 40000, 80, true, seq, flags, payload);
    }

    private byte[] s(long seq, int flags, String payload) {
        return ipv4Tcp(0x0A000001, 40000, 80, false, seq, flags, payload);
    }

    @Test
    void inOrderBytesAndTheFinsEndBothStreams() {
        Recorder rec = new Recorder();
        TcpReassembler r = new TcpReassembler(rec);
        feed(r, c(100, SYN, ""));
        feed(r, s(500, SYN | ACK, ""));
        feed(r, c(101, PSH_ACK, "GET /"));
        feed(r, s(501, PSH_ACK, "200 OK"));
        feed(r, c(106, FIN | ACK, ""));
        feed(r, s(507, FIN | ACK, ""));
        feed(r, c(107, ACK, ""));
        assertEquals(List.of("d0:GET /", "d1:200 OK", "e0:FIN", "e1:FIN"), rec.events);
        assertEquals(0, r.connections(), "a connection both of whose streams ended is forgotten");
        assertEquals(11, r.deliveredBytes());
    }

    @Test
    void rawSegmentsGoToTheStreamTheyReturnWhichKeepsTheCallersState() {
        Recorder rec = new Recorder();
        TcpReassembler r = new TcpReassembler(rec);
        ByteBuffer first = ByteBuffer.wrap(c(101, PSH_ACK, "GET /"));
        assertNull(r.stream(first, 0, 20), "no connection is followed before its first segment");
        TcpReassembler.Stream client = r.add(first, 0, 20, first.limit(), 1_000);
        assertNotNull(client);
        assertSame(client, r.stream(first, 0, 20));
        client.attach("request");
        ByteBuffer answer = ByteBuffer.wrap(s(501, PSH_ACK, "200"));
        TcpReassembler.Stream server = r.add(answer, 0, 20, answer.limit(), 2_000);
        assertEquals(1, server.direction());
        assertNull(server.attachment());
        // in a larger buffer, at an offset, and with padding past the IP length that is not payload
        byte[] padded = new byte[10 + 45 + 6];
        System.arraycopy(c(106, PSH_ACK, "x"), 0, padded, 10, 41);
        assertSame(client, r.add(ByteBuffer.wrap(padded), 10, 30, padded.length, 3_000));
        assertEquals("request", client.attachment());
        assertEquals(List.of("d0:GET /", "d1:200", "d0:x"), rec.events);
        ByteBuffer v6 = ByteBuffer.wrap(ipv6Tcp(true, 7, SYN, ""));
        assertNotNull(r.add(v6, 0, 40, v6.limit(), 4_000));
        assertEquals(2, r.connections());
        ByteBuffer shortHeader = ByteBuffer.wrap(c(107, PSH_ACK, "y"));
        shortHeader.put(32, (byte) 0x40);
        assertNull(r.add(shortHeader, 0, 20, shortHeader.limit(), 5_000));
        assertEquals(1, r.ignoredSegments());
        assertThrows(IndexOutOfBoundsException.class, () -> r.add(first, 0, 20, first.limit() + 1, 6_000));
        assertThrows(IndexOutOfBoundsException.class, () -> r.add(first, 20, 0, first.limit(), 6_000));
    }

    @Test
    void theFirstCopyWinsOverRetransmittedAndOverlappingBytes() {
        Recorder rec = new Recorder();
        TcpReassembler r = new TcpReassembler(rec);
        feed(r, c(100, SYN, ""));
        feed(r, c(101, PSH_ACK, "abcd"));
        feed(r, c(101, PSH_ACK, "WXYZef")); // sent again with other bytes, and two new ones
        feed(r, c(111, PSH_ACK, "klm")); // beyond a gap: held
        feed(r, c(109, PSH_ACK, "IJKLMN")); // overlaps what is held: the held copy wins
        feed(r, c(107, PSH_ACK, "gh")); // fills the gap
        assertEquals(List.of("d0:abcd", "d0:ef", "d0:gh", "d0:IJ", "d0:klm", "d0:N"), rec.events);
        assertEquals(4 + 3, r.duplicateBytes());
        assertEquals(2, r.outOfOrderSegments());
        assertEquals(0, r.heldBytes());
    }

    @Test
    void aLostSegmentIsAGapAtTheEndOrWhenALimitIsReached() {
        Recorder rec = new Recorder();
        TcpReassembler r = new TcpReassembler(rec);
        feed(r, c(100, SYN, ""));
        feed(r, c(101, PSH_ACK, "ab"));
        feed(r, c(105, PSH_ACK, "ef")); // "cd" never comes
        r.finish();
        assertEquals(List.of("d0:ab", "g0:2", "d0:ef", "e0:END_OF_CAPTURE", "e1:END_OF_CAPTURE"), rec.events);
        assertEquals(1, r.gaps());
        assertEquals(2, r.skippedBytes());

        Recorder limited = new Recorder();
        TcpReassembler small = new TcpReassembler(limited, new TcpReassembler.Limits(4, 1 << 20, 60_000_000_000L,
                10));
        feed(small, c(100, SYN, ""));
        feed(small, c(103, PSH_ACK, "cd")); // held: 2 bytes
        feed(small, c(107, PSH_ACK, "ghi")); // 5 > 4 held: stop waiting
        assertEquals(List.of("g0:2", "d0:cd", "g0:2", "d0:ghi"), limited.events);
        assertEquals(1, small.connectionLimitFlushes());
        assertEquals(0, small.heldBytes());

        Recorder total = new Recorder();
        TcpReassembler tight = new TcpReassembler(total, new TcpReassembler.Limits(1 << 20, 3, 60_000_000_000L, 10));
        feed(tight, c(100, SYN, ""));
        feed(tight, c(105, PSH_ACK, "efgh")); // 4 > 3 in all: delivered at once after a gap
        assertEquals(List.of("g0:4", "d0:efgh"), total.events);
        assertEquals(1, tight.totalLimitFlushes());
    }

    @Test
    void resetIdleEvictionAndCutOffBytesEndOrSkip() {
        Recorder rec = new Recorder();
        TcpReassembler r = new TcpReassembler(rec, new TcpReassembler.Limits(1 << 20, 1 << 20, 10_000_000_000L, 1));
        feed(r, c(100, SYN, ""));
        feed(r, c(103, PSH_ACK, "cd"));
        feed(r, s(900, RST, ""));
        assertEquals(List.of("g0:2", "d0:cd", "e0:RST", "e1:RST"), rec.events);
        rec.events.clear();

        byte[] cut = c(101, PSH_ACK, "abcdefgh");
        feed(r, cut, cut.length - 3); // the capture kept 5 of the 8 bytes
        feed(r, c(109, PSH_ACK, "ij"));
        assertEquals(List.of("d0:abcde", "g0:3", "d0:ij"), rec.events);
        rec.events.clear();

        // a second connection takes the only place: the first is evicted
        feed(r, ipv4Tcp(0x0A000002, 40001, 80, true, 7, SYN, ""));
        assertEquals(List.of("e0:EVICTED", "e1:EVICTED"), rec.events);
        assertEquals(1, r.evictions());
        rec.events.clear();
        second += 11; // longer than the idle timeout
        feed(r, ipv4Tcp(0x0A000003, 40002, 80, true, 7, ACK, "")); // a bare ACK starts nothing, but time moves
        assertEquals(List.of("e0:IDLE_TIMEOUT", "e1:IDLE_TIMEOUT"), rec.events);
        assertEquals(0, r.connections());
    }

    @Test
    void ipv6StreamsAreReassembled() {
        Recorder rec = new Recorder();
        TcpReassembler r = new TcpReassembler(new TcpReassembler.Listener() {
            @Override
            public void data(TcpReassembler.Stream stream, ByteBuffer data) {
                assertEquals(16, stream.sourceAddress().length);
                rec.data(stream, data);
            }
        });
        feed(r, ipv6Tcp(true, 1, SYN, ""));
        feed(r, ipv6Tcp(true, 6, PSH_ACK, "world"));
        feed(r, ipv6Tcp(true, 2, PSH_ACK, "hell"));
        feed(r, ipv6Tcp(false, 70, PSH_ACK, "o"));
        assertEquals(List.of("d0:hell", "d0:world", "d1:o"), rec.events);
    }

    /** Reads every frame of a corpus capture through a reassembler; the bytes per connection and direction. */
    private static Map<String, ByteArrayOutputStream> reassemble(Path file) throws Exception {
        Map<String, ByteArrayOutputStream> streams = new LinkedHashMap<>();
        TcpReassembler r = new TcpReassembler(new TcpReassembler.Listener() {
            @Override
            public void data(TcpReassembler.Stream stream, ByteBuffer data) {
                byte[] b = new byte[data.remaining()];
                data.get(b);
                streams.computeIfAbsent(stream.connection() + "/" + stream.sourcePort() + ">"
                        + stream.destinationPort(), k -> new ByteArrayOutputStream()).writeBytes(b);
            }
        });
        PacketDecoder decoder = new PacketDecoder().reassembleFragments(true);
        try (OfflineHandle handle = Pcap.backend("java").openOffline(file)) {
            while (handle.next() == ReadStatus.PACKET) {
                r.add(decoder.decode(MergedCorpus.linkType(handle, handle.packet()), handle.packet()));
            }
        }
        r.finish();
        return streams;
    }

    @Test
    void corpusStreamsCarryTsharksFollowedBytes() throws Exception {
        // retransmissions, out-of-order segments and many connections: each direction's bytes as tshark follows them
        long compared = 0;
        for (String capture : List.of("dns_tcp.pcap", "ssh.pcap", "mptcp-v0.pcap", "local-netns-lo-nano.pcap")) {
            Path file = MergedCorpus.corpus().resolve("captures").resolve(capture);
            Map<String, ByteArrayOutputStream> ours = reassemble(file);
            for (int stream = 0; stream < 2; stream++) {
                String text = dev.trawl.decode.Tshark.output(List.of("-n", "-q", "-r", file.toString(), "-z",
                        "follow,tcp,raw," + stream));
                String[] lines = text.split("\n");
                int[] ports = new int[2];
                StringBuilder[] hex = {new StringBuilder(), new StringBuilder()};
                boolean body = false;
                for (String line : lines) {
                    if (line.startsWith("Node 0: ") || line.startsWith("Node 1: ")) {
                        ports[line.charAt(5) - '0'] = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
                        body = line.startsWith("Node 1: ");
                    } else if (body && !line.startsWith("=") && !line.isEmpty()) {
                        hex[line.startsWith("\t") ? 1 : 0].append(line.strip());
                    }
                }
                for (int node = 0; node < 2; node++) {
                    String suffix = "/" + ports[node] + ">" + ports[1 - node];
                    String mine = "";
                    for (Map.Entry<String, ByteArrayOutputStream> e : ours.entrySet()) {
                        if (e.getKey().endsWith(suffix) && e.getKey().startsWith(stream + "/")) {
                            mine = HexFormat.of().formatHex(e.getValue().toByteArray());
                        }
                    }
                    assertEquals(hex[node].toString(), mine, capture + " stream " + stream + " node " + node);
                    compared += mine.length() / 2;
                }
            }
        }
        assertTrue(compared > 10_000, compared + " bytes compared");
    }

    @Test
    void aMillionShortConnectionsLeaveNothingBehind() {
        Runtime rt = Runtime.getRuntime();
        long[] delivered = new long[1];
        TcpReassembler r = new TcpReassembler((stream, data) -> delivered[0] += data.remaining());
        long before = 0;
        int connections = 1_000_000;
        for (int k = 0; k < connections; k++) {
            int client = 0x0A000000 | k >>> 8 & 0xFFFF00 | 1 + (k & 0x7F);
            int port = 1024 + k % 60000;
            // SYN, a request, and either FIN both ways or an RST
            feed(r, ipv4Tcp(client, port, 80, true, 1000, SYN, ""));
            feed(r, ipv4Tcp(client, port, 80, true, 1001, PSH_ACK, "GET /x\r\n"));
            if (k % 2 == 0) {
                feed(r, ipv4Tcp(client, port, 80, true, 1009, FIN | ACK, ""));
                feed(r, ipv4Tcp(client, port, 80, false, 5000, FIN | ACK, ""));
            } else {
                feed(r, ipv4Tcp(client, port, 80, false, 5000, RST, ""));
            }
            if (k == 100_000) {
                before = usedAfterGc(rt);
            }
        }
        long after = usedAfterGc(rt);
        assertEquals(8L * connections, delivered[0]);
        assertEquals(0, r.connections());
        assertTrue(after - before < 8L << 20, "heap grew by " + (after - before) + " bytes over 900,000 connections"
                + " (" + after + " used after)");
    }

    private static long usedAfterGc(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void limitsMustMakeSense() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TcpReassembler.Limits(1, 1, 0, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TcpReassembler.Limits(-1, 1, 1, 1));
    }
}
