package dev.trawl.cli;

import dev.trawl.cli.print.Out;
import dev.trawl.cli.print.PacketPrinter;
import dev.trawl.cli.print.PrintOptions;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.TimestampPrecision;

/** tcpdump-style lines on standard output. Not thread-safe. */
final class PrintSink implements PacketSink {
    private final Out out;
    private final PacketPrinter printer;
    private final boolean flushEach;
    private final LinkTypes linkTypes;

    PrintSink(Out out, LinkTypes linkTypes, TimestampPrecision precision, PrintOptions options, boolean flushEach) {
        this.out = out;
        this.linkTypes = linkTypes;
        this.printer = new PacketPrinter(out, LinkType.ETHERNET, precision, options);
        this.flushEach = flushEach;
    }

    @Override
    public boolean accept(Packet packet, long frameNumber) {
        printer.linkType(linkTypes.of(packet));
        printer.print(packet);
        if (flushEach) {
            out.flush();
        }
        return true;
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.close();
    }
}
