package dev.trawl.pcap.pcap4j;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

import dev.trawl.pcap.TimestampPrecision;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Rebuilds the one pcap record that libpcap read but pcap4j could not turn into a packet: pcap4j builds a
 * {@code java.sql.Timestamp} for every packet and throws when a damaged file's sub-second field is out of
 * range, after libpcap has consumed the record. libpcap's file position ({@code ftell} on
 * {@code pcap_file}) then sits just past that record, which is found by walking the file's record headers
 * and read again; its timestamp is normalised as libpcap computes it, with the excess fraction carried
 * into the seconds, as tshark shows it. Used only on that error path, never per packet.
 */
final class RecordRecovery {
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int MAGIC_MICRO = 0xa1b2c3d4;
    private static final int MAGIC_NANO = 0xa1b23c4d;

    private final Path file;
    private final Pointer pcapT;
    private final TimestampPrecision precision;
    private final int snaplen;

    /** A rebuilt packet: seconds and nanoseconds as delivered, lengths, bytes. */
    record Recovered(long seconds, int nanos, int originalLength, byte[] bytes) {
    }

    /** Binds {@code ftell} from the C library. */
    private static final class LibC {
        static {
            Native.register(LibC.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        /** {@code long ftell(FILE *stream);} */
        static native NativeLong ftell(Pointer stream);
    }

    RecordRecovery(Path file, Pointer pcapT, TimestampPrecision precision, int snaplen) {
        this.file = file;
        this.pcapT = pcapT;
        this.precision = precision;
        this.snaplen = snaplen;
    }

    /** The record libpcap read last. */
    Recovered lastRecord() throws IOException {
        Pointer stream = LibPcap.pcap_file(pcapT);
        if (stream == null) {
            throw new IOException("libpcap has no file for this handle");
        }
        long end = LibC.ftell(stream).longValue();
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
        long seconds = record.getInt(0) & 0xffffffffL; // an unsigned 32-bit field in the file
        int raw = record.getInt(4);
        boolean wantNano = precision == TimestampPrecision.NANO;
        long fraction;
        if (fileNano == wantNano) {
            fraction = raw & 0xffffffffL;
        } else if (fileNano) {
            fraction = raw / 1000; // libpcap scales down with signed arithmetic
        } else {
            fraction = (long) raw * 1000;
        }
        long unitsPerSecond = wantNano ? 1_000_000_000L : 1_000_000L;
        seconds += Math.floorDiv(fraction, unitsPerSecond);
        fraction = Math.floorMod(fraction, unitsPerSecond);
        int nanos = (int) (wantNano ? fraction : fraction * 1000);
        int kept = Math.min(caplen, snaplen); // libpcap cuts a record longer than the snapshot length
        ByteBuffer data = ByteBuffer.allocate(kept);
        readFully(channel, data, dataAt);
        return new Recovered(seconds, nanos, record.getInt(12), data.array());
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
