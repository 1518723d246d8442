package dev.trawl.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InvalidFilterExceptionTest {
    @Test
    void invalidFilterMessageHasACaretUnderTheColumn() {
        InvalidFilterException e = new InvalidFilterException("port number out of range", "tcp port 99999", 9);
        assertEquals("port number out of range\ntcp port 99999\n         ^", e.getMessage());
        assertEquals(9, e.column());
    }
}
