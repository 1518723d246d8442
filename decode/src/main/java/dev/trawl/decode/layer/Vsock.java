package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * Linux's vsock monitor header (LINKTYPE_VSOCK, {@code struct af_vsockmon_hdr}), all little-endian, and the
 * virtio transport header that may follow it ({@code struct virtio_vsock_hdr}):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------------------------------+-------------------------------+
 * |                   source CID (64 bits)                        |
 * |                   destination CID (64 bits)                   |
 * |                   source port                                 |
 * |                   destination port                            |
 * |       operation               |       transport               |
 * |       transport length        |       reserved                |
 * +-------------------------------+-------------------------------+   32 bytes
 * | virtio: src CID (8), dst CID (8), src port (4), dst port (4), |
 * | len (4), type (2), op (2), flags (4), buf_alloc (4),          |
 * | fwd_cnt (4)                                                   |   44 bytes
 * +---------------------------------------------------------------+
 * </pre>
 *
 * Wireshark's fields: {@code vsock.src_cid}, {@code vsock.op}, {@code vsock.trans}, {@code vsock.virtio.len},
 * {@code vsock.virtio.op}, ... See {@link Flyweight}; not thread-safe.
 */
public final class Vsock extends Flyweight {
    /** The length of the monitor header. */
    public static final int HEADER_LENGTH = 32;
    /** The length of the virtio transport header. */
    public static final int VIRTIO_LENGTH = 44;
    /** Transport: virtio, whose header follows the monitor header. */
    public static final int TRANSPORT_VIRTIO = 2;
    /** Operation: payload. */
    public static final int OP_PAYLOAD = 4;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Vsock() {
    }

    /** Points this view at a monitor header and what follows it. */
    public Vsock wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    private long u32le(int rel) {
        return has(rel, 4) ? (long) u16le(rel + 2) << 16 | u16le(rel) : 0;
    }

    private long u64le(int rel) {
        return has(rel, 8) ? u32le(rel + 4) << 32 | u32le(rel) : 0;
    }

    /** {@code vsock.src_cid}: the source context id (unsigned; print with {@link Long#toUnsignedString}). */
    public long sourceCid() {
        return u64le(0);
    }

    /** {@code vsock.dst_cid}: the destination context id. */
    public long destinationCid() {
        return u64le(8);
    }

    /** {@code vsock.src_port}. */
    public long sourcePort() {
        return u32le(16);
    }

    /** {@code vsock.dst_port}. */
    public long destinationPort() {
        return u32le(20);
    }

    /** {@code vsock.op}: 1 connect, 2 disconnect, 3 control, 4 payload. */
    public int operation() {
        return u16le(24);
    }

    /** {@code vsock.trans}: 0 unknown, 1 no information, 2 virtio. */
    public int transport() {
        return u16le(26);
    }

    /** {@code vsock.trans_len}: the length of the transport header. */
    public int transportLength() {
        return u16le(28);
    }

    /** {@code vsock.virtio.len}: the payload length the virtio header states. */
    public long virtioLength() {
        return u32le(HEADER_LENGTH + 24);
    }

    /** {@code vsock.virtio.type}: 1 stream. */
    public int virtioType() {
        return u16le(HEADER_LENGTH + 28);
    }

    /** {@code vsock.virtio.op}: 1 request, 2 response, 3 reset, 4 shutdown, 5 read/write, 6 and 7 credit. */
    public int virtioOperation() {
        return u16le(HEADER_LENGTH + 30);
    }

    /** {@code vsock.virtio.flags}. */
    public long virtioFlags() {
        return u32le(HEADER_LENGTH + 32);
    }

    /** {@code vsock.virtio.buf_alloc}. */
    public long virtioBufferAllocation() {
        return u32le(HEADER_LENGTH + 36);
    }

    /** {@code vsock.virtio.fwd_cnt}. */
    public long virtioForwardCount() {
        return u32le(HEADER_LENGTH + 40);
    }
}
