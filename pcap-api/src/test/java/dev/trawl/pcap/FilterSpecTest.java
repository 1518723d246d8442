package dev.trawl.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FilterSpecTest {
    @Test
    void ofGivesTcpdumpsDefaults() {
        FilterSpec spec = FilterSpec.of("tcp", LinkType.ETHERNET);
        assertEquals(new FilterSpec("tcp", LinkType.ETHERNET, 262_144, true, 0xffffffff), spec);
        assertEquals(LiveOptions.defaults().snaplen(), spec.snaplen());
        assertEquals(Handle.NETMASK_UNKNOWN, spec.netmask());
    }

    @Test
    void eachWitherChangesOneValue() {
        FilterSpec spec = FilterSpec.of("ip broadcast", LinkType.LINUX_SLL);
        FilterSpec changed = spec.withSnaplen(96).withOptimize(false).withNetmask(0xffffff00);
        assertEquals(new FilterSpec("ip broadcast", LinkType.LINUX_SLL, 96, false, 0xffffff00), changed);
        assertEquals(96, spec.withSnaplen(96).snaplen());
        assertTrue(spec.withSnaplen(96).optimize());
        assertFalse(spec.withOptimize(false).optimize());
        assertEquals(262_144, spec.withNetmask(0xffffff00).snaplen());
        assertEquals(FilterSpec.of("ip broadcast", LinkType.LINUX_SLL), spec, "the original is unchanged");
    }

    @Test
    void expressionAndLinkTypeAreRequired() {
        assertThrows(NullPointerException.class, () -> FilterSpec.of(null, LinkType.ETHERNET));
        assertThrows(NullPointerException.class, () -> FilterSpec.of("tcp", null));
    }
}
