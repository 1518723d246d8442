package dev.trawl.pcap.tck;

import dev.trawl.pcap.Capability;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the live groups share: a network namespace of their own with a veth pair across its boundary
 * ({@link VethPair}), created before the group and deleted after it, even on failure; frames of the local
 * experimental EtherType 0x88b5 tagged with a random number per test, so that a capture can tell its own
 * frames from anything else; and the two ways frames cross the boundary: {@link #inject} sends them from
 * inside the namespace to the backend's end, {@link #sendFrom} sends them with the backend, to be seen
 * inside the namespace by a {@link PeerCapture}.
 */
abstract class LiveBase extends KitPart {
    static final int ETHERTYPE = 0x88b5;
    static final String OUR_FRAMES = "ether proto 0x88b5";

    VethPair pair;
    long tag;

    @BeforeEach
    void newTag() {
        tag = ThreadLocalRandom.current().nextLong();
    }

    @BeforeAll
    void createPair() throws Exception {
        // a backend without live capture has nothing to check here, with or without root
        Assumptions.assumeTrue(supports(Capability.LIVE_CAPTURE), "the backend does not declare LIVE_CAPTURE");
        VethPair.requirePrivilege();
        pair = VethPair.create();
    }

    @AfterAll
    void deletePair() {
        if (pair != null) {
            pair.close();
            pair = null;
        }
    }

    /** Options for a quick capture: immediate where supported, a short timeout. */
    LiveOptions.Builder quick() throws Exception {
        LiveOptions.Builder b = LiveOptions.builder().timeout(Duration.ofMillis(100)).snaplen(65535);
        if (supports(Capability.IMMEDIATE_MODE)) {
            b.immediate(true);
        }
        return b;
    }

    LiveHandle capture(String device, LiveOptions options) throws Exception {
        LiveHandle h = backend().openLive(device, options);
        if (supports(Capability.FILTER)) {
            h.setFilter(OUR_FRAMES);
        }
        return h;
    }

    /** An Ethernet frame of our EtherType: a broadcast, our tag, a sequence number, padding to {@code size}. */
    byte[] frame(int sequence, int etherType, int size) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(size, 60));
        b.put(new byte[] {-1, -1, -1, -1, -1, -1, 2, 0, 0, 0, 0, 1});
        b.putShort((short) etherType);
        b.putLong(tag);
        b.putInt(sequence);
        while (b.hasRemaining()) {
            b.put((byte) b.position());
        }
        return b.array();
    }

    byte[] frame(int sequence) {
        return frame(sequence, ETHERTYPE, 60);
    }

    /** Whether a frame is one of this test's. */
    boolean ours(byte[] bytes) {
        return bytes.length >= 26 && ByteBuffer.wrap(bytes).getLong(14) == tag;
    }

    static int sequenceOf(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getInt(22);
    }

    /** Reads until {@code count} of this test's frames arrived or {@code within} passed; returns them. */
    List<byte[]> receive(LiveHandle h, int count, Duration within) throws PcapException {
        List<byte[]> got = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (got.size() < count && System.nanoTime() < deadline) {
            if (h.next() == ReadStatus.PACKET) {
                byte[] bytes = h.packet().copy().bytes();
                if (ours(bytes)) {
                    got.add(bytes);
                }
            }
        }
        return got;
    }

    /** Sends frames from inside the namespace; they arrive, in order, on end a, where the backend captures. */
    void inject(byte[]... frames) {
        pair.inject(frames);
    }

    /** Sends frames with the backend from a handle on a device (where SEND is declared; else the test is skipped). */
    void sendFrom(String device, byte[]... frames) throws Exception {
        Assumptions.assumeTrue(supports(Capability.SEND), "the backend does not declare SEND");
        try (LiveHandle sender = backend().openLive(device, LiveOptions.builder().timeout(Duration.ofMillis(100)).build())) {
            for (byte[] f : frames) {
                sender.send(f);
            }
        }
    }
}
