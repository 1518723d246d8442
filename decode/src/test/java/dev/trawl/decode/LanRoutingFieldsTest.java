package dev.trawl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trawl.decode.field.FieldRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compares the fields of the bridge, discovery and router redundancy protocols (spanning tree, CDP, UDLD, the slow
 * protocols, VRRP) with what the installed tshark prints for the corpus captures that carry them: 802.1D, rapid
 * and per-VLAN spanning tree BPDUs, CDP, UDLD, LACP and OSSP, VRRP versions 2 and 3 over IPv4 and IPv6. Skipped when tshark is not installed.
 */
class LanRoutingFieldsTest {
    static final List<String> FIELDS = List.of("stp.protocol", "stp.version", "stp.type", "stp.flags",
            "stp.root.prio", "stp.root.ext", "stp.root.hw", "stp.root.cost", "stp.bridge.prio", "stp.bridge.ext",
            "stp.bridge.hw", "stp.port", "vrrp.version", "vrrp.type", "vrrp.virt_rtr_id", "vrrp.prio",
            "vrrp.addr_count", "vrrp.auth_type", "vrrp.adver_int", "vrrp.checksum", "vrrp.ip_addr",
            "vrrp.ipv6_addr", "cdp.version", "cdp.ttl", "cdp.checksum", "udld.version", "udld.opcode", "udld.flags",
            "udld.checksum", "slow.subtype");

    static final List<String> CAPTURES = List.of("802.1D_spanning_tree.pcap", "rpvstp-trunk-native-vid5.pcap",
            "vrrp.pcap", "LLDP_and_CDP.pcap", "UDLD.pcap", "LACP.pcap", "slow-ossp.pcap");

    @Test
    void fieldsAgreeWithTheInstalledTshark() throws Exception {
        assumeTrue(TsharkExtraFieldsTest.tsharkAvailable(), "tshark is not installed");
        assertEquals(List.of(), TsharkExtraFieldsTest.disagreements("bridge and VRRP fields", CAPTURES, FIELDS));
    }

    @Test
    void everyFieldIsRegistered() {
        FieldRegistry registry = FieldRegistry.standard();
        for (String f : FIELDS) {
            assertTrue(registry.field(f) != null, f);
        }
    }
}
