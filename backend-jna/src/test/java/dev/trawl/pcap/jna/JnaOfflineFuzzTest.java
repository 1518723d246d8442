package dev.trawl.pcap.jna;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trawl.pcap.Backend;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.UnsupportedCapabilityException;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;

/**
 * Fuzzes reading capture files through libpcap and this binding: any input opens and reads, or fails with a
 * {@link MalformedCaptureException}; the packet views always agree with their headers; nothing crashes the
 * JVM or hangs.
 *
 * <p>Without {@code JAZZER_FUZZ=1} it replays the seeds in {@code JnaOfflineFuzzTestInputs/} (small corpus
 * captures, well-formed and damaged). The {@code fuzz} Maven profile fuzzes for the {@code maxDuration}.
 */
@Tag("native")
class JnaOfflineFuzzTest {
    private static Backend backend;
    private static Path file;

    @FuzzTest(maxDuration = "60s")
    void libpcapReadsOrRejectsAnyInputCleanly(byte[] input) throws Exception {
        if (backend == null) {
            backend = Pcap.backend("jna");
            file = Files.createTempFile("trawl-jna-fuzz", ".cap");
            file.toFile().deleteOnExit();
        }
        Files.write(file, input);
        TimestampPrecision precision = input.length % 2 == 0 ? TimestampPrecision.NANO : TimestampPrecision.MICRO;
        OfflineHandle handle;
        try {
            handle = backend.openOffline(file, OfflineOptions.of(precision));
        } catch (MalformedCaptureException | UnsupportedCapabilityException expected) {
            return; // a bad header, or gzip
        }
        try (handle) {
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
                check(p.copy().capturedLength() == p.capturedLength(), "copy differs");
            }
        } catch (MalformedCaptureException expected) {
            check(expected.getMessage() != null && !expected.getMessage().isEmpty(), "no message");
        } catch (PcapException e) {
            throw new AssertionError("a bad file must be a MalformedCaptureException: " + e, e);
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
