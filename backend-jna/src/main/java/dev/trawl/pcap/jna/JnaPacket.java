package dev.trawl.pcap.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.trawl.pcap.spi.ReusedPacket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The reused packet view of a handle: reads libpcap's {@code struct pcap_pkthdr} and exposes the packet bytes
 * as a read-only direct {@link ByteBuffer} over libpcap's own buffer.
 *
 * <pre>
 * struct pcap_pkthdr on LP64 Linux and macOS (24 bytes):
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            ts.tv_sec (long, 8 bytes, native order)            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   ts.tv_usec (long; nanoseconds on a nanosecond-precision handle)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        caplen (u_int32)       |          len (u_int32)        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>No allocation per packet while libpcap keeps its header and data at the same addresses, which it does
 * for a file ({@code p->pcap_header}, {@code p->buffer}) and for a live {@code pcap_next_ex} (which copies
 * each packet to one buffer): the header and data views are rebuilt only when an address changes, or when a
 * packet is longer than the data view. A live {@code pcap_dispatch} or {@code pcap_loop} hands out packets
 * in place, at moving addresses in the kernel's ring, one shared mapping: on Linux one view covers the
 * whole ring (found once in {@code /proc/self/maps}) and each packet sets its position and limit, so those
 * allocate nothing per packet either; where the ring cannot be found, each such packet costs one read-only
 * direct buffer. Not thread-safe.
 */
final class JnaPacket extends ReusedPacket {
    private static final int LONG = Native.LONG_SIZE;
    static final int TV_SEC = 0;
    static final int TV_FRAC = LONG;
    static final int CAPLEN = 2 * LONG;
    static final int LEN = 2 * LONG + 4;
    static final int HEADER_SIZE = 2 * LONG + 8;

    /** Held, never read: see the constructor. */
    private final Object owner;
    private final int nanosPerUnit;
    private final long unitsPerSecond;
    private final boolean unsignedSeconds;

    private long headerAddress;
    private ByteBuffer header;
    private long dataAddress;
    private int dataCapacity = -1;

    /** Whether packets lie in a shared ring worth one view for all (live captures on Linux). */
    private final boolean ring;
    private long ringStart;
    private long ringEnd;
    private ByteBuffer ringView;
    private int ringMisses;
    private long lastMiss;

    /** One reused pointer to make views from, so that a moving packet costs only its view. */
    private final Cursor cursor = new Cursor();

    /**
     * @param unsignedSeconds whether {@code tv_sec} came from a pcap file's unsigned 32-bit field, which
     *     libpcap 1.10 sign-extends (so that 2038 to 2106 would read as 1901 to 1969); the fraction is taken as
     *     libpcap delivers it (see {@link dev.trawl.pcap.spi.PcapRecordTime})
     */
    JnaPacket(int nanosPerUnit, boolean unsignedSeconds) {
        this(null, nanosPerUnit, unsignedSeconds, false);
    }

    /**
     * @param owner the handle whose buffer the view shows, kept reachable while the view is: an unreachable
     *     handle is closed by its cleaner, and its buffer freed
     * @param ring whether packets lie at moving places in a shared mapping (a live capture's ring), which
     *     one view can cover
     */
    JnaPacket(Object owner, int nanosPerUnit, boolean unsignedSeconds, boolean ring) {
        this.owner = owner;
        this.ring = ring;
        this.unsignedSeconds = unsignedSeconds;
        this.nanosPerUnit = nanosPerUnit;
        this.unitsPerSecond = 1_000_000_000L / nanosPerUnit;
    }

    /** Points this view at the packet libpcap returned. */
    void load(long headerAt, long dataAt) {
        ByteBuffer h = header;
        if (headerAt != headerAddress || h == null) {
            h = cursor.at(headerAt).getByteBuffer(0, HEADER_SIZE).order(ByteOrder.nativeOrder());
            header = h;
            headerAddress = headerAt;
        }
        long sec;
        long frac;
        if (LONG == 8) {
            sec = h.getLong(TV_SEC);
            frac = h.getLong(TV_FRAC);
        } else {
            sec = h.getInt(TV_SEC);
            frac = h.getInt(TV_FRAC) & 0xffffffffL;
        }
        if (unsignedSeconds) {
            sec &= 0xffffffffL;
        }
        if (frac < 0 || frac >= unitsPerSecond) {
            // A damaged file can hold a fraction of a second or more: carry it into the seconds.
            sec += Math.floorDiv(frac, unitsPerSecond);
            frac = Math.floorMod(frac, unitsPerSecond);
        }
        seconds = sec;
        nanos = (int) frac * nanosPerUnit;
        int caplen = h.getInt(CAPLEN);
        originalLength = h.getInt(LEN);
        if (caplen < 0) {
            caplen = 0; // libpcap never delivers 2 GiB packets; a negative value cannot be real
        }
        capturedLength = caplen;
        if (ring && inRing(dataAt, caplen)) {
            int offset = (int) (dataAt - ringStart);
            ByteBuffer r = ringView;
            r.clear();
            r.position(offset);
            r.limit(offset + caplen);
            data = r;
            return;
        }
        ByteBuffer d = data;
        if (d == ringView) {
            d = null;
        }
        if (dataAt != dataAddress || caplen > dataCapacity || d == null) {
            d = caplen == 0 || dataAt == 0
                    ? ByteBuffer.allocateDirect(0).asReadOnlyBuffer()
                    : cursor.at(dataAt).getByteBuffer(0, caplen).asReadOnlyBuffer();
            data = d;
            dataAddress = dataAt;
            dataCapacity = d.capacity();
        }
        d.clear();
        d.limit(caplen);
    }

    /** Whether the bytes lie in the ring view, looking the ring up (a few times at most) when they do not. */
    private boolean inRing(long dataAt, int caplen) {
        if (ringView != null && dataAt >= ringStart && dataAt + caplen <= ringEnd) {
            return true;
        }
        // pcap_next_ex copies each live packet to one buffer of libpcap's (not in the ring): look that
        // address up once; give up on the ring after a few distinct misses (no /proc, another platform).
        if (dataAt == lastMiss || ringMisses >= 8 || caplen == 0) {
            return false;
        }
        long[] region = MappedRegion.find(dataAt);
        if (region == null || dataAt + caplen > region[1]) {
            ringMisses++;
            lastMiss = dataAt;
            return false;
        }
        ringStart = region[0];
        ringEnd = region[1];
        ringView = cursor.at(ringStart).getByteBuffer(0, ringEnd - ringStart).asReadOnlyBuffer();
        return true;
    }

    /** Forgets the views, so that nothing points into a handle's freed buffers. */
    void reset() {
        header = null;
        data = null;
        ringView = null;
        ringStart = 0;
        ringEnd = 0;
        headerAddress = 0;
        dataAddress = 0;
        dataCapacity = -1;
    }

    /** A pointer whose address can be set: JNA makes direct buffers only from a {@link Pointer}. */
    private static final class Cursor extends Pointer {
        Cursor() {
            super(0);
        }

        Cursor at(long address) {
            peer = address;
            return this;
        }
    }
}
