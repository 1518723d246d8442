package dev.trawl.pcap.afpacket;

import static dev.trawl.pcap.afpacket.Tpacket.BLOCK_FIRST_PKT;
import static dev.trawl.pcap.afpacket.Tpacket.BLOCK_NUM_PKTS;
import static dev.trawl.pcap.afpacket.Tpacket.BLOCK_STATUS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.Direction;
import dev.trawl.pcap.PcapException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The reading side of a {@code TPACKET_V3} ring: walks its blocks in order and the packets in each, and turns
 * each packet into the frame the handle delivers, in place (see {@link Framing}).
 *
 * <p><b>Ownership.</b> A block belongs to the kernel until its status has {@code TP_STATUS_USER}; it is read
 * with acquire semantics, so that everything the kernel wrote into the block before handing it over is
 * visible. When every packet of a block has been delivered, the block goes back to the kernel with a release
 * store of {@code TP_STATUS_KERNEL}, so that nothing read from it is read after the kernel may write it again.
 * A block is given back lazily, at the next read: the last packet delivered from it stays valid until then.
 *
 * <p><b>In place.</b> The kernel leaves room in front of each packet ({@code PACKET_RESERVE}): the cooked header
 * of the {@code any} device is built there, and the addresses of a frame whose VLAN tag the kernel took out
 * move into it by four bytes so that the tag goes back where it was, as libpcap does. Where the kernel's
 * filter has to be run in userland, the packet's metadata is written there first, for the program to read.
 *
 * <p>Not thread-safe: used by the handle's reading thread only, except {@link #framing}, which another thread
 * may replace.
 */
final class Ring {
    private static final VarHandle STATUS = JAVA_INT.varHandle();
    private static final ValueLayout.OfShort SHORT_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt INT_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    /** Two adjacent fields of a packet's header in one load. */
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    /**
     * The mapping for the reader's own loads and stores, with no arena to check on each access. Safe because
     * the ring is read only inside the handle's guard, whose close unmaps it only once the reader has left;
     * what leaves the reader (the packet's buffer) is a view of the mapping as the handle's arena holds it,
     * which fails once the handle is closed.
     */
    private final MemorySegment raw;
    final RingPacket view;
    private final long blockSize;
    private final int blockCount;
    /** The whole mapping as a buffer whose limit never moves, for userland filters. */
    private final ByteBuffer whole;

    /** What the handle asks for; the reader takes it up at the next packet. */
    volatile Framing framing;
    private Framing current;
    /** Whether {@link #current} delivers packets as the kernel holds them, but for a VLAN tag and the snap length. */
    private boolean plain;
    private int snaplen;
    private int vlanOffset;
    private Framing.UserlandFilter filterSeen;
    private int drainBlocks;

    /** Where a packet with too little room in front is copied for a userland run of the kernel's program. */
    private MemorySegment spare;
    private ByteBuffer spareBuffer;

    private int index;
    private long base;
    private int left;
    private long next;
    private boolean held;

