package dev.trawl.filter;

import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.InvalidFilterException;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.spi.FilterCompiler;

/** The {@link FilterCompiler} service: compiles with {@link Filter}. Stateless and thread-safe. */
public final class PcapFilterCompiler implements FilterCompiler {
    /** Creates the compiler; cheap. */
    public PcapFilterCompiler() {
    }

    @Override
    public BpfProgram compile(String expression, LinkType linkType, int snaplen, boolean optimize, int netmask)
            throws InvalidFilterException {
        return Filter.compile(expression, linkType, snaplen, optimize, netmask);
    }
}
