package dev.trawl.decode.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DnsTest {
    private static final String HEADER = "1234 0100 0001 0000 0000 0000";

    private static Dns message(String hex, boolean readOnly) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        return new Dns().wrap(readOnly ? buf.asReadOnlyBuffer() : buf, 0, bytes.length);
    }

    private static String name(String hex, boolean expectComplete) {
        String heap = null;
        for (boolean readOnly : new boolean[] {false, true}) {
            StringBuilder sb = new StringBuilder("x:");
            assertEquals(expectComplete, message(hex, readOnly).appendName(12, sb), hex);
            if (heap == null) {
                heap = sb.toString();
            } else {
                assertEquals(heap, sb.toString(), "a heap and a read-only buffer spell the same name");
            }
        }
        return heap;
    }

    @Test
    void appendNameSpellsPlainNames() {
        assertEquals("x:www.example.com", name(HEADER + "03777777 076578616d706c65 03636f6d 00", true));
        assertEquals("x:a", name(HEADER + "0161 00", true));
    }

    @Test
    void appendNameSpellsTheRootAndEscapes() {
        assertEquals("x:<Root>", name(HEADER + "00", true));
        assertEquals("x:a\\032b.c", name(HEADER + "03612062 0163 00", true));
    }

    @Test
    void appendNameFollowsPointers() {
        // "foo" then a pointer back to the name at 12 ("bar").
        String hex = HEADER + "03626172 00" + "03666f6f c00c";
        Dns d = message(hex, false);
        StringBuilder sb = new StringBuilder();
        assertTrue(d.appendName(17, sb));
        assertEquals("foo.bar", sb.toString());
    }

    @Test
    void appendNameKeepsWhatItReadOfABrokenName() {
        assertEquals("x:abc", name(HEADER + "03616263 05", false)); // a label cut short
        assertEquals("x:abc", name(HEADER + "03616263", false)); // no terminator
        assertEquals("x:abc", name(HEADER + "03616263 c0ff", false)); // a pointer outside the message
        String loop = HEADER + "0161 c00c";
        StringBuilder sb = new StringBuilder();
        assertFalse(message(loop, false).appendName(12, sb), "a pointer loop ends the name");
    }

    @Test
    void appendNameRejectsNamesLongerThan255Bytes() {
        String label = "3f" + "61".repeat(63);
        assertFalse(message(HEADER + label.repeat(4) + "00", false).appendName(12, new StringBuilder()));
        String fits = label.repeat(3) + "3d" + "61".repeat(61) + "00"; // 3 * 64 + 62 = 254 bytes
        StringBuilder sb = new StringBuilder();
        assertTrue(message(HEADER + fits, false).appendName(12, sb));
        assertEquals(63 * 3 + 61 + 3, sb.length());
    }
}
