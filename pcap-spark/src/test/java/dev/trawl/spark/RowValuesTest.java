package dev.trawl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import dev.trawl.pcap.tck.CraftedCaptures;
import dev.trawl.spark.split.CaptureRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decoded columns are what tshark shows for the outermost layers, field by field, null where tshark shows
 * nothing: on well-formed frames, on frames whose headers are impossible (a version nibble that is not 4, a
 * header length below the minimum, an Ethernet frame shorter than its header), on IPv4-mapped IPv6 addresses,
 * and on thousands of frames cut short or with a byte changed.
 */
class RowValuesTest {
    /** The tshark fields the columns come from, in the order they are asked for. */
    private static final String[] FIELDS = {"frame.protocols", "eth.src", "eth.dst", "vlan.id", "ieee8021ad.id",
        "ip.version", "ip.src", "ip.dst", "ip.proto", "ip.ttl", "ipv6.version", "ipv6.src", "ipv6.dst", "ipv6.nxt",
        "ipv6.hlim", "tcp.srcport", "tcp.dstport", "tcp.flags", "tcp.seq_raw", "tcp.ack_raw", "udp.srcport",
        "udp.dstport"};
    private static final int ETHERTYPE_IPV4 = EtherType.IPV4.value(), ETHERTYPE_IPV6 = EtherType.IPV6.value();
    private static final int TCP = IpProtocol.TCP.value(), UDP = IpProtocol.UDP.value();
    /** How many frames are made by cutting or changing the others. */
    private static final int MUTATIONS = Integer.getInteger("trawl.columnsMutations", 3000);

