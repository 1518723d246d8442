package dev.trawl.pcap.afpacket;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.Fanout;
import dev.trawl.pcap.NoSuchDeviceException;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.PermissionDeniedException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A packet socket with its ring mapped, and the event file that wakes its reader: everything of a capture
 * that lives in the kernel, and the calls on it.
 *
 * <p>The socket is created with protocol 0, so that it receives nothing until it is bound: the ring, the
 * promiscuous membership and the first filter are all in place before the first packet arrives. The ring and
 * the reader's own small buffers live in one shared arena: closing it unmaps the ring (after the JVM has made
 * sure that no thread is inside an access to it), and the file descriptors are closed after that.
 *
 * <p>Thread-safe as the handle uses it: {@link #await} on the reading thread only; {@link #wake},
 * {@link #stats}, {@link #send} and {@link #attach} from any thread.
 */
@SuppressWarnings("restricted") // the module exists to map the kernel's ring; it asks for native access
final class PacketSocket {
    /** {@link #await}: a block may be ready. */
    static final int READY = 0;
    /** {@link #await}: woken by {@link #wake}. */
    static final int WOKEN = 1;
    /** {@link #await}: the timeout expired. */
    static final int TIMEOUT = 2;
    /** {@link #await}: nothing happened that the caller needs to know; wait again. */
    static final int AGAIN = 3;

    private static final int PCAP_ERROR_NO_SUCH_DEVICE = -5;
    private static final int PCAP_ERROR_PERM_DENIED = -8;
    private static final int PCAP_ERROR_IFACE_NOT_UP = -9;
    private static final AtomicInteger OPEN = new AtomicInteger();

    final String device;
    final int fd;
    /** The interface's index; 0 for {@code any}. */
    final int ifindex;
    /** The interface's {@code ARPHRD_} type; -1 for {@code any}. */
    final int hatype;
    /** Whether the socket is {@code SOCK_DGRAM}: the kernel takes the link-layer header off. */
    final boolean cooked;
    final RingGeometry geometry;
    final MemorySegment map;
    private final Arena arena;
    private final int eventFd;
    private final MemorySegment pollFds;
    private final MemorySegment pollState;
    private final MemorySegment one;
    private final MemorySegment drained;
    private final Object sendLock = new Object();
    private MemorySegment sendBuffer;

    private PacketSocket(String device, int fd, int ifindex, int hatype, boolean cooked, RingGeometry geometry,
            Arena arena, MemorySegment map, int eventFd) {
        this.device = device;
        this.fd = fd;
        this.ifindex = ifindex;
        this.hatype = hatype;
        this.cooked = cooked;
        this.geometry = geometry;
        this.arena = arena;
        this.map = map;
        this.eventFd = eventFd;
        this.pollFds = arena.allocate(16, 8);
        pollFds.set(JAVA_INT, 0, fd);
        pollFds.set(JAVA_SHORT, 4, Tpacket.POLLIN);
        pollFds.set(JAVA_INT, 8, eventFd);
        pollFds.set(JAVA_SHORT, 12, Tpacket.POLLIN);
        this.pollState = Libc.newCallState(arena);
        this.one = arena.allocate(JAVA_LONG);
        one.set(JAVA_LONG, 0, 1L);
        this.drained = arena.allocate(JAVA_LONG);
        if (!pollPrepared) {
            // After a hundred-odd calls from code the JIT has not compiled, the JDK generates code of its own for
            // a method handle: tens of kilobytes on the heap, once per JVM. The reader's wait is such a call, made
            // once per block, so that would happen a few seconds into a capture; made here, it happens at open.
            for (int i = 0; i < 200; i++) {
                Libc.poll(pollFds, 2, 0);
            }
            pollPrepared = true;
        }
    }

    /** Whether {@link #await}'s call was prepared; once per JVM. */
    private static volatile boolean pollPrepared;

    /** How the socket is to be set up. */
    record Setup(String device, int snaplen, int bufferSize, boolean promiscuous, java.time.Duration timeout,
            boolean immediate, Fanout fanout, BpfProgram firstFilter) {
    }

    /**
     * Opens a capture: socket, {@code TPACKET_V3}, reserve, ring, mapping, promiscuous mode, first filter,
     * bind, fanout, event file. On any failure, whatever was made is released.
     */
    static PacketSocket open(Setup setup) throws PcapException {
        String device = setup.device();
        boolean any = device.equals("any");
        int hatype = any ? -1 : Interfaces.hardwareType(device);
        boolean cooked = any || !rawCapable(hatype);
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment state = Libc.newCallState(scratch);
            int fd = Libc.socket(state, Tpacket.AF_PACKET,
                    (cooked ? Tpacket.SOCK_DGRAM : Tpacket.SOCK_RAW) | Tpacket.SOCK_CLOEXEC, 0);
            if (fd < 0) {
                int errno = Libc.errno(state);
                String message = device + ": " + (errno == Libc.EPERM || errno == Libc.EACCES
                        ? "You don't have permission to perform this capture on that device" : "cannot capture")
                        + " (" + Libc.describe("socket", state) + ")";
                if (errno == Libc.EPERM || errno == Libc.EACCES) {
                    throw new PermissionDeniedException(message + "; " + PermissionDeniedException.LINUX_HINT,
                            PCAP_ERROR_PERM_DENIED);
                }
                throw new PcapException(message);
            }
            Arena arena = null;
            int eventFd = -1;
            boolean done = false;
            try {
                int ifindex = 0;
                if (!any) {
                    ifindex = Interfaces.plausibleName(device)
                            ? Libc.ifNameToIndex(state, scratch.allocateFrom(device)) : 0;
                    if (ifindex == 0) {
                        throw new NoSuchDeviceException(device, device + ": No such device exists (if_nametoindex: "
                                + Libc.strerror(Interfaces.plausibleName(device) ? Libc.errno(state) : Libc.ENODEV)
                                + ")");
                    }
                }
                set(scratch, fd, Tpacket.SOL_PACKET, Tpacket.PACKET_VERSION, Tpacket.TPACKET_V3, device,
                        "the kernel has no TPACKET_V3 rings (Linux 3.2 or newer is needed)");
                set(scratch, fd, Tpacket.SOL_PACKET, Tpacket.PACKET_RESERVE, reserve(cooked, hatype), device,
                        "cannot reserve room in front of packets");
                RingGeometry geometry = RingGeometry.of(setup.snaplen(), setup.bufferSize(),
                        any ? -1 : Interfaces.mtu(device), setup.timeout(), setup.immediate());
                geometry = requestRing(scratch, fd, geometry, device);
                arena = Arena.ofShared();
                long address = Libc.mmap(state, geometry.size(), Tpacket.PROT_READ | Tpacket.PROT_WRITE,
                        Tpacket.MAP_SHARED, fd);
                if (address == -1L) {
                    throw new PcapException(device + ": cannot map the ring of " + geometry.size() + " bytes ("
                            + Libc.describe("mmap", state) + ")");
                }
                long size = geometry.size();
                MemorySegment map = MemorySegment.ofAddress(address).reinterpret(size, arena,
                        unused -> Libc.munmap(address, size));
                if (setup.promiscuous() && !any) {
                    MemorySegment request = scratch.allocate(16, 4);
                    request.set(JAVA_INT, 0, ifindex);
                    request.set(JAVA_SHORT, 4, (short) Tpacket.PACKET_MR_PROMISC);
                    check(Libc.setsockopt(state, fd, Tpacket.SOL_PACKET, Tpacket.PACKET_ADD_MEMBERSHIP, request),
                            state, device, "cannot set promiscuous mode");
                }
                if (setup.firstFilter() != null) {
                    int errno = attach(scratch, fd, setup.firstFilter());
                    if (errno != 0) {
                        throw new PcapException(device + ": cannot attach a filter: " + Libc.strerror(errno));
                    }
                }
                MemorySegment address2 = scratch.allocate(Tpacket.SLL_SIZE, 4);
                address2.set(JAVA_SHORT, 0, (short) Tpacket.AF_PACKET);
                address2.set(JAVA_SHORT, Tpacket.SLL_PROTOCOL, Short.reverseBytes((short) Tpacket.ETH_P_ALL));
                address2.set(JAVA_INT, Tpacket.SLL_IFINDEX, ifindex);
                if (Libc.bind(state, fd, address2) != 0) {
                    int errno = Libc.errno(state);
                    if (errno == Libc.ENODEV || errno == Libc.ENXIO) {
                        throw new NoSuchDeviceException(device, device + ": No such device exists ("
                                + Libc.describe("bind", state) + ")");
                    }
                    throw new PcapException(device + ": " + Libc.describe("bind", state));
                }
                if (socketError(scratch, fd) == Libc.ENETDOWN) {
                    throw new PcapException(device + ": That device is not up", PCAP_ERROR_IFACE_NOT_UP, null);
                }
                if (setup.fanout() != null) {
                    Fanout fanout = setup.fanout();
                    int type = fanout.mode().ordinal() | (fanout.defrag() ? Tpacket.PACKET_FANOUT_FLAG_DEFRAG : 0);
                    MemorySegment value = scratch.allocate(JAVA_INT);
                    value.set(JAVA_INT, 0, fanout.groupId() | type << 16);
                    check(Libc.setsockopt(state, fd, Tpacket.SOL_PACKET, Tpacket.PACKET_FANOUT, value), state, device,
                            "cannot join fanout group " + fanout + " (a group's members must capture on the same"
                                    + " device with the same mode)");
                }
                eventFd = Libc.eventfd(state, 0, Tpacket.EFD_NONBLOCK | Tpacket.EFD_CLOEXEC);
                if (eventFd < 0) {
                    throw new PcapException(device + ": " + Libc.describe("eventfd", state));
                }
                PacketSocket socket = new PacketSocket(device, fd, ifindex, hatype, cooked, geometry, arena, map,
                        eventFd);
                OPEN.incrementAndGet();
                done = true;
                return socket;
            } finally {
                if (!done) {
                    if (arena != null) {
                        arena.close();
                    }
                    if (eventFd >= 0) {
                        Libc.close(eventFd);
                    }
                    Libc.close(fd);
                }
            }
        }
    }

    /**
     * The room the kernel leaves in front of each packet, beyond what its layout leaves anyway: a cooked header
     * with a VLAN tag, and the metadata a userland run of the kernel's filter reads
     * ({@link KernelPrograms#PSEUDO_HEADER}). An Ethernet frame has 14 bytes before it already (its header is
     * shorter than the 16 bytes the kernel aligns for): 12 more make room for the metadata and keep the network
     * header on a four-byte boundary, and cost no ring space for short frames, whose slots the kernel rounds to
     * 16 bytes anyway. A frame whose header has another length (a VLAN tag in place) may find less room; the
     * reader copies it out when it needs to.
     */
    static int reserve(boolean cooked, int hatype) {
        if (!cooked && (hatype == Tpacket.ARPHRD_ETHER || hatype == Tpacket.ARPHRD_LOOPBACK)) {
            return 12;
        }
        return Math.max(KernelPrograms.PSEUDO_HEADER, 4 + Framing.SLL2);
    }

    /** Whether a hardware type is captured with its link-layer header (else cooked). */
    static boolean rawCapable(int hatype) {
        return hatype == Tpacket.ARPHRD_ETHER || hatype == Tpacket.ARPHRD_LOOPBACK
                || hatype == Tpacket.ARPHRD_IEEE80211_RADIOTAP || hatype == Tpacket.ARPHRD_NONE
                || hatype == Tpacket.ARPHRD_RAWIP;
    }

    /** Asks for the ring, with fewer blocks while the kernel is short of memory. */
    private static RingGeometry requestRing(Arena scratch, int fd, RingGeometry geometry, String device)
            throws PcapException {
        MemorySegment state = Libc.newCallState(scratch);
        MemorySegment request = scratch.allocate(28, 4);
        while (true) {
            request.set(JAVA_INT, 0, geometry.blockSize());
            request.set(JAVA_INT, 4, geometry.blockCount());
            request.set(JAVA_INT, 8, geometry.blockSize()); // one nominal frame per block: V3 packs packets
            request.set(JAVA_INT, 12, geometry.blockCount());
            request.set(JAVA_INT, 16, geometry.retireMillis());
            request.set(JAVA_INT, 20, 0);
            request.set(JAVA_INT, 24, 0);
            if (Libc.setsockopt(state, fd, Tpacket.SOL_PACKET, Tpacket.PACKET_RX_RING, request) == 0) {
                return geometry;
            }
            if (Libc.errno(state) != 12 /* ENOMEM */ || geometry.blockCount() <= 2) {
                throw new PcapException(device + ": cannot create a ring of " + geometry.blockCount() + " blocks of "
                        + geometry.blockSize() + " bytes (" + Libc.describe("setsockopt PACKET_RX_RING", state) + ")");
            }
            geometry = geometry.halved();
        }
    }

    private static void set(Arena scratch, int fd, int level, int option, int value, String device, String what)
            throws PcapException {
        MemorySegment state = Libc.newCallState(scratch);
        MemorySegment v = scratch.allocate(JAVA_INT);
        v.set(JAVA_INT, 0, value);
        check(Libc.setsockopt(state, fd, level, option, v), state, device, what);
    }

    private static void check(int rc, MemorySegment state, String device, String what) throws PcapException {
        if (rc != 0) {
            throw new PcapException(device + ": " + what + " (" + Libc.strerror(Libc.errno(state)) + ")");
        }
    }

    /** The socket's pending error ({@code SO_ERROR}), which reading it clears; 0 when none. */
    private static int socketError(Arena scratch, int fd) {
        MemorySegment state = Libc.newCallState(scratch);
        MemorySegment value = scratch.allocate(JAVA_INT);
        MemorySegment length = scratch.allocate(JAVA_INT);
        length.set(JAVA_INT, 0, 4);
        if (Libc.getsockopt(state, fd, Tpacket.SOL_SOCKET, Tpacket.SO_ERROR, value, length) != 0) {
            return Libc.errno(state);
        }
        return value.get(JAVA_INT, 0);
    }

    /** Attaches a classic BPF program to a socket; the {@code errno} when the kernel refuses it, else 0. */
    private static int attach(Arena scratch, int fd, BpfProgram program) {
        int n = program.length();
        MemorySegment insns = scratch.allocate(8L * n, 8);
        for (int i = 0; i < n; i++) {
            BpfInstruction insn = program.instructions().get(i);
            insns.set(JAVA_SHORT, 8L * i, (short) insn.code());
            insns.set(JAVA_BYTE, 8L * i + 2, (byte) insn.jt());
            insns.set(JAVA_BYTE, 8L * i + 3, (byte) insn.jf());
            insns.set(JAVA_INT, 8L * i + 4, insn.k());
        }
        MemorySegment fprog = scratch.allocate(16, 8); // struct sock_fprog { unsigned short len; struct sock_filter *filter; }
        fprog.set(JAVA_SHORT, 0, (short) n);
        fprog.set(JAVA_LONG, 8, insns.address());
        MemorySegment state = Libc.newCallState(scratch);
        return Libc.setsockopt(state, fd, Tpacket.SOL_SOCKET, Tpacket.SO_ATTACH_FILTER, fprog) == 0 ? 0
                : Libc.errno(state);
    }

    /** Attaches a program; the {@code errno} when the kernel refuses it, else 0. */
    int attach(BpfProgram program) {
        try (Arena scratch = Arena.ofConfined()) {
            return attach(scratch, fd, program);
        }
    }

    /**
     * Waits until the socket is readable (a block is ready), the event file is written, or the timeout
     * expires. Reading thread only.
     *
     * @param timeoutMillis how long to wait; 0 for not at all, -1 for ever
     * @return {@link #READY}, {@link #WOKEN}, {@link #TIMEOUT} or {@link #AGAIN}
     * @throws PcapException if the socket reports an error: the interface is gone, or another failure
     */
    int await(int timeoutMillis) throws PcapException {
        int n = Libc.poll(pollFds, 2, timeoutMillis); // sets both revents whenever it returns > 0
        if (n < 0) {
            // errno is not kept; a failure that is not an interruption fails again, and says why
            if (Libc.poll(pollState, pollFds, 2, 0) < 0 && Libc.errno(pollState) != Libc.EINTR) {
                throw new PcapException(device + ": " + Libc.describe("poll", pollState));
            }
            return AGAIN;
        }
        if (n == 0) {
            return TIMEOUT;
        }
        if (pollFds.get(JAVA_SHORT, 14) != 0) {
            Libc.read(eventFd, drained); // resets the counter; the caller checks why it was woken
            return WOKEN;
        }
        short events = pollFds.get(JAVA_SHORT, 6);
        if ((events & Tpacket.POLLNVAL) != 0) {
            throw new PcapException(device + ": Invalid polling request on packet socket");
        }
        if ((events & Tpacket.POLLHUP) != 0) {
            throw new PcapException(device + ": Hangup on packet socket");
        }
        if ((events & Tpacket.POLLERR) != 0) {
            int error;
            try (Arena scratch = Arena.ofConfined()) {
                error = socketError(scratch, fd);
            }
            if (error == Libc.ENETDOWN) {
                // The interface went down, or away: a capture on one that comes back up goes on, as libpcap's
                // does; one whose interface is gone ends.
                if (ifindex != 0 && !Interfaces.stillThere(device, ifindex)) {
                    throw new PcapException(device + ": The interface disappeared");
                }
                return AGAIN;
            }
            if (error != 0) {
                throw new PcapException(device + ": Error condition on packet socket: " + Libc.strerror(error));
            }
            return AGAIN;
        }
        return READY;
    }

    /**
     * Set by {@link #requestBreak} from any thread; the handle's reader stops at the next packet and clears it.
     * It lives here, not in the handle, so that what closes the socket need not refer to the handle.
     */
    volatile boolean breakRequested;

    /** Wakes the reader from {@link #await}; from any thread. */
    void wake() {
        Libc.write(eventFd, one);
    }

    /** Asks the reader to stop ({@code breakLoop}, {@code close}) and wakes it; from any thread. */
    void requestBreak() {
        breakRequested = true;
        wake();
    }

    /**
     * Reads and resets the kernel's counters ({@code struct tpacket_stats_v3}): packets that passed the filter,
     * dropped ones included, and packets dropped because the ring was full.
     *
     * @return {@code {received, dropped}} since the last call
     */
    long[] takeStats() throws PcapException {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment state = Libc.newCallState(scratch);
            MemorySegment stats = scratch.allocate(12, 4);
            MemorySegment length = scratch.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, 12);
            if (Libc.getsockopt(state, fd, Tpacket.SOL_PACKET, Tpacket.PACKET_STATISTICS, stats, length) != 0) {
                throw new PcapException(device + ": cannot get statistics ("
                        + Libc.describe("getsockopt PACKET_STATISTICS", state) + ")");
            }
            return new long[] {stats.get(JAVA_INT, 0) & 0xffffffffL, stats.get(JAVA_INT, 4) & 0xffffffffL};
        }
    }

    /** Sends the bytes between the frame's position and limit, as one frame. */
    void send(ByteBuffer frame) throws PcapException {
        int length = frame.remaining();
        synchronized (sendLock) {
            if (sendBuffer == null || sendBuffer.byteSize() < length) {
                sendBuffer = arena.allocate(Math.max(length, 2048), 16);
            }
            MemorySegment.copy(MemorySegment.ofBuffer(frame), 0, sendBuffer, 0, length);
            try (Arena scratch = Arena.ofConfined()) {
                MemorySegment state = Libc.newCallState(scratch);
                if (Libc.send(state, fd, sendBuffer, length, 0) < 0) {
                    throw new PcapException(device + ": " + Libc.describe("send", state));
                }
            }
        }
    }

    /**
     * Unmaps the ring and closes the descriptors. Call once, when no thread is inside: the handle's guard
     * sees to that. A view still touched by a thread against the contract keeps the mapping alive rather than
     * have it unmapped under it.
     */
    void close() {
        try {
            arena.close();
        } catch (IllegalStateException e) {
            System.getLogger(PacketSocket.class.getName()).log(System.Logger.Level.WARNING,
                    "the ring of a closed capture is still in use; not unmapped: " + device, e);
        } finally {
            Libc.close(eventFd);
            Libc.close(fd);
            OPEN.decrementAndGet();
        }
    }

    /** How many sockets are open; for the tests that check nothing leaks. */
    static int openCount() {
        return OPEN.get();
    }
}
