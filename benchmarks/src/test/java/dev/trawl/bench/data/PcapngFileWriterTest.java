package dev.trawl.bench.data;

import dev.trawl.bench.run.NativeTools;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcapngFileWriterTest {
    @TempDir
    Path dir;

    @Test
    void eachDataSetHasAnIndexedPcapngTwin() throws IOException {
        List<DataSet> sets = DataSets.generate(dir, Scale.SMOKE);
        List<DataSet> twins = DataSets.loadPcapng(dir);
        assertEquals(sets.size(), twins.size());
        for (int i = 0; i < sets.size(); i++) {
            DataSet set = sets.get(i);
            DataSet twin = twins.get(i);
            assertEquals(set.name() + "-pcapng", twin.name());
            assertEquals(dir.resolve(set.name() + ".pcapng"), twin.file());
            assertEquals(List.of(set.packets(), set.bytes(), set.matched()),
                    List.of(twin.packets(), twin.bytes(), twin.matched()));
            assertEquals(null, twin.head());
        }
    }

    @Test
    void twinHoldsThePacketsAndTimestampsOfItsPcapFile() throws IOException {
        List<DataSet> sets = DataSets.generate(dir, Scale.SMOKE);
        List<DataSet> twins = DataSets.loadPcapng(dir);
        for (int i = 0; i < sets.size(); i++) {
            ByteBuffer pcap = ByteBuffer.wrap(Files.readAllBytes(sets.get(i).file())).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer ng = ByteBuffer.wrap(Files.readAllBytes(twins.get(i).file())).order(ByteOrder.LITTLE_ENDIAN);
            // Section Header Block: type, length, byte-order magic, version 1.0, unspecified section length
            assertEquals(List.of(0x0A0D0D0A, 28, 0x1A2B3C4D), List.of(ng.getInt(0), ng.getInt(4), ng.getInt(8)));
            assertEquals(List.of((short) 1, (short) 0, -1L, 28),
                    List.of(ng.getShort(12), ng.getShort(14), ng.getLong(16), ng.getInt(24)));
            // Interface Description Block: Ethernet, snaplen as in the pcap file, no options
            assertEquals(List.of(1, 20, 1, pcap.getInt(16), 20),
                    List.of(ng.getInt(28), ng.getInt(32), (int) ng.getShort(36), ng.getInt(40), ng.getInt(44)));
            int p = 24;
            int n = 48;
            long packets = 0;
            while (p < pcap.limit()) {
                long micros = pcap.getInt(p) * 1_000_000L + pcap.getInt(p + 4);
                int length = pcap.getInt(p + 8);
                int block = ng.getInt(n + 4);
                assertEquals(6, ng.getInt(n), "Enhanced Packet Block at " + n);
                assertEquals(0, block % 4, "blocks are 32-bit aligned");
                assertEquals(block, ng.getInt(n + block - 4), "trailing block length at " + n);
                assertEquals(0, ng.getInt(n + 8), "interface id");
                assertEquals(micros, ((long) ng.getInt(n + 12) << 32) | (ng.getInt(n + 16) & 0xffff_ffffL));
                assertEquals(List.of(length, length), List.of(ng.getInt(n + 20), ng.getInt(n + 24)));
                assertEquals(ng.slice(n + 28, length), pcap.slice(p + 16, length), "bytes of packet " + packets);
                for (int pad = n + 28 + length; pad < n + block - 4; pad++) {
                    assertEquals(0, ng.get(pad), "padding");
                }
                p += 16 + length;
                n += block;
                packets++;
            }
            assertEquals(ng.limit(), n, "nothing after the last block");
            assertEquals(sets.get(i).packets(), packets);
        }
    }

    /**
     * libpcap (through tcpdump) prints every packet of a twin, timestamps and bytes, exactly as it prints
     * the pcap file, and Wireshark's capinfos reads a pcapng file of the same packet count.
     */
    @Test
    @Tag("native")
    void libpcapAndWiresharkReadTheTwinAsThePcapFile() throws Exception {
        List<DataSet> sets = DataSets.generate(dir, Scale.SMOKE);
        List<DataSet> twins = DataSets.loadPcapng(dir);
        for (int i = 0; i < sets.size(); i++) {
            DataSet twin = twins.get(i);
            String pcap = tcpdump(sets.get(i).file());
            String pcapng = tcpdump(twin.file());
            assertEquals(twin.packets(), pcapng.lines().filter(l -> l.matches("\\d+\\.\\d{6} .*")).count(), twin.name());
            assertTrue(pcap.equals(pcapng), twin.name() + ": tcpdump prints the pcap and pcapng files differently");
            String info = NativeTools.run(List.of("capinfos", "-T", "-t", "-c", "-M", twin.file().toString()), 60);
            assertEquals(twin.file() + "\tpcapng\t" + twin.packets(), info.lines().toList().get(1), info);
        }
    }

    private static String tcpdump(Path file) throws IOException, InterruptedException {
        return NativeTools.run(List.of("tcpdump", "-r", file.toString(), "-nn", "-tt", "-xx"), 120);
    }
}
