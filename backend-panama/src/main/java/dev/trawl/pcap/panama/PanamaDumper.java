package dev.trawl.pcap.panama;

import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.UnsupportedCapabilityException;
import dev.trawl.pcap.spi.DumperChecks;
import dev.trawl.pcap.spi.PcapRecordDumper;
import dev.trawl.pcap.spi.HandleGuard;

import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A pcap file written by libpcap's {@code pcap_dump}, through a dead {@code pcap_t} that carries the link
 * type, snapshot length and timestamp precision of the file header. libpcap 1.10 writes no pcapng, so a
 * pcapng request fails with {@link UnsupportedCapabilityException}.
 *
 * <p>Not thread-safe (a second thread writing at once gets {@link IllegalStateException}); {@link #close()} is
 * idempotent and thread-safe, and a dumper never closed is flushed and closed once unreachable, through its
 * {@link HandleGuard}. Packets are copied into a native buffer owned by the dumper (grown as needed), never
 * held after {@code write} returns.
 */
final class PanamaDumper extends PcapRecordDumper {
    private final MemorySegment dead;
    private final MemorySegment dumper;
    private final Arena arena;
    private final MemorySegment header;
    private final TimestampPrecision precision;
    private final CookieFiles.Cookie cookie;
    private final String target;
    private final HandleGuard guard;
    private MemorySegment buffer;

    private PanamaDumper(MemorySegment dead, MemorySegment dumper, TimestampPrecision precision,
            CookieFiles.Cookie cookie, String target) {
        this.dead = dead;
        this.dumper = dumper;
        this.precision = precision;
        this.cookie = cookie;
        this.target = target;
        this.arena = Arenas.open();
        this.header = arena.allocate(PktHdr.LAYOUT);
        this.buffer = arena.allocate(2048);
        this.guard = new HandleGuard(this, "dumper to " + target, new Native(dumper, dead, arena));
    }

    /** Closes the dumper (which flushes it), its dead handle and its arena; refers to no dumper. */
    private record Native(MemorySegment dumper, MemorySegment dead, Arena arena) implements HandleGuard.Resource {
        @Override
        public void free() {
            PcapIo.pcap_dump_close(dumper);
            PcapCore.pcap_close(dead);
            Arenas.close(arena);
        }
    }

    private static MemorySegment openDead(LinkType linkType, int snaplen, TimestampPrecision precision)
            throws PcapException {
        MemorySegment dead = PcapCore.pcap_open_dead_with_tstamp_precision(linkType.toDlt(), snaplen, precision.code());
        if (dead.equals(MemorySegment.NULL)) {
            throw new PcapException("pcap_open_dead failed for link type " + linkType);
        }
        return dead;
    }

    /** Opens a dumper on a file, truncating it or, with {@link DumpOptions#append()}, appending to it. */
    static PanamaDumper open(Path file, LinkType linkType, int snaplen, DumpOptions options,
            TimestampPrecision precision) throws PcapException {
        Objects.requireNonNull(file, "file");
        DumperChecks.openLibpcap(PanamaPcapProvider.NAME, linkType, snaplen, options, false,
                Libpcap.has("pcap_dump_open_append"));
        MemorySegment dead = openDead(linkType, snaplen, precision);
        MemorySegment dumper;
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment name = scratch.allocateFrom(file.toString());
            dumper = options.append() ? PcapIo.pcap_dump_open_append(dead, name) : PcapIo.pcap_dump_open(dead, name);
        }
        if (dumper.equals(MemorySegment.NULL)) {
            String text = Errors.geterr(dead);
            PcapCore.pcap_close(dead);
            throw new PcapException(text.isEmpty() ? file + ": cannot open for writing" : text);
        }
        return new PanamaDumper(dead, dumper, precision, null, file.toString());
    }

    /** Opens a dumper writing to a stream through a {@code fopencookie} {@code FILE *}. */
    static PanamaDumper open(OutputStream out, LinkType linkType, int snaplen, DumpOptions options,
            TimestampPrecision precision) throws PcapException {
        Objects.requireNonNull(out, "out");
        DumperChecks.openLibpcap(PanamaPcapProvider.NAME, linkType, snaplen, options, true, false);
        MemorySegment dead = openDead(linkType, snaplen, precision);
        CookieFiles.Cookie cookie = new CookieFiles.Cookie(null, out);
        MemorySegment file;
        try {
            file = CookieFiles.openWrite(cookie);
        } catch (PcapException e) {
            PcapCore.pcap_close(dead);
            throw e;
        }
        MemorySegment dumper = PcapIo.pcap_dump_fopen(dead, file);
        if (dumper.equals(MemorySegment.NULL)) {
            String text = Errors.geterr(dead);
            CookieFiles.fclose(file);
            PcapCore.pcap_close(dead);
            throw new PcapException("cannot write a capture to the stream: " + text);
        }
        return new PanamaDumper(dead, dumper, precision, cookie, "stream");
    }


    @Override
    protected void append(long timestampSeconds, int timestampNanos, int originalLength, ByteBuffer data)
            throws PcapException {
        int caplen = data.remaining();
        guard.enter();
        try {
            if (buffer.byteSize() < caplen) {
                buffer = arena.allocate(Math.max(caplen, buffer.byteSize() * 2));
            }
            MemorySegment.copy(MemorySegment.ofBuffer(data), 0, buffer, 0, caplen);
            long fraction = precision == TimestampPrecision.NANO ? timestampNanos : timestampNanos / 1000;
            PktHdr.write(header, timestampSeconds, fraction, caplen, originalLength);
            PcapIo.pcap_dump(dumper, header, buffer);
        } finally {
            guard.exit();
        }
        failIfStreamFailed();
    }

    @Override
    public void flush() throws PcapException {
        guard.enter();
        try {
            if (PcapIo.pcap_dump_flush(dumper) != 0) {
                failIfStreamFailed();
                throw new PcapException(target + ": flushing the capture failed");
            }
        } finally {
            guard.exit();
        }
        failIfStreamFailed();
    }

    private void failIfStreamFailed() throws PcapException {
        Throwable failure = cookie == null ? null : cookie.failure;
        if (failure != null) {
            throw new PcapException(target + ": writing the stream failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() throws PcapException {
        if (!guard.isOpen()) {
            return;
        }
        int flushed = guard.closeAfter(() -> PcapIo.pcap_dump_flush(dumper), 0);
        failIfStreamFailed();
        if (flushed != 0) {
            throw new PcapException(target + ": writing the capture failed");
        }
    }
}
