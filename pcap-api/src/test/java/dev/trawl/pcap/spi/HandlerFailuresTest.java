package dev.trawl.pcap.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trawl.pcap.PcapException;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class HandlerFailuresTest {
    @Test
    void uncheckedFailuresAreRethrownAsThemselves() {
        IllegalArgumentException unchecked = new IllegalArgumentException("bad packet");
        assertSame(unchecked, assertThrows(IllegalArgumentException.class, () -> HandlerFailures.rethrow(unchecked)));
        OutOfMemoryError error = new OutOfMemoryError("full");
        assertSame(error, assertThrows(OutOfMemoryError.class, () -> HandlerFailures.rethrow(error)));
    }

    @Test
    void checkedFailuresBecomeAPcapException() {
        PcapException pcap = new PcapException("disk full");
        assertSame(pcap, HandlerFailures.rethrow(pcap));
        IOException io = new IOException("broken pipe");
        PcapException wrapped = HandlerFailures.rethrow(io);
        assertSame(io, wrapped.getCause());
        assertEquals("packet handler failed: broken pipe", wrapped.getMessage());
        Exception other = new Exception("odd");
        assertSame(other, HandlerFailures.rethrow(other).getCause());
    }
}
