package dev.trawl.decode.internal;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;
import dev.trawl.decode.spi.ProtocolRegistrar;

/**
 * Decoders that only tell which message or version a protocol carries, so that the layer list names the
 * same sub-protocols Wireshark's {@code frame.protocols} does ({@code igmp:igmp}, {@code rx:afs},
 * {@code kerberos:krb4}, {@code isis:isis.hello}, {@code slow:lacp}, {@code openflow:openflow_v4}).
 * The sub-protocol layers are zero-length markers over their parent's payload.
 */
final class Subprotocols {
    private Subprotocols() {
    }

    static int afs;
    static int krb4;
    static int openflowV1;
    static int openflowV4;
    static int openflowV5;
    static int openflowV6;

    static void register(ProtocolRegistrar r) {
        afs = r.protocol("afs", null);
        krb4 = r.protocol("krb4", null);
        openflowV1 = r.protocol("openflow_v1", null);
        openflowV4 = r.protocol("openflow_v4", null);
        openflowV5 = r.protocol("openflow_v5", null);
        openflowV6 = r.protocol("openflow_v6", null);
        r.protocol("rx", Subprotocols::rx);
        r.protocol("kerberos", Subprotocols::kerberos);
        r.protocol("openflow", Subprotocols::openflow);
        r.protocol("nbdgm", Subprotocols::netbiosDatagram);
        r.protocol("smb", Subprotocols::smb);
    }

    /** Adds a marker layer of {@code protocol} over the region and ends the stack. */
    private static int marker(DecodeContext ctx, int protocol, int off, int end) {
        ctx.addLayer(protocol, off, 0, end);
        return Protocols.NONE;
    }

    /** Rx (AFS's RPC): a 28-byte header; DATA packets to the AFS service ports carry AFS calls. */
    static int rx(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 28 > end) {
            return ProtocolDecoder.REJECT;
        }
        header(ctx, Protocols.RX, off, 28, end);
        int type = u8(buf, off + 20);
        if (type == 1 && off + 28 < end) { // DATA
            ctx.next(off + 28, end);
            return afs;
        }
        return Protocols.NONE;
    }

    /**
     * Kerberos over UDP: a version-4 message starts with 4; a version-5 message with an ASN.1 application
     * tag. Anything else is not Kerberos.
     */
    static int kerberos(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off >= end) {
            return ProtocolDecoder.REJECT;
        }
        int first = u8(buf, off);
        if (first == 4) {
            ctx.addLayer(Protocols.KERBEROS, off, 0, end);
            return marker(ctx, krb4, off, end);
        }
        if (first >= 0x61 && first <= 0x7E) { // an ASN.1 [APPLICATION n] constructed tag
            ctx.addLayer(Protocols.KERBEROS, off, end - off, end);
            return Protocols.NONE;
        }
        return ProtocolDecoder.REJECT;
    }

    /** OpenFlow: the version byte names the dialect. */
    static int openflow(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end) {
            return ProtocolDecoder.INCOMPLETE;
        }
        int version = u8(buf, off);
        int length = u16(buf, off + 2);
        if (length < 8) {
            return ProtocolDecoder.REJECT;
        }
        if (off + length > end) {
            return ProtocolDecoder.INCOMPLETE;
        }
        int dialect;
        switch (version) {
            case 1:
                dialect = openflowV1;
                break;
            case 4:
                dialect = openflowV4;
                break;
            case 5:
                dialect = openflowV5;
                break;
            case 6:
                dialect = openflowV6;
                break;
            default:
                return ProtocolDecoder.REJECT;
        }
        header(ctx, Protocols.OPENFLOW, off, 8, end);
        ctx.addLayer(dialect, off, 0, end);
        int frame = openflowFrame(buf, off, length, version);
        if (frame < 0 || frame >= off + length) {
            return Protocols.NONE;
        }
        ctx.next(frame, off + length);
        return Protocols.ETH;
    }

    /**
     * Where the Ethernet frame of an OpenFlow packet-in or packet-out message of {@code length} bytes at
     * {@code off} starts, or -1 for other messages: after the fixed part (and, in version 1.3's packet-in, the
     * match, padded to 8 bytes, and 2 bytes of padding; in packet-out, the actions).
     */
    private static int openflowFrame(byte[] buf, int off, int length, int version) {
        int type = u8(buf, off + 1);
        if (version == 1 && type == 10 && length >= 18) {
            return off + 18;
        }
        if (version == 1 && type == 13 && length >= 16) {
            return off + 16 + u16(buf, off + 14);
        }
        if (version == 4 && type == 10 && length >= 28) {
            return off + 24 + ((u16(buf, off + 26) + 7) & ~7) + 2;
        }
        if (version == 4 && type == 13 && length >= 24) {
            return off + 24 + u16(buf, off + 16);
        }
        return -1;
    }

    /** The index just past a NetBIOS encoded name (length-prefixed labels ending in 0), or -1. */
    private static int skipNetbiosName(byte[] buf, int p, int end) {
        for (int guard = 0; guard < 64 && p < end; guard++) {
            int len = u8(buf, p);
            if (len == 0) {
                return p + 1;
            }
            if (len > 63) {
                return -1;
            }
            p += 1 + len;
        }
        return -1;
    }

    /** NetBIOS datagram service: direct and broadcast datagrams carry two names, then (usually) SMB. */
    static int netbiosDatagram(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 14 > end) {
            header(ctx, Protocols.NBDGM, off, 10, end);
            return Protocols.NONE;
        }
        int type = u8(buf, off);
        if (type < 0x10 || type > 0x12) {
            header(ctx, Protocols.NBDGM, off, 10, end);
            return Protocols.NONE;
        }
        int p = skipNetbiosName(buf, off + 14, end);
        p = p < 0 ? -1 : skipNetbiosName(buf, p, end);
        if (p < 0) {
            header(ctx, Protocols.NBDGM, off, 14, end);
            return Protocols.NONE;
        }
        ctx.addLayer(Protocols.NBDGM, off, p - off, end);
        return p + 4 <= end && Bytes.i32(buf, p) == 0xFF534D42 ? Protocols.SMB : Protocols.DATA;
    }

    /** SMB: a 32-byte header; transactions to the browser mailslot are the browser protocol. */
    static int smb(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.SMB, off, 32, end);
        if (off + 32 > end || u8(buf, off + 4) != 0x25) {
            return Protocols.NONE;
        }
        String mailslot = "\\MAILSLOT\\BROWSE";
        for (int i = off + 32; i + mailslot.length() <= end; i++) {
            boolean match = true;
            for (int k = 0; k < mailslot.length() && match; k++) {
                match = Character.toUpperCase((char) u8(buf, i + k)) == mailslot.charAt(k);
            }
            if (match) {
                return marker(ctx, Protocols.BROWSER, off, end);
            }
        }
        return Protocols.NONE;
    }
}
