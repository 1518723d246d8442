package dev.trawl.cli.print;

/**
 * Thrown by {@link Bytes} when a printer reads past the captured bytes. It is a shared instance without a
 * stack trace, so a truncated packet costs no allocation; the printer that catches it writes tcpdump's
 * {@code [|proto]} marker.
 */
final class Truncated extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Truncated INSTANCE = new Truncated();

    private Truncated() {
        super("truncated", null, false, false);
    }
}