    /**
     * @param map the ring mapping: {@code blockCount} blocks of {@code blockSize} bytes
     * @param micro whether packets carry microsecond timestamps
     */
    @SuppressWarnings("restricted") // the view without an arena, over memory the caller keeps mapped
    Ring(MemorySegment map, int blockSize, int blockCount, boolean micro, Framing framing) {
        if (map.byteSize() != (long) blockSize * blockCount || map.byteSize() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a ring of " + blockCount + " blocks of " + blockSize
                    + " bytes cannot be read from a mapping of " + map.byteSize());
        }
        this.raw = MemorySegment.ofAddress(map.address()).reinterpret(map.byteSize());
        this.blockSize = blockSize;
        this.blockCount = blockCount;
        this.whole = map.asByteBuffer().asReadOnlyBuffer();
        this.view = new RingPacket(map.asByteBuffer().asReadOnlyBuffer(), micro);
        this.framing = framing;
        this.filterSeen = framing.filter();
        refresh(framing);
    }

    /** Picks up a framing the handle replaced. */
    private void refresh(Framing f) {
        current = f;
        plain = f.header() == 0 && f.direction() == Direction.INOUT && f.loopbackIndex() < 0
                && f.filter().kernel() == null && f.filter().delivered() == null;
        snaplen = f.snaplen();
        vlanOffset = f.vlanOffset();
        if (f.filter() != filterSeen) {
            filterSeen = f.filter();
            drainBlocks = f.filter().drainBlocks();
        }
    }

    /**
     * Whether a packet is ready to {@link #take}: one left in the current block, or a block the kernel has
     * handed over. A consumed block goes back to the kernel here. Called for every packet, so that the JIT
     * compiles the block change with the packet walk rather than leave it to the interpreter: it runs only
     * once per block, too rarely to be compiled on its own.
     */
    boolean ready() {
        while (left == 0) {
            if (held) {
                STATUS.setRelease(raw, base + BLOCK_STATUS, Tpacket.TP_STATUS_KERNEL);
                held = false;
                if (drainBlocks > 0) {
                    drainBlocks--;
                }
                index = index + 1 == blockCount ? 0 : index + 1;
                base = (long) index * blockSize;
            }
            int status = (int) STATUS.getAcquire(raw, base + BLOCK_STATUS);
            if ((status & Tpacket.TP_STATUS_USER) == 0) {
                return false;
            }
            held = true;
            left = raw.get(JAVA_INT, base + BLOCK_NUM_PKTS);
            next = base + (raw.get(JAVA_INT, base + BLOCK_FIRST_PKT) & 0xffffffffL);
        }
        return true;
    }

    /**
     * Gives the current block back when all its packets are taken (a delivered view is then invalid), and
     * takes up the next one if the kernel has handed it over.
     */
    void releaseIfConsumed() {
        if (left == 0) {
            ready();
        }
    }

    /** How many blocks the kernel has handed over and the reader not yet given back; from any thread. */
    int blocksHandedOver() {
        int n = 0;
        for (int i = 0; i < blockCount; i++) {
            if (((int) STATUS.getAcquire(raw, (long) i * blockSize + BLOCK_STATUS) & Tpacket.TP_STATUS_USER) != 0) {
                n++;
            }
        }
        return n;
    }

    /** Whether the current block holds packets not yet taken. */
    boolean hasPacket() {
        return left > 0;
    }

    /** Whether the reader holds a block: then the kernel is filling another one. */
    boolean holdsBlock() {
        return held;
    }

    /**
     * Takes the next packet of the current block (call only when {@link #ready()} or {@link #hasPacket()}).
     *
     * @return true when it is to be delivered: {@link #view} then shows it; false when the direction or the
     *     userland filter drops it
     * @throws PcapException if the kernel's header points outside its block
     */
    boolean take() throws PcapException {
        long p = next;
        MemorySegment m = raw;
        if (--left > 0) {
            next = p + (m.get(JAVA_INT, p + Tpacket.NEXT_OFFSET) & 0xffffffffL);
        }
        Framing f = framing;
        if (f != current) {
            refresh(f);
        }
        if (!plain) {
            return takeFramed(p, f);
        }
        // The common case, a frame delivered as the kernel holds it: three loads of the header, no copy.
        long lengths = m.get(LONG, p + Tpacket.SNAPLEN);
        long state = m.get(LONG, p + Tpacket.STATUS);
        if ((first(state) & Tpacket.TP_STATUS_VLAN_VALID) != 0 && vlanOffset >= 0) {
            return takeFramed(p, f);
        }
        int snap = first(lengths);
        long start = p + mac(state);
        checkBounds(p, start, snap, 0);
        long time = m.get(LONG, p + Tpacket.SEC);
        view.set((int) start, Math.min(snap, snaplen), second(lengths), first(time), second(time));
        return true;
    }

    /** The int at the lower address of a long read from the ring. */
    private static int first(long v) {
        return LITTLE ? (int) v : (int) (v >>> 32);
    }

    /** The int at the higher address of a long read from the ring. */
    private static int second(long v) {
        return LITTLE ? (int) (v >>> 32) : (int) v;
    }

    /** {@code tp_mac} from the long read at {@code tp_status}: the first short after it. */
    private static int mac(long state) {
        int after = second(state);
        return (LITTLE ? after : after >>> 16) & 0xffff;
    }

    /** Fails on a packet whose header points outside its block, or leaves too little room in front. */
    private void checkBounds(long p, long start, int snap, int header) throws PcapException {
        if (snap < 0 || start + snap > base + blockSize || start - header - 4 < p + Tpacket.SLL + Tpacket.SLL_SIZE) {
            throw new PcapException("corrupted packet in the kernel's ring: block " + index + ", offset "
                    + (p - base) + ", data at " + (start - p) + ", " + snap + " bytes");
        }
    }

    /**
     * Takes a packet that the framing may drop or change: by direction, by the userland part of a filter, with
     * a cooked header built in front, or with a VLAN tag put back.
     */
    private boolean takeFramed(long p, Framing f) throws PcapException {
        MemorySegment m = raw;
        long sll = p + Tpacket.SLL;
        Direction direction = f.direction();
        int loopback = f.loopbackIndex();
        if (direction != Direction.INOUT || loopback >= 0) {
            int type = m.get(JAVA_BYTE, sll + Tpacket.SLL_PKTTYPE);
            if (type == Tpacket.PACKET_OUTGOING) {
                if (loopback == 0 || (loopback > 0 && m.get(JAVA_INT, sll + Tpacket.SLL_IFINDEX) == loopback)
                        || direction == Direction.IN) {
                    return false;
                }
            } else if (direction == Direction.OUT) {
                return false;
            }
        }
        int snap = m.get(JAVA_INT, p + Tpacket.SNAPLEN);
        int length = m.get(JAVA_INT, p + Tpacket.LEN);
        long start = p + (m.get(JAVA_SHORT, p + Tpacket.MAC) & 0xffff);
        checkBounds(p, start, snap, f.header());
        int status = m.get(JAVA_INT, p + Tpacket.STATUS);
        boolean tagged = (status & Tpacket.TP_STATUS_VLAN_VALID) != 0;
        Framing.UserlandFilter filter = f.filter();
        BpfProgram kernel = filter.kernel();
        if (kernel != null && (drainBlocks > 0 || filter.kernelEveryPacket())
                && !kernelAccepts(kernel, start, p, sll, tagged, snap, length)) {
            return false;
        }
        int cap = snap;
        int wire = length;
        int header = f.header();
        if (header != 0) {
            start -= header;
            cooked(start, sll, header);
            cap += header;
            wire += header;
        }
        int vlanOffset = f.vlanOffset();
        if (tagged && vlanOffset >= 0 && snap >= vlanOffset) {
            start -= 4;
            MemorySegment.copy(m, start + 4, m, start, vlanOffset);
            int tpid = m.get(JAVA_SHORT, p + Tpacket.VLAN_TPID) & 0xffff;
            if (tpid == 0 && (status & Tpacket.TP_STATUS_VLAN_TPID_VALID) == 0) {
                tpid = Tpacket.ETH_P_8021Q; // kernels before 3.14 keep only 802.1Q tags and do not say so
            }
            m.set(SHORT_BE, start + vlanOffset, (short) tpid);
            m.set(SHORT_BE, start + vlanOffset + 2, (short) m.get(JAVA_INT, p + Tpacket.VLAN_TCI));
            cap += 4;
            wire += 4;
        }
        if (cap > f.snaplen()) {
            cap = f.snaplen();
        }
        BpfProgram delivered = filter.delivered();
        if (delivered != null && (tagged || !filter.deliveredTaggedOnly())
                && delivered.run(whole, (int) start, cap, wire) == 0) {
            return false;
        }
        view.set((int) start, cap, wire, m.get(JAVA_INT, p + Tpacket.SEC), m.get(JAVA_INT, p + Tpacket.NSEC));
        return true;
    }

    /**
     * Runs the kernel's program as the kernel would, on the packet as the kernel holds it with its metadata in
     * front. The metadata goes into the room in front of the packet; where a link-layer header of an odd
     * length left too little (a frame sent with its VLAN tag in place), the packet is copied out first.
     */
    private boolean kernelAccepts(BpfProgram kernel, long start, long p, long sll, boolean tagged, int snap,
            int length) {
        int pseudo = KernelPrograms.PSEUDO_HEADER;
        long at = start - pseudo;
        if (at >= sll + Tpacket.SLL_SIZE) {
            pseudoHeader(raw, at, p, sll, tagged);
            return kernel.run(whole, (int) at, snap + pseudo, length) != 0;
        }
        if (spare == null || spare.byteSize() < snap + pseudo) {
            spare = Arena.ofAuto().allocate(Math.max(snap + pseudo, 2048));
            spareBuffer = spare.asByteBuffer();
        }
        pseudoHeader(spare, 0, p, sll, tagged);
        MemorySegment.copy(raw, start, spare, pseudo, snap);
        return kernel.run(spareBuffer, 0, snap + pseudo, length) != 0;
    }

    /** Writes a packet's metadata where {@link KernelPrograms#forUserland} programs read it. */
    private void pseudoHeader(MemorySegment to, long at, long p, long sll, boolean tagged) {
        to.set(INT_BE, at, tagged ? 1 : 0);
        to.set(INT_BE, at + 4, tagged ? raw.get(JAVA_INT, p + Tpacket.VLAN_TCI) & 0xffff : 0);
        to.set(INT_BE, at + 8, raw.get(JAVA_BYTE, sll + Tpacket.SLL_PKTTYPE) & 0xff);
        to.set(INT_BE, at + 12, raw.get(JAVA_INT, sll + Tpacket.SLL_IFINDEX));
        to.set(INT_BE, at + 16, Short.reverseBytes(raw.get(JAVA_SHORT, sll + Tpacket.SLL_PROTOCOL)) & 0xffff);
        to.set(INT_BE, at + 20, raw.get(JAVA_SHORT, sll + Tpacket.SLL_HATYPE) & 0xffff);
    }

    /** Builds the Linux cooked header, v1 or v2, at {@code at} from the packet's {@code sockaddr_ll}. */
    private void cooked(long at, long sll, int header) {
        int pkttype = raw.get(JAVA_BYTE, sll + Tpacket.SLL_PKTTYPE) & 0xff;
        int hatype = raw.get(JAVA_SHORT, sll + Tpacket.SLL_HATYPE) & 0xffff;
        int halen = raw.get(JAVA_BYTE, sll + Tpacket.SLL_HALEN) & 0xff;
        short protocol = raw.get(JAVA_SHORT, sll + Tpacket.SLL_PROTOCOL); // already in network order
        if (header == Framing.SLL) {
            raw.set(SHORT_BE, at, (short) pkttype);
            raw.set(SHORT_BE, at + 2, (short) hatype);
            raw.set(SHORT_BE, at + 4, (short) halen);
            MemorySegment.copy(raw, sll + Tpacket.SLL_ADDR, raw, at + 6, 8);
            raw.set(ValueLayout.JAVA_SHORT_UNALIGNED, at + 14, protocol);
        } else {
            raw.set(ValueLayout.JAVA_SHORT_UNALIGNED, at, protocol);
            raw.set(SHORT_BE, at + 2, (short) 0);
            raw.set(INT_BE, at + 4, raw.get(JAVA_INT, sll + Tpacket.SLL_IFINDEX));
            raw.set(SHORT_BE, at + 8, (short) hatype);
            raw.set(JAVA_BYTE, at + 10, (byte) pkttype);
            raw.set(JAVA_BYTE, at + 11, (byte) halen);
            MemorySegment.copy(raw, sll + Tpacket.SLL_ADDR, raw, at + 12, 8);
        }
    }

    /** The index of the block the reader is at; for tests and messages. */
    int blockIndex() {
        return index;
    }

    int blockCount() {
        return blockCount;
    }

    long blockSize() {
        return blockSize;
    }
}
