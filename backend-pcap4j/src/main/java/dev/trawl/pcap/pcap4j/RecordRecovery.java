package dev.trawl.pcap.pcap4j;

import com.sun.jna.Pointer;

import dev.trawl.pcap.TimestampPrecision;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The {@link Recovery} of a pcap file: after the failure, libpcap's file position ({@code ftell} on
 * {@code pcap_file}) sits just past the record, which is found by walking the file's record headers and read
 * again; {@link Recovered#of} normalises its timestamp as libpcap computes it.
 */
final class RecordRecovery implements Recovery {
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int MAGIC_MICRO = 0xa1b2c3d4;
    private static final int MAGIC_NANO = 0xa1b23c4d;

    private final Path file;
    private final Pointer pcapT;
    private final TimestampPrecision precision;
    private final int snaplen;

    private final boolean fileNano;

    /** @param fileNano whether the file's magic number says it holds nanoseconds */
    RecordRecovery(Path file, Pointer pcapT, TimestampPrecision precision, int snaplen, boolean fileNano) {
        this.file = file;
        this.pcapT = pcapT;
        this.precision = precision;
        this.snaplen = snaplen;
        this.fileNano = fileNano;
    }

    @Override
    public boolean wrapped(int nanos) {
        return Recovery.wrapped(fileNano, nanos);
    }

    @Override
    public Recovered lastRecord(long index) throws IOException {
        Pointer stream = LibPcap.pcap_file(pcapT);
        if (stream == null) {
            throw new IOException("libpcap has no file for this handle");
        }
        long end = Libc.ftell(stream).longValue();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(FILE_HEADER);
            readFully(channel, header, 0);
            int magic = header.getInt(0);
            if (magic != MAGIC_MICRO && magic != MAGIC_NANO) {
                header.order(ByteOrder.LITTLE_ENDIAN);
                magic = header.getInt(0);
            }
            if (magic != MAGIC_MICRO && magic != MAGIC_NANO) {
                throw new IOException("not a pcap file");
            }
            boolean fileNano = magic == MAGIC_NANO;
            ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER).order(header.order());
            long at = FILE_HEADER;
            while (at + RECORD_HEADER <= end) {
                readFully(channel, record.clear(), at);
                long caplen = record.getInt(8) & 0xffffffffL;
                long next = at + RECORD_HEADER + caplen;
                if (next == end) {
                    return rebuild(channel, record, at + RECORD_HEADER, (int) caplen, fileNano);
                }
                at = next;
            }
            throw new IOException("no record ends at libpcap's file position " + end);
        }
    }

    private Recovered rebuild(FileChannel channel, ByteBuffer record, long dataAt, int caplen, boolean fileNano)
            throws IOException {
        int kept = Math.min(caplen, snaplen); // libpcap cuts a record longer than the snapshot length
        ByteBuffer data = ByteBuffer.allocate(kept);
        readFully(channel, data, dataAt);
        return Recovered.of(record.getInt(0) & 0xffffffffL, record.getInt(4),
                record.order() != ByteOrder.nativeOrder(), fileNano, precision, record.getInt(12), data.array());
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of file at " + at);
            }
            at += n;
        }
    }
}
