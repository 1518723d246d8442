package dev.trawl.cli;

import dev.trawl.cli.print.Out;
import dev.trawl.pcap.Handle;

/** tshark's output modes; filled in over trawl-decode's field registry. */
final class FieldOutput {
    private FieldOutput() {
    }

    static PacketSink open(Trawl t, Handle handle, Out out, boolean flushEach) throws CliException {
        throw new CliException("-T " + t.outputFormat + " is not available in this build");
    }

    static PacketSink displayFiltered(Trawl t, Handle handle, PacketSink inner) throws CliException {
        throw new CliException("-Y is not available in this build");
    }
}
