package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.spi.LibpcapErrors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The format and version of a capture file, read from its first bytes. libpcap reports a pcapng file as
 * pcap 2.4, and pcap4j offers nothing else, so the backend reads the section header itself.
 *
 * @param format pcap or pcapng
 * @param major the pcap major version, or the first section's major version
 * @param minor the matching minor version
 * @param gzip whether the file is gzip-compressed (which libpcap does not read)
 */
record FileHeader(CaptureFormat format, int major, int minor, boolean gzip) {
    private static final int PCAPNG_SHB = 0x0A0D0D0A;
    private static final int PCAPNG_BYTE_ORDER = 0x1A2B3C4D;

    /** Reads the first bytes of a file; libpcap decides whether it is a capture file it can read. */
    static FileHeader read(Path file) throws IOException {
        byte[] bytes = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(bytes, 0, bytes.length);
        }
        return parse(bytes, n);
    }

    /** Reads the header from the first {@code n} bytes of a capture. */
    static FileHeader parse(byte[] bytes, int n) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, n).order(ByteOrder.BIG_ENDIAN);
        if (LibpcapErrors.isGzip(bytes, n)) {
            return new FileHeader(CaptureFormat.PCAP, 0, 0, true);
        }
        if (n >= 16 && buffer.getInt(0) == PCAPNG_SHB) {
            if (buffer.getInt(8) != PCAPNG_BYTE_ORDER) {
                buffer.order(ByteOrder.LITTLE_ENDIAN);
            }
            return new FileHeader(CaptureFormat.PCAPNG, buffer.getShort(12) & 0xffff, buffer.getShort(14) & 0xffff,
                    false);
        }
        if (n >= 8) {
            int magic = buffer.getInt(0);
            if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
                buffer.order(ByteOrder.LITTLE_ENDIAN);
            }
            return new FileHeader(CaptureFormat.PCAP, buffer.getShort(4) & 0xffff, buffer.getShort(6) & 0xffff,
                    false);
        }
        return new FileHeader(CaptureFormat.PCAP, 2, 4, false);
    }
}
