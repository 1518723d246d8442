package dev.trawl.filter;

import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.InvalidFilterException;
import dev.trawl.pcap.spi.FilterCompiler;

/** The {@link FilterCompiler} service: compiles with {@link Filter}. Stateless and thread-safe. */
public final class PcapFilterCompiler implements FilterCompiler {
    /** Creates the compiler; cheap. */
    public PcapFilterCompiler() {
    }

    @Override
    public BpfProgram compile(FilterSpec spec) throws InvalidFilterException {
        return Filter.compile(spec);
    }
}
