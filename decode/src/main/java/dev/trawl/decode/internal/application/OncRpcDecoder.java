package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * ONC RPC (RFC 5531): over UDP a call or reply, a call to NFS with arguments shown as {@code rpc:nfs}; over TCP a
 * record mark first, and only calls, as Wireshark decodes a reply only after the call it answers. Immutable.
 */
final class OncRpcDecoder implements ProtocolDecoder {
    private static final int CALL = 0;
    private static final int REPLY = 1;
    private static final int NFS_PROGRAM = 100003;

    private final int nfs;

    /** @param nfs the id of {@code nfs} */
    OncRpcDecoder(int nfs) {
        this.nfs = nfs;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end) {
            return ProtocolDecoder.REJECT;
        }
        int type = (int) Bytes.u32(buf, off + 4);
        if (type != CALL && type != REPLY) {
            return ProtocolDecoder.REJECT;
        }
        ctx.addLayer(ctx.protocol(), off, 8, end);
        // A call to NFS with arguments after its credentials and verifier (the NULL procedure, 0, has none).
        if (type == CALL && off + 24 <= end && Bytes.u32(buf, off + 12) == NFS_PROGRAM && Bytes.u32(buf, off + 20) != 0
                && rpcArguments(buf, off, end) < end) {
            ctx.addLayer(nfs, off, 0, end);
        }
        return Protocols.NONE;
    }

    /**
     * ONC RPC calls over TCP, shown as {@code rpc} (whose id is given): a record mark (the last-fragment bit and a
     * 31-bit length), then a call as over UDP. A record not yet whole shows nothing, as Wireshark waits for the
     * rest.
     */
    static ProtocolDecoder overTcp(int rpc) {
        return (buf, off, end, ctx) -> {
            if (off + 4 > end) {
                return ProtocolDecoder.REJECT;
            }
            long length = Bytes.u32(buf, off) & 0x7FFF_FFFFL;
            if (length < 8 || off + 4 + length > end) {
                return Protocols.NONE;
            }
            if (Bytes.u32(buf, off + 8) != CALL) {
                // A reply: Wireshark decodes one only after the call it answers, which it saw on the connection.
                return ProtocolDecoder.REJECT;
            }
            ctx.next(off + 4, end);
            return rpc;
        };
    }

    /** Where an RPC call's arguments start: past its 24-byte header, credentials and verifier. */
    private static long rpcArguments(byte[] buf, int off, int end) {
        long p = off + 24;
        for (int auth = 0; auth < 2; auth++) {
            if (p + 8 > end) {
                return end;
            }
            p += 8 + ((Bytes.u32(buf, (int) p + 4) + 3) & ~3L);
        }
        return p;
    }
}
