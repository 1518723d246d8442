package dev.trawl.decode.internal;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.spi.ProtocolRegistrar;

/**
 * Well-known-port protocols decoded only as far as their name (and, for a few, the name of what they
 * carry), so that layer lists match Wireshark's for common traffic.
 */
final class Named {
    private Named() {
    }

    static int eap;
    static int nfs;
    static int rpc;
    static int dbLspDisc;

    static void register(ProtocolRegistrar r) {
        udp(r, "dtls", 853); // DNS over DTLS
        r.bind(Dispatch.UDP_PORT, 1700, Protocols.RADIUS); // dynamic authorization, as some vendors use it
        udp(r, "tsp", 525);
        sdp = r.protocol("sdp", null);
        r.protocol("sip", Named::sip);
        r.bind(Dispatch.TCP_PORT, 5060, r.protocol("sip-over-tcp", Named::sipTcp));
        diameter = r.protocol("diameter", Named::diameter);
        r.bind(Dispatch.TCP_PORT, 3868, diameter);
        r.bind(Dispatch.SCTP_PORT, 3868, diameter);
        r.bind(Dispatch.ETHERTYPE, 0x88F7, Protocols.PTP); // PTP straight over Ethernet
        sflow = r.protocol("sflow", Named::sflow);
        r.bind(Dispatch.UDP_PORT, 6343, sflow);
        udp(r, "llmnr", 5355);
        udp(r, "cflow", 2055, 9995, 9996, 4739);
        udp(r, "cldap", 389);
        udp(r, "tacplus", 49);
        tcp(r, "tacplus", 49);
        tcp(r, "pop", 110);
        tcp(r, "imap", 143);
        tcp(r, "ldap", 389);
        tcp(r, "mysql", 3306);
        tcp(r, "pgsql", 5432);
        tcp(r, "mqtt", 1883);
        tcp(r, "rtsp", 554);
        tcp(r, "nntp", 119);
        tcp(r, "whois", 43);
        tcp(r, "resp", 6379);
        tcp(r, "ldap", 3268); // the global catalog
        tcp(r, "socks", 1080);
        tcp(r, "enip", 44818);
        udp(r, "enip", 44818);
        udp(r, "mip", 434);
        udp(r, "pfcp", 8805);
        r.bind(Dispatch.UDP_PORT, 3799, Protocols.RADIUS); // dynamic authorization (RFC 5176)
        smb2 = r.protocol("smb2", null);
        nbss = r.protocol("nbss", Named::nbss);
        r.bind(Dispatch.TCP_PORT, 139, nbss);
        r.bind(Dispatch.TCP_PORT, 445, nbss);
        dcerpc = r.protocol("dcerpc", Named::dcerpc);
        r.bind(Dispatch.TCP_PORT, 135, dcerpc);
        r.bind(Dispatch.TCP_PORT, 88, r.protocol("kerberos-over-tcp", Named::kerberosTcp));
        mgcp = r.protocol("mgcp", Named::mgcp);
        r.bind(Dispatch.UDP_PORT, 2427, mgcp);
        r.bind(Dispatch.UDP_PORT, 2727, mgcp);
        coap = r.protocol("coap", Named::coap);
        r.bind(Dispatch.UDP_PORT, 5683, coap);
        r.bind(Dispatch.SCTP_PORT, 2905, r.protocol("m3ua", null));
        eap = r.protocol("eap", null);
        nfs = r.protocol("nfs", null);
        rpc = r.protocol("rpc", Named::rpc);
        r.bind(Dispatch.UDP_PORT, 2049, rpc);
        r.bind(Dispatch.UDP_PORT, 111, rpc);
        int rpcTcp = r.protocol("rpc-over-tcp", Named::rpcTcp);
        r.bind(Dispatch.TCP_PORT, 2049, rpcTcp);
        r.bind(Dispatch.TCP_PORT, 111, rpcTcp);
        mbtcp = r.protocol("mbtcp", Named::modbusTcp);
        modbus = r.protocol("modbus", null);
        r.bind(Dispatch.TCP_PORT, 502, mbtcp);
        r.protocol("radius", Named::radius);
        int json = r.protocol("json", null);
        dbLspDisc = r.protocol("db-lsp-disc", (buf, off, end, ctx) -> {
            ctx.addLayer(Named.dbLspDisc, off, 0, end);
            return json;
        });
        r.bind(Dispatch.UDP_PORT, 17500, dbLspDisc);
        r.protocol("tftp", Named::tftp);
        r.protocol("quic", Named::quic);
        gquic = r.protocol("gquic", null);
    }

    static int gquic;
    static int smb2;
    static int nbss;
    static int dcerpc;
    static int mgcp;
    static int coap;

