package dev.trawl.cli.print;

/**
 * PPP frames of the PPP link types: without {@code -e} tcpdump prints nothing of the PPP header before a
 * protocol it knows, so this goes straight on to the payload; otherwise it prints {@code PPP, length N}. Not
 * thread-safe.
 */
final class PppPrinter implements LayerPrinter {
    @Override
    public void print(PrintContext c, int layer) {
        if (c.linkHeader() || !c.next(layer)) {
            c.out().ascii("PPP, length ").num(c.wireLength(layer));
        }
    }
}
