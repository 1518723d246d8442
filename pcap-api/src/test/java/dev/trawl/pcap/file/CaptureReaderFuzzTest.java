package dev.trawl.pcap.file;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;

/**
 * Fuzzes the pcap and pcapng readers (and the gzip front end): any input either reads, or fails with a
 * {@link MalformedCaptureException}; never another exception, an error, a hang or a large allocation.
 *
 * <p>Without {@code JAZZER_FUZZ=1} it replays the seeds in {@code CaptureReaderFuzzTestInputs/} (small corpus
 * captures, well-formed and damaged, and any crash found before). The {@code fuzz} Maven profile fuzzes for
 * the {@code maxDuration} below.
 */
class CaptureReaderFuzzTest {
    private static final JavaBackend BACKEND = new JavaBackend();

    @FuzzTest(maxDuration = "60s")
    void readersRejectBadInputCleanly(byte[] input) throws Exception {
        TimestampPrecision precision = input.length % 2 == 0 ? TimestampPrecision.NANO : TimestampPrecision.MICRO;
        OfflineHandle handle;
        try {
            handle = BACKEND.openOffline(new ByteArrayInputStream(input), OfflineOptions.of(precision));
        } catch (MalformedCaptureException expected) {
            return;
        }
        try (handle) {
            handle.unwrap(CaptureInfo.class);
            for (int i = 0; i < 10_000; i++) {
                ReadStatus status = handle.next();
                if (status != ReadStatus.PACKET) {
                    check(status == ReadStatus.END_OF_FILE, "unexpected status " + status);
                    break;
                }
                Packet p = handle.packet();
                ByteBuffer data = p.data();
                check(data.remaining() == p.capturedLength(), "caplen differs from the data");
                check(data.isReadOnly(), "writable packet data");
                check(p.timestampNanos() >= 0 && p.timestampNanos() < 1_000_000_000, "nanos out of range");
                check(precision == TimestampPrecision.NANO || p.timestampNanos() % 1000 == 0, "not micro");
                check(p.capturedLength() <= 128 * 1024 * 1024, "absurd caplen");
                PacketRecord copy = p.copy();
                check(copy.capturedLength() == p.capturedLength(), "copy differs");
            }
            handle.unwrap(CaptureInfo.class);
        } catch (MalformedCaptureException expected) {
            check(expected.getMessage() != null && !expected.getMessage().isEmpty(), "no message");
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
