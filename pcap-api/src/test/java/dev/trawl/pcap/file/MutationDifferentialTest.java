package dev.trawl.pcap.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged files read as libpcap reads them: corpus captures with random damage (flipped bits, overwritten
 * length fields, cut ends) give the same packets and the same kind of ending (clean end, or an error where
 * libpcap reports one) as libpcap itself, run through src/test/c/pcap_oracle.c.
 *
 * <p>Known, deliberate differences are not counted: pcapng interfaces or sections that libpcap refuses, pcap
 * seconds beyond 2^31, and the link types whose headers libpcap rewrites in byte-swapped files.
 */
@Tag("native")
class MutationDifferentialTest {
    /** How many mutants; the environment variable {@code TRAWL_MUTANTS=N} runs more. */
    private static final int MUTANTS = Integer.parseInt(System.getenv().getOrDefault("TRAWL_MUTANTS", "400"));
    /** Link types whose pseudo-headers libpcap byte-swaps or whose lengths it fixes up. */
    private static final Set<Integer> REWRITTEN = Set.of(113, 117, 189, 220, 239, 276);

    @TempDir
    Path dir;

    @Test
    void damagedCapturesReadAsLibpcapReadsThem() throws Exception {
        Path oracle = Oracle.libpcap();
        List<Path> seeds;
        try (Stream<Path> list = Files.list(Oracle.corpus().resolve("captures"))) {
            seeds = list.filter(p -> {
                String n = p.getFileName().toString();
                return (n.endsWith(".pcap") || n.endsWith(".pcapng")) && p.toFile().length() < 64 * 1024;
            }).sorted().toList();
        }
        Random random = new Random(Long.parseLong(System.getenv().getOrDefault("TRAWL_MUTANTS_SEED", "20261126")));
        int compared = 0;
        for (int i = 0; i < MUTANTS; i++) {
            Path seed = seeds.get(random.nextInt(seeds.size()));
            byte[] bytes = mutate(Files.readAllBytes(seed), random);
            Path mutant = dir.resolve("mutant-" + i);
            Files.write(mutant, bytes);
            String what = "mutant " + i + " of " + seed.getFileName();
            List<String> lines = Oracle.run(List.of(oracle.toString(), mutant.toString(), "nano")).lines();
            try {
                if (compare(mutant, lines, what)) {
                    compared++;
                }
            } catch (AssertionError e) {
                Path kept = Path.of("target", "mutation-failures", "mutant-" + i);
                Files.createDirectories(kept.getParent());
                Files.copy(mutant, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                throw new AssertionError(e.getMessage() + " (kept as " + kept + ")", e);
            }
            Files.delete(mutant);
        }
        System.out.println("MutationDifferentialTest: " + compared + " of " + MUTANTS + " mutants compared");
        assertTrue(compared > MUTANTS / 2, compared + " of " + MUTANTS + " mutants compared");
    }

    /** Damaged files on which the java provider once disagreed with libpcap. */
    @Test
    void pastDisagreementsNowAgree() throws Exception {
        Path oracle = Oracle.libpcap();
        Path dir = Path.of("src/test/resources/dev/trawl/pcap/file/libpcap-agreement");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        assertTrue(files.size() >= 4);
        for (Path file : files) {
            List<String> lines = Oracle.run(List.of(oracle.toString(), file.toString(), "nano")).lines();
            assertTrue(compare(file, lines, file.getFileName().toString()), file.toString());
            lines = Oracle.run(List.of(oracle.toString(), file.toString(), "micro")).lines();
            assertTrue(compareMicro(file, lines), file.toString());
        }
    }

    /** Timestamps in microseconds agree too (libpcap scales before it normalises). */
    private static boolean compareMicro(Path file, List<String> lines) throws Exception {
        if (lines.get(0).startsWith("OPEN_ERROR")) {
            return true;
        }
        try (OfflineHandle h = new JavaBackend().openOffline(file, OfflineOptions.of(TimestampPrecision.MICRO))) {
            for (String line : lines.subList(1, lines.size() - 1)) {
                String[] f = line.split("\t", -1);
                assertEquals(ReadStatus.PACKET, h.next());
                assertEquals(Long.parseLong(f[1]) * 1_000_000_000L + Long.parseLong(f[2]) * 1000,
                        h.packet().timestampEpochNanos(), file + " " + line.substring(0, 40));
            }
        }
        return true;
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        int kind = random.nextInt(4);
        if (b.length == 0) {
            return b;
        }
        switch (kind) {
            case 0 -> { // flip a few bits
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    int at = random.nextInt(b.length);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> { // overwrite an aligned 32-bit word (a length, an id, a link type) with a telling value
                int at = random.nextInt(b.length / 4 + 1) * 4;
                int[] values = {0, 1, 3, 11, 12, 13, 0xffff, 0x10000, 262144, 262145, 0x7fffffff, -1, -4};
                ByteBuffer.wrap(b).putInt(Math.min(at, b.length - 4 < 0 ? 0 : b.length - 4),
                        values[random.nextInt(values.length)]);
            }
            case 2 -> { // cut the end
                return java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
            }
            default -> { // overwrite a byte
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
        }
        return b;
    }

    /** Compares one mutant; false when it falls under a known, deliberate difference. */
    private static boolean compare(Path file, List<String> lines, String what) throws Exception {
        assertTrue(!lines.isEmpty(), what + ": no oracle output");
        JavaBackend backend = new JavaBackend();
        if (lines.get(0).startsWith("OPEN_ERROR")) {
            try (OfflineHandle h = backend.openOffline(file, OfflineOptions.of(TimestampPrecision.NANO))) {
                fail(what + ": libpcap cannot open it (" + lines.get(0) + ") but the java provider did");
            } catch (MalformedCaptureException expected) {
                return true;
            }
        }
        int dlt = Integer.parseInt(lines.get(0).split("\t")[1]);
        String end = lines.get(lines.size() - 1);
        boolean divergent = LibpcapConformanceTest.DIVERGENT_READ_ERRORS.stream().anyMatch(end::contains)
                || end.contains("different byte orders");
        try (OfflineHandle h = backend.openOffline(file, OfflineOptions.of(TimestampPrecision.NANO))) {
            if (REWRITTEN.contains(dlt) && h.isSwapped()) {
                return false;
            }
            int frame = 0;
            for (String line : lines.subList(1, lines.size() - 1)) {
                frame++;
                String[] f = line.split("\t", -1);
                if (Long.parseLong(f[1]) < 0) {
                    return false; // seconds beyond 2^31: libpcap 1.10 sign-extends them
                }
                ReadStatus status;
                try {
                    status = h.next();
                } catch (MalformedCaptureException e) {
                    fail(what + ": failed at frame " + frame + " that libpcap reads: " + e.getMessage());
                    return false;
                }
                assertEquals(ReadStatus.PACKET, status, what + " frame " + frame);
                Packet p = h.packet();
                assertEquals(Long.parseLong(f[1]) * 1_000_000_000L + Long.parseLong(f[2]), p.timestampEpochNanos(),
                        what + " timestamp of frame " + frame);
                assertEquals(Long.parseLong(f[3]), Integer.toUnsignedLong(p.capturedLength()), what + " caplen");
                assertEquals(Long.parseLong(f[4]), Integer.toUnsignedLong(p.originalLength()), what + " len");
                byte[] bytes = new byte[p.capturedLength()];
                p.data().get(p.data().position(), bytes);
                assertEquals(f[5], HexFormat.of().formatHex(bytes), what + " bytes of frame " + frame);
            }
            if (divergent) {
                return false;
            }
            if (end.equals("END\tOK")) {
                assertEquals(ReadStatus.END_OF_FILE, h.next(), what + ": libpcap ends cleanly after " + frame);
            } else {
                try {
                    while (h.next() == ReadStatus.PACKET) {
                        frame++;
                    }
                    fail(what + ": libpcap fails (" + end + ") but the java provider ended cleanly after "
                            + frame + " frames");
                } catch (MalformedCaptureException expected) {
                    assertTrue(expected.offset() >= 0, expected.getMessage());
                }
            }
            return true;
        } catch (MalformedCaptureException e) {
            fail(what + ": the java provider cannot open what libpcap opens: " + e.getMessage());
            return false;
        }
    }
}
