package dev.trawl.pcap.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared capture corpus ({@link TestCorpus}) and the oracle results stored with it: the manifest,
 * tshark's per-frame view, libpcap's read status, and the filter verdicts. Parsed once per JVM; immutable.
 */
final class Corpus {
    /** One capture file as the manifest lists it. */
    record Capture(String name, Path path, String format, String endianness, String precision, String linkTypes) {
        boolean pcapng() {
            return format.startsWith("pcapng");
        }

        /** The single LINKTYPE value of the file, or -1 when it has several or none. */
        int linkType() {
            try {
                return Integer.parseInt(linkTypes);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /** What libpcap did with a file: how many frames it read, and how it ended. */
    record ReadStatus(int frames, Outcome outcome, String message) {
    }

    /** How libpcap's reading of a file ended. */
    enum Outcome { OK, OPEN_ERROR, READ_ERROR }

    /**
     * One frame as tshark saw it: number, epoch time in nanoseconds, wire and captured length, and whether
     * the file's time fields are out of range (a negative time, or a fraction of a second or more), where
     * readers legitimately differ.
     */
    record Frame(int number, long epochNanos, int length, int capturedLength, boolean oddTime) {
    }

    /** One row of {@code filters/expressions.tsv}. */
    record Expression(int n, String expression, boolean valid, String error, int instructions) {
    }

    /** One row of {@code filters/matches.tsv}: the frames matched, or the compile error. */
    record Match(String expression, String capture, List<Integer> frames, String compileError) {
    }

    private static volatile Corpus instance;

    final Path root;
    final List<Capture> captures;
    final Map<String, ReadStatus> readStatus;
    private final Map<String, List<Frame>> frames = new java.util.concurrent.ConcurrentHashMap<>();

    private Corpus(Path root) throws IOException {
        this.root = root;
        List<Capture> list = new ArrayList<>();
        for (String[] row : rows(root.resolve("captures/MANIFEST.tsv"))) {
            list.add(new Capture(row[0], root.resolve("captures").resolve(row[0]), row[2], row[3], row[4], row[5]));
        }
        this.captures = Collections.unmodifiableList(list);
        Map<String, ReadStatus> status = new LinkedHashMap<>();
        for (String[] row : rows(root.resolve("expected/_libpcap_read_status.tsv"))) {
            String result = row[2];
            Outcome outcome = result.startsWith("OPEN_ERROR") ? Outcome.OPEN_ERROR
                    : result.startsWith("READ_ERROR") ? Outcome.READ_ERROR : Outcome.OK;
            int colon = result.indexOf(": ");
            status.put(row[0], new ReadStatus(Integer.parseInt(row[1]), outcome,
                    outcome == Outcome.OK || colon < 0 ? "" : result.substring(colon + 2)));
        }
        this.readStatus = Collections.unmodifiableMap(status);
    }

    /** The corpus {@link TestCorpus} finds; the test fails, saying where it looked, when it is not there. */
    static Corpus get() {
        Corpus c = instance;
        if (c != null) {
            return c;
        }
        synchronized (Corpus.class) {
            if (instance == null) {
                TestCorpus.file("captures/MANIFEST.tsv");
                try {
                    instance = new Corpus(TestCorpus.root());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return instance;
        }
    }

    Capture capture(String name) {
        return captures.stream().filter(c -> c.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no capture " + name + " in the corpus"));
    }

    /**
     * tshark's frames of a capture that are packets; empty when tshark could not read it. tshark also lists
     * pcapng custom blocks as frames (no time, protocol "data"); those are left out.
     */
    List<Frame> frames(String capture) {
        return frames.computeIfAbsent(capture, name -> {
            try {
                List<Frame> list = new ArrayList<>();
                for (String[] row : rows(root.resolve("expected").resolve(name + ".tsv"))) {
                    if (name.endsWith(".pcapng") && row[1].isEmpty() && cell(row, 4).equals("data")) {
                        continue; // a custom block, which tshark lists as a frame: no packet to any reader
                    }
                    int dot = row[1].indexOf('.');
                    boolean odd = row[1].startsWith("-") || dot >= 0 && row[1].length() - dot - 1 > 9;
                    list.add(new Frame(Integer.parseInt(row[0]), epochNanos(row[1]), Integer.parseInt(row[2]),
                            Integer.parseInt(row[3]), odd));
                }
                return List.copyOf(list);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    List<Expression> expressions() throws IOException {
        List<Expression> list = new ArrayList<>();
        for (String[] row : rows(root.resolve("filters/expressions.tsv"))) {
            list.add(new Expression(Integer.parseInt(row[0]), row[1], row[2].equals("1"), cell(row, 3),
                    cell(row, 4).isEmpty() ? -1 : Integer.parseInt(cell(row, 4))));
        }
        return list;
    }

    List<Match> matches() throws IOException {
        List<Match> list = new ArrayList<>();
        for (String[] row : rows(root.resolve("filters/matches.tsv"))) {
            String result = cell(row, 2);
            if (result.startsWith("COMPILE_ERROR")) {
                list.add(new Match(row[0], row[1], List.of(), result.substring(result.indexOf(':') + 1).trim()));
                continue;
            }
            List<Integer> numbers = new ArrayList<>();
            for (String n : result.isEmpty() ? new String[0] : result.split(",")) {
                numbers.add(Integer.parseInt(n.trim()));
            }
            list.add(new Match(row[0], row[1], List.copyOf(numbers), null));
        }
        return list;
    }

    /** The bpf_image lines libpcap printed for expression number n (comments dropped). */
    List<String> bpfImage(int n) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("filters/bpf/" + n + ".txt"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** tshark printed no time for a frame (for instance, a pcapng packet on an interface it did not know). */
    static final long NO_TIME = Long.MIN_VALUE;

    /**
     * tshark's {@code frame.time_epoch}, "1795684223.135919000", as nanoseconds since the epoch, exactly. A
     * file may hold a fraction field of a second or more; tshark then prints it whole with more than nine
     * digits ("1418145370.1000000000"), which is that many nanoseconds.
     */
    static long epochNanos(String text) {
        if (text.isEmpty()) {
            return NO_TIME;
        }
        boolean negative = text.startsWith("-");
        String unsigned = negative ? text.substring(1) : text;
        int dot = unsigned.indexOf('.');
        long seconds = Long.parseLong(dot < 0 ? unsigned : unsigned.substring(0, dot));
        String digits = dot < 0 ? "" : unsigned.substring(dot + 1);
        long nanos = digits.length() > 9 ? Long.parseLong(digits) : Long.parseLong((digits + "000000000").substring(0, 9));
        long value = seconds * 1_000_000_000L + nanos;
        return negative ? -value : value;
    }

    private static String cell(String[] row, int i) {
        return i < row.length ? row[i] : "";
    }

    private static List<String[]> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (!line.isEmpty()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }
}
