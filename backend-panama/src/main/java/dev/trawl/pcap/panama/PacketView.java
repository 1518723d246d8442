package dev.trawl.pcap.panama;

import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketRecord;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The reused {@link Packet} of a handle: a view of libpcap's buffer, valid until the next read or close.
 *
 * <p>The bytes are served through one read-only {@link ByteBuffer} over a <em>window</em> of native memory
 * that starts where libpcap put a packet; each packet is a position/limit range in it. The window only
 * covers memory libpcap has shown to hold packet data: it starts at a data pointer and reaches the end of the
 * largest packet seen at that pointer. Offline, libpcap reads every packet into one buffer, so after the
 * first few packets the window stops changing and a read allocates nothing; a packet elsewhere (a buffer
 * libpcap had to grow and move, a pcapng block of another kind) gets a new window. A live handle's {@code pcap_next_ex} copies each packet
 * into one buffer too; its {@code pcap_dispatch} hands out packets in place in the kernel's packet ring, and
 * there the window covers the whole ring mapping (see {@link MemoryMaps}). The window belongs to the handle's arena,
 * so a view used after close throws {@link IllegalStateException} instead of reading freed memory.
 *
 * <p>Not thread-safe: used by the handle's reading thread.
 */
@SuppressWarnings("restricted") // the module exists to link libpcap; it asks for native access
final class PacketView implements Packet {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private final Arena arena;
    private final int nanosPerUnit;
    private ByteBuffer window = ByteBuffer.allocate(0).asReadOnlyBuffer();
    private long windowStart;
    private long windowEnd;
    /** The {@code pcap_pkthdr} fields as libpcap wrote them. */
    private long rawSeconds;
    private long rawFraction;
    private int caplen;
    private int wireLength;
    private boolean valid;
    private boolean unsignedSeconds;
    private boolean truncateToMicros;
    private boolean ringWindows;
    /** The packet ring found in the memory maps, once found. */
    private long[] knownRing;
    /** Whether the current window covers a whole packet ring. */
    private boolean ringWindow;
    /** How many windows were made; for tests of the zero-allocation path. */
    private long windowsCreated;

    PacketView(Arena arena, int nanosPerUnit) {
        this.arena = arena;
        this.nanosPerUnit = nanosPerUnit;
    }

    /**
     * Reads the seconds of pcap records as the unsigned 32-bit field the format defines: libpcap 1.10 copies it
     * through a signed {@code bpf_int32}, which turns times after January 2038 negative. The fraction is taken
     * as libpcap delivers it (see {@link dev.trawl.pcap.spi.PcapRecordTime}).
     */
    void unsignedSeconds(boolean unsigned) {
        this.unsignedSeconds = unsigned;
    }

    /** Delivers microseconds from nanosecond records, as libpcap's scaling does (it truncates). */
    void truncateToMicros(boolean truncate) {
        this.truncateToMicros = truncate;
    }

    /** Points the view at the packet whose {@code pcap_pkthdr} and data libpcap returned. */
    void set(long header, long data) {
        int cap = PktHdr.caplen(header);
        // The timestamp is kept as libpcap wrote it and converted when asked for: most readers of a packet
        // never look at it, and the conversion is not free.
        rawSeconds = PktHdr.seconds(header);
        rawFraction = PktHdr.fraction(header);
        caplen = cap;
        wireLength = PktHdr.len(header);
        long capBytes = cap & 0xffffffffL;
        // A ring window serves any packet inside it. Any other window serves only packets at its start: a
        // pointer elsewhere in it may belong to a block libpcap has reallocated since.
        if (ringWindow ? data < windowStart || data + capBytes > windowEnd
                : data != windowStart || capBytes > windowEnd - windowStart) {
            remap(data, capBytes);
        }
        int offset = (int) (data - windowStart);
        ByteBuffer w = window;
        if (w.order() != ByteOrder.BIG_ENDIAN) {
            w.order(ByteOrder.BIG_ENDIAN); // the caller changed it for the last packet
        }
        w.limit(offset + cap);
        w.position(offset);
        valid = true;
    }

