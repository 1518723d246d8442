package dev.trawl.pcap;

import java.nio.file.Path;

/**
 * An open capture: a live device or a capture file. Read packets one at a time with {@link #next()}, in
 * batches with {@link #dispatch}, or until the end with {@link #loop}.
 *
 * <p><b>Thread safety.</b> A handle is used by one reading thread at a time. {@link #breakLoop()} and
 * {@link #close()} may be called from any thread: {@code breakLoop} wakes a blocked reader, and {@code close}
 * breaks a running loop first, then releases the handle. {@code close} is idempotent. Any other call on a
 * closed handle throws {@link IllegalStateException}.
 *
 * <p><b>Buffers.</b> The {@link Packet} views a handle returns are reused and valid only until the next
 * read or until close; see {@link Packet}.
 */
public interface Handle extends AutoCloseable {
    /** {@link #dispatch} result: an offline handle is at the end of its file and delivered nothing. */
    int DISPATCH_END_OF_FILE = -1;
    /** {@link #dispatch} result: {@link #breakLoop()} stopped it before it delivered anything. */
    int DISPATCH_INTERRUPTED = -2;
    /** The netmask to pass when it is not known ({@code PCAP_NETMASK_UNKNOWN}). */
    int NETMASK_UNKNOWN = 0xffffffff;

    /** The name of the backend that opened this handle. */
    String backendName();

    /** The link-layer header type of the packets. */
    LinkType linkType();

    /** The snapshot length: no packet has more captured bytes than this. */
    int snaplen();

    /** The resolution of the timestamps this handle delivers. */
    TimestampPrecision timestampPrecision();

    /**
     * Reads the next packet.
     *
     * @return {@link ReadStatus#PACKET} when a packet was read ({@link #packet()} returns it), or why not
     * @throws PcapException if the read fails; for a malformed file, a {@link MalformedCaptureException}
     */
    ReadStatus next() throws PcapException;

    /**
     * The packet read by the last {@link #next()} that returned {@link ReadStatus#PACKET}.
     *
     * @throws IllegalStateException if there is none
     */
    Packet packet();

    /**
     * Delivers the packets that are available, at most {@code maxPackets} of them, as {@code pcap_dispatch}
     * does: on a live handle, the packets of one buffer, waiting for at most the timeout; on an offline one,
     * the next {@code maxPackets} packets.
     *
     * @param maxPackets the most to deliver; zero or negative means no limit (one buffer, or the whole file)
     * @return the number delivered (0 when a live timeout expired with none), or {@link #DISPATCH_END_OF_FILE}
     *     or {@link #DISPATCH_INTERRUPTED}
     */
    int dispatch(int maxPackets, PacketHandler handler) throws PcapException;

    /**
     * Delivers packets until {@code count} have been delivered, the end of the file, or {@link #breakLoop()}.
     * Live timeouts do not end the loop.
     *
     * @param count how many to deliver; zero or negative means no limit
     * @return the number delivered
     */
    long loop(long count, PacketHandler handler) throws PcapException;

    /**
     * Asks a running {@link #loop}, {@link #dispatch} or blocked {@link #next()} to return as soon as it
     * can. Safe to call from any thread; a call while nothing runs makes the next read return early once.
     */
    void breakLoop();

    /**
     * Compiles a filter for this handle's link type and snaplen.
     *
     * @param optimize whether to run the optimizer
     * @param netmask the IPv4 netmask of the capture network, for {@code broadcast}; or {@link #NETMASK_UNKNOWN}
     * @throws InvalidFilterException if the expression does not compile
     */
    BpfProgram compileFilter(String expression, boolean optimize, int netmask) throws PcapException;

    /**
     * Compiles and sets a filter, optimized, with the device's netmask for a live handle.
     *
     * @throws InvalidFilterException if the expression does not compile
     */
    void setFilter(String expression) throws PcapException;

    /** Sets a compiled filter; only packets it accepts are delivered from now on. */
    void setFilter(BpfProgram program) throws PcapException;

    /** Opens a dumper that writes pcap files of this handle's link type, snaplen and precision. */
    default Dumper newDumper(Path file) throws PcapException {
        return newDumper(file, DumpOptions.defaults());
    }

    /** Opens a dumper that writes capture files of this handle's link type, snaplen and precision. */
    Dumper newDumper(Path file, DumpOptions options) throws PcapException;

    /**
     * Returns a backend-specific object behind this handle, as {@link java.sql.Wrapper#unwrap} does.
     *
     * @throws IllegalArgumentException if the handle has no object of that type
     */
    <T> T unwrap(Class<T> type);

    /** Whether the handle is still open. */
    boolean isOpen();

    /** Closes the handle, breaking a running loop first. Idempotent and thread-safe. */
    @Override
    void close();
}
