package dev.trawl.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PcapTest {
    @Test
    void unknownBackendNameFailsWithTheInstalledList() {
        BackendUnavailableException e =
                assertThrows(BackendUnavailableException.class, () -> Pcap.backend("no-such-backend"));
        assertTrue(e.getMessage().contains("no-such-backend"), e.getMessage());
    }

    @Test
    void backendsAreSortedByPriorityAndUnique() {
        var all = Pcap.backends();
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).priority() > all.get(i - 1).priority(), all.toString());
        }
        assertTrue(all.stream().map(BackendInfo::name).distinct().count() == all.size(), all.toString());
    }

    @Test
    void providerThatFailsToLoadIsNamedByItsClass() {
        assertEquals("dev.trawl.pcap.panama.PanamaPcapProvider", Pcap.providerNameOf(new UnsupportedClassVersionError(
                "dev/trawl/pcap/panama/PanamaPcapProvider has been compiled by a more recent version of the Java Runtime")));
        assertEquals("x.y.Z", Pcap.providerNameOf(new java.util.ServiceConfigurationError(
                "dev.trawl.pcap.spi.PcapProvider: Provider x.y.Z could not be instantiated")));
    }

    @Test
    void explainNamesTheFixForCommonLoadingFailures() {
        assertTrue(Pcap.explain(new UnsupportedClassVersionError("x")).contains("newer Java"));
        assertTrue(Pcap.explain(new UnsatisfiedLinkError("libpcap.so")).contains("libpcap"));
    }
}
