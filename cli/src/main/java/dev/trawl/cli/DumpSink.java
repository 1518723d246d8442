package dev.trawl.cli;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.Handle;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PcapException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.function.LongSupplier;

/**
 * {@code -w}: writes packets to a capture file or standard output, and rotates files as tcpdump does with
 * {@code -C} (size, in millions of bytes), {@code -G} (seconds; the name may hold strftime patterns) and
 * {@code -W} (a ring of N files with {@code -C}; stop after N files with {@code -G} alone).
 * Not thread-safe.
 */
final class DumpSink implements PacketSink {
    private final Backend backend;
    private final LinkType linkType;
    private final LinkTypes linkTypes;
    private final int snaplen;
    private final DumpOptions options;
    private final String baseName;
    private final long rotateBytes;
    private final long rotateSeconds;
    private final int fileLimit;
    private final int counterWidth;
    private final boolean flushEach;
    private final LongSupplier clock;
    private final Trawl trawl;
    private Dumper dumper;
    private long written;
    private int sizeCounter;
    private int timeFiles;
    private long openedAt;
    private boolean finished;

    private DumpSink(Trawl t, Backend backend, Handle handle, DumpOptions options, LongSupplier clock) {
        this.trawl = t;
        this.backend = backend;
        this.linkType = handle.linkType();
        this.linkTypes = new LinkTypes(handle);
        this.snaplen = handle.snaplen();
        this.options = options;
        this.baseName = t.writeFile;
        this.rotateBytes = rotateBytes(t.rotateSize);
        this.rotateSeconds = Math.max(0, t.rotateSeconds);
        this.fileLimit = Math.max(0, t.fileLimit);
        this.counterWidth = rotateBytes > 0 && fileLimit > 0 ? digits(fileLimit - 1) : 0;
        this.flushEach = t.packetBuffered;
        this.clock = clock;
    }

