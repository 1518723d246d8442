package dev.trawl.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinkTypeTest {
    @Test
    void valueOfReturnsConstantsForKnownValues() {
        assertSame(LinkType.ETHERNET, LinkType.valueOf(1));
        assertSame(LinkType.LINUX_SLL2, LinkType.valueOf(276));
    }

    @Test
    void valueOfKeepsUnknownValues() {
        LinkType odd = LinkType.valueOf(60_000);
        assertEquals(60_000, odd.value());
        assertEquals("LINKTYPE_60000", odd.name());
        assertFalse(odd.isKnown());
        assertEquals(odd, LinkType.valueOf(60_000));
    }

    @Test
    void dltValuesThatDifferMapBothWays() {
        assertSame(LinkType.RAW, LinkType.fromDlt(12));
        assertEquals(12, LinkType.RAW.toDlt());
        assertSame(LinkType.ATM_RFC1483, LinkType.fromDlt(11));
        assertSame(LinkType.ETHERNET, LinkType.fromDlt(1));
        assertEquals(1, LinkType.ETHERNET.toDlt());
    }

    @Test
    void forNameAcceptsLibpcapNames() {
        assertSame(LinkType.ETHERNET, LinkType.forName("EN10MB"));
        assertSame(LinkType.LINUX_SLL, LinkType.forName("dlt_linux_sll"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LinkType.forName("nope"))
                .getMessage().contains("nope"));
    }
}
