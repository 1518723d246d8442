package dev.trawl.cli;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.Device;
import dev.trawl.pcap.Fanout;
import dev.trawl.pcap.Handle;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens what the tool reads: a capture file (pcap, pcapng, gzip-compressed), standard input, the bundled
 * sample, or a live device, with the options of the command line. Stateless.
 */
final class Sources {
    /** The sample capture bundled with the tool, printed when it runs with no arguments. */
    static final String SAMPLE = "sample.pcap";

    private Sources() {
    }

    /**
     * An open input.
     *
     * @param handle the handle
     * @param name the file or device name for messages
     * @param live whether it is a live capture
     * @param size the file's size in bytes, or -1 when unknown (a stream, a device)
     */
    record Source(Handle handle, String name, boolean live, long size) {
    }

    static TimestampPrecision precision(Trawl t) throws CliException {
        if (t.precision == null) {
            return TimestampPrecision.MICRO;
        }
        return switch (t.precision) {
            case "micro", "microseconds", "us" -> TimestampPrecision.MICRO;
            case "nano", "nanoseconds", "ns" -> TimestampPrecision.NANO;
            default -> throw new CliException("unsupported time stamp precision '" + t.precision
                    + "' (micro or nano)", 2, null);
        };
    }

    static Source sample(Backend backend, TimestampPrecision precision) throws IOException, CliException {
        InputStream in = Sources.class.getResourceAsStream(SAMPLE);
        if (in == null) {
            throw new CliException("the bundled sample capture is missing from the class path");
        }
        return new Source(openStream(backend, in, precision), "(bundled sample)", false, -1);
    }

    static Source file(Backend backend, String name, TimestampPrecision precision, InputStream stdin)
            throws IOException, CliException {
        if (name.equals("-")) {
            return new Source(openStream(backend, stdin, precision), "-", false, -1);
        }
        Path path = Path.of(name);
        if (!Files.exists(path)) {
            throw new CliException(name + ": No such file or directory", new NoSuchFileException(name));
        }
        if (Files.isDirectory(path)) {
            throw new CliException(name + ": Is a directory");
        }
        if (!Files.isReadable(path)) {
            throw new CliException(name + ": Permission denied");
        }
        long size = Files.size(path);
        boolean gzip = isGzip(path);
        OfflineOptions options = OfflineOptions.of(precision);
        if (!gzip || backend.supports(Capability.READ_GZIP)) {
            return new Source(backend.openOffline(path, options), name, false, gzip ? -1 : size);
        }
        return new Source(openStream(backend, Files.newInputStream(path), precision), name, false, -1);
    }

    private static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static Handle openStream(Backend backend, InputStream raw, TimestampPrecision precision)
            throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream stream = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
        return backend.openOffline(stream, OfflineOptions.of(precision));
    }

    /** The fanout group of {@code --fanout}, or {@code null}. */
    static Fanout fanout(Trawl t) throws CliException {
        if (t.fanout == null) {
            return null;
        }
        try {
            return Fanout.parse(t.fanout);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 2, e);
        }
    }

    /** Opens the live capture the command line asks for, in the fanout group given, or in none. */
    static Source live(Backend backend, Trawl t, TimestampPrecision precision, Fanout fanout)
            throws PcapException, CliException {
        String device = t.device;
        if (device == null) {
            device = backend.defaultDevice().map(Device::name)
                    .orElseThrow(() -> new CliException("no suitable capture device found (see trawl -D; capturing needs CAP_NET_RAW)"));
        }
        int snaplen = t.snaplen == null || t.snaplen <= 0 ? LiveOptions.DEFAULT_SNAPLEN : t.snaplen;
        LiveOptions options = LiveOptions.builder().snaplen(snaplen).promiscuous(!t.noPromiscuous)
                .bufferSize(Math.multiplyExact(Math.max(0, t.bufferKib), 1024)).immediate(t.immediate)
                .precision(precision).fanout(fanout).build();
        LiveHandle handle = backend.openLive(device, options);
        try {
            if (t.linkTypeName != null) {
                handle.setLinkType(linkType(t.linkTypeName));
            }
        } catch (PcapException | RuntimeException e) {
            handle.close();
            throw e;
        }
        return new Source(handle, device, true, -1);
    }

    static LinkType linkType(String name) throws CliException {
        try {
            return LinkType.forName(name);
        } catch (IllegalArgumentException e) {
            try {
                return LinkType.valueOf(Integer.parseInt(name));
            } catch (NumberFormatException ignored) {
                throw new CliException("invalid data link type " + name, 2, e);
            }
        }
    }
}
