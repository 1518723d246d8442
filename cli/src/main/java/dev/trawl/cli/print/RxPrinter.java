package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Rx;

/**
 * Rx (AFS's RPC over UDP ports 7000 to 7009) as tcpdump prints it: {@code rx data}, the header's numbers and
 * flags with {@code -v} and {@code -vv}, an ACK's ranges, and the AFS call its first data packet carries
 * ({@code fs call fetch-status fid 1/2/3}) by the server's port; then {@code (length)}. A reply is named after
 * its call, found in a table of the last 64 calls seen (as tcpdump's, oldest out; {@link #evictions()} counts
 * the calls pushed out). Not thread-safe.
 */
final class RxPrinter {
    private static final int CACHE_SIZE = 64;
    private static final int FS = 7000;
    private static final int CB = 7001;
    private static final int PROT = 7002;
    private static final int VLDB = 7003;
    private static final int KAUTH = 7004;
    private static final int VOL = 7005;
    private static final int BOS = 7007;
    private static final String[] TYPES = {null, "data", "ack", "busy", "abort", "ackall", "challenge", "response",
        "debug", "params", null, null, null, "version"};
    private static final String[] FLAGS = {"client-init", "req-ack", "last-pckt", "more-pckts", "free-pckt"};
    private static final String[] ACK_REASONS = {null, "ack requested", "duplicate packet", "out of sequence",
        "exceeds window", "no buffer space", "ping", "ping response", "delay", "idle"};

    private static final String[] ACK_TAIL = {" ifmtu", " maxmtu", " rwind", " maxpackets"};

    private final Rx view = new Rx();
    private final AfsReader reader = new AfsReader();
    private final int[] callNumbers = new int[CACHE_SIZE];
    private final int[] clients = new int[CACHE_SIZE];
    private final int[] servers = new int[CACHE_SIZE];
    private final int[] serverPorts = new int[CACHE_SIZE];
    private final int[] services = new int[CACHE_SIZE];
    private final long[] opcodes = new long[CACHE_SIZE];
    private int next;
    private int hint;
    private long inserted;

    /** The number of calls pushed out of the table by newer ones. */
    long evictions() {
        return Math.max(0, inserted - CACHE_SIZE);
    }

