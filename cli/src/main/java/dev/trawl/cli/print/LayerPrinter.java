package dev.trawl.cli.print;

/**
 * Prints one decoded layer of a packet as tcpdump does, and usually hands on to the layer above it. The text
 * printer decodes each packet once with trawl-decode's {@code PacketDecoder} and walks the result's layer
 * table: it calls the printer registered for the first layer's protocol id ({@link LayerPrinters}), and each
 * printer decides whether and how the rest of the packet is printed. A printer formats; it never reads packet
 * bytes itself but through decode's flyweights and layer table (what a printer needs and decode lacks is added
 * to decode).
 *
 * <h2>Contract</h2>
 * <ul>
 * <li><b>Where things are.</b> {@code layer} indexes {@link PrintContext#packet()}'s layer table; its protocol
 *     id is {@code c.packet().protocol(layer)}. A flyweight for the layer comes from the packet
 *     ({@code c.packet().ipv4(layer)}) or from a view the printer keeps, wrapped with
 *     {@code view.wrap(c.packet().buffer(), c.packet().offset(layer), c.packet().layerLength(layer))}.</li>
 * <li><b>Enclosing layers.</b> The layers below are at smaller indexes: {@link PrintContext#enclosing(int, int)}
 *     finds the nearest one of a protocol (the IP header of a TCP segment), {@link PrintContext#below(int)} the
 *     one just below, skipping pseudo-layers.</li>
 * <li><b>Lengths.</b> Captured bytes end at {@code c.packet().layerEnd(layer)}; the length on the wire from
 *     the layer's start is {@link PrintContext#wireLength(int)} (what tcpdump calls {@code length}).</li>
 * <li><b>Continuing.</b> {@link PrintContext#next(int) c.next(layer)} prints the layer after {@code layer}
 *     (pseudo-layers such as {@code ethertype} are stepped over) with its own printer and returns true; it
 *     returns false and prints nothing when there is no further layer or none with a printer, so that the
 *     caller prints its own summary ({@code UDP, length 12}). A printer that does not call it ends the line's
 *     protocol text (tcpdump does not go further either, as in a quoted header inside an ICMP error).</li>
 * <li><b>Truncation.</b> When the captured bytes end inside what a printer needs, it prints what tcpdump
 *     prints before that point, then {@link PrintContext#truncated(String) c.truncated("tcp")}, which writes
 *     tcpdump's {@code " [|tcp]"}, and returns. {@link PrintContext#isTruncated(int)} reads decode's
 *     {@code LayerFlags.TRUNCATED}.</li>
 * <li><b>Options.</b> {@link PrintContext#verbose()} ({@code -v} count), {@link PrintContext#linkHeader()}
 *     ({@code -e}),
 *     {@link PrintContext#quiet()} ({@code -q}), {@link PrintContext#options()} for the rest ({@code -S},
 *     {@code -x}); the hex dump of {@code -x}/{@code -X} is printed by {@link PacketPrinter}, after the
 *     printers, from {@link PrintContext#linkHeaderEnd(int)}.</li>
 * <li><b>Output.</b> Text goes to {@link PrintContext#out()} without a trailing newline (the packet printer
 *     ends the line); a printer that needs more lines (tcpdump's {@code -v} second line) writes {@code "\n"}
 *     and the indentation itself. Addresses and names print through {@link PrintContext}'s helpers.</li>
 * <li><b>State.</b> A printer instance belongs to one packet printer and may keep state across packets (TCP's
 *     sequence number bases), bounded: each printer says its bound.</li>
 * </ul>
 *
 * <p>Adding a protocol is one class implementing this interface and one line in {@link LayerPrinters#standard()}.
 *
 * <p>Implementations are not thread-safe; the printer that owns them is used by one thread.
 */
@FunctionalInterface
interface LayerPrinter {
    /**
     * Prints layer {@code layer} of {@code c.packet()}, and what follows it as far as tcpdump would.
     *
     * @param c the packet and where its text goes
     * @param layer the index of the layer to print, whose protocol is the one this printer is registered for
     */
    void print(PrintContext c, int layer);
}
