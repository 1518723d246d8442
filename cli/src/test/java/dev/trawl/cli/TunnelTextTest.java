package dev.trawl.cli;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text of tunnel and vendor encapsulations against tcpdump's, on packets built here: Arista's timestamp header
 * of every hardware version (R3's payload, which decode leaves undecoded as Wireshark does), of an unknown subtype
 * or format, and with nanoseconds past a second; FRF.16 fragments carrying IS-IS after a control byte other than
 * UI; LWAPP control messages; CDP address lists. Each file is printed by tcpdump and by trawl with the same flags,
 * and the lines must be equal.
 */
class TunnelTextTest extends TcpdumpComparison {
    private static final String ETHERNET = "000000000001001122334455";
    private static final int LINKTYPE_ETHERNET = 1;
    private static final int LINKTYPE_MFR = 182;
    private static final String IP_UDP = "4500001c00010000401100000a0000010a000002" + "0400003500080000";

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-ne", "-nq", "-nx", "-neq"})
    void aristaTimestampHeadersPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String arista = ETHERNET + "d28b" + "0001";
        assertSame(flags, capture("arista", LINKTYPE_ETHERNET,
                arista + "00" + "10" + "5ceeed57384f59c8" + "0800" + IP_UDP,
                arista + "00" + "11" + "5ceeed5819c38c2c" + "8100" + "0064" + "0800" + IP_UDP,
                arista + "01" + "11" + "5ceeed5819c38c2c" + "0800" + IP_UDP,
                arista + "01" + "21" + "ed95" + "ffffffff" + "0800" + IP_UDP,
                arista + "00" + "10" + "5ceeed57" + "ffffffff" + "0800" + IP_UDP,
                arista + "00" + "31" + "0000000000000000" + "0800" + IP_UDP,
                ETHERNET + "d28b" + "0002" + "0010" + "0000000000000000",
                arista + "00" + "10" + "5cee"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv", "-ne", "-nx"})
    void frf16FragmentsPrintTheirPayloadPastAControlByteOtherThanUi(String flags) throws Exception {
        // a P2P hello: fixed header of 20 bytes, then two inter-domain information TLVs
        String isis = "83" + "14" + "01" + "00" + "11" + "01" + "0000" + "01" + "192168001001" + "001e" + "0023" + "01"
                + "83" + "03" + "02fde8" + "83" + "03" + "05abcd";
        assertSame(flags, capture("mfr", LINKTYPE_MFR,
                "c001" + "1841" + "e8" + isis,
                "8002" + "1841" + "e8" + isis.substring(0, 40),
                "4003" + "0102030405"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv"})
    void lwappControlMessagesPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String messages = "0c01" + "0004" + "11223344" + "01020304" + "de02" + "0000" + "00000000" + "00000000";
        String lwapp = "000b8524e890" + "04" + "00" + "0018" + "0000" + messages;
        String truncated = "000b8524e890" + "04" + "00" + "0018" + "0000" + "0c01";
        assertSame(flags, capture("lwapp", LINKTYPE_ETHERNET,
                ETHERNET + "0800" + udp(20105, 12223, lwapp),
                ETHERNET + "0800" + udp(20105, 12223, truncated)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv"})
    void cdpAddressListsPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String two = "00000002" + "0101cc" + "0004" + "0a000001" + "0208aaaa0300000086dd" + "0010"
                + "20010db8000000000000000000000001";
        String other = "00000001" + "0102aabb" + "0002" + "0102" + "ffff";
        String cdp = "02" + "b4" + "0000" + "0001" + "0007" + "535731" + tlv("0002", two) + tlv("0002", "00000000")
                + tlv("0016", other) + tlv("0002", "00000003" + "0101");
        String llc = "aaaa03" + "00000c" + "2000" + cdp;
        assertSame(flags, capture("cdp", LINKTYPE_ETHERNET,
                "01000ccccccc" + "001122334455" + String.format("%04x", llc.length() / 2) + llc));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv"})
    void cfmLoopbackAndUnknownMessagesPrintTheirTlvs(String flags) throws Exception {
        String tlvs = "02000102" + "04000101" + "1f000500000c01aa" + "030002abcd" + "00";
        assertSame(flags, capture("cfm", LINKTYPE_ETHERNET,
                ETHERNET + "8902" + "00030004" + "00000001" + tlvs,
                ETHERNET + "8902" + "00cc0008" + "0000000100000002" + "0200" + "02",
                ETHERNET + "8902" + "00020040" + "00000001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv"})
    void rpkiRtrPdusPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String pdus = "00001234" + "0000000c" + "00000005" + "00031234" + "00000008"
                + "00040000" + "00000014" + "01182000" + "0a000000" + "0000fde8"
                + "000a0002" + "0000001a" + "00000008" + "0002000000000008" + "00000002" + "6869"
                + "01000000";
        String bad = "00070000" + "00000010" + "00000000";
        assertSame(flags, capture("rpki", LINKTYPE_ETHERNET,
                ETHERNET + "0800" + tcp(323, 50000, pdus), ETHERNET + "0800" + tcp(323, 50000, bad),
                ETHERNET + "0800" + tcp(50000, 323, "0002000000000008")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv"})
    void radiusErrorCausesAndFeatureVectorsPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String attributes = "6506000000c9" + "6506000000d1" + "7c0a0000070000000001" + "6505000000" + "7c060000ffff";
        String radius = "2801" + String.format("%04x", 20 + attributes.length() / 2) + "00".repeat(16) + attributes;
        assertSame(flags, capture("radius", LINKTYPE_ETHERNET, ETHERNET + "0800" + udp(1700, 3799, radius)));
    }

    private static String tcp(int source, int destination, String payload) {
        int n = payload.length() / 2;
        return "4500" + String.format("%04x", 40 + n) + "00010000400600000a0000010a000002"
                + String.format("%04x%04x", source, destination) + "00000001" + "00000000" + "5018ffff" + "00000000"
                + payload;
    }

    private static String tlv(String type, String value) {
        return type + String.format("%04x", value.length() / 2 + 4) + value;
    }

    private static String udp(int source, int destination, String payload) {
        int n = payload.length() / 2;
        return "4500" + String.format("%04x", 28 + n) + "00010000401100000a0000010a000002"
                + String.format("%04x%04x%04x", source, destination, 8 + n) + "0000" + payload;
    }

    private void assertSame(String flags, Path... files) throws Exception {
        LinkLayerTextTest.assertPrintedAsTcpdump(flags, List.of(files));
    }

    private Path capture(String name, int linkType, String... packets) throws Exception {
        return LinkLayerTextTest.capture(dir, name, linkType, packets);
    }
}