    /**
     * Prints the Rx packet of {@code captured} bytes at {@code from}, of {@code length} bytes as UDP states it,
     * between these ports, in IP layer {@code ip}.
     */
    void print(PrintContext c, int from, int captured, int length, int sport, int dport, int ip) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        Rx rx = view.wrap(p.buffer(), from, captured);
        if (!rx.headerCaptured()) {
            out.ascii(" [|rx] (").num(length).ch(')');
            return;
        }
        try {
            header(c, rx);
            int type = rx.type();
            int flags = rx.flags();
            boolean clientInitiated = (flags & Rx.CLIENT_INITIATED) != 0;
            boolean first = type == Rx.DATA && rx.sequence() == 1;
            if (first && clientInitiated) {
                insert(c, rx, ip, dport);
                call(rx, out, length, dport);
            } else if ((first || type == Rx.ABORT) && !clientInitiated) {
                long op = find(c, rx, ip, sport);
                if (op >= 0) {
                    reply(rx, out, length, sport, op);
                }
            } else if (type == Rx.ACK) {
                ack(c, rx, out, length);
            }
            out.ascii(" (").num(length).ch(')');
        } catch (Truncated t) {
            c.truncatedRead("rx");
        }
    }

    private static void header(PrintContext c, Rx rx) {
        Out out = c.out();
        int type = rx.type();
        out.ascii(" rx ");
        if (type < TYPES.length && TYPES[type] != null) {
            out.ascii(TYPES[type]);
        } else {
            out.ascii("type ").num(type);
        }
        if (c.verbose() == 0) {
            return;
        }
        if (c.verbose() > 1) {
            out.ascii(" cid ").hex(rx.connectionId(), 8).ascii(" call# ").num(rx.callNumber());
        }
        out.ascii(" seq ").num(rx.sequence()).ascii(" ser ").num(rx.serial());
        if (c.verbose() > 2) {
            out.ascii(" secindex ").num(rx.securityIndex()).ascii(" serviceid ").num(rx.serviceId());
        }
        if (c.verbose() > 1) {
            int flags = rx.flags();
            boolean any = false;
            for (int i = 0; i < 7; i++) {
                int bit = 1 << Math.min(i, 5);
                String name = i < FLAGS.length ? FLAGS[i] : i == 5 ? "slow-start" : "jumbogram";
                boolean applies = i < FLAGS.length || i == 5 && type == Rx.ACK || i == 6 && type == Rx.DATA;
                if ((flags & bit) != 0 && applies) {
                    out.ascii(any ? "," : " ").ch('<').ascii(name).ch('>');
                    any = true;
                }
            }
        }
    }

    private void call(Rx rx, Out out, int length, int dport) {
        if (length <= Rx.HEADER_LENGTH || !service(dport)) {
            return;
        }
        long op = CheckedReads.u32(rx, Rx.HEADER_LENGTH);
        int key = key(op);
        AfsReader r = reader.reset(rx, out, Rx.HEADER_LENGTH + 4);
        String name = name(dport);
        out.ch(' ').ascii(name);
        try {
            if (dport != FS && dport != CB && dport != VOL && dport != BOS && AfsNames.ubik(op)) {
                out.ascii(" ubik call ");
                AfsNames.UBIK.write(out, op);
                name = "ubik";
                AfsCalls.ubik(r, key);
                return;
            }
            out.ascii(" call ");
            names(dport).write(out, op);
            switch (dport) {
                case FS -> AfsCalls.fs(r, key);
                case CB -> AfsCalls.cb(r, key);
                case PROT -> AfsCalls.pt(r, key);
                case VLDB -> AfsCalls.vldb(r, key);
                case KAUTH -> AfsCalls.kauth(r, key);
                case VOL -> AfsCalls.vol(r, key);
                default -> AfsCalls.bos(r, key);
            }
        } catch (RuntimeException e) {
            if (e != AfsReader.STOP) {
                throw e;
            }
            out.ascii(" [|").ascii(name).ch(']');
        }
    }

    private void reply(Rx rx, Out out, int length, int sport, long op) {
        if (!service(sport)) {
            return;
        }
        boolean strictlyLonger = sport != PROT && sport != VLDB;
        if (strictlyLonger ? length <= Rx.HEADER_LENGTH : length < Rx.HEADER_LENGTH) {
            return;
        }
        int key = key(op);
        int type = rx.type();
        boolean data = type == Rx.DATA;
        AfsReader r = reader.reset(rx, out, Rx.HEADER_LENGTH);
        String name = name(sport);
        out.ch(' ').ascii(name);
        try {
            if (sport != FS && sport != CB && sport != VOL && sport != BOS && AfsNames.ubik(op)) {
                out.ascii(" ubik reply ");
                AfsNames.UBIK.write(out, op);
                name = "ubik";
                AfsReplies.ubik(r, key, data);
                return;
            }
            out.ascii(" reply ");
            names(sport).write(out, op);
            switch (sport) {
                case FS -> AfsReplies.fs(r, key, data, type);
                case CB -> AfsReplies.cb(r, key, data);
                case PROT -> AfsReplies.pt(r, key, data);
                case VLDB -> AfsReplies.vldb(r, key, data);
                case KAUTH -> AfsReplies.kauth(r, data);
                case VOL -> AfsReplies.vol(r, key, data);
                default -> AfsReplies.bos(r, data);
            }
        } catch (RuntimeException e) {
            if (e != AfsReader.STOP) {
                throw e;
            }
            out.ascii(" [|").ascii(name).ch(']');
        }
    }

    private static int key(long op) {
        return op <= Integer.MAX_VALUE ? (int) op : -1;
    }

    private static boolean service(int port) {
        return port >= FS && port <= VOL || port == BOS;
    }

    private static String name(int port) {
        return switch (port) {
            case FS -> "fs";
            case CB -> "cb";
            case PROT -> "pt";
            case VLDB -> "vldb";
            case KAUTH -> "kauth";
            case VOL -> "vol";
            default -> "bos";
        };
    }

    private static AfsNames names(int port) {
        return switch (port) {
            case FS -> AfsNames.FS;
            case CB -> AfsNames.CB;
            case PROT -> AfsNames.PT;
            case VLDB -> AfsNames.VLDB;
            case KAUTH -> AfsNames.KAUTH;
            case VOL -> AfsNames.VOL;
            default -> AfsNames.BOS;
        };
    }

    private void ack(PrintContext c, Rx rx, Out out, int length) {
        if (length < Rx.HEADER_LENGTH) {
            return;
        }
        int at = Rx.HEADER_LENGTH;
        if (!rx.has(at, Rx.ACK_LENGTH)) {
            out.ascii(" [|ack]");
            return;
        }
        if (c.verbose() > 2) {
            out.ascii(" bufspace ").num(rx.u16At(at)).ascii(" maxskew ").num(rx.u16At(at + 2));
        }
        long firstPacket = rx.u32At(at + 4);
        int reason = rx.u8At(at + 16);
        out.ascii(" first ").num(firstPacket).ascii(" serial ").num(rx.u32At(at + 12)).ascii(" reason ");
        if (reason < ACK_REASONS.length && ACK_REASONS[reason] != null) {
            out.ascii(ACK_REASONS[reason]);
        } else {
            out.ch('#').num(reason);
        }
        int acks = rx.u8At(at + 17);
        at += Rx.ACK_LENGTH;
        if (acks != 0) {
            if (!rx.has(at, acks)) {
                out.ascii(" [|ack]");
                return;
            }
            ranges(rx, out, at, acks, firstPacket, true);
            ranges(rx, out, at, acks, firstPacket, false);
            at += acks;
        }
        at += 3;
        if (c.verbose() > 1) {
            for (String label : ACK_TAIL) {
                if (rx.regionLength() - at < 4) {
                    return;
                }
                out.ascii(label).ch(' ').num(CheckedReads.u32(rx, at));
                at += 4;
            }
        }
    }

    /** The runs of acknowledged (or not acknowledged) packets: {@code acked 1-3,5}. */
    private static void ranges(Rx rx, Out out, int at, int acks, long firstPacket, boolean acked) {
        int start = -2;
        int last = -2;
        int i = 0;
        for (; i < acks; i++) {
            int b = rx.u8At(at + i);
            if (acked ? b == 1 : b == 0) {
                if (last == -2) {
                    out.ascii(acked ? " acked " : " nacked ").num(firstPacket + i & 0xFFFF_FFFFL);
                    start = i;
                } else if (last != i - 1) {
                    out.ch(',').num(firstPacket + i & 0xFFFF_FFFFL);
                    start = i;
                }
                last = i;
            } else if (last == i - 1 && start != last) {
                out.ch('-').num(firstPacket + i - 1 & 0xFFFF_FFFFL);
            }
        }
        if (last == i - 1 && start != last) {
            out.ch('-').num(firstPacket + i - 1 & 0xFFFF_FFFFL);
        }
    }

    private void insert(PrintContext c, Rx rx, int ip, int dport) {
        if (!rx.has(Rx.HEADER_LENGTH, 4)) {
            return;
        }
        int e = next;
        next = (next + 1) % CACHE_SIZE;
        inserted++;
        callNumbers[e] = (int) rx.callNumber();
        clients[e] = address(c, ip, true);
        servers[e] = address(c, ip, false);
        serverPorts[e] = dport;
        services[e] = rx.serviceId();
        opcodes[e] = rx.opcode();
    }

    /** The opcode of the call this reply answers, or -1. */
    private long find(PrintContext c, Rx rx, int ip, int sport) {
        int client = address(c, ip, false);
        int server = address(c, ip, true);
        int call = (int) rx.callNumber();
        int service = rx.serviceId();
        int i = hint;
        do {
            if (callNumbers[i] == call && clients[i] == client && servers[i] == server && services[i] == service
                    && serverPorts[i] == sport) {
                hint = i;
                return opcodes[i];
            }
            i = (i + 1) % CACHE_SIZE;
        } while (i != hint);
        return -1;
    }

    /** The word where tcpdump reads an IPv4 header's source or destination, also in an IPv6 header. */
    private static int address(PrintContext c, int ip, boolean source) {
        if (ip < 0) {
            return 0;
        }
        DecodedPacket p = c.packet();
        if (p.protocol(ip) == Protocols.IP) {
            return source ? p.ipv4(ip).source() : p.ipv4(ip).destination();
        }
        return (int) p.ipv6(ip).u32At(source ? 12 : 16);
    }
}
