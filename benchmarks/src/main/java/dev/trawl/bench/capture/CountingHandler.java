package dev.trawl.bench.capture;

import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketHandler;

import java.nio.ByteBuffer;

/**
 * The handler of the dispatch and loop benchmarks: touches the captured length and the first byte of every
 * packet, as the C baseline's callback does, and counts packets. Not thread-safe.
 */
final class CountingHandler implements PacketHandler {
    long sum;
    long count;

    void reset() {
        sum = 0;
        count = 0;
    }

    @Override
    public void onPacket(Packet packet) {
        ByteBuffer data = packet.data();
        sum += packet.capturedLength() + data.get(data.position());
        count++;
    }
}
