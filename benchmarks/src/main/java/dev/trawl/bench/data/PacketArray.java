package dev.trawl.bench.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Packets held in memory for the decode and filter benchmarks, which measure those stages alone, without
 * file reading. All bytes live in one array; packet {@code i} is {@code bytes[offset(i), offset(i)+length(i))}.
 * Read-only after loading; safe to share between threads.
 */
public final class PacketArray {
    private final byte[] bytes;
    private final int[] offsets;
    private final int[] lengths;

    private PacketArray(byte[] bytes, int[] offsets, int[] lengths) {
        this.bytes = bytes;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    /**
     * Loads {@code count} packets from the start of a little-endian pcap file such as {@link CaptureGenerator}
     * writes, starting over when the file has fewer (as the C baseline does).
     */
    public static PacketArray load(Path file, int count) throws IOException {
        return load(file, count, false);
    }

    /**
     * Loads {@code count} DNS packets (IPv4 UDP to or from port 53) from a file as {@link #load} does,
     * skipping every other packet.
     */
    public static PacketArray loadDns(Path file, int count) throws IOException {
        return load(file, count, true);
    }

    private static PacketArray load(Path file, int count, boolean dnsOnly) throws IOException {
        ByteBuffer in;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            in = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
        }
        if (in.remaining() < 24 || in.getInt(0) != 0xa1b2c3d4) {
            throw new IOException(file + " is not a little-endian microsecond pcap file");
        }
        int[] offsets = new int[count];
        int[] lengths = new int[count];
        long total = 0;
        int position = 24;
        boolean foundAny = false;
        for (int i = 0; i < count; ) {
            if (position + 16 > in.limit()) {
                if (!foundAny) {
                    throw new IOException(file + " holds no " + (dnsOnly ? "DNS " : "") + "packets");
                }
                position = 24;
            }
            int caplen = in.getInt(position + 8);
            if (caplen < 0 || position + 16 + caplen > in.limit()) {
                throw new IOException(file + ": truncated record at byte " + position);
            }
            if (dnsOnly && !isDns(in, position + 16, caplen)) {
                position += 16 + caplen;
                continue;
            }
            foundAny = true;
            offsets[i] = position + 16;
            lengths[i] = caplen;
            total += caplen;
            position += 16 + caplen;
            i++;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IOException("too many bytes to hold in memory: " + total);
        }
        byte[] bytes = new byte[(int) total];
        int at = 0;
        for (int i = 0; i < count; i++) {
            in.get(offsets[i], bytes, at, lengths[i]);
            offsets[i] = at;
            at += lengths[i];
        }
        return new PacketArray(bytes, offsets, lengths);
    }

    /** Ethernet, IPv4 without options, UDP, port 53 at either end. */
    private static boolean isDns(ByteBuffer in, int at, int length) {
        if (length < 42 || in.get(at + 12) != 0x08 || in.get(at + 13) != 0 || in.get(at + 14) != 0x45
                || in.get(at + 23) != 17) {
            return false;
        }
        int source = ((in.get(at + 34) & 0xff) << 8) | (in.get(at + 35) & 0xff);
        int destination = ((in.get(at + 36) & 0xff) << 8) | (in.get(at + 37) & 0xff);
        return source == 53 || destination == 53;
    }

    /** The number of packets. */
    public int size() {
        return offsets.length;
    }

    /** The array holding every packet's bytes; do not modify it. */
    public byte[] bytes() {
        return bytes;
    }

    /** Where packet {@code i} starts in {@link #bytes()}. */
    public int offset(int i) {
        return offsets[i];
    }

    /** The captured length of packet {@code i}. */
    public int length(int i) {
        return lengths[i];
    }

    /** One read-only big-endian view per packet, each positioned on its packet. */
    public ByteBuffer[] views() {
        ByteBuffer whole = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        ByteBuffer[] views = new ByteBuffer[size()];
        for (int i = 0; i < views.length; i++) {
            views[i] = whole.slice(offsets[i], lengths[i]);
        }
        return views;
    }

    /** A copy of packet {@code i}'s bytes. */
    public byte[] copy(int i) {
        byte[] out = new byte[lengths[i]];
        System.arraycopy(bytes, offsets[i], out, 0, out.length);
        return out;
    }
}
