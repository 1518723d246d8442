package dev.trawl.decode.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PimTest {
    private static Pim wrap(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        return new Pim().wrap(ByteBuffer.wrap(b), 0, b.length);
    }

    @Test
    void headerFieldsOfAnRfc7761Message() {
        // a Join/Prune, version 2, checksum 0x5ae5, no address length
        Pim p = wrap("23005ae5");
        assertEquals(2, p.version());
        assertEquals(3, p.type());
        assertEquals(0, p.addressLength());
        assertEquals(0, p.subtype());
        assertEquals(0x5ae5, p.checksum());
    }

    @Test
    void secondByteHoldsSubtypeAndRfc2117AddressLength() {
        // a DF election backoff (subtype 3) stating 4-byte unicast addresses
        Pim p = wrap("2a34ffff");
        assertEquals(10, p.type());
        assertEquals(3, p.subtype());
        assertEquals(4, p.addressLength());
    }

    @Test
    void missingSecondByteReadsAsZero() {
        Pim p = wrap("25");
        assertEquals(5, p.type());
        assertEquals(0, p.addressLength());
        assertEquals(0, p.subtype());
    }
}
