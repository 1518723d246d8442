package dev.trawl.pcap.afpacket;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Plays the kernel's part of a {@code TPACKET_V3} ring in ordinary memory: lays packets out in a block as
 * {@code tpacket_rcv} does (header, {@code sockaddr_ll}, the frame at {@code tp_mac} after the reserve) and
 * hands the block over. Offsets follow the kernel's for a socket with a 4-byte reserve.
 */
final class FakeKernel implements AutoCloseable {
    static final int BLOCK_SIZE = 4096;
    private static final int FIRST = 48; // the block descriptor, aligned

    final Arena arena = Arena.ofShared();
    final MemorySegment map;
    private final int blocks;
    private int block;
    private int packets;
    private long end;
    private long previous = -1;

    FakeKernel(int blocks) {
        this.blocks = blocks;
        this.map = arena.allocate((long) BLOCK_SIZE * blocks, 4096);
        startBlock();
    }

    private long base() {
        return (long) block * BLOCK_SIZE;
    }

    private void startBlock() {
        packets = 0;
        end = base() + FIRST;
        previous = -1;
    }

    /** A packet as a raw socket sees it: the frame starts at its link-layer header. */
    FakeKernel packet(byte[] frame, int pkttype, int ifindex, int seconds, int nanos) {
        return packet(frame, frame.length, pkttype, ifindex, seconds, nanos, 0, 0, 0, false);
    }

    /**
     * Adds a packet to the block being filled.
     *
     * @param cooked whether the socket is cooked: the frame is laid out as the network layer, with more room in
     *     front for the cooked header
     */
    FakeKernel packet(byte[] frame, int wireLength, int pkttype, int ifindex, int seconds, int nanos, int status,
            int tci, int tpid, boolean cooked) {
        long p = end;
        // TPACKET_ALIGN(68 + 16) - 14 (raw) or TPACKET_ALIGN(68) + 16 (cooked), plus the reserve the backend asks for
        int mac = cooked ? 96 + PacketSocket.reserve(true, -1) : 82 + PacketSocket.reserve(false, Tpacket.ARPHRD_ETHER);
        if (previous >= 0) {
            map.set(JAVA_INT, previous, (int) (p - previous));
        }
        map.set(JAVA_INT, p, 0);
        map.set(JAVA_INT, p + 4, seconds);
        map.set(JAVA_INT, p + 8, nanos);
        map.set(JAVA_INT, p + 12, frame.length);
        map.set(JAVA_INT, p + 16, wireLength);
        map.set(JAVA_INT, p + 20, status);
        map.set(JAVA_SHORT, p + 24, (short) mac);
        map.set(JAVA_SHORT, p + 26, (short) (mac + 14));
        map.set(JAVA_INT, p + 32, tci);
        map.set(JAVA_SHORT, p + 36, (short) tpid);
        long sll = p + 48;
        map.set(JAVA_SHORT, sll, (short) 17);
        map.set(JAVA_SHORT, sll + 2, Short.reverseBytes((short) 0x0800));
        map.set(JAVA_INT, sll + 4, ifindex);
        map.set(JAVA_SHORT, sll + 8, (short) 1);
        map.set(JAVA_BYTE, sll + 10, (byte) pkttype);
        map.set(JAVA_BYTE, sll + 11, (byte) 6);
        for (int i = 0; i < 8; i++) {
            map.set(JAVA_BYTE, sll + 12 + i, (byte) (i < 6 ? 0xa0 + i : 0));
        }
        MemorySegment.copy(frame, 0, map, JAVA_BYTE, p + mac, frame.length);
        end = (p + mac + frame.length + 15) & ~15L;
        if (end > base() + BLOCK_SIZE) {
            throw new IllegalStateException("block overflow in the test's fake kernel");
        }
        previous = p;
        packets++;
        return this;
    }

    /** Hands the block being filled over (TP_STATUS_USER) and moves to the next one. */
    FakeKernel handOver() {
        map.set(JAVA_INT, base() + Tpacket.BLOCK_NUM_PKTS, packets);
        map.set(JAVA_INT, base() + Tpacket.BLOCK_FIRST_PKT, FIRST);
        map.set(JAVA_INT, base() + Tpacket.BLOCK_STATUS, Tpacket.TP_STATUS_USER);
        block = (block + 1) % blocks;
        startBlock();
        return this;
    }

    int status(int index) {
        return map.get(JAVA_INT, (long) index * BLOCK_SIZE + Tpacket.BLOCK_STATUS);
    }

    /** Overwrites a field of the first packet of a block, to damage it. */
    void corruptFirstPacket(int index, long field, int value) {
        map.set(JAVA_INT, (long) index * BLOCK_SIZE + FIRST + field, value);
    }

    @Override
    public void close() {
        arena.close();
    }
}
