package dev.trawl.cli;

import dev.trawl.pcap.Handle;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code trawl stats FILE...}: a summary of each capture file as capinfos gives it: packets, sizes, first
 * and last time, duration, rates, average size, link type, snaplen, format, SHA-256, strict time order.
 * Reads each file once, streaming. Not thread-safe.
 */
final class StatsCommand {
    static final String DESCRIPTION = "Summarise capture files, as capinfos does.";
    static final OptionSpec BACKEND = OptionSpec.value("--backend", "NAME", "The backend that reads the files.");
    static final OptionSpec DEBUG = OptionSpec.flag("--debug", "Print stack traces with errors.");
    static final OptionSpec HELP = OptionSpec.flag("-h, --help", "Show this help and exit.");
    static final CommandSpec SPEC = new CommandSpec("trawl stats", List.of(DESCRIPTION),
            List.of(BACKEND, DEBUG, HELP),
            List.of(new PositionalSpec("FILE", "Capture files (pcap, pcapng, gzip).", true, true)),
            List.of(), List.of(), false);

    private final Io io;
    private List<String> files;
    private String backend;
    private boolean debug;

    StatsCommand(Io io) {
        this.io = io;
    }

    /** Reads {@code args[from..]} and summarises the files it names; returns the exit status. */
    int run(String[] args, int from) throws UsageException {
        ParsedLine line = ArgumentParser.parse(SPEC, args, from);
        if (line.has(HELP)) {
            io.out().print(HelpText.of(SPEC));
            io.out().flush();
            return 0;
        }
        files = line.operands();
        if (files.isEmpty()) {
            throw new UsageException("Missing required parameter: 'FILE'");
        }
        backend = line.value(BACKEND);
        debug = line.has(DEBUG);
        try {
            return call();
        } catch (Exception e) {
            return Errors.report(e, io.err(), debug);
        }
    }

    private int call() throws Exception {
        Backends backends = new Backends(backend);
        int status = 0;
        boolean first = true;
        for (String file : files) {
            if (!first) {
                io.out().println();
            }
            first = false;
            try {
                Exception damage = summarise(backends, file);
                if (damage != null) {
                    // capinfos' way: the figures of the packets before the damage, then the error and status 1
                    io.out().flush();
                    status = Errors.report(damage, io.err(), debug);
                }
            } catch (Exception e) {
                io.out().flush();
                status = Errors.report(e, io.err(), debug);
            }
        }
        io.out().flush();
        return status;
    }

    /**
     * Prints the summary of {@code file}; returns the error that ended its reading early, if one did, in the
     * words the capture modes use.
     */
    private Exception summarise(Backends backends, String file) throws IOException, CliException {
        Sources.Source source = Sources.file(backends.forFiles(), file, TimestampPrecision.NANO, io.in());
        long packets = 0;
        long dataBytes = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long previous = Long.MIN_VALUE;
        boolean ordered = true;
        boolean subMicro = false;
        Exception problem = null;
        Handle handle = source.handle();
        try (handle) {
            while (true) {
                ReadStatus status;
                try {
                    status = handle.next();
                } catch (MalformedCaptureException e) {
                    problem = Errors.readError(source.name(), e, packets);
                    break;
                } catch (IOException e) {
                    problem = e;
                    break;
                }
                if (status != ReadStatus.PACKET) {
                    break;
                }
                Packet p = handle.packet();
                long t = p.timestampEpochNanos();
                subMicro |= p.timestampNanos() % 1000 != 0;
                packets++;
                dataBytes += Integer.toUnsignedLong(p.originalLength()); // as the record states it
                first = Math.min(first, t);
                last = Math.max(last, t);
                if (t < previous) {
                    ordered = false;
                }
                previous = t;
            }
            print(file, handle, nanoFile(file, subMicro), packets, dataBytes, first, last, ordered, problem != null);
        }
        return problem;
    }

