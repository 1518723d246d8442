package dev.trawl.decode.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.Protocols;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldRegistryTest {
    private final FieldRegistry registry = FieldRegistry.standard();

    @Test
    void knowsEveryFieldOfTheExpectedFiles() {
        for (String name : List.of("frame.number", "frame.time_epoch", "frame.len", "frame.cap_len",
                "frame.protocols", "eth.src", "eth.dst", "eth.type", "vlan.id", "ip.src", "ip.dst", "ip.proto",
                "ip.ttl", "ip.len", "ip.flags.mf", "ip.frag_offset", "ipv6.src", "ipv6.dst", "ipv6.nxt",
                "tcp.srcport", "tcp.dstport", "tcp.flags", "tcp.seq_raw", "tcp.ack_raw", "tcp.len", "udp.srcport",
                "udp.dstport", "udp.length", "icmp.type", "icmp.code", "icmpv6.type", "icmpv6.code", "dns.id",
                "dns.qry.name")) {
            assertNotNull(registry.field(name), name);
        }
        assertTrue(registry.fields().size() > 150, "many more fields than the expected 34");
    }

    @Test
    void rejectsAnUnknownFieldByName() {
        assertNull(registry.field("nope.nothing"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.require("x.y"));
        assertTrue(e.getMessage().contains("x.y"));
    }

    @Test
    void groupsFieldsByProtocol() {
        List<Field> tcp = registry.fieldsOf(Protocols.TCP);
        assertTrue(tcp.stream().anyMatch(f -> f.name().equals("tcp.srcport")));
        assertTrue(tcp.stream().allMatch(f -> f.name().startsWith("tcp.")));
        assertTrue(registry.fieldsOf(-1).stream().allMatch(Field::isFrameField));
        assertTrue(registry.field("dns.qry.name").carriedBy(Protocols.MDNS), "dns fields are read from mdns too");
    }

    @Test
    void printsIntegersAsTsharkDoes() {
        assertEquals("0x0018", Formats.appendInteger(new StringBuilder(), FieldType.HEX16, 0x18).toString());
        assertEquals("0x02", Formats.appendInteger(new StringBuilder(), FieldType.HEX8, 2).toString());
        assertEquals("1", Formats.appendInteger(new StringBuilder(), FieldType.BOOLEAN, 0x20).toString());
        assertEquals("4294967295", Formats.appendInteger(new StringBuilder(), FieldType.UINT, 0xFFFFFFFFL).toString());
        assertEquals("12.000000345", Formats.appendInteger(new StringBuilder(), FieldType.EPOCH_NANOS,
                12_000_000_345L).toString());
    }

    private static String ipv6(String hex) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return Formats.appendIpv6(new StringBuilder(), ByteBuffer.wrap(b), 0).toString();
    }

    @Test
    void printsIpv6AddressesInRfc5952Form() {
        assertEquals("::", ipv6("00000000000000000000000000000000"));
        assertEquals("::1", ipv6("00000000000000000000000000000001"));
        assertEquals("fe80::1", ipv6("fe800000000000000000000000000001"));
        assertEquals("2001:db8::1:0:0:1", ipv6("20010db8000000000001000000000001"));
        assertEquals("2001:db8:0:1:1:1:1:1", ipv6("20010db8000000010001000100010001"));
        assertEquals("::ffff:10.0.0.1", ipv6("00000000000000000000ffff0a000001"));
        assertEquals("ff02::", ipv6("ff020000000000000000000000000000"));
    }

    @Test
    void printsMacAndIpv4() {
        assertEquals("00:1b:11:10:26:11", Formats.appendMac(new StringBuilder(), 0x001B11102611L).toString());
        assertEquals("192.168.1.255", Formats.appendIpv4(new StringBuilder(), 0xC0A801FF).toString());
    }
}
