package dev.trawl.pcap.afpacket;

import java.time.Duration;

/**
 * The shape of a {@code TPACKET_V3} ring ({@code struct tpacket_req3}): how many blocks of what size, and when
 * the kernel hands over a block that is not full.
 *
 * <p>The kernel packs packets of any length into a block and hands the block over when the next packet does
 * not fit or when the block's retire timeout expires; a packet longer than a block is cut. So a block must
 * hold the longest packet the capture keeps (the snapshot length, or the interface's largest frame when
 * smaller), and beyond that, fewer and larger blocks cost fewer wake-ups and ownership changes: a reader that
 * keeps up sleeps in {@code poll} once per block, and a wake-up costs as much CPU as a few thousand packets.
 * The buffer size is split into four blocks of a power of two from 64 KiB to 4 MiB (the kernel allocates
 * each block contiguously), never fewer than two: while the reader holds one block the kernel still has
 * three quarters of the buffer to fill. (libpcap 1.10 makes blocks of 256 KiB at the largest snapshot
 * length, 32 of them in an 8 MiB buffer, and so wakes its reader up to eight times as often.)
 *
 * @param blockSize bytes per block, a power of two
 * @param blockCount number of blocks
 * @param retireMillis the block retire timeout in milliseconds; -1 (unsigned: never) when the capture waits
 *     for ever
 */
record RingGeometry(int blockSize, int blockCount, int retireMillis) {
    /** libpcap's default buffer size. */
    static final int DEFAULT_BUFFER = 2 << 20;
    /** How many blocks the buffer is split into, before the bounds on a block's size. */
    private static final int BLOCKS = 4;
    private static final int MIN_BLOCK = 64 << 10;
    private static final int MAX_BLOCK = 4 << 20;
    /** Room in a block for its descriptor, a packet's header, address and reserve, and alignment. */
    private static final int OVERHEAD = 256;

    /** The ring for a capture; {@code mtu} is the interface's, or -1 when unknown ({@code any}). */
    static RingGeometry of(int snaplen, int bufferSize, int mtu, Duration timeout, boolean immediate) {
        int buffer = bufferSize > 0 ? bufferSize : DEFAULT_BUFFER;
        // A segmentation-offloading device hands over packets of up to 64 KiB whatever its MTU.
        long largest = Math.max(mtu, 65535) + 18L;
        long needed = OVERHEAD + Math.min(snaplen, largest);
        int block = Integer.highestOneBit(Math.max(buffer / BLOCKS, 1));
        block = Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, block));
        while (block < needed) {
            block <<= 1;
        }
        int count = Math.max(2, buffer / block);
        long millis = timeout.toMillis();
        int retire = immediate ? 1 : timeout.isZero() ? -1 : (int) Math.max(1, Math.min(millis, Integer.MAX_VALUE));
        return new RingGeometry(block, count, retire);
    }

    /** The size of the mapping. */
    long size() {
        return (long) blockSize * blockCount;
    }

    /** The same ring with half the blocks (at least two), for a kernel short of memory. */
    RingGeometry halved() {
        return new RingGeometry(blockSize, Math.max(2, blockCount / 2), retireMillis);
    }
}
