package dev.trawl.pcap.file;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.spi.DumperChecks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/** Opens dumpers: creates or truncates files, or checks an existing file's header before appending to it. */
final class Dumpers {
    private Dumpers() {
    }

    static Dumper open(OutputStream stream, LinkType linkType, int snaplen, DumpOptions options)
            throws PcapException {
        Objects.requireNonNull(stream, "out");
        DumperChecks.open(linkType, options, true);
        return create(new Output(stream, "stream"), linkType, snaplen, options, precisionOf(options));
    }

    static Dumper open(Path file, LinkType linkType, int snaplen, DumpOptions options) throws PcapException {
        Objects.requireNonNull(file, "file");
        DumperChecks.open(linkType, options, false);
        FileChannel channel;
        try {
            channel = options.append()
                    ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                            StandardOpenOption.CREATE)
                    : FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING);
        } catch (NoSuchFileException e) {
            throw new PcapException(file + ": cannot create the file: its directory does not exist", e);
        } catch (AccessDeniedException e) {
            throw new PcapException(file + ": cannot create the file: permission denied", e);
        } catch (IOException e) {
            throw new PcapException(file + ": cannot create the file: " + e.getMessage(), e);
        }
        try {
            Output out = new Output(channel, file.toString());
            if (options.append() && channel.size() > 0) {
                return append(file, channel, out, linkType, snaplen, options);
            }
            return create(out, linkType, snaplen, options, precisionOf(options));
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the open failure is the one to report
            }
            if (e instanceof PcapException pe) {
                throw pe;
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new PcapException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static TimestampPrecision precisionOf(DumpOptions options) {
        return options.precision() == null ? TimestampPrecision.MICRO : options.precision();
    }

    private static Dumper create(Output out, LinkType linkType, int snaplen, DumpOptions options,
            TimestampPrecision precision) throws PcapException {
        if (options.format() == CaptureFormat.PCAPNG) {
            return new PcapngWriter(out, linkType, snaplen, precision == TimestampPrecision.NANO
                    ? InterfaceInfo.TSRESOL_NANO : InterfaceInfo.TSRESOL_MICRO);
        }
        return new PcapDumper(out, linkType, snaplen, precision, true);
    }

    /**
     * Appends to a pcap file whose header matches (this machine's byte order, version 2.4, the same link type,
     * snapshot length and precision), as {@code pcap_dump_open_append} does; or adds a section to a pcapng file.
     */
    private static Dumper append(Path file, FileChannel channel, Output out, LinkType linkType, int snaplen,
            DumpOptions options) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(24);
        while (header.hasRemaining() && channel.read(header) >= 0) {
            // read until full or end of file
        }
        header.flip();
        if (header.remaining() >= 4 && PcapngReader.isPcapng(header, 0)) {
            if (options.format() != CaptureFormat.PCAPNG) {
                throw new PcapException(file + ": cannot append pcap records to a pcapng file");
            }
            channel.position(channel.size());
            return create(out, linkType, snaplen, options, precisionOf(options));
        }
        ByteOrder order = header.remaining() >= 4 ? PcapReader.magicOrder(header, 0) : null;
        if (header.remaining() < 24 || order == null) {
            throw new PcapException(file + ": cannot append: not a pcap or pcapng file");
        }
        if (options.format() != CaptureFormat.PCAP) {
            throw new PcapException(file + ": cannot append pcapng blocks to a pcap file");
        }
        if (order != ByteOrder.nativeOrder()) {
            throw new PcapException(file + ": cannot append: the file's byte order differs from this machine's");
        }
        header.order(order);
        int magic = header.getInt(0);
        TimestampPrecision filePrecision = magic == PcapReader.MAGIC_NANO ? TimestampPrecision.NANO
                : magic == PcapReader.MAGIC_MICRO ? TimestampPrecision.MICRO : null;
        if (filePrecision == null) {
            throw new PcapException(file + ": cannot append to a file with the modified (Kuznetzov) record header");
        }
        if (options.precision() != null && options.precision() != filePrecision) {
            throw new PcapException(file + ": cannot append: the file has " + describe(filePrecision)
                    + " timestamps, not " + describe(options.precision()));
        }
        int major = header.getShort(4), minor = header.getShort(6);
        if (major != 2 || minor != 4) {
            throw new PcapException(file + ": cannot append: the file's version is " + major + "." + minor
                    + ", not 2.4");
        }
        int fileLinkType = header.getInt(20);
        if (fileLinkType != linkType.value()) {
            throw new PcapException(file + ": cannot append: the file's link type is " + fileLinkType + ", not "
                    + linkType.value() + " (" + linkType + ")");
        }
        int fileSnaplen = header.getInt(16);
        if (fileSnaplen != snaplen) {
            throw new PcapException(file + ": cannot append: the file's snapshot length is " + fileSnaplen
                    + ", not " + snaplen);
        }
        channel.position(channel.size());
        return new PcapDumper(out, linkType, snaplen, filePrecision, false);
    }

    private static String describe(TimestampPrecision precision) {
        return precision == TimestampPrecision.NANO ? "nanosecond" : "microsecond";
    }
}
