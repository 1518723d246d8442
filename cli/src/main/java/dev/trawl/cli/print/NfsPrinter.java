package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Ipv6;
import dev.trawl.decode.layer.OncRpc;

/**
 * NFS over ONC RPC as tcpdump prints it, a call to port 2049 as {@code NFS request xid N LEN getattr fh ...}
 * and a reply from it as {@code NFS reply xid N reply ok LEN getattr ...}. A reply's procedure comes from its
 * call, kept in a table of the last 64 calls (client, server and xid; oldest out, as tcpdump's; {@link
 * #evictions()} counts the calls pushed out): a reply whose call is not there prints its status and length only.
 * Not thread-safe.
 */
final class NfsPrinter {
    private static final int MAP_SIZE = 64;

    private final OncRpc view = new OncRpc();
    private final NfsReader reader = new NfsReader();
    private final int[] xids = new int[MAP_SIZE];
    private final int[] versions = new int[MAP_SIZE];
    private final long[] clientHigh = new long[MAP_SIZE];
    private final long[] clientLow = new long[MAP_SIZE];
    private final long[] serverHigh = new long[MAP_SIZE];
    private final long[] serverLow = new long[MAP_SIZE];
    private final long[] procs = new long[MAP_SIZE];
    private final long[] rpcVersions = new long[MAP_SIZE];
    private int next;
    private int hint;
    private long inserted;
    /** The addresses of the packet being printed: source and destination, high and low halves. */
    private long srcHigh;
    private long srcLow;
    private long dstHigh;
    private long dstLow;
    /** Whether the reply being printed matched a call (only then does an error status suppress the marker). */
    private boolean repliedTo;

    /** The number of calls pushed out of the table by newer ones. */
    long evictions() {
        return Math.max(0, inserted - MAP_SIZE);
    }

    /** The length a TCP record mark at {@code from} states (its last-fragment bit cleared). */
    long recordLength(PrintContext c, int from, int captured) {
        return view.wrap(c.packet().buffer(), from, captured).intAt(0) & 0x7FFF_FFFFL;
    }

    /**
     * Whether tcpdump takes the message of {@code captured} bytes at {@code from} for NFS between these ports: a
     * call to port 2049 or a reply from it, its direction word captured.
     */
    boolean claims(PrintContext c, int from, int captured, int sport, int dport) {
        OncRpc m = view.wrap(c.packet().buffer(), from, captured);
        if (!m.has(4, 4)) {
            return false;
        }
        long direction = m.direction();
        return dport == 2049 && direction == OncRpc.CALL || sport == 2049 && direction == OncRpc.REPLY;
    }

    /**
     * Prints the RPC message of {@code captured} bytes at {@code from}, {@code length} bytes long, in IP layer
     * {@code ip}, after {@link #claims} said yes; {@code prefix} is what tcpdump writes before {@code NFS}.
     */
    void print(PrintContext c, int from, int captured, int length, int ip, String prefix) {
        OncRpc m = view.wrap(c.packet().buffer(), from, captured);
        Out out = c.out();
        boolean call = m.direction() == OncRpc.CALL;
        out.ascii(prefix).ascii(call ? "NFS request xid " : "NFS reply xid ").num(m.xid()).ch(' ');
        NfsReader r = reader.reset(m, out, c.verbose(), c.quiet());
        int version = addresses(c, ip);
        try {
            if (call) {
                request(r, length, version);
            } else {
                reply(r, length, version);
            }
        } catch (Truncated t) {
            c.truncatedRead("nfs");
        } catch (RuntimeException e) {
            if (e != NfsReader.STOP) {
                throw e;
            }
            if (!(r.error && !call && repliedTo)) {
                c.truncated("nfs");
            }
        }
    }

    private void request(NfsReader r, int length, int ipVersion) {
        Out out = r.out;
        out.num(Integer.toUnsignedLong(length));
        OncRpc m = r.m;
        if (!m.has(20, 4)) {
            throw NfsReader.STOP;
        }
        if (ipVersion != 0) {
            int e = next;
            next = (next + 1) % MAP_SIZE;
            inserted++;
            xids[e] = (int) m.xid();
            versions[e] = ipVersion;
            clientHigh[e] = srcHigh;
            clientLow[e] = srcLow;
            serverHigh[e] = dstHigh;
            serverLow[e] = dstLow;
            procs[e] = m.procedure();
            rpcVersions[e] = r.u32(16);
        }
        boolean v3 = r.u32(16) == 3;
        long proc = NfsNames.procedure(r.u32(20), v3);
        out.ch(' ');
        NfsNames.procedure(out, proc);
        NfsCalls.print(r, proc, v3, length);
    }

    private void reply(NfsReader r, int length, int ipVersion) {
        Out out = r.out;
        repliedTo = false;
        r.check(OncRpc.REPLY_STATUS, 4);
        long status = r.u32(OncRpc.REPLY_STATUS);
        long len = Integer.toUnsignedLong(length);
        if (status == OncRpc.ACCEPTED) {
            out.ascii("reply ok ").num(len);
            int i = find(r.m, ipVersion);
            if (i >= 0) {
                repliedTo = true;
                NfsReplies.print(r, procs[i], rpcVersions[i], length);
            }
        } else if (status == OncRpc.DENIED) {
            out.ascii("reply ERR ").num(len).ascii(": ");
            r.check(12, 4);
            long reject = r.u32(12);
            if (reject == 0) {
                r.check(20, 4);
                long low = r.u32(16);
                long high = r.u32(20);
                out.ascii("RPC Version mismatch (").num(low).ch('-').num(high).ch(')');
            } else if (reject == 1) {
                r.check(16, 4);
                out.ascii("Auth ");
                NfsNames.auth(out, r.u32(16));
            } else {
                out.ascii("Unknown reason for rejecting rpc message ").num(reject);
            }
        } else {
            out.ascii("reply Unknown rpc response code=").num(status).ch(' ').num(len);
        }
    }

    private int find(OncRpc m, int ipVersion) {
        int xid = (int) m.xid();
        int i = hint;
        do {
            if (versions[i] == ipVersion && xids[i] == xid && ipVersion != 0 && serverHigh[i] == srcHigh
                    && serverLow[i] == srcLow && clientHigh[i] == dstHigh && clientLow[i] == dstLow) {
                hint = i;
                return i;
            }
            i = (i + 1) % MAP_SIZE;
        } while (i != hint);
        return -1;
    }

    /** Notes the packet's addresses; returns its IP version, or 0 when it has no IP header. */
    private int addresses(PrintContext c, int ip) {
        srcHigh = srcLow = dstHigh = dstLow = 0;
        if (ip < 0) {
            return 0;
        }
        DecodedPacket p = c.packet();
        if (p.protocol(ip) == Protocols.IP) {
            srcLow = Integer.toUnsignedLong(p.ipv4(ip).source());
            dstLow = Integer.toUnsignedLong(p.ipv4(ip).destination());
            return 4;
        }
        if (p.protocol(ip) == Protocols.IPV6) {
            Ipv6 v6 = p.ipv6(ip);
            srcHigh = v6.u32At(8) << 32 | v6.u32At(12);
            srcLow = v6.u32At(16) << 32 | v6.u32At(20);
            dstHigh = v6.u32At(24) << 32 | v6.u32At(28);
            dstLow = v6.u32At(32) << 32 | v6.u32At(36);
            return 6;
        }
        return 0;
    }
}