    static PacketSink open(Trawl t, Backends backends, Handle handle) throws IOException, CliException {
        CaptureFormat format = format(t.writeFormat);
        DumpOptions options = DumpOptions.builder().format(format).precision(handle.timestampPrecision()).build();
        try {
            rotateBytes(t.rotateSize); // a bad -C is a usage error before anything is opened
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 2, e);
        }
        if ((t.rotateSize != null || t.rotateSeconds > 0) && t.writeFile.equals("-")) {
            throw new CliException("-C and -G need a file name with -w, not '-'", 2, null);
        }
        Capability needed = format == CaptureFormat.PCAPNG ? Capability.DUMP_PCAPNG
                : t.writeFile.equals("-") ? Capability.DUMP_STREAM : Capability.DUMP;
        Backend backend = backends.forCapability(needed);
        if (!backend.supports(needed)) {
            throw new CliException("backend '" + backend.name() + "' cannot write " + (format == CaptureFormat.PCAPNG
                    ? "pcapng" : t.writeFile.equals("-") ? "to standard output" : "capture files")
                    + "; choose another with --backend (see --list-backends)");
        }
        DumpSink sink = new DumpSink(t, backend, handle, options, () -> System.currentTimeMillis() / 1000);
        sink.openFirst();
        return sink;
    }

    static CaptureFormat format(String name) throws CliException {
        if (name == null || name.equals("pcap") || name.equals("libpcap")) {
            return CaptureFormat.PCAP;
        }
        if (name.equals("pcapng")) {
            return CaptureFormat.PCAPNG;
        }
        throw new CliException("unknown output format '" + name + "' for -F (pcap or pcapng)", 2, null);
    }

    /** tcpdump's -C size: millions of bytes, or KiB/MiB/GiB with a k, m or g suffix; 0 when not given. */
    static long rotateBytes(String size) {
        if (size == null) {
            return 0;
        }
        String s = size.trim().toLowerCase(java.util.Locale.ROOT);
        long unit = 1_000_000L;
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            s = s.substring(0, s.length() - 1);
        }
        try {
            double value = Double.parseDouble(s);
            if (!(value > 0) || value * unit > Long.MAX_VALUE / 2) {
                throw new NumberFormatException();
            }
            return (long) (value * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid file size '" + size + "' for -C");
        }
    }

    /** Digits tcpdump pads ring-buffer file numbers to: those of {@code n}, none for zero. */
    static int digits(int n) {
        int c = 0;
        for (; n > 0; n /= 10) {
            c++;
        }
        return c;
    }

    private void openFirst() throws PcapException {
        openedAt = clock.getAsLong();
        open(fileName(openedAt, 0));
    }

    /** The name of a file: strftime patterns expanded with -G, the ring counter appended with -C. */
    String fileName(long epochSeconds, int counter) {
        String name = rotateSeconds > 0 ? Strftime.format(baseName, epochSeconds) : baseName;
        if (counter == 0 && counterWidth == 0) {
            return name;
        }
        return name + String.format("%0" + Math.max(1, counterWidth) + "d", counter);
    }

    private void open(String name) throws PcapException {
        written = options.format() == CaptureFormat.PCAP ? 24 : 48;
        if (name.equals("-")) {
            dumper = backend.openDumper(trawl.io.dataOut(), linkType, snaplen, options);
        } else {
            dumper = backend.openDumper(Path.of(name), linkType, snaplen, options);
        }
    }

    @Override
    public boolean accept(Packet packet, long frameNumber) throws IOException {
        if (rotateSeconds > 0) {
            long now = clock.getAsLong();
            if (now - openedAt >= rotateSeconds) {
                timeFiles++;
                if (fileLimit > 0 && rotateBytes == 0 && timeFiles >= fileLimit) {
                    finished = true;
                    trawl.io.err().println("trawl: maximum file limit reached: " + fileLimit);
                    return false;
                }
                dumper.close();
                openedAt = now;
                sizeCounter = 0;
                open(fileName(now, 0));
            }
        }
        if (rotateBytes > 0 && written > rotateBytes) {
            dumper.close();
            sizeCounter++;
            if (fileLimit > 0 && sizeCounter >= fileLimit) {
                sizeCounter = 0;
            }
            open(fileName(openedAt, sizeCounter));
        }
        LinkType type = linkTypes.of(packet);
        if (!type.equals(linkType)) {
            // one file holds one link type: a packet of another would be read back as garbage
            throw new IOException("packet " + frameNumber + " has link type " + type.name()
                    + ", which a file of link type " + linkType.name() + " cannot hold");
        }
        dumper.write(packet);
        int captured = packet.capturedLength();
        written += options.format() == CaptureFormat.PCAP ? 16 + captured : 32 + ((captured + 3) & ~3);
        if (flushEach) {
            dumper.flush();
        }
        return true;
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public void flush() throws IOException {
        if (dumper != null) {
            dumper.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (dumper != null) {
            dumper.close();
        }
    }

    /** strftime(3) for the patterns file names use, in local time. */
    static final class Strftime {
        private Strftime() {
        }

        static String format(String pattern, long epochSeconds) {
            ZonedDateTime t = Instant.ofEpochSecond(epochSeconds).atZone(ZoneId.systemDefault());
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c != '%' || i + 1 == pattern.length()) {
                    out.append(c);
                    continue;
                }
                char f = pattern.charAt(++i);
                switch (f) {
                    case 'Y' -> out.append(t.getYear());
                    case 'y' -> out.append(String.format("%02d", t.getYear() % 100));
                    case 'm' -> out.append(String.format("%02d", t.getMonthValue()));
                    case 'd' -> out.append(String.format("%02d", t.getDayOfMonth()));
                    case 'e' -> out.append(String.format("%2d", t.getDayOfMonth()));
                    case 'H' -> out.append(String.format("%02d", t.getHour()));
                    case 'M' -> out.append(String.format("%02d", t.getMinute()));
                    case 'S' -> out.append(String.format("%02d", t.getSecond()));
                    case 'j' -> out.append(String.format("%03d", t.getDayOfYear()));
                    case 's' -> out.append(epochSeconds);
                    case 'F' -> out.append(String.format("%d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth()));
                    case 'T' -> out.append(String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()));
                    case '%' -> out.append('%');
                    default -> out.append('%').append(f);
                }
            }
            return out.toString();
        }
    }
}
