package dev.trawl.filter;

import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.InvalidFilterException;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.spi.FilterCompiler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcapFilterCompilerTest {
    @Test
    void serviceLoaderFindsTheCompiler() throws Exception {
        FilterCompiler compiler = FilterCompiler.installed().orElseThrow();
        assertInstanceOf(PcapFilterCompiler.class, compiler);
        assertEquals(4, compiler.compile(FilterSpec.of("ip", LinkType.ETHERNET)).length());
    }

    @Test
    void invalidExpressionsRaiseInvalidFilterExceptionWithACaret() {
        InvalidFilterException e = assertThrows(InvalidFilterException.class, () -> new PcapFilterCompiler()
                .compile(FilterSpec.of("udp port http", LinkType.ETHERNET)));
        assertEquals("port 'http' is tcp", e.description());
        assertTrue(e.getMessage().contains("^"));
    }

    @Test
    void snaplenBecomesTheAcceptedLength() throws Exception {
        var program = new PcapFilterCompiler().compile(FilterSpec.of("", LinkType.ETHERNET).withSnaplen(96));
        assertEquals("(000) ret      #96\n", BpfPrinter.format(program, BpfPrinter.Style.ASSEMBLY));
    }
}
