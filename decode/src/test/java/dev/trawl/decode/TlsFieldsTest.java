package dev.trawl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compares the TLS fields with what the installed tshark prints for the corpus's TLS connections (TLS 1.2 and
 * 1.3 over loopback and veth), decoded as tshark decodes them: streams followed and records that span segments
 * put back together, so that each record shows its fields in the segment that completes it, and handshake
 * records sent after a change of cipher spec show no message type. Skipped when tshark is not installed.
 */
class TlsFieldsTest {
    static final List<String> FIELDS = List.of("tls.record", "tls.record.content_type", "tls.record.opaque_type",
            "tls.record.version",
            "tls.record.length", "tls.handshake", "tls.handshake.type", "tls.handshake.length",
            "tls.handshake.version", "tls.handshake.ciphersuite", "tls.handshake.extension.type",
            "tls.handshake.extensions_server_name");

    @Test
    void tlsFieldsAgreeWithTheInstalledTshark() throws Exception {
        assumeTrue(TsharkExtraFieldsTest.tsharkAvailable(), "tshark is not installed");
        assertEquals(List.of(), TsharkExtraFieldsTest.disagreements("TLS fields", List.of("local-netns-eth-veth.pcap"),
                FIELDS, () -> new PacketDecoder().reassembleFragments(true).followConversations(true)
                        .reassembleStreams(true)));
    }
}
