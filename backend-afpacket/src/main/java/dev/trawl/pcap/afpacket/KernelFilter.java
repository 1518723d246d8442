package dev.trawl.pcap.afpacket;

import dev.trawl.filter.Filter;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.PcapException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A handle's filter, split between the kernel and the reading thread.
 *
 * <p>The program a user compiles or sets is for the frames the handle delivers. The kernel runs its own
 * version ({@link KernelPrograms}): for an expression compiled here, the {@code filter} module's kernel
 * variant, whose {@code vlan} reads the tag the kernel took out of the frame; for a cooked socket, the program
 * with its cooked-header loads rewritten; for any other program, one that lets tagged frames through to the
 * reader, which runs the program on them once their tag is back. A program the kernel refuses runs in
 * userland alone, in the same way, which is logged at debug level.
 *
 * <p>Replacing a filter lets no packet of the old one through: the kernel first gets a program that drops
 * everything, then the new one; the packets already in the ring (which the old filter let in) are filtered
 * by the reader with the new kernel program, run on the packet as the kernel holds it with its metadata in
 * front ({@link KernelPrograms#forUserland}), so that it decides exactly as the kernel would have.
 *
 * <p>Thread-safe: changes are serialized, and the reading thread sees each as one new {@link Framing}.
 */
final class KernelFilter {
    /** How many compiled programs remember their kernel version, for {@code setFilter(BpfProgram)}. */
    private static final int REMEMBERED = 8;

    private final PacketSocket socket;
    private final Ring ring;
    private final Supplier<LinkType> linkType;
    private final int snaplen;
    private final Map<BpfProgram, BpfProgram> kernelVersions = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<BpfProgram, BpfProgram> eldest) {
            return size() > REMEMBERED;
        }
    };

    KernelFilter(PacketSocket socket, Ring ring, Supplier<LinkType> linkType, int snaplen) {
        this.socket = socket;
        this.ring = ring;
        this.linkType = linkType;
        this.snaplen = snaplen;
    }

    /** Compiles for the frames delivered, and remembers the kernel's version of the program. */
    BpfProgram compile(String expression, boolean optimize, int netmask) throws PcapException {
        LinkType type = linkType.get();
        FilterSpec spec = FilterSpec.of(expression, type).withSnaplen(snaplen).withOptimize(optimize).withNetmask(netmask);
        BpfProgram program = Filter.compile(spec);
        if (type.equals(LinkType.ETHERNET)) {
            BpfProgram kernel = Filter.compileForLinuxKernel(spec);
            synchronized (this) {
                kernelVersions.put(program, kernel);
            }
        }
        return program;
    }

    /** Replaces the framing as a whole; changes from several threads do not lose one another. */
    synchronized void update(UnaryOperator<Framing> change) {
        ring.framing = change.apply(ring.framing);
    }

    /**
     * Sets a filter.
     *
     * @return null, or why the kernel refused its version (the filter then runs in userland)
     */
    synchronized String set(BpfProgram program) throws PcapException {
        BpfProgram kernel;
        BpfProgram delivered = null;
        boolean taggedOnly = false;
        Framing framing = ring.framing;
        BpfProgram known = kernelVersions.get(program);
        if (known != null) {
            kernel = known;
        } else if (KernelPrograms.usesAncillaryData(program)) {
            kernel = program; // written for the kernel already
        } else if (framing.header() != 0) {
            kernel = KernelPrograms.forCooked(program, framing.header());
            if (kernel == null) {
                kernel = KernelPrograms.acceptAll(snaplen); // it reads the cooked header: only userland can run it
                delivered = program;
            }
        } else if (framing.vlanOffset() >= 0) {
            kernel = KernelPrograms.passTagged(program, snaplen);
            delivered = program;
            taggedOnly = true;
        } else {
            kernel = program;
        }
        // Nothing more passes the old filter; what it let in is in the blocks the kernel handed over and in the
        // one it fills, where the reader runs the new kernel program as the kernel would. One more block covers
        // a packet the old filter passed on another CPU just before it was replaced, and that lands after the
        // count. (A packet socket with a ring queues nothing outside it: draining the socket is draining those.)
        socket.attach(KernelPrograms.dropAll());
        int drain = ring.blocksHandedOver() + 2;
        BpfProgram shadow = KernelPrograms.forUserland(kernel);
        publish(new Framing.UserlandFilter(shadow, false, delivered, taggedOnly, drain));
        int refused = socket.attach(kernel);
        if (refused == 0) {
            return null;
        }
        if (socket.attach(KernelPrograms.acceptAll(snaplen)) != 0) {
            throw new PcapException(socket.device + ": cannot set the filter: " + Libc.strerror(refused));
        }
        publish(new Framing.UserlandFilter(shadow, true, delivered, taggedOnly, drain));
        return Libc.strerror(refused);
    }

    private void publish(Framing.UserlandFilter filter) {
        ring.framing = ring.framing.withFilter(filter);
    }
}
