package dev.trawl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * trawl's text for wireless link types against tcpdump's: 802.11 with radiotap, 802.15.4 and LWAPP, over the
 * corpus captures and over a capture of 802.11 frames of every kind built here.
 */
class WirelessFormatTest {
    private static final int LINKTYPE_RADIOTAP = 127;
    private static final int LINKTYPE_PRISM = 119;
    private static final byte[] AP = {0x00, 0x0c, 0x41, (byte) 0x82, (byte) 0xb2, 0x55};
    private static final byte[] STATION = {0x00, 0x0d, (byte) 0x93, (byte) 0x82, 0x36, 0x3a};
    private static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1};

    @TempDir
    Path dir;

    private static void compare(String file, List<String> flags) throws Exception {
        assertTrue(!TrawlRunner.external(List.of("tcpdump", "-r", file)).isEmpty(), "tcpdump printed nothing");
        TrawlRunner.assertSameAsTcpdump(file, flags, file);
    }

    @Test
    void corpusCapturesPrintAsTcpdumpPrintsThem() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        for (String capture : List.of("ieee802.11_exthdr.pcap", "ieee802.11_meshhdr-oobr.pcap",
                "ieee802.11_meshid.pcap", "ieee802.11_parse_elements_oobr.pcap", "802_15_4-data.pcap",
                "802_15_4-oobr-1.pcap", "802_15_4_beacon.pcap")) {
            String file = TrawlRunner.capture(capture).toString();
            for (List<String> flags : List.of(List.of("-n"), List.of("-nv"), List.of("-ne"), List.of("-nev"))) {
                compare(file, flags);
            }
        }
        String lwapp = TrawlRunner.capture("lwapp-data.pcap").toString();
        compare(lwapp, List.of("-n"));
        compare(lwapp, List.of("-ne"));
    }

    @Test
    void builtFramesPrintAsTcpdumpPrintsThem() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        List<byte[]> frames = new ArrayList<>();
        for (int reason = 0; reason <= 70; reason += 3) {
            frames.add(radiotap(false, management(0xc0, le16(reason))));
            frames.add(radiotap(true, management(0xa0, le16(reason))));
        }
        int[][] auths = {{0, 1, 0}, {0, 2, 0}, {1, 2, 0}, {1, 3, 15}, {1, 1, 1}, {3, 1, 200}, {0, 4, 37}};
        for (int[] a : auths) {
            frames.add(radiotap(false, management(0xb0, concat(le16(a[0]), le16(a[1]), le16(a[2])))));
        }
        byte[] elements = concat(new byte[] {0, 8, 't', 'e', 's', 't', 1, 'n', 'e', 't'},
                new byte[] {1, 4, (byte) 0x82, (byte) 0x84, 0x0b, 0x16}, new byte[] {3, 1, 6},
                new byte[] {5, 4, 0, 1, 0, 0});
        byte[] fixed = concat(new byte[8], le16(100), le16(0x0411));
        frames.add(radiotap(false, management(0x80, concat(fixed, elements))));
        frames.add(radiotap(true, management(0x50, concat(fixed, elements))));
        frames.add(radiotap(false, management(0x40, concat(new byte[] {0, 0}, new byte[] {1, 2, 2, 4}))));
        frames.add(radiotap(false, management(0x00, concat(le16(0x0401), le16(10), elements))));
        frames.add(radiotap(false, management(0x10, concat(le16(0x0011), le16(0), le16(0xc001)))));
        frames.add(radiotap(false, management(0x20, concat(le16(1), le16(10), AP, elements))));
        for (int category : new int[] {0, 3, 7, 13, 15, 127, 50}) {
            frames.add(radiotap(false, management(0xd0, new byte[] {(byte) category, 1})));
        }
        frames.add(radiotap(false, management(0xc0, new byte[] {1}))); // reason cut short
        frames.add(radiotap(false, management(0x80, new byte[10]))); // fixed fields cut short
        frames.add(radiotap(false, concat(new byte[] {(byte) 0xb4, 0, 0x2c, 0x01}, AP, STATION))); // RTS
        frames.add(radiotap(false, concat(new byte[] {(byte) 0xc4, 0, 0, 0}, STATION))); // CTS
        frames.add(radiotap(true, concat(new byte[] {(byte) 0xd4, 0x10, 0, 0}, STATION))); // ACK
        frames.add(radiotap(false, concat(new byte[] {(byte) 0xa4, 0, 1, (byte) 0xc0}, AP, STATION))); // PS-Poll
        frames.add(radiotap(false, concat(new byte[] {(byte) 0xe4, 0, 0, 0}, BROADCAST, AP))); // CF-End
        byte[] llc = {(byte) 0xaa, (byte) 0xaa, 3, 0, 0, 0, 8, 0};
        frames.add(radiotap(false, concat(data(0x08, 0x01), llc, udp())));
        frames.add(radiotap(false, concat(data(0x08, 0x02), llc, udp())));
        frames.add(radiotap(false, concat(data(0x88, 0x00), new byte[] {0, 0}, llc, udp())));
        frames.add(radiotap(false, concat(data(0x08, 0x41), new byte[] {1, 2, 3, 0x20, 0, 0, 0, 0})));
        frames.add(radiotap(false, data(0x48, 0x11)));
        Path file = dir.resolve("wireless.pcap");
        Files.write(file, pcap(LINKTYPE_RADIOTAP, frames));
        for (List<String> flags : List.of(List.of("-n"), List.of("-nv"), List.of("-ne"), List.of("-nev"))) {
            compare(file.toString(), flags);
        }
    }

    @Test
    void framesAfterAPrismHeaderPrintAsTcpdumpPrintsThem() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        ByteBuffer header = ByteBuffer.allocate(144).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x44).putInt(144).put("wlan0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] prism = header.array();
        byte[] beacon = management(0x80, concat(new byte[8], le16(100), le16(0x0411), new byte[] {0, 4, 'a', 'b',
                'c', 'd'}));
        List<byte[]> frames = List.of(concat(prism, management(0xc0, le16(3))), concat(prism, beacon),
                java.util.Arrays.copyOf(prism, 100));
        Path file = dir.resolve("prism.pcap");
        Files.write(file, pcap(LINKTYPE_PRISM, frames));
        for (List<String> flags : List.of(List.of("-n"), List.of("-nev"))) {
            compare(file.toString(), flags);
        }
    }

    /** A radiotap header (TSFT, flags, rate, channel, signal, antenna; with MCS when {@code ht}) before {@code frame}. */
    private static byte[] radiotap(boolean ht, byte[] frame) {
        ByteBuffer b = ByteBuffer.allocate(27).order(ByteOrder.LITTLE_ENDIAN);
        int present = 1 | 1 << 1 | 1 << 2 | 1 << 3 | 1 << 5 | 1 << 11 | (ht ? 1 << 19 : 0);
        int length = ht ? 27 : 24;
        b.put((byte) 0).put((byte) 0).putShort((short) length).putInt(present);
        b.putLong(123_456_789L);
        b.put((byte) (ht ? 0x02 : 0x00)); // short preamble on the HT frames
        b.put((byte) 11); // 5.5 Mb/s
        b.putShort((short) (ht ? 5180 : 2437)).putShort((short) (ht ? 0x0140 : 0x00a0));
        b.put((byte) -47).put((byte) 1);
        if (ht) {
            b.put((byte) 0x07).put((byte) 0x05).put((byte) 7); // bandwidth, GI, MCS known: 40 MHz short GI MCS 7
        }
        return concat(java.util.Arrays.copyOf(b.array(), length), frame);
    }

    private static byte[] management(int fc, byte[] body) {
        return concat(new byte[] {(byte) fc, 0, 0x3a, 0x01}, AP, STATION, AP, new byte[] {0x10, 0}, body);
    }

    private static byte[] data(int fc0, int fc1) {
        return concat(new byte[] {(byte) fc0, (byte) fc1, 0x2c, 0}, AP, STATION, BROADCAST, new byte[] {0x20, 0});
    }

    /** An IPv4 UDP datagram of four payload bytes, with a correct header checksum. */
    private static byte[] udp() {
        byte[] ip = {0x45, 0, 0, 32, 0x12, 0x34, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2};
        int sum = 0;
        for (int i = 0; i < ip.length; i += 2) {
            sum += (ip[i] & 0xff) << 8 | (ip[i + 1] & 0xff);
        }
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = ~((sum & 0xffff) + (sum >>> 16)) & 0xffff;
        ip[10] = (byte) (sum >>> 8);
        ip[11] = (byte) sum;
        return concat(ip, new byte[] {0x30, 0x39, 0x00, 0x35, 0, 12, 0, 0, 1, 2, 3, 4});
    }

    private static byte[] le16(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8)};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] pcap(int linkType, List<byte[]> frames) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(linkType);
        out.write(header.array());
        int second = 1_700_000_000;
        for (byte[] f : frames) {
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(second++).putInt(0).putInt(f.length).putInt(f.length);
            out.write(record.array());
            out.write(f);
        }
        return out.toByteArray();
    }
}
