package dev.trawl.pcap.afpacket;

import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.Direction;

/**
 * How a handle turns the packets of the ring into the frames it delivers, and which it drops: the link-layer
 * header it builds in front of cooked packets, where a VLAN tag the kernel took out goes back, the snapshot
 * length, the direction, and the userland part of the filter. Immutable: a handle replaces its framing as a
 * whole, and the reading thread picks the new one up between packets.
 *
 * @param header the cooked header built in front of each packet: 0, {@link #SLL} or {@link #SLL2}
 * @param vlanOffset where in the frame a stripped VLAN tag is put back (before the EtherType), or -1
 * @param snaplen the most bytes delivered of a packet
 * @param direction which packets to deliver by direction
 * @param loopbackIndex the loopback device's index, whose outgoing packets are dropped because the kernel shows
 *     them again as incoming ones; 0 when the capture is on the loopback device itself; -1 when no loopback
 *     packets reach the capture
 * @param filter what runs in userland, never null
 */
record Framing(int header, int vlanOffset, int snaplen, Direction direction, int loopbackIndex, UserlandFilter filter) {
    /** Length of the Linux cooked header, v1. */
    static final int SLL = 16;
    /** Length of the Linux cooked header, v2. */
    static final int SLL2 = 20;

    Framing withDirection(Direction d) {
        return new Framing(header, vlanOffset, snaplen, d, loopbackIndex, filter);
    }

    Framing withFilter(UserlandFilter f) {
        return new Framing(header, vlanOffset, snaplen, direction, loopbackIndex, f);
    }

    Framing withHeader(int h, int vlan) {
        return new Framing(h, vlan, snaplen, direction, loopbackIndex, filter);
    }

    /**
     * The part of a filter that runs in userland: the kernel's program, to decide as the kernel would where the
     * kernel did not (the blocks the previous filter filled, or every packet when the kernel refused the
     * program), and a program for the frames as delivered, where the kernel could not run it (tagged frames
     * for a program that expects their tag in place; cooked frames for one that reads their header).
     *
     * @param kernel the kernel's program rewritten to read the packet's metadata from a pseudo-header in front of
     *     it ({@link KernelPrograms#forUserland}), run on the packet as the kernel holds it; or null
     * @param kernelEveryPacket whether {@code kernel} runs on every packet, or only on the blocks to drain
     * @param delivered a program for the frames as delivered, or null
     * @param deliveredTaggedOnly whether {@code delivered} runs only on frames whose tag the kernel took out
     * @param drainBlocks how many blocks, from the moment the filter is set, may hold packets that passed the
     *     previous filter
     */
    record UserlandFilter(BpfProgram kernel, boolean kernelEveryPacket, BpfProgram delivered,
            boolean deliveredTaggedOnly, int drainBlocks) {
        static final UserlandFilter NONE = new UserlandFilter(null, false, null, false, 0);
    }
}
