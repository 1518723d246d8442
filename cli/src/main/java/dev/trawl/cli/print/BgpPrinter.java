package dev.trawl.cli.print;

/**
 * BGP as tcpdump prints it without {@code -v}: {@code : BGP} after the TCP segment's length. Stateless.
 */
final class BgpPrinter implements LayerPrinter {
    @Override
    public void print(PrintContext c, int layer) {
        c.out().ascii(": BGP");
    }
}
