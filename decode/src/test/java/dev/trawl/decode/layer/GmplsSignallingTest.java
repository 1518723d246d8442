package dev.trawl.decode.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The RSVP and LMP views: their common headers' fields, and bounds at the end of the captured bytes. */
class GmplsSignallingTest {
    private static ByteBuffer bytes(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }

    @Test
    void rsvpHeaderFieldsAtTheMessageAndInABundle() {
        // a Bundle (12) of 24 bytes holding a Hello (20) with the refresh-reduction flag, TTL 254
        Rsvp r = new Rsvp().wrap(bytes("100c7d4dff0000181114abcdfe000010" + "000c16014a44672b"), 0, 24);
        assertEquals(1, r.version(0));
        assertEquals(0, r.flags(0));
        assertEquals(12, r.messageType(0));
        assertEquals(0x7d4d, r.checksum(0));
        assertEquals(255, r.sendTtl(0));
        assertEquals(24, r.messageLength(0));
        assertEquals(1, r.flags(8));
        assertEquals(20, r.messageType(8));
        assertEquals(254, r.sendTtl(8));
        assertEquals(16, r.messageLength(8));
        // the first object of the inner message: length 12, class Hello (22), C-Type 1
        assertEquals(12, r.shortAt(16));
        assertEquals(22, r.byteAt(18));
    }

    @Test
    void rsvpFieldsPastTheCaptureReadAsZero() {
        Rsvp r = new Rsvp().wrap(bytes("1001abcd40000030"), 0, 5);
        assertEquals(1, r.messageType(0));
        assertTrue(r.has(0, 5));
        assertFalse(r.has(0, Rsvp.HEADER_LENGTH));
        assertEquals(0, r.messageLength(0));
    }

    @Test
    void lmpHeaderFields() {
        // version 1, flags control channel down, Config (1), length 16
        Lmp l = new Lmp().wrap(bytes("1000010100100000" + "0101000800000005"), 0, 16);
        assertEquals(1, l.version());
        assertEquals(1, l.flags());
        assertEquals(1, l.messageType());
        assertEquals(16, l.messageLength());
        assertEquals(8, l.shortAt(Lmp.HEADER_LENGTH + 2));
        assertEquals(0, new Lmp().wrap(bytes("10000101"), 0, 4).messageLength());
    }
}
