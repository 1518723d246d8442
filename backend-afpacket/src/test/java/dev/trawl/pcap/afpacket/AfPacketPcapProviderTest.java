package dev.trawl.pcap.afpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendInfo;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.ReadStatus;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** How the provider ranks: first for live capture, after every other provider for files. */
class AfPacketPcapProviderTest {
    @Test
    void itOutranksPanamaForLiveCaptureAndLeavesFilesToTheOthers() throws Exception {
        BackendInfo first = Pcap.backends().get(0);
        assertEquals("afpacket", first.name(), Pcap.backends().toString());
        assertEquals(AfPacketPcapProvider.PRIORITY, first.priority());
        assertEquals("afpacket", Pcap.backendFor(Capability.LIVE_CAPTURE).name());
        assertEquals("afpacket", Pcap.backendFor(Capability.FANOUT).name());
        assertEquals("afpacket", Pcap.backendFor(Capability.DEVICE_LIST).name());
        assertEquals("panama", Pcap.backendFor(Capability.OFFLINE_FILE).name(), "libpcap reads files first");
        assertEquals("panama", Pcap.backendFor(Capability.FILTER).name(), "and compiles filters");
        assertEquals("java", Pcap.backendFor(Capability.DUMP_PCAPNG).name(), "the java codec writes pcapng");
    }

    @Test
    void filesOpenedThroughItAreTheJavaCodecsUnderItsName() throws Exception {
        Backend afpacket = Pcap.backend("afpacket");
        Path sample = Path.of(System.getProperty("trawl.corpus"), "captures", "802.1ad_QinQ.pcap");
        try (OfflineHandle h = afpacket.openOffline(sample)) {
            assertEquals("afpacket", h.backendName());
            assertEquals(ReadStatus.PACKET, h.next());
            assertTrue(h.unwrap(dev.trawl.pcap.file.CaptureInfo.class) != null, "the codec's objects are reachable");
        }
        assertTrue(afpacket.capabilities().containsAll(Pcap.backend("java").capabilities()));
    }
}
