package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Sctp;

/**
 * SCTP as tcpdump prints it: the endpoints, then each chunk numbered with what tcpdump shows of it,
 * {@code 10.0.0.1.2905 > 10.0.0.2.2905: sctp (1) [DATA] (B)(E) [TSN: 1822994892] [SID: 6] [SSEQ 42]
 * [PPID M3UA] }; with {@code -vv} each chunk on its own line. ForCES messages (by the ports or the payload
 * identifier) print after their chunk ({@link ForcesText}); other payloads are not printed. Not thread-safe.
 */
final class SctpPrinter implements LayerPrinter {
    private static final int DATA = 0;
    private static final int INIT = 1;
    private static final int INIT_ACK = 2;
    private static final int SACK = 3;
    private static final int UNORDERED = 0x04;
    private static final int FIRST = 0x02;
    private static final int LAST = 0x01;

    private final Sctp view = new Sctp();
    private final ForcesText forcesText = new ForcesText();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Sctp s = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int ip = c.network(layer);
        int length = UdpPrinter.ipPayloadLength(c, layer, ip);
        if (length < Sctp.HEADER_LENGTH) {
            out.ascii("truncated-sctp - ").num(Sctp.HEADER_LENGTH - length).ascii(" bytes missing!");
            return;
        }
        if (!s.has(0, Sctp.HEADER_LENGTH)) {
            c.truncated("sctp");
            return;
        }
        int sport = s.sourcePort();
        int dport = s.destinationPort();
        if (ip >= 0) {
            c.source(ip);
        }
        out.ch('.').num(sport).ascii(" > ");
        if (ip >= 0) {
            c.destination(ip);
        }
        out.ch('.').num(dport).ascii(": sctp");
        if (forces(sport) != null) {
            out.ch('[').ascii(forces(sport)).ch(']');
        }
        if (forces(dport) != null) {
            out.ch('[').ascii(forces(dport)).ch(']');
        }
        boolean forces = forces(sport) != null || forces(dport) != null;
        try {
            chunks(c, s, length - Sctp.HEADER_LENGTH, forces);
        } catch (Truncated e) {
            c.truncatedRead("forces");
        }
    }

    private void chunks(PrintContext c, Sctp s, long remaining, boolean forcesPorts) {
        Out out = c.out();
        String sep = c.verbose() >= 2 ? "\n\t" : " (";
        int at = Sctp.HEADER_LENGTH;
        for (int count = 1; remaining != 0; count++) {
            if (remaining < 4) {
                out.ascii(sep).num(count).ascii(") [chunk descriptor cut off at end of packet]");
                return;
            }
            if (!s.has(at, 4)) {
                c.truncated("sctp");
                return;
            }
            int chunkLength = s.chunkLength(at);
            if (chunkLength < 4) {
                out.ascii(sep).num(count).ascii(") [Bad chunk length ").num(chunkLength)
                        .ascii(", < size of chunk descriptor]");
                return;
            }
            int align = (4 - chunkLength % 4) % 4;
            if (remaining < align) {
                out.ascii(sep).num(count).ascii(") [Bad chunk length ").num(chunkLength)
                        .ascii(", > remaining data in packet]");
                return;
            }
            if (!s.has(at, chunkLength)) {
                c.truncated("sctp");
                return;
            }
            int type = s.chunkType(at);
            out.ascii(sep).num(count).ascii(") [").ascii(chunkName(type)).ascii("] ");
            int value = at + 4;
            int left = chunkLength - 4;
            switch (type) {
                case DATA -> {
                    int flags = s.chunkFlags(at);
                    out.ascii((flags & UNORDERED) != 0 ? "(U)" : "").ascii((flags & FIRST) != 0 ? "(B)" : "")
                            .ascii((flags & LAST) != 0 ? "(E)" : "");
                    if ((flags & (UNORDERED | FIRST | LAST)) != 0) {
                        out.ch(' ');
                    }
                    if (left < 12) {
                        out.ascii("bogus chunk length ").num(chunkLength).ch(']');
                        return;
                    }
                    long ppid = s.u32At(value + 8);
                    out.ascii("[TSN: ").num(s.u32At(value)).ascii("] [SID: ").num(s.u16At(value + 4))
                            .ascii("] [SSEQ ").num(s.u16At(value + 6)).ascii("] [PPID ");
                    String name = payloadName(ppid);
                    if (name != null) {
                        out.ascii(name);
                    } else {
                        out.ascii("0x").hex(ppid);
                    }
                    out.ascii("] ");
                    if (left == 12) {
                        out.ascii("bogus chunk length ").num(chunkLength).ch(']');
                        return;
                    }
                    if (forcesPorts || (ppid >= 21 && ppid <= 23)) {
                        DecodedPacket p = c.packet();
                        forcesText.print(c, p.buffer(), s.offset() + value + 12, p.end(), (left - 12) & 0xFFFF);
                    }
                }
                case INIT, INIT_ACK -> {
                    if (left < 16) {
                        out.ascii("bogus chunk length ").num(chunkLength).ch(']');
                        return;
                    }
                    out.ascii("[init tag: ").num(s.u32At(value)).ascii("] [rwnd: ").num(s.u32At(value + 4))
                            .ascii("] [OS: ").num(s.u16At(value + 8)).ascii("] [MIS: ").num(s.u16At(value + 10))
                            .ascii("] [init TSN: ").num(s.u32At(value + 12)).ascii("] ");
                }
                case SACK -> {
                    if (left < 12) {
                        out.ascii("bogus chunk length ").num(chunkLength).ch(']');
                        return;
                    }
                    long cumulative = s.u32At(value);
                    int gaps = s.u16At(value + 8);
                    int duplicates = s.u16At(value + 10);
                    out.ascii("[cum ack ").num(cumulative).ascii("] [a_rwnd ").num(s.u32At(value + 4))
                            .ascii("] [#gap acks ").num(gaps).ascii("] [#dup tsns ").num(duplicates).ascii("] ");
                    int q = value + 12;
                    left -= 12;
                    for (int i = 0; left != 0 && i < gaps; i++, q += 4, left -= 4) {
                        if (left < 4) {
                            out.ascii("bogus chunk length ").num(chunkLength).ch(']');
                            return;
                        }
                        out.ascii("\n\t\t[gap ack block #").num(i + 1).ascii(": start = ")
                                .num((cumulative + s.u16At(q)) & 0xffffffffL).ascii(", end = ")
                                .num((cumulative + s.u16At(q + 2)) & 0xffffffffL).ascii("] ");
                    }
                    for (int i = 0; left != 0 && i < duplicates; i++, q += 4, left -= 4) {
                        if (left < 4) {
                            out.ascii("bogus chunk length ").num(chunkLength).ch(']');
                            return;
                        }
                        out.ascii("\n\t\t[dup TSN #").num(i + 1).ascii(": ").num(s.u32At(q)).ascii("] ");
                    }
                }
                default -> {
                }
            }
            remaining -= chunkLength;
            if (remaining < 0) {
                remaining += 1L << 32; // tcpdump's unsigned count wraps; the capture's end stops it
            }
            if (c.verbose() < 2) {
                sep = ", (";
            }
            if (align != 0) {
                if (!s.has(at + chunkLength, align)) {
                    c.truncated("sctp");
                    return;
                }
                remaining -= align;
            }
            at += chunkLength + align;
        }
    }

    private static String forces(int port) {
        return switch (port) {
            case 6704 -> "ForCES HP";
            case 6705 -> "ForCES MP";
            case 6706 -> "ForCES LP";
            default -> null;
        };
    }

    private static String chunkName(int type) {
        return switch (type) {
            case 0 -> "DATA";
            case 1 -> "INIT";
            case 2 -> "INIT ACK";
            case 3 -> "SACK";
            case 4 -> "HB REQ";
            case 5 -> "HB ACK";
            case 6 -> "ABORT";
            case 7 -> "SHUTDOWN";
            case 8 -> "SHUTDOWN ACK";
            case 9 -> "OP ERR";
            case 10 -> "COOKIE ECHO";
            case 11 -> "COOKIE ACK";
            case 12 -> "ECN ECHO";
            case 13 -> "ECN CWR";
            case 14 -> "SHUTDOWN COMPLETE";
            case 0xc0 -> "FOR CUM TSN";
            case 0xc1 -> "REL CTRL";
            case 0xc2 -> "REL CTRL ACK";
            default -> "Unknown chunk type: 0x" + Integer.toHexString(type);
        };
    }

    private static String payloadName(long ppid) {
        return switch ((int) ppid) {
            case 1 -> "ISDN Q.921";
            case 2 -> "M2UA";
            case 3 -> "M3UA";
            case 4 -> "SUA";
            case 5 -> "M2PA";
            case 6 -> "V5.2";
            case 7 -> "H.248";
            case 8 -> "BICC";
            case 9 -> "TALI";
            case 10 -> "DUA";
            case 11 -> "ASAP";
            case 12 -> "ENRP";
            case 13 -> "H.323";
            case 14 -> "Q.IPC";
            case 15 -> "SIMCO";
            case 16 -> "DDPSC";
            case 17 -> "DDPSSC";
            case 18 -> "S1AP";
            case 19 -> "RUA";
            case 20 -> "HNBAP";
            case 21 -> "ForCES HP";
            case 22 -> "ForCES MP";
            case 23 -> "ForCES LP";
            case 24 -> "SBc-AP";
            case 25 -> "NBAP";
            case 27 -> "X2AP";
            default -> null;
        };
    }
}
