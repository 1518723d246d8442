package dev.trawl.pcap.afpacket;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the backend's own live tests share: frames of the local experimental EtherType 0x88b5 (or another)
 * that carry a marker of the test run and a sequence number, reading a handle's frames with that marker, and
 * a sender that keeps frames going out of a device from a thread of its own.
 */
final class LiveFrames {
    static final int ETHERTYPE = 0x88b5;
    final long marker = ThreadLocalRandom.current().nextLong();

    static Backend afpacket() throws PcapException {
        return Pcap.backend("afpacket");
    }

    static LiveOptions.Builder quick() {
        return LiveOptions.builder().immediate(true).timeout(Duration.ofMillis(50)).snaplen(65535);
    }

    /**
     * An Ethernet frame: broadcast, then {@code tags} (TPID, TCI pairs) if any, the EtherType, the marker, the
     * sequence number, and padding up to {@code size}.
     */
    byte[] frame(int sequence, int etherType, int size, int... tags) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(size, 60 + 4 * tags.length / 2));
        b.put(new byte[] {-1, -1, -1, -1, -1, -1, 2, 0, 0, 0, 0, 1});
        for (int i = 0; i + 1 < tags.length; i += 2) {
            b.putShort((short) tags[i]).putShort((short) tags[i + 1]);
        }
        b.putShort((short) etherType);
        b.putLong(marker);
        b.putInt(sequence);
        while (b.hasRemaining()) {
            b.put((byte) b.position());
        }
        return b.array();
    }

    /** Whether a frame carries this run's marker, anywhere (behind a cooked header or tags too). */
    boolean ours(byte[] bytes) {
        return at(bytes) >= 0;
    }

    private int at(byte[] bytes) {
        for (int i = 0; i + 12 <= bytes.length; i++) {
            if (ByteBuffer.wrap(bytes, i, 8).getLong() == marker) {
                return i;
            }
        }
        return -1;
    }

    /** The sequence number of one of this run's frames. */
    int sequenceOf(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getInt(at(bytes) + 8);
    }

    /**
     * Reads this run's frames until {@code count} came or nothing came for {@code quiet}. A watchdog breaks a
     * read that blocks for longer (libpcap's reads on Linux wait for traffic whatever their timeout).
     */
    List<byte[]> collect(LiveHandle h, int count, Duration quiet) throws PcapException {
        List<byte[]> got = new ArrayList<>();
        AtomicLong last = new AtomicLong(System.nanoTime());
        AtomicBoolean done = new AtomicBoolean();
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            while (!done.get()) {
                if (System.nanoTime() - last.get() > quiet.toNanos()) {
                    h.breakLoop();
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            while (got.size() < count && System.nanoTime() - last.get() < quiet.toNanos()) {
                if (h.next() == ReadStatus.PACKET) {
                    byte[] bytes = h.packet().copy().bytes();
                    if (ours(bytes)) {
                        got.add(bytes);
                        last.set(System.nanoTime());
                    }
                }
            }
        } finally {
            done.set(true);
            watchdog.interrupt();
        }
        return got;
    }

    /** Sends frames from a handle of its own on a device, in a loop, until closed. */
    static final class Sender implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong sent = new AtomicLong();
        private final Thread thread;
        private volatile Throwable failure;

        Sender(String device, byte[]... frames) throws PcapException {
            LiveHandle out = afpacket().openLive(device, quick().build());
            thread = Thread.ofPlatform().daemon().name("afpacket-test-sender").start(() -> {
                try (out) {
                    for (int i = 0; running.get(); i++) {
                        try {
                            out.send(frames[i % frames.length]);
                            sent.incrementAndGet();
                        } catch (PcapException e) {
                            Thread.onSpinWait(); // the device queue is full for a moment: try again
                        }
                    }
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            });
        }

        long sent() {
            return sent.get();
        }

        @Override
        public void close() {
            running.set(false);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw new AssertionError("the sender failed", failure);
            }
        }
    }
}
