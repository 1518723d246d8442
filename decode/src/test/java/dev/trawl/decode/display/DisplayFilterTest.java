package dev.trawl.decode.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.PacketDecoder;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** {@link DisplayFilter} on packets built here: the rules tshark's agreement test cannot isolate. */
class DisplayFilterTest {
    /** An Ethernet / IPv4 (TTL 64) / UDP 1234 to 53 frame with 4 bytes of payload. */
    private static DecodedPacket udp() {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 8 + 4);
        b.put(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        b.put(new byte[] {2, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 32).putShort((short) 1).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0).putInt(0x0a000001).putInt(0x0a000002);
        b.putShort((short) 1234).putShort((short) 53).putShort((short) 12).putShort((short) 0);
        b.put("ABCD".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return new PacketDecoder().decode(1, b.array(), 0, b.capacity());
    }

    private static boolean matches(String filter) {
        return DisplayFilter.compile(filter).test(udp());
    }

    @Test
    void aComparisonOnAnAbsentFieldIsFalseWhateverTheOperator() {
        assertFalse(matches("tcp.port != 80"));
        assertFalse(matches("tcp.port == 80"));
        assertTrue(matches("not tcp.port == 80"));
        assertTrue(matches("ip.ttl != 63"));
    }

    @Test
    void literalsTakeTheTypeOfTheFieldTheyAreComparedWith() {
        assertTrue(matches("ip.ttl == 0100")); // octal
        assertTrue(matches("ip.ttl == 0x40"));
        assertTrue(matches("eth.dst == ffff.ffff.ffff"));
        assertTrue(matches("ip.src == 10.0.0.0/8"));
        assertTrue(matches("udp contains \"ABC\""));
        assertTrue(matches("udp.port in {53, 80..90}"));
        assertTrue(matches("eth.dst[0] & 1"));
        assertTrue(matches("ip.addr#1 == 10.0.0.2"));
    }

    @Test
    void refusalsNameWhatIsWrongWithACaret() {
        DisplayFilterException e = assertThrows(DisplayFilterException.class, () -> DisplayFilter.compile("udp.port == 70000"));
        assertEquals("\"70000\" too big for this field, maximum 65535.", e.description());
        assertEquals(12, e.start());
        assertTrue(e.getMessage().endsWith("\n    udp.port == 70000\n                ^~~~~"), e.getMessage());
        assertThrows(DisplayFilterException.class, () -> DisplayFilter.compile("tcp.port == \"eighty\""));
        assertThrows(DisplayFilterException.class, () -> DisplayFilter.compile("ip.ttl contains 64"));
        assertThrows(DisplayFilterException.class, () -> DisplayFilter.compile("eth.dst == ff:ff:ff:ff:ff"));
    }

    @Test
    void deepNestingIsRefusedWithTheLimitNotAStackOverflow() {
        String deep = "(".repeat(20_000) + "ip" + ")".repeat(20_000);
        DisplayFilterException e = assertThrows(DisplayFilterException.class, () -> DisplayFilter.compile(deep));
        assertTrue(e.description().contains("nested too deeply (more than " + Parser.MAX_DEPTH), e.description());
        String negations = "not ".repeat(20_000) + "ip";
        assertThrows(DisplayFilterException.class, () -> DisplayFilter.compile(negations));
        String within = "(".repeat(Parser.MAX_DEPTH - 1) + "ip" + ")".repeat(Parser.MAX_DEPTH - 1);
        assertTrue(DisplayFilter.compile(within).test(udp()));
    }

    @Test
    void aFieldOnlyWiresharkKnowsIsAcceptedAndAbsent() {
        assertFalse(matches("sip.Method == \"INVITE\""));
        assertTrue(matches("!sip"));
        assertThrows(DisplayFilterException.class, () -> DisplayFilter.compile("nosuch.field"));
    }
}