    /** The fraction of the second in nanoseconds, before carrying an out-of-range fraction into the seconds. */
    private long scaledFraction() {
        long fraction = rawFraction * nanosPerUnit;
        if (truncateToMicros) {
            fraction -= fraction % 1000;
        }
        return fraction;
    }

    /** The seconds field, before carrying an out-of-range fraction into it. */
    private long rawSecondsField() {
        return unsignedSeconds ? rawSeconds & 0xffffffffL : rawSeconds;
    }

    @Override
    public long timestampSeconds() {
        long fraction = scaledFraction();
        // A malformed file may hold a fraction of a second out of range: it is carried into the seconds.
        return fraction >= 0 && fraction < NANOS_PER_SECOND ? rawSecondsField()
                : rawSecondsField() + Math.floorDiv(fraction, NANOS_PER_SECOND);
    }

    @Override
    public int timestampNanos() {
        long fraction = scaledFraction();
        return (int) (fraction >= 0 && fraction < NANOS_PER_SECOND ? fraction
                : Math.floorMod(fraction, NANOS_PER_SECOND));
    }

    /** Lets a live handle's windows cover its whole packet ring, found once in the process's memory maps. */
    void ringWindows(boolean enabled) {
        this.ringWindows = enabled;
    }

    private void remap(long data, long capBytes) {
        if (ringWindows) {
            long[] ring = knownRing != null && data >= knownRing[0] && data < knownRing[1] ? knownRing
                    : MemoryMaps.socketMappingOf(data);
            if (ring != null && data + capBytes <= ring[1] && ring[1] - ring[0] <= Integer.MAX_VALUE) {
                knownRing = ring;
                window = MemorySegment.ofAddress(ring[0]).reinterpret(ring[1] - ring[0], arena, null).asByteBuffer()
                        .asReadOnlyBuffer();
                windowStart = ring[0];
                windowEnd = ring[1];
                ringWindow = true;
                windowsCreated++;
                return;
            }
        }
        long size = !ringWindow && data == windowStart ? Math.max(capBytes, windowEnd - windowStart) : capBytes;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalStateException("packet of " + capBytes + " bytes is too large for a ByteBuffer");
        }
        window = MemorySegment.ofAddress(data).reinterpret(size, arena, null).asByteBuffer().asReadOnlyBuffer();
        ringWindow = false;
        windowStart = data;
        windowEnd = data + size;
        windowsCreated++;
    }

    void invalidate() {
        valid = false;
    }

    boolean isValid() {
        return valid;
    }

    long windowsCreated() {
        return windowsCreated;
    }

    @Override
    public int capturedLength() {
        return caplen;
    }

    @Override
    public int originalLength() {
        return wireLength; // as the file states it, even below the captured length (a damaged file)
    }

    @Override
    public ByteBuffer data() {
        return window;
    }

    /** An owned copy; reads the bytes straight from the window, as {@link Packet#copy()} would. */
    @Override
    public PacketRecord copy() {
        ByteBuffer w = window;
        byte[] bytes = new byte[caplen];
        w.get(w.position(), bytes);
        long seconds = rawSecondsField();
        long fraction = scaledFraction();
        if (fraction < 0 || fraction >= NANOS_PER_SECOND) {
            seconds += Math.floorDiv(fraction, NANOS_PER_SECOND);
            fraction = Math.floorMod(fraction, NANOS_PER_SECOND);
        }
        return new PacketRecord(seconds, (int) fraction, originalLength(), bytes);
    }

    @Override
    public String toString() {
        return "Packet[" + timestampSeconds() + "." + String.format("%09d", timestampNanos()) + ", caplen=" + caplen
                + ", len=" + originalLength() + "]";
    }
}
