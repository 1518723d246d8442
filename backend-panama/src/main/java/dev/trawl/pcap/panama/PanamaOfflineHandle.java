package dev.trawl.pcap.panama;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.UnsupportedCapabilityException;
import dev.trawl.pcap.spi.LibpcapErrors;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A capture file or stream read by libpcap. Reads of a regular file use the critical {@code pcap_next_ex}
 * (see {@link PanamaBackend#CRITICAL_PROPERTY}); streams and special files (FIFOs, devices) use the ordinary
 * one, since their reads may block and, for streams, call back into Java.
 *
 * <p>Thread safety as for {@link dev.trawl.pcap.Handle}.
 */
final class PanamaOfflineHandle extends PanamaHandle implements OfflineHandle {
    private final CookieFiles.Cookie cookie;
    private final int major;
    private final int minor;
    private final boolean swapped;

    private PanamaOfflineHandle(MemorySegment pcap, Arena arena, String source, boolean critical,
            CookieFiles.Cookie cookie, TimestampPrecision wanted) {
        super(pcap, arena, source, cookie == null ? "capture file " + source : "capture stream", wanted, critical,
                cookie);
        this.cookie = cookie;
        this.major = PcapCore.pcap_major_version(pcap);
        this.minor = PcapCore.pcap_minor_version(pcap);
        this.swapped = PcapCore.pcap_is_swapped(pcap) != 0;
        boolean pcapFormat = major != 1;
        view.unsignedSeconds(pcapFormat); // pcap records hold 32-bit unsigned fields; pcapng 64-bit ticks
        view.truncateToMicros(wanted == TimestampPrecision.MICRO && nativePrecision(pcap) == TimestampPrecision.NANO);
    }

    /**
     * The precision to ask libpcap for: a pcap file's own, so that libpcap does not scale its 32-bit fraction
     * through a signed integer (the view scales instead); for pcapng (whose 64-bit times scale safely) and
     * anything else, the precision wanted.
     */
    private static TimestampPrecision openPrecision(byte[] magic, TimestampPrecision wanted) {
        if (magic.length < 4) {
            return wanted;
        }
        int be = ((magic[0] & 0xff) << 24) | ((magic[1] & 0xff) << 16) | ((magic[2] & 0xff) << 8) | (magic[3] & 0xff);
        return switch (be) {
            case 0xa1b2c3d4, 0xd4c3b2a1 -> TimestampPrecision.MICRO;
            case 0xa1b23c4d, 0x4d3cb2a1 -> TimestampPrecision.NANO;
            default -> wanted;
        };
    }

    /** Opens a capture file. */
    static PanamaOfflineHandle open(Path file, OfflineOptions options, boolean allowCritical) throws PcapException {
        String name = file.toString();
        byte[] magic = new byte[0];
        // libpcap reads standard input for "-", whatever file of that name exists: never peek, never critical
        boolean regular = !name.equals("-") && Files.isRegularFile(file);
        if (regular) {
            try (InputStream in = Files.newInputStream(file)) {
                magic = in.readNBytes(4);
            } catch (IOException e) {
                // unreadable: libpcap reports it below, with its own text
            }
            LibpcapErrors.refuseGzip(PanamaPcapProvider.NAME, name, magic, magic.length);
        }
        Arena arena = Arenas.open();
        MemorySegment pcap;
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment errbuf = scratch.allocate(Libpcap.ERRBUF_SIZE);
            pcap = PcapCore.pcap_open_offline_with_tstamp_precision(scratch.allocateFrom(name),
                    openPrecision(magic, options.precision()).code(), errbuf);
            if (pcap.equals(MemorySegment.NULL)) {
                Arenas.close(arena);
                throw openFailure(file, Errors.errbuf(errbuf));
            }
        }
        try {
            return new PanamaOfflineHandle(pcap, arena, name, allowCritical && regular, null,
                    options.precision());
        } catch (RuntimeException | Error e) {
            PcapCore.pcap_close(pcap);
            Arenas.close(arena);
            throw e;
        }
    }

    /** Reads a capture from a stream through a {@code fopencookie} {@code FILE *}; closing closes the stream. */
    static PanamaOfflineHandle open(InputStream stream, OfflineOptions options) throws PcapException {
        InputStream in = new BufferedInputStream(stream, 64 * 1024);
        byte[] magic;
        try {
            in.mark(4);
            magic = in.readNBytes(4);
            in.reset();
            LibpcapErrors.refuseGzip(PanamaPcapProvider.NAME, "the stream", magic, magic.length);
        } catch (IOException e) {
            closeQuietly(in);
            throw new PcapException("cannot read the capture stream: " + e.getMessage(), e);
        } catch (UnsupportedCapabilityException e) {
            closeQuietly(in);
            throw e;
        }
        CookieFiles.Cookie cookie = new CookieFiles.Cookie(in, null);
        MemorySegment file = CookieFiles.openRead(cookie);
        Arena arena = Arenas.open();
        MemorySegment pcap;
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment errbuf = scratch.allocate(Libpcap.ERRBUF_SIZE);
            pcap = PcapCore.pcap_fopen_offline_with_tstamp_precision(file,
                    openPrecision(magic, options.precision()).code(), errbuf);
            if (pcap.equals(MemorySegment.NULL)) {
                Arenas.close(arena);
                Throwable failure = cookie.failure;
                CookieFiles.fclose(file); // libpcap leaves the FILE to us when it fails
                if (failure != null) {
                    throw new PcapException("cannot read the capture stream: " + failure.getMessage(), failure);
                }
                throw new MalformedCaptureException("stream: " + Errors.errbuf(errbuf), 0);
            }
        }
        return new PanamaOfflineHandle(pcap, arena, "stream", false, cookie, options.precision());
    }

    private static PcapException openFailure(Path file, String text) {
        if (!Files.exists(file)) {
            return new PcapException(text.isEmpty() ? file + ": No such file or directory" : text);
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            return new PcapException(text);
        }
        // libpcap's texts for a bad header ("unknown file format", "archaic pcap savefile format", ...)
        return new MalformedCaptureException(file + ": " + text, 0);
    }

    @Override
    boolean offline() {
        return true;
    }

    @Override
    PcapException readFailure() {
        Throwable failure = cookie == null ? null : cookie.failure;
        if (failure != null) {
            return new PcapException(source + ": reading the stream failed: " + failure.getMessage(), failure);
        }
        return super.readFailure();
    }

    @Override
    public CaptureFormat format() {
        guard.checkOpen();
        // libpcap refuses pcap files of major version 1, and reports a pcapng section header's own 1.x
        return major == 1 ? CaptureFormat.PCAPNG : CaptureFormat.PCAP;
    }

    @Override
    public int majorVersion() {
        guard.checkOpen();
        return major;
    }

    @Override
    public int minorVersion() {
        guard.checkOpen();
        return minor;
    }

    @Override
    public boolean isSwapped() {
        guard.checkOpen();
        return swapped;
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the stream failed to open as a capture; its close error adds nothing
        }
    }
}
