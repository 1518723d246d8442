package dev.trawl.spark.split;

import dev.trawl.pcap.file.CaptureCursor;
import dev.trawl.pcap.tck.CraftedCaptures;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

/**
 * Writes capture files byte by byte, with every field under the test's control (lengths that disagree,
 * fractions of a second or more, truncated records), and the adversarial valid captures that a split reader
 * must read exactly as a sequential one: timestamps spanning decades or out of order, captures of capture
 * files, records whose captured length exceeds their length or whose length is 0, snapshot lengths of 0 or
 * larger than any record. For tests.
 */
final class Captures {
    private Captures() {
    }

    /** The bytes written so far, in the byte order of the file or current section. */
    abstract static class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteOrder order;

        Writer(ByteOrder order) {
            this.order = order;
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        ByteBuffer buffer(int n) {
            return ByteBuffer.allocate(n).order(order);
        }
    }

    /** A classic pcap file. */
    static final class Pcap extends Writer {
        final boolean nanos;

        Pcap(ByteOrder order, boolean nanos, int snaplen, int linkType) {
            super(order);
            this.nanos = nanos;
            out.writeBytes(CraftedCaptures.pcapHeader(order, nanos, snaplen, linkType));
        }

        /** A record holding {@code data}, stating {@code caplen} (normally {@code data.length}) and {@code len}. */
        Pcap record(long seconds, long fraction, int caplen, int len, byte[] data) {
            out.writeBytes(buffer(16).putInt((int) seconds).putInt((int) fraction).putInt(caplen).putInt(len).array());
            out.writeBytes(data);
            return this;
        }

        Pcap record(long seconds, long fraction, byte[] data) {
            return record(seconds, fraction, data.length, data.length, data);
        }
    }

    /** A pcapng file: sections, interfaces and blocks in any order. */
    static final class Pcapng extends Writer {
        Pcapng() {
            super(ByteOrder.LITTLE_ENDIAN);
        }

        Pcapng section(ByteOrder order) {
            this.order = order;
            return block(CaptureCursor.SECTION_HEADER, buffer(16).putInt(0x1A2B3C4D).putShort((short) 1)
                    .putShort((short) 0).putLong(-1).array());
        }

        /** An interface; {@code tsresol} below 0 leaves the option out (microseconds). */
        Pcapng idb(int linkType, int snaplen, int tsresol, long tsoffset) {
            ByteBuffer b = buffer(40).putShort((short) linkType).putShort((short) 0).putInt(snaplen);
            if (tsresol >= 0) {
                b.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
            }
            if (tsoffset != 0) {
                b.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
            }
            b.putInt(0);
            return block(CaptureCursor.INTERFACE_DESCRIPTION, Arrays.copyOf(b.array(), b.position()));
        }

        Pcapng epb(int iface, long timestamp, int caplen, int len, byte[] data) {
            ByteBuffer b = buffer(20).putInt(iface).putInt((int) (timestamp >>> 32)).putInt((int) timestamp)
                    .putInt(caplen).putInt(len);
            return block(CaptureCursor.ENHANCED_PACKET, concat(b.array(), data));
        }

        Pcapng spb(int len, byte[] data) {
            return block(CaptureCursor.SIMPLE_PACKET, concat(buffer(4).putInt(len).array(), data));
        }

        Pcapng isb(int iface, long timestamp) {
            return block(CaptureCursor.INTERFACE_STATISTICS, buffer(16).putInt(iface)
                    .putInt((int) (timestamp >>> 32)).putInt((int) timestamp).putInt(0).array());
        }

        Pcapng custom(byte[] data) {
            return block(CaptureCursor.CUSTOM, concat(buffer(4).putInt(32473).array(), data));
        }

        Pcapng block(int type, byte[] body) {
            int padded = (body.length + 3) & ~3;
            out.writeBytes(buffer(8).putInt(type).putInt(12 + padded).array());
            out.writeBytes(body);
            out.writeBytes(new byte[padded - body.length]);
            out.writeBytes(buffer(4).putInt(12 + padded).array());
            return this;
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** An Ethernet/IPv4/UDP frame of {@code size} bytes (at least 42). */
    static byte[] ipv4Udp(Random random, int size) {
        ByteBuffer p = ByteBuffer.allocate(size);
        p.putLong(0x0001020304050001L).putInt(0x02030406).putShort((short) 0x0800);
        p.put((byte) 0x45).put((byte) 0).putShort((short) (size - 14)).putInt(0).put((byte) 64).put((byte) 17)
                .putShort((short) 0).putInt(0x0a000000 | random.nextInt(256)).putInt(0x0a000100);
        p.putShort((short) (1024 + random.nextInt(50000))).putShort((short) 53).putShort((short) (size - 34));
        return p.array();
    }

    /** An Ethernet/IPv6/TCP frame whose addresses and payload are random (at least 74 bytes). */
    static byte[] ipv6Tcp(Random random, int size) {
        ByteBuffer p = ByteBuffer.allocate(size);
        p.putLong(0x0001020304050001L).putInt(0x02030406).putShort((short) 0x86DD);
        p.putInt(0x60000000).putShort((short) (size - 54)).put((byte) 6).put((byte) 64);
        byte[] addresses = new byte[32];
        random.nextBytes(addresses);
        p.put(addresses);
        p.putShort((short) random.nextInt(65536)).putShort((short) 443).putInt(random.nextInt()).putInt(random.nextInt())
                .put((byte) 0x50).put((byte) 0x18).putShort((short) 512).putInt(0);
        byte[] payload = new byte[p.remaining()];
        random.nextBytes(payload);
        p.put(payload);
        return p.array();
    }

    /**
     * Ethernet/IPv4/TCP frames carrying {@code stream} (an HTTP download of a file, say) in segments of at most
     * {@code mss} bytes.
     */
    static byte[][] tcpSegments(byte[] stream, int mss) {
        int count = (stream.length + mss - 1) / mss;
        byte[][] frames = new byte[count][];
        for (int i = 0; i < count; i++) {
            int from = i * mss;
            int n = Math.min(mss, stream.length - from);
            ByteBuffer p = ByteBuffer.allocate(54 + n);
            p.putLong(0x0001020304050001L).putInt(0x02030406).putShort((short) 0x0800);
            p.put((byte) 0x45).put((byte) 0).putShort((short) (40 + n)).putInt(0x40000000).put((byte) 64)
                    .put((byte) 6).putShort((short) 0).putInt(0xc0000201).putInt(0xc0000202);
            p.putShort((short) 80).putShort((short) 40000).putInt(1 + from).putInt(1).put((byte) 0x50)
                    .put((byte) 0x10).putShort((short) 65535).putInt(0);
            p.put(stream, from, n);
            frames[i] = p.array();
        }
        return frames;
    }
}