    /**
     * Whether the file records nanoseconds: from the magic number of a pcap file; for pcapng (whose
     * resolution is per interface), whether any timestamp has a digit below the microsecond.
     */
    private static boolean nanoFile(String file, boolean subMicro) {
        if (!file.equals("-")) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                byte[] magic = in.readNBytes(4);
                if (magic.length == 4) {
                    int be = ((magic[0] & 0xff) << 24) | ((magic[1] & 0xff) << 16) | ((magic[2] & 0xff) << 8) | (magic[3] & 0xff);
                    if (be == 0xa1b2c3d4 || be == 0xd4c3b2a1) {
                        return false;
                    }
                    if (be == 0xa1b23c4d || be == 0x4d3cb2a1) {
                        return true;
                    }
                }
            } catch (IOException e) {
                // fall back to what the timestamps show
            }
        }
        return subMicro;
    }

    private void print(String file, Handle handle, boolean nano, long packets, long dataBytes, long first,
            long last, boolean ordered, boolean damaged) throws IOException {
        PrintStream out = io.out();
        OfflineHandle offline = handle instanceof OfflineHandle o ? o : null;
        String format = offline == null ? "unknown" : switch (offline.format()) {
            case PCAP -> "Wireshark/tcpdump/... - pcap";
            case PCAPNG -> "Wireshark/... - pcapng";
        };
        long fileSize = file.equals("-") ? -1 : Files.size(Path.of(file));
        row(out, "File name:", file);
        row(out, "File type:", format + (isGzip(file) ? " (gzip compressed)" : ""));
        row(out, "File encapsulation:", handle.linkType().description() + " (" + handle.linkType().name() + ", "
                + handle.linkType().value() + ")");
        out.println("File timestamp precision:  " + (nano ? "nanoseconds (9)" : "microseconds (6)"));
        row(out, "Packet size limit:", "file hdr: " + handle.snaplen() + " bytes");
        row(out, "Number of packets:", String.valueOf(packets));
        if (fileSize >= 0) {
            row(out, "File size:", size(fileSize, "bytes", "kB", "MB", "GB"));
        }
        row(out, "Data size:", size(dataBytes, "bytes", "kB", "MB", "GB"));
        double seconds = packets > 0 ? (last - first) / 1e9 : 0;
        boolean timed = packets > 0;
        int digits = nano ? 9 : 6;
        row(out, "Capture duration:", timed ? String.format(Locale.ROOT, "%." + digits + "f seconds", seconds) : "n/a");
        row(out, "First packet time:", timed ? time(first, digits) : "n/a");
        row(out, "Last packet time:", timed ? time(last, digits) : "n/a");
        double byteRate = seconds > 0 ? dataBytes / seconds : 0;
        row(out, "Data byte rate:", size((long) byteRate, "bytes/s", "kBps", "MBps", "GBps"));
        row(out, "Data bit rate:", size((long) (byteRate * 8), "bits/s", "kbps", "Mbps", "Gbps"));
        row(out, "Average packet size:", String.format(Locale.ROOT, "%.2f bytes", packets > 0 ? (double) dataBytes / packets : 0));
        row(out, "Average packet rate:", (seconds > 0 ? (long) (packets / seconds) : 0) + " packets/s");
        if (fileSize >= 0) {
            row(out, "SHA256:", sha256(Path.of(file)));
        }
        row(out, "Strict time order:", ordered ? "True" : "False");
        if (damaged) {
            row(out, "Read error:", "the figures above cover the packets before it (the error is on stderr)");
        }
    }

    private static boolean isGzip(String file) {
        if (file.equals("-")) {
            return false;
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            return false;
        }
    }

    private static void row(PrintStream out, String label, String value) {
        out.println(String.format("%-21s", label) + value);
    }

    /** Wireshark's {@code format_size}: SI prefixes from ten thousand up, integer division. */
    static String size(long value, String unit, String kilo, String mega, String giga) {
        if (value >= 10_000_000_000L * 1000) {
            return value / 1_000_000_000_000L + " T" + giga.substring(1);
        }
        if (value >= 10_000_000_000L) {
            return value / 1_000_000_000L + " " + giga;
        }
        if (value >= 10_000_000L) {
            return value / 1_000_000L + " " + mega;
        }
        if (value >= 10_000L) {
            return value / 1_000L + " " + kilo;
        }
        return value + " " + unit;
    }

    private static String time(long epochNanos, int digits) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
        long fraction = digits == 9 ? t.getNano() : t.getNano() / 1000;
        return String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d.%0" + digits + "d", t.getYear(),
                t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), fraction);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
