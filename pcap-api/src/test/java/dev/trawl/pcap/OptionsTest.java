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
                .timestampType(TimestampType.ADAPTER).direction(Direction.IN).build();
        assertEquals(options, options.toBuilder().build());
    }
}
