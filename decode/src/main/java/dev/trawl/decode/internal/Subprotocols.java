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
    static int isisHello;
    static int isisLsp;
    static int isisCsnp;
    static int isisPsnp;
    static int openflowV1;
    static int openflowV4;
    static int openflowV5;
    static int openflowV6;

    static void register(ProtocolRegistrar r) {
        afs = r.protocol("afs", null);
        krb4 = r.protocol("krb4", null);
        isisHello = r.protocol("isis.hello", null);
        isisLsp = r.protocol("isis.lsp", null);
        isisCsnp = r.protocol("isis.csnp", null);
        isisPsnp = r.protocol("isis.psnp", null);
        openflowV1 = r.protocol("openflow_v1", null);
        openflowV4 = r.protocol("openflow_v4", null);
        openflowV5 = r.protocol("openflow_v5", null);
        openflowV6 = r.protocol("openflow_v6", null);
        r.protocol("rx", Subprotocols::rx);
        r.protocol("kerberos", Subprotocols::kerberos);
        r.protocol("osi", Subprotocols::osi);
        r.protocol("isis", Subprotocols::isis);
        r.protocol("openflow", Subprotocols::openflow);
        r.protocol("pim", Subprotocols::pim);
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

    /** OSI network layer: the first byte (NLPID) names the protocol. */
    static int osi(byte[] buf, int off, int end, DecodeContext ctx) {
        ctx.addLayer(Protocols.OSI, off, 0, end);
        ctx.next(off, end);
        if (off >= end) {
            return Protocols.NONE;
        }
        switch (u8(buf, off)) {
            case 0x83:
                return Protocols.ISIS;
            case 0x82:
                return Protocols.ESIS;
            default:
                return Protocols.DATA;
        }
    }

    /** IS-IS: the PDU type in the fixed header names the PDU. */
    static int isis(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.ISIS, off, 8, end);
        if (off + 5 > end) {
            return Protocols.NONE;
        }
        switch (u8(buf, off + 4) & 0x1F) {
            case 15:
            case 16:
            case 17:
                return marker(ctx, isisHello, off, end);
            case 18:
            case 20:
                return marker(ctx, isisLsp, off, end);
            case 24:
            case 25:
                return marker(ctx, isisCsnp, off, end);
            case 26:
            case 27:
                return marker(ctx, isisPsnp, off, end);
            default:
                return Protocols.NONE;
        }
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

    /** PIM: a register message (type 1) encapsulates an IP packet after its 8-byte header. */
    static int pim(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.PIM, off, 4, end);
        if (off + 8 >= end || (u8(buf, off) & 0x0F) != 1 || (u8(buf, off) >>> 4) != 2) {
            return Protocols.NONE;
        }
        ctx.next(off + 8, end);
        return Decoders.byVersion(buf, off + 8, end);
    }
}
