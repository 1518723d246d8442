package dev.trawl.cli.print;

/**
 * LINKTYPE_RAW: the IP header follows directly; {@code -e} prefixes {@code ip: }, and a packet of neither version
 * prints as {@code unknown ip 3}. Not thread-safe.
 */
final class RawIpPrinter implements LayerPrinter {
    @Override
    public void print(PrintContext c, int layer) {
        if (c.linkHeader()) {
            c.out().ascii("ip: ");
        }
        if (!c.next(layer)) {
            if (c.capturedLength(layer) == 0) {
                c.truncated("raw");
            } else {
                c.out().ascii("unknown ip ").num(versionOf(c, layer));
            }
        }
    }

    private static int versionOf(PrintContext c, int layer) {
        return c.packet().ipv4(layer).version();
    }
}
