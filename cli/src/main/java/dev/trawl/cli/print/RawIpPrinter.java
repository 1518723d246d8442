package dev.trawl.cli.print;

/** LINKTYPE_RAW: the IP header follows directly; {@code -e} prefixes {@code ip: }. Not thread-safe. */
final class RawIpPrinter implements LayerPrinter {
    @Override
    public void print(PrintContext c, int layer) {
        if (c.linkHeader()) {
            c.out().ascii("ip: ");
        }
        if (!c.next(layer)) {
            c.out().ascii("IP").num(c.packet().layerLength(layer) > 0 ? versionOf(c, layer) : 0).ascii(", length ")
                    .num(c.wireLength(layer));
        }
    }

    private static int versionOf(PrintContext c, int layer) {
        return c.packet().ipv4(layer).version();
    }
}
