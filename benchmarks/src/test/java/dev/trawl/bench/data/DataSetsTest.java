package dev.trawl.bench.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataSetsTest {
    @TempDir
    Path dir;

    @Test
    void generateWritesTheIndexedPacketCountsAndSizes() throws IOException {
        List<DataSet> sets = DataSets.generate(dir, Scale.SMOKE);
        assertEquals(sets, DataSets.load(dir));
        DataSet small = sets.get(0);
        assertEquals(Scale.SMOKE.smallPackets(), small.packets());
        assertEquals(64L * small.packets(), small.bytes());
        assertEquals(24 + (16 + 64) * small.packets(), Files.size(small.file()));
        DataSet mix = sets.get(1);
        assertEquals(Scale.SMOKE.mixPackets(), mix.packets());
        assertTrue(mix.meanLength() > 200 && mix.meanLength() < 500, "IMIX-like mean: " + mix.meanLength());
    }

    @Test
    void headFilesHoldTheFirstPacketsOfTheirFile() throws IOException {
        for (DataSet set : DataSets.generate(dir, Scale.SMOKE)) {
            DataSet head = set.head();
            assertEquals(Scale.SMOKE.headPackets(), head.packets());
            assertTrue(head.matched() > 0 && head.matched() < set.matched());
            byte[] whole = Files.readAllBytes(set.file());
            byte[] start = Files.readAllBytes(head.file());
            assertEquals(24 + 16 * head.packets() + head.bytes(), start.length);
            assertTrue(java.util.Arrays.equals(start, 0, start.length, whole, 0, start.length));
            assertEquals(head, head.headOrSelf());
        }
    }

    @Test
    void generatedFramesHaveValidIpv4HeadersAndTheIndexedFilterMatches() throws IOException {
        List<DataSet> all = new java.util.ArrayList<>();
        for (DataSet set : DataSets.generate(dir, Scale.SMOKE)) {
            all.add(set);
            all.add(set.head());
        }
        for (DataSet set : all) {
            PacketArray packets = PacketArray.load(set.file(), (int) set.packets());
            byte[] b = packets.bytes();
            long matched = 0;
            for (int i = 0; i < packets.size(); i++) {
                int at = packets.offset(i);
                assertEquals(0, checksum(b, at + 14), "IPv4 header checksum of packet " + i);
                assertEquals(packets.length(i) - 14, u16(b, at + 16), "IPv4 total length of packet " + i);
                int protocol = b[at + 23];
                int srcPort = u16(b, at + 34);
                int dstPort = u16(b, at + 36);
                boolean dns = protocol == FrameBuilder.PROTO_UDP && (srcPort == 53 || dstPort == 53);
                boolean match = (protocol == FrameBuilder.PROTO_TCP && (srcPort == 80 || dstPort == 80)) || dns;
                matched += match ? 1 : 0;
                if (set.name().equals(DataSets.MIX) && !dns) {
                    assertTrue(Set.of(64, 594, 1518).contains(packets.length(i)), "IMIX size " + packets.length(i));
                }
            }
            assertEquals(set.matched(), matched, set.name());
            assertTrue(matched > 0 && matched < set.packets());
        }
    }

    @Test
    void loadDnsKeepsOnlyDnsPacketsAndCycles() throws IOException {
        DataSet mix = DataSets.generate(dir, Scale.SMOKE).get(1);
        PacketArray dns = PacketArray.loadDns(mix.file(), 10_000);
        assertEquals(10_000, dns.size());
        for (int i = 0; i < dns.size(); i++) {
            int at = dns.offset(i);
            byte[] b = dns.bytes();
            assertTrue(u16(b, at + 34) == 53 || u16(b, at + 36) == 53);
        }
    }

    @Test
    void loadRefusesAFileThatIsNotPcap() throws IOException {
        Path bogus = dir.resolve("bogus.pcap");
        Files.write(bogus, new byte[100]);
        assertThrows(IOException.class, () -> PacketArray.load(bogus, 1));
    }

    @Test
    void scaleParsesNamesAndRejectsOthers() {
        assertEquals(Scale.QUICK, Scale.parse(" Quick "));
        assertThrows(IllegalArgumentException.class, () -> Scale.parse("huge"));
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static int checksum(byte[] b, int at) {
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += u16(b, at + i);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }
}