    static byte[] ethernet(int etherType, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + payload.length);
        b.putLong(0x0a0b0c0d0e0f0001L).putInt(0x02030405).putShort((short) etherType).put(payload);
        return b.array();
    }

    static byte[] ipv4(int versionAndLength, int protocol, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.put((byte) versionAndLength).put((byte) 0).putShort((short) (20 + payload.length)).putInt(0)
                .put((byte) 61).put((byte) protocol).putShort((short) 0).putInt(0xc0000201).putInt(0xc6336402)
                .put(payload);
        return b.array();
    }

    static byte[] ipv6(int version, int nextHeader, byte[] source, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.putInt(version << 28).putShort((short) payload.length).put((byte) nextHeader).put((byte) 33).put(source)
                .putLong(0x20010db800000000L).putLong(2).put(payload);
        return b.array();
    }

    static byte[] tcp(int dataOffset, int flags) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(20, dataOffset * 4) + 6);
        b.putShort((short) 40000).putShort((short) 443).putInt(0x01020304).putInt(0xa0b0c0d0)
                .put((byte) (dataOffset << 4)).put((byte) flags).putShort((short) 1000).putInt(0);
        return b.array();
    }

    static byte[] udp() {
        return ByteBuffer.allocate(12).putShort((short) 5353).putShort((short) 53).putShort((short) 12).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Frames of every kind the columns read, well-formed and not. */
    static List<byte[]> frames() {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 1};
        byte[] plain = new byte[16];
        plain[0] = 0x20;
        plain[1] = 0x01;
        plain[15] = 1;
        List<byte[]> frames = new ArrayList<>();
        frames.add(ethernet(ETHERTYPE_IPV4, ipv4(0x45, TCP, tcp(5, 0x18))));
        frames.add(ethernet(ETHERTYPE_IPV4, ipv4(0x45, UDP, udp())));
        frames.add(ethernet(ETHERTYPE_IPV6, ipv6(6, TCP, mapped, tcp(5, 0x02))));
        frames.add(ethernet(ETHERTYPE_IPV6, ipv6(6, UDP, plain, udp())));
        // hop-by-hop and destination options before TCP
        frames.add(ethernet(ETHERTYPE_IPV6, ipv6(6, 0, plain, concat(new byte[] {60, 0, 1, 4, 0, 0, 0, 0},
                new byte[] {(byte) TCP, 0, 1, 4, 0, 0, 0, 0}, tcp(5, 0x11)))));
        for (int version : new int[] {0, 5, 6, 15}) {
            frames.add(ethernet(ETHERTYPE_IPV4, ipv4(version << 4 | 5, TCP, tcp(5, 0x10))));
        }
        for (int ihl = 0; ihl < 5; ihl++) {
            frames.add(ethernet(ETHERTYPE_IPV4, ipv4(0x40 | ihl, TCP, tcp(5, 0x10))));
        }
        frames.add(ethernet(ETHERTYPE_IPV6, ipv6(4, TCP, plain, tcp(5, 0x02))));
        for (int offset = 0; offset < 5; offset++) {
            frames.add(ethernet(ETHERTYPE_IPV4, ipv4(0x45, TCP, tcp(offset, 0x18))));
        }
        // QinQ: an 802.1ad tag, then an 802.1Q tag, then IPv4; and the same frame read as if untagged
        byte[] inner = ipv4(0x45, UDP, udp());
        frames.add(ethernet(0x88a8, concat(new byte[] {0x00, 0x64, (byte) 0x81, 0x00, 0x00, (byte) 0xc8, 0x08, 0x00},
                inner)));
        frames.add(ethernet(ETHERTYPE_IPV4, concat(new byte[] {0x00, 0x64, (byte) 0x81, 0x00, 0x00, (byte) 0xc8, 0x08,
            0x00}, inner)));
        frames.add(ethernet(0x8100, concat(new byte[] {0x20, 0x0a, (byte) 0x86, (byte) 0xdd},
                ipv6(6, UDP, mapped, udp()))));
        byte[] full = frames.get(0);
        for (int n = 0; n <= 14; n++) {
            frames.add(Arrays.copyOf(full, n)); // Ethernet frames too short for their header, and just long enough
        }
        Random random = new Random(Long.getLong("trawl.columnsSeed", 22));
        int base = frames.size();
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] frame = frames.get(random.nextInt(base)).clone();
            switch (random.nextInt(3)) {
                case 0 -> frame = Arrays.copyOf(frame, random.nextInt(frame.length + 1));
                case 1 -> {
                    if (frame.length > 0) {
                        frame[random.nextInt(Math.min(frame.length, 80))] = (byte) random.nextInt(256);
                    }
                }
                default -> {
                    random.nextBytes(frame);
                    if (frame.length >= 14 && random.nextBoolean()) {
                        frame[12] = (byte) (random.nextBoolean() ? 0x08 : 0x86);
                        frame[13] = (byte) (frame[12] == 0x08 ? 0x00 : 0xdd);
                    }
                }
            }
            frames.add(frame);
        }
        return frames;
    }

    static byte[] pcap(List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(CraftedCaptures.pcapHeader(ByteOrder.LITTLE_ENDIAN, false, 65535, 1));
        int i = 0;
        for (byte[] f : frames) {
            out.writeBytes(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(1_700_000_000 + i++)
                    .putInt(0).putInt(f.length).putInt(Math.max(f.length, 60)).array());
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    /** tshark's fields, one array per frame, the first occurrence of each ("" when there is none). */
    static List<String[]> tshark(Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString(), "-T", "fields",
                "-E", "occurrence=f"));
        for (String f : FIELDS) {
            command.add("-e");
            command.add(f);
        }
        Path out = file.resolveSibling("fields.tsv");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tshark took too long");
        assertEquals(0, p.exitValue(), "tshark failed");
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    /** The column values tshark's fields give a frame, as the columns' text. */
    static List<String> expected(String[] t) {
        List<String> layers = List.of(t[0].split(":"));
        int v4 = layers.indexOf("ip"), v6 = layers.indexOf("ipv6");
        int vlan = layers.indexOf("vlan"), qinq = layers.indexOf("ieee8021ad");
        int tcp = layers.indexOf("tcp"), udp = layers.indexOf("udp");
        boolean isV4 = v4 >= 0 && (v6 < 0 || v4 < v6);
        boolean isV6 = !isV4 && v6 >= 0;
        boolean isTcp = tcp >= 0 && (udp < 0 || tcp < udp);
        boolean isUdp = !isTcp && udp >= 0;
        String protocol = "";
        if (isV4) {
            protocol = t[8];
        } else if (isV6 && v6 + 1 < layers.size() && !layers.get(v6 + 1).startsWith("ipv6.")) {
            protocol = t[13]; // (after extension headers the column follows them; not compared)
        }
        return List.of(t[1], t[2], qinq >= 0 && (vlan < 0 || qinq < vlan) ? t[4] : t[3],
                isV4 ? t[5] : isV6 ? t[10] : "", isV4 ? t[6] : isV6 ? t[11] : "", isV4 ? t[7] : isV6 ? t[12] : "",
                protocol, isV4 ? t[9] : isV6 ? t[14] : "", isTcp ? t[15] : isUdp ? t[20] : "",
                isTcp ? t[16] : isUdp ? t[21] : "", isTcp && !t[17].isEmpty() ? String.valueOf(Integer.decode(t[17])) : "",
                isTcp ? t[18] : "", isTcp ? t[19] : "");
    }

    static final Column[] COMPARED = {Column.ETH_SRC, Column.ETH_DST, Column.VLAN, Column.IP_VERSION, Column.SRC,
        Column.DST, Column.PROTOCOL, Column.TTL, Column.SRC_PORT, Column.DST_PORT, Column.TCP_FLAGS, Column.TCP_SEQ,
        Column.TCP_ACK};

    static List<String> actual(Object[] values, boolean compareProtocol) {
        List<String> out = new ArrayList<>();
        for (Column c : COMPARED) {
            Object v = values[c.ordinal()];
            out.add(v == null || (c == Column.PROTOCOL && !compareProtocol) ? "" : v.toString());
        }
        return out;
    }

    @Test
    void decodedColumnsAreTsharksFieldsOfTheOutermostLayers(@TempDir Path dir) throws Exception {
        List<byte[]> frames = frames();
        Path file = dir.resolve("frames.pcap");
        Files.write(file, pcap(frames));
        List<String[]> fields = tshark(file);
        assertEquals(frames.size(), fields.size());
        BitSet all = new BitSet();
        all.set(0, Column.count());
        RowValues values = new RowValues(all, true, "frames.pcap");
        CaptureRecord r = new CaptureRecord();
        int differing = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            r.data = f.clone();
            r.capturedLength = f.length;
            r.originalLength = Math.max(f.length, 60);
            r.linkType = 1;
            List<String> want = expected(fields.get(i));
            List<String> got = actual(values.fill(r), !want.get(6).isEmpty());
            if (!want.equals(got)) {
                if (differing++ < 10) {
                    report.append("\nframe ").append(i + 1).append(" (").append(fields.get(i)[0]).append("): tshark ")
                            .append(want).append(", columns ").append(got);
                }
            }
        }
        assertEquals(0, differing, differing + " of " + frames.size() + " frames differ:" + report);
    }

    @Test
    void projectedColumnsAreTheDecodersWhicheverColumnsAreSelected() {
        List<byte[]> frames = new ArrayList<>(frames());
        // VXLAN tunnels, whose outer headers are the columns' whatever the inner frame holds
        byte[] plain = new byte[16];
        plain[0] = 0x20;
        byte[][] innerFrames = {ethernet(ETHERTYPE_IPV6, ipv6(6, TCP, plain, tcp(5, 0x18))),
            ethernet(0x88b5, new byte[20])};
        for (byte[] innerFrame : innerFrames) {
            byte[] vxlan = concat(new byte[] {8, 0, 0, 0, 0, 0, 1, 0}, innerFrame);
            byte[] udp = ByteBuffer.allocate(8 + vxlan.length).putShort((short) 40000).putShort((short) 4789)
                    .putShort((short) (8 + vxlan.length)).putShort((short) 0).put(vxlan).array();
            frames.add(ethernet(ETHERTYPE_IPV4, ipv4(0x45, UDP, udp)));
        }
        List<BitSet> selections = new ArrayList<>();
        BitSet all = new BitSet();
        all.set(0, Column.count());
        selections.add(all);
        for (Column c : Column.values()) {
            if (c.decoded) {
                BitSet one = new BitSet();
                one.set(c.ordinal());
                selections.add(one);
            }
        }
        CaptureRecord r = new CaptureRecord();
        for (BitSet needed : selections) {
            RowValues projected = new RowValues(needed, true, "f", true);
            RowValues decoded = new RowValues(needed, true, "f", false);
            for (int i = 0; i < frames.size(); i++) {
                byte[] f = frames.get(i);
                r.data = f.clone();
                r.capturedLength = f.length;
                r.originalLength = f.length;
                r.linkType = 1;
                Object[] got = projected.fill(r).clone();
                Object[] want = decoded.fill(r);
                assertTrue(Arrays.deepEquals(want, got), "frame " + (i + 1) + " columns " + needed + ": decoder "
                        + Arrays.deepToString(want) + ", projection " + Arrays.deepToString(got));
            }
        }
    }

    @Test
    void anIpv4MappedAddressStaysIpv6AndAShortFrameHasNoAddresses() {
        BitSet all = new BitSet();
        all.set(0, Column.count());
        RowValues values = new RowValues(all, true, "f");
        CaptureRecord r = new CaptureRecord();
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 1};
        byte[] frame = ethernet(ETHERTYPE_IPV6, ipv6(6, UDP, mapped, udp()));
        r.data = frame;
        r.capturedLength = frame.length;
        r.linkType = 1;
        Object[] v = values.fill(r);
        assertEquals("::ffff:192.0.2.1", v[Column.SRC.ordinal()].toString());
        assertEquals(6, v[Column.IP_VERSION.ordinal()]);
        r.capturedLength = 13;
        v = values.fill(r);
        assertNull(v[Column.ETH_SRC.ordinal()]);
        assertNull(v[Column.ETH_DST.ordinal()]);
    }
}
