package dev.trawl.pcap;

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
}
