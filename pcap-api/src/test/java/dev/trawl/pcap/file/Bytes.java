package dev.trawl.pcap.file;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds capture files byte by byte for tests, in a chosen byte order. */
final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    Bytes(ByteOrder order) {
        this.order = order;
    }

    Bytes i32(long v) {
        ByteBuffer b = ByteBuffer.allocate(4).order(order).putInt((int) v);
        out.writeBytes(b.array());
        return this;
    }

    Bytes i16(int v) {
        ByteBuffer b = ByteBuffer.allocate(2).order(order).putShort((short) v);
        out.writeBytes(b.array());
        return this;
    }

    Bytes i64(long v) {
        ByteBuffer b = ByteBuffer.allocate(8).order(order).putLong(v);
        out.writeBytes(b.array());
        return this;
    }

    Bytes raw(byte... bytes) {
        out.writeBytes(bytes);
        return this;
    }

    Bytes bytes(Bytes other) {
        out.writeBytes(other.array());
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] array() {
        return out.toByteArray();
    }

    /** A pcap file header. */
    static Bytes pcapHeader(ByteOrder order, int magic, int snaplen, int linkType) {
        return new Bytes(order).i32(magic).i16(2).i16(4).i32(0).i32(0).i32(snaplen).i32(linkType);
    }

    /** A pcap record with {@code caplen} bytes 0, 1, 2, ... */
    Bytes pcapRecord(long seconds, long fraction, int caplen, int len) {
        i32(seconds).i32(fraction).i32(caplen).i32(len);
        for (int i = 0; i < caplen; i++) {
            out.write(i);
        }
        return this;
    }

    /** A pcapng block with the given body (padded to 4 bytes). */
    Bytes block(int type, byte[] body) {
        int padded = (body.length + 3) & ~3;
        i32(type).i32(12 + padded).raw(body).raw(new byte[padded - body.length]).i32(12 + padded);
        return this;
    }

    /** A Section Header Block, version 1.0, with an optional comment. */
    Bytes shb(String comment) {
        Bytes body = new Bytes(order).i32(0x1A2B3C4D).i16(1).i16(0).i64(-1);
        if (comment != null) {
            body.option(1, comment.getBytes(StandardCharsets.UTF_8)).i32(0);
        }
        return block(0x0A0D0D0A, body.array());
    }

    /** An Interface Description Block with an optional if_tsresol and if_tsoffset. */
    Bytes idb(int linkType, int snaplen, Integer tsresol, Long tsoffset) {
        Bytes body = new Bytes(order).i16(linkType).i16(0).i32(snaplen);
        if (tsresol != null || tsoffset != null) {
            if (tsresol != null) {
                body.option(9, new byte[] {(byte) (int) tsresol});
            }
            if (tsoffset != null) {
                body.option(14, new Bytes(order).i64(tsoffset).array());
            }
            body.i32(0);
        }
        return block(1, body.array());
    }

    /** An Enhanced Packet Block with {@code caplen} bytes 0, 1, 2, ... */
    Bytes epb(int interfaceId, long timestamp, int caplen, int len) {
        Bytes body = new Bytes(order).i32(interfaceId).i32(timestamp >>> 32).i32(timestamp).i32(caplen).i32(len);
        for (int i = 0; i < caplen; i++) {
            body.out.write(i);
        }
        body.raw(new byte[((caplen + 3) & ~3) - caplen]);
        return block(6, body.array());
    }

    Bytes option(int code, byte[] value) {
        i16(code).i16(value.length).raw(value).raw(new byte[((value.length + 3) & ~3) - value.length]);
        return this;
    }
}
