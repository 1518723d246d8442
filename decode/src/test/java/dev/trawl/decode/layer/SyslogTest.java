package dev.trawl.decode.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SyslogTest {
    private static Syslog wrap(String text, int captured) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return new Syslog().wrap(ByteBuffer.wrap(b), 0, captured);
    }

    @Test
    void priorityGivesFacilityAndSeverity() {
        Syslog s = wrap("<165>Sep 12 message", 19);
        assertEquals(165, s.priority());
        assertEquals(20, s.facility());
        assertEquals(5, s.severity());
        assertEquals(5, s.messageOffset());
    }

    @Test
    void moreThanThreeDigitsOrNoBracketIsMalformed() {
        assertEquals(-1, wrap("<1234>x", 7).priority());
        assertEquals(-1, wrap("13>x", 4).priority());
        assertEquals(-1, wrap("<13x", 4).priority());
        assertFalse(wrap("<13x", 4).priorityCut());
    }

    @Test
    void priorityCutShortIsTruncatedNotMalformed() {
        Syslog s = wrap("<13>text", 3);
        assertEquals(-1, s.priority());
        assertTrue(s.priorityCut());
        assertTrue(wrap("", 0).priorityCut());
    }
}
