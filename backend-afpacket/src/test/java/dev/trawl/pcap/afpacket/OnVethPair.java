package dev.trawl.pcap.afpacket;

import dev.trawl.pcap.tck.VethPair;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/**
 * A live test class with a network namespace and veth pair of its own ({@link VethPair}), made before its
 * tests and deleted after them; it needs root.
 */
@Tag("live")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnVethPair {
    VethPair pair;

    @BeforeAll
    void createPair() {
        VethPair.requirePrivilege();
        pair = VethPair.create();
    }

    @AfterAll
    void deletePair() {
        if (pair != null) {
            pair.close();
        }
    }
}
