package dev.trawl.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void liveDefaultsAreTcpdumps() {
        LiveOptions defaults = LiveOptions.defaults();
        assertEquals(262_144, defaults.snaplen());
        assertTrue(defaults.promiscuous());
        assertEquals(Duration.ofSeconds(1), defaults.timeout());
        assertEquals(TimestampPrecision.MICRO, defaults.precision());
        assertEquals(Direction.INOUT, defaults.direction());
    }

    @Test
    void liveBuilderRejectsOutOfRangeValues() {
        assertThrows(IllegalArgumentException.class, () -> LiveOptions.builder().snaplen(0).build());
        assertThrows(IllegalArgumentException.class, () -> LiveOptions.builder().bufferSize(-1).build());
        assertThrows(IllegalArgumentException.class,
                () -> LiveOptions.builder().timeout(Duration.ofMillis(-5)).build());
    }

    @Test
    void toBuilderRoundTrips() {
        LiveOptions options = LiveOptions.builder().snaplen(96).immediate(true).precision(TimestampPrecision.NANO)
                .timestampType(TimestampType.ADAPTER).direction(Direction.IN)
                .fanout(new Fanout(7, Fanout.Mode.CPU, true)).build();
        assertEquals(options, options.toBuilder().build());
        assertEquals(null, LiveOptions.defaults().fanout(), "no fanout group by default");
    }

    @Test
    void fanoutParsesTheToolsSpelling() {
        assertEquals(Fanout.of(7, Fanout.Mode.HASH), Fanout.parse("7"));
        assertEquals(Fanout.of(7, Fanout.Mode.LOAD_BALANCE), Fanout.parse("7:lb"));
        assertEquals(Fanout.of(65535, Fanout.Mode.QUEUE_MAPPING), Fanout.parse("65535:QM"));
        assertEquals(new Fanout(3, Fanout.Mode.ROLLOVER, true), Fanout.parse("3:rollover:defrag"));
        assertEquals(Fanout.Mode.RANDOM, Fanout.parse("1:random").mode());
        assertEquals("3:rollover:defrag", Fanout.parse("3:rollover:defrag").toString());
        for (String bad : new String[] {"", ":lb", "x", "7:nope", "65536", "-1", "7:lb:x", "1:2:3:4"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fanout.parse(bad), bad);
            assertTrue(e.getMessage().contains("fanout"), e.getMessage());
        }
    }
}
