package dev.trawl.cli.print;

/**
 * Link headers of which tcpdump prints nothing without {@code -e} before a protocol it knows: PPP, and the
 * capture headers of Solaris (ipnet) and netfilter (NFLOG). This goes straight on to the payload; otherwise
 * (with {@code -e}, or a payload with no printer) it prints {@code NAME, length N}. Not thread-safe.
 */
final class CaptureHeaderPrinter implements LayerPrinter {
    private final String name;

    CaptureHeaderPrinter(String name) {
        this.name = name;
    }

    @Override
    public void print(PrintContext c, int layer) {
        if (c.linkHeader() || !c.next(layer)) {
            c.out().ascii(name).ascii(", length ").num(c.wireLength(layer));
        }
    }
}