    /**
     * NetBIOS Session Service (RFC 1002), also SMB's framing on port 445: a 4-byte header; a session message
     * (type 0) carries SMB, SMB2 (by their signatures) or other data. The other types carry no payload
     * Wireshark decodes further.
     */
    static int nbss(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, nbss, off, 4, end);
        int p = off + 4;
        if (p >= end || u8(buf, off) != 0) {
            return Protocols.NONE;
        }
        ctx.next(p, end);
        int signature = p + 4 <= end ? Bytes.i32(buf, p) : 0;
        if (signature == 0xFF534D42) { // "\xffSMB"
            return Protocols.SMB;
        }
        if (signature == 0xFE534D42 || signature == 0xFD534D42) { // SMB2, and its transform header
            ctx.addLayer(smb2, p, 0, end);
            return Protocols.NONE;
        }
        return Protocols.DATA;
    }

    /**
     * DCE/RPC connection-oriented PDUs on their port: version 5, minor version 0 or 1, and the whole fragment
     * captured. Like Wireshark, which waits for the rest of a PDU in later segments, nothing is shown for a
     * partial PDU or for bytes that are not one.
     */
    static int dcerpc(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 16 > end || u8(buf, off) != 5 || u8(buf, off + 1) > 1) {
            return Protocols.NONE;
        }
        boolean littleEndian = (u8(buf, off + 4) & 0x10) != 0;
        int fragmentLength = littleEndian ? Bytes.u16le(buf, off + 8) : u16(buf, off + 8);
        if (fragmentLength > end - off) {
            return Protocols.NONE;
        }
        ctx.addLayer(dcerpc, off, 16, end);
        return Protocols.NONE;
    }

    /** Kerberos over TCP: a 4-byte record length, then a Kerberos message as over UDP. */
    static int kerberosTcp(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 4 >= end) {
            return dev.trawl.decode.spi.ProtocolDecoder.REJECT;
        }
        ctx.next(off + 4, end);
        return Protocols.KERBEROS;
    }

    /** The MGCP commands (RFC 3435), each four capital letters followed by a space. */
    private static final String[] MGCP_VERBS = {"EPCF", "CRCX", "MDCX", "DLCX", "RQNT", "NTFY", "AUEP", "AUCX",
        "RSIP", "MESG"};

    /** MGCP: a text message that starts with a command verb or a three-digit response code. */
    static int mgcp(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 4 > end) {
            return dev.trawl.decode.spi.ProtocolDecoder.REJECT;
        }
        boolean response = off + 4 <= end && isDigit(u8(buf, off)) && isDigit(u8(buf, off + 1))
                && isDigit(u8(buf, off + 2)) && (off + 3 == end || u8(buf, off + 3) == ' ');
        boolean command = false;
        for (String verb : MGCP_VERBS) {
            boolean match = off + 5 <= end && u8(buf, off + 4) == ' ';
            for (int i = 0; i < 4 && match; i++) {
                match = u8(buf, off + i) == verb.charAt(i);
            }
            command |= match;
        }
        if (!response && !command) {
            return dev.trawl.decode.spi.ProtocolDecoder.REJECT;
        }
        ctx.addLayer(mgcp, off, end - off, end);
        return Protocols.NONE;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** CoAP (RFC 7252): a 4-byte header whose version is 1. */
    static int coap(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 4 > end || (u8(buf, off) >>> 6) != 1) {
            return dev.trawl.decode.spi.ProtocolDecoder.REJECT;
        }
        ctx.addLayer(coap, off, 4, end);
        return Protocols.NONE;
    }

    /**
     * QUIC on UDP 443: Google QUIC's long header carries a version starting with 'Q'. An IETF QUIC v1
     * Initial packet carries the TLS handshake, which Wireshark decrypts and lists as {@code quic:tls}.
     */
    static int quic(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 5 <= end && (u8(buf, off) & 0x80) != 0 && u8(buf, off + 1) == 'Q') {
            ctx.addLayer(gquic, off, end - off, end);
            return Protocols.NONE;
        }
        ctx.addLayer(Protocols.QUIC, off, end - off, end);
        if (off + 5 <= end && (u8(buf, off) & 0xB0) == 0x80 && Bytes.i32(buf, off + 1) == 1) {
            ctx.addLayer(Protocols.TLS, off, 0, end);
        }
        return Protocols.NONE;
    }

    private static void udp(ProtocolRegistrar r, String name, int... ports) {
        int id = r.protocol(name, null);
        for (int port : ports) {
            r.bind(Dispatch.UDP_PORT, port, id);
        }
    }

    private static void tcp(ProtocolRegistrar r, String name, int... ports) {
        int id = r.protocol(name, null); // an existing name keeps its id (and decoder)
        for (int port : ports) {
            r.bind(Dispatch.TCP_PORT, port, id);
        }
    }

    /** ONC RPC over UDP: a call to program 100003 is NFS. */
    static int rpc(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end) {
            return dev.trawl.decode.spi.ProtocolDecoder.REJECT;
        }
        int type = (int) Bytes.u32(buf, off + 4);
        if (type != 0 && type != 1) {
            return dev.trawl.decode.spi.ProtocolDecoder.REJECT;
        }
        ctx.addLayer(rpc, off, 8, end);
        // A call to NFS with arguments after its credentials and verifier (the NULL procedure, 0, has none).
        if (type == 0 && off + 24 <= end && Bytes.u32(buf, off + 12) == 100003 && Bytes.u32(buf, off + 20) != 0
                && rpcArguments(buf, off, end) < end) {
            ctx.addLayer(nfs, off, 0, end);
        }
        return Protocols.NONE;
    }

    /**
     * ONC RPC calls over TCP: a record mark (the last-fragment bit and a 31-bit length), then a call as over
     * UDP. A record not yet whole shows nothing, as Wireshark waits for the rest.
     */
    static int rpcTcp(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 4 > end) {
            return dev.trawl.decode.spi.ProtocolDecoder.REJECT;
        }
        long length = Bytes.u32(buf, off) & 0x7FFF_FFFFL;
        if (length < 8 || off + 4 + length > end) {
            return Protocols.NONE;
        }
        if (Bytes.u32(buf, off + 8) != 0) {
            // A reply: Wireshark decodes one only after the call it answers, which it saw on the connection.
            return dev.trawl.decode.spi.ProtocolDecoder.REJECT;
        }
        ctx.next(off + 4, end);
        return rpc;
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


    static int sdp;
    static int diameter;

    /** SIP over UDP: the message, and the SDP session description its body holds, if any. */
    static int sip(byte[] buf, int off, int end, DecodeContext ctx) {
        return sipMessage(buf, off, end, ctx, false);
    }

    /** SIP over TCP: as over UDP, once the whole message (headers and Content-Length's body) is there. */
    static int sipTcp(byte[] buf, int off, int end, DecodeContext ctx) {
        return sipMessage(buf, off, end, ctx, true);
    }

    private static int sipMessage(byte[] buf, int off, int end, DecodeContext ctx, boolean stream) {
        int headersEnd = Streams.headerEnd(buf, off, end);
        if (headersEnd < 0) {
            if (stream) {
                return dev.trawl.decode.spi.ProtocolDecoder.INCOMPLETE;
            }
            ctx.addLayer(Protocols.SIP, off, end - off, end);
            return Protocols.NONE;
        }
        int bodyEnd = end;
        String length = Streams.headerValue(buf, off, headersEnd, "content-length");
        if (length == null) {
            length = Streams.headerValue(buf, off, headersEnd, "l"); // the compact form
        }
        if (length != null) {
            try {
                long declared = Long.parseLong(length);
                if (stream && headersEnd + declared > end) {
                    return dev.trawl.decode.spi.ProtocolDecoder.INCOMPLETE;
                }
                bodyEnd = (int) Math.min(end, headersEnd + Math.max(0, declared));
            } catch (NumberFormatException e) {
                // a malformed length: the body is what follows the headers
            }
        }
        ctx.addLayer(Protocols.SIP, off, headersEnd - off, end);
        String type = Streams.headerValue(buf, off, headersEnd, "content-type");
        if (type == null) {
            type = Streams.headerValue(buf, off, headersEnd, "c");
        }
        if (bodyEnd > headersEnd && type != null && type.startsWith("application/sdp")) {
            ctx.addLayer(sdp, headersEnd, bodyEnd - headersEnd, bodyEnd);
        }
        return Protocols.NONE;
    }

    /**
     * Diameter (RFC 6733): version 1 and a 24-bit message length; a message not yet whole shows nothing, as
     * Wireshark waits for the rest.
     */
    static int diameter(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 20 > end || u8(buf, off) != 1) {
            return dev.trawl.decode.spi.ProtocolDecoder.REJECT;
        }
        int length = u8(buf, off + 1) << 16 | u16(buf, off + 2);
        if (length < 20) {
            return dev.trawl.decode.spi.ProtocolDecoder.REJECT;
        }
        if (off + length > end) {
            return Protocols.NONE;
        }
        ctx.addLayer(diameter, off, 20, end);
        return Protocols.NONE;
    }

    static int sflow;

    /**
     * sFlow version 5: a datagram header, then samples; the packet header that the first flow sample's raw
     * packet record carries (Ethernet, IPv4 or IPv6) is decoded, as Wireshark decodes it.
     */
    static int sflow(byte[] buf, int off, int end, DecodeContext ctx) {
        ctx.addLayer(sflow, off, end - off, end);
        if (off + 8 > end || Bytes.u32(buf, off) != 5) {
            return Protocols.NONE;
        }
        long agent = Bytes.u32(buf, off + 4);
        int p = off + 8 + (agent == 1 ? 4 : agent == 2 ? 16 : 0) + 16; // agent, sub-agent, sequence, uptime, count
        if (agent != 1 && agent != 2 || p > end) {
            return Protocols.NONE;
        }
        int samples = (int) Math.min(Bytes.u32(buf, p - 4), 64);
        for (int sample = 0; sample < samples && p + 8 <= end; sample++) {
            long format = Bytes.u32(buf, p);
            long length = Bytes.u32(buf, p + 4);
            int body = p + 8;
            if (length > end - body) {
                return Protocols.NONE;
            }
            if (format == 1 || format == 3) { // a flow sample, or an expanded one
                int records = body + (format == 1 ? 32 : 44); // past the fixed fields and the record count
                if (records <= body + length) {
                    return sflowRecords(buf, records, (int) (body + length), ctx);
                }
            }
            p = (int) (body + length);
        }
        return Protocols.NONE;
    }

    /** The first raw packet header among a flow sample's records, which start with their count at {@code p}. */
    private static int sflowRecords(byte[] buf, int p, int end, DecodeContext ctx) {
        int records = (int) Math.min(Bytes.u32(buf, p - 4), 64);
        for (int record = 0; record < records && p + 8 <= end; record++) {
            long format = Bytes.u32(buf, p);
            long length = Bytes.u32(buf, p + 4);
            int body = p + 8;
            if (length > end - body) {
                return Protocols.NONE;
            }
            if (format == 1 && length >= 16) { // raw packet header: protocol, frame length, stripped, length
                long protocol = Bytes.u32(buf, body);
                int header = (int) Math.min(Bytes.u32(buf, body + 12), length - 16);
                int next = protocol == 1 ? Protocols.ETH : protocol == 11 ? Protocols.IP
                        : protocol == 12 ? Protocols.IPV6 : Protocols.NONE;
                if (next < 0 || header <= 0) {
                    return Protocols.NONE;
                }
                ctx.next(body + 16, body + 16 + header);
                return next;
            }
            p = (int) (body + length);
        }
        return Protocols.NONE;
    }

    static int mbtcp;
    static int modbus;

    /**
     * Modbus/TCP: a 7-byte MBAP header (protocol id 0, then the length of what follows it) and a Modbus PDU.
     * A PDU not yet whole shows nothing, as Wireshark waits for the rest.
     */
    static int modbusTcp(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end || u16(buf, off + 2) != 0 || u16(buf, off + 4) < 2) {
            return dev.trawl.decode.spi.ProtocolDecoder.REJECT;
        }
        if (off + 6 + u16(buf, off + 4) > end) {
            return Protocols.NONE;
        }
        ctx.addLayer(mbtcp, off, 7, end);
        ctx.addLayer(modbus, off + 7, 0, end);
        return Protocols.NONE;
    }

    /** RADIUS: a 20-byte header and attributes; an EAP-Message attribute (79) carries EAP. */
    static int radius(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.RADIUS, off, 20, end);
        int limit = off + 4 <= end ? Math.min(end, off + u16(buf, off + 2)) : end;
        for (int p = off + 20; p + 2 <= limit;) {
            int type = u8(buf, p);
            int len = u8(buf, p + 1);
            if (len < 2) {
                break;
            }
            if (type == 79) {
                ctx.addLayer(eap, p + 2, 0, end);
                return Protocols.NONE;
            }
            p += len;
        }
        return Protocols.NONE;
    }

    /** TFTP: a DATA packet (opcode 3) carries data after its 4-byte header. */
    static int tftp(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 2 > end) {
            header(ctx, Protocols.TFTP, off, 2, end);
            return Protocols.NONE;
        }
        int opcode = u16(buf, off);
        if ((opcode == 1 || opcode == 2) && off >= 8 && u16(buf, off - 6) == 69) {
            // A read or write request: the transfer follows between the client's port and a new server port.
            ctx.conversations().expectDatagrams(buf, off - 8, Protocols.TFTP);
        }
        if (opcode == 3) {
            header(ctx, Protocols.TFTP, off, 4, end);
            return off + 4 < end ? Protocols.DATA : Protocols.NONE;
        }
        ctx.addLayer(Protocols.TFTP, off, end - off, end);
        return Protocols.NONE;
    }
}
