package dev.trawl.pcap.tck;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.Handle;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.function.ThrowingSupplier;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** What the kit's groups share: the kit, the backend, the corpus, and bounded reads. */
abstract class KitPart {
    /** The most one file's checks may take; far more than a working backend needs. */
    static final Duration BOUND = Duration.ofSeconds(20);

    private Backend backend;

    abstract ConformanceKit kit();

    Backend backend() throws Exception {
        if (backend == null) {
            backend = kit().backend();
        }
        return backend;
    }

    boolean supports(Capability capability) throws Exception {
        return backend().supports(capability);
    }

    static Corpus corpus() {
        return Corpus.get();
    }

    static <T> T bounded(ThrowingSupplier<T> work) {
        return assertTimeoutPreemptively(BOUND, work);
    }

    /** What reading a handle to its end gave: the packets, and the exception that ended it, if any. */
    record ReadResult(List<PacketRecord> packets, PcapException error) {
    }

    /** Reads with next() until the end or an exception; never more than {@code limit} packets. */
    static ReadResult readAll(Handle handle, int limit) {
        List<PacketRecord> packets = new ArrayList<>();
        try {
            while (packets.size() < limit) {
                ReadStatus status = handle.next();
                if (status == ReadStatus.END_OF_FILE) {
                    break;
                }
                if (status != ReadStatus.PACKET) {
                    throw new AssertionError("an offline read returned " + status);
                }
                packets.add(handle.packet().copy());
            }
            return new ReadResult(packets, null);
        } catch (PcapException e) {
            return new ReadResult(packets, e);
        }
    }

    static ReadResult readAll(Handle handle) {
        return readAll(handle, 1_000_000);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String describe(PacketRecord p) {
        return p.timestampSeconds() + "." + String.format("%09d", p.timestampNanos()) + " caplen="
                + p.capturedLength() + " len=" + p.originalLength() + " sha256=" + sha256(p.bytes());
    }
}
