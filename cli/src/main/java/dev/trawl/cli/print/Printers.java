package dev.trawl.cli.print;

/**
 * The shared state of one {@link PacketPrinter}: the output, the packet bytes, the options, and the
 * protocol printers, which call each other through it (IP inside VXLAN inside IP, DNS inside TCP).
 * Not thread-safe.
 */
final class Printers {
    final Out out;
    final Bytes b;
    final PrintOptions opt;
    final Names names;
    LinkPrinter link;
    final IpPrinter ip;
    final TransportPrinter transport;
    final TcpPrinter tcp;
    final DnsPrinter dns;

    Printers(Out out, Bytes bytes, PrintOptions options) {
        this.out = out;
        this.b = bytes;
        this.opt = options;
        this.names = new Names(options.numeric() == 0);
        this.ip = new IpPrinter(this);
        this.transport = new TransportPrinter(this);
        this.tcp = new TcpPrinter(this);
        this.dns = new DnsPrinter(this);
    }

    /** Writes tcpdump's truncation marker for a protocol, {@code  [|tcp]}. */
    void truncated(String protocol) {
        out.ascii(" [|").ascii(protocol).ch(']');
    }
}
