package dev.trawl.cli.print;

import static dev.trawl.cli.print.CheckedReads.need;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Decnet;

/**
 * DECnet Phase IV as tcpdump prints it: control messages ({@code endnode-hello endnode vers 2 eco 0 ueco 0 src 1.1
 * blksize 16434 rtr 0.0 hello 10 data 2}, router hellos, routing messages with their route ranges), data packets as
 * {@code 1.1 > 1.2 34 } (with {@code -v} the routing flags and hop count) and the NSP message they carry
 * ({@code conn-initiate 8195>0 ver 4.1 segsize 16403 }, {@code data 8195>8196 ack 0 oack 0 seg 1 }). A length that
 * contradicts itself prints tcpdump's note and {@code (invalid)}; a field not captured ends the text with
 * {@code [|decnet]}. Not thread-safe.
 */
final class DecnetPrinter implements LayerPrinter {
    private static final int RMF_PAD = 0x80;
    private static final int RMF_FVER = 0x40;
    private static final int RMF_CTLMSG = 0x01;
    private static final int RMF_SHORT = 2;
    private static final int RMF_LONG = 6;
    /** The sizes of the control messages tcpdump reads whole. */
    private static final int INIT_LENGTH = 12;
    private static final int SMALL_CONTROL_LENGTH = 4;
    private static final int ROUTER_HELLO_LENGTH = 18;
    private static final int ENDNODE_HELLO_LENGTH = 32;
    /** Acknowledgement field bits: present, negative; the other channel's, negative. */
    private static final int SGQ_ACK = 0x8000;
    private static final int SGQ_NAK = 0x9000;
    private static final int SGQ_OACK = 0xA000;
    private static final int SGQ_ONAK = 0xB000;
    private static final int SGQ_MASK = 0x0FFF;
    /** The largest route count tcpdump believes; past it the rest of a routing message is taken as bogus. */
    private static final int MAX_ROUTE_COUNT = 1024;

    private final Decnet view = new Decnet();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Decnet m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        try {
            if (!routing(c, m, c.wireLength(layer))) {
                c.out().ascii(" (invalid)");
            }
        } catch (Truncated t) {
            c.truncatedRead("decnet");
        }
    }

    /** The routing layer; false when tcpdump calls the packet invalid. */
    private boolean routing(PrintContext c, Decnet m, int length) {
        Out out = c.out();
        if (length < Decnet.SHORT_HEADER) {
            out.ascii(" (length ").num(length).ascii(" < 6)");
            return false;
        }
        int packetLength = le16(m, 0);
        if (packetLength < Decnet.SHORT_HEADER) {
            out.ascii(" (pktlen ").num(packetLength).ascii(" < 6)");
            return false;
        }
        if (packetLength > length) {
            out.ascii(" (pktlen ").num(packetLength).ascii(" > ").num(length).ascii(")");
            return false;
        }
        length = packetLength;
        int r = 2;
        int flags = CheckedReads.u8(m, r);
        if ((flags & RMF_PAD) != 0) {
            int pad = flags & 0x7F;
            if (c.verbose() > 0) {
                out.ascii("[pad:").num(pad).ascii("] ");
            }
            if (length < pad + 2) {
                out.ascii(" (length ").num(length).ascii(" < ").num(pad + 2).ch(')');
                return false;
            }
            need(m, r, pad);
            r += pad;
            length -= pad;
            flags = CheckedReads.u8(m, r);
        }
        if ((flags & RMF_FVER) != 0) {
            out.ascii("future-version-decnet");
            dump(c, m, r - 2, length);
            return true;
        }
        if ((flags & RMF_CTLMSG) != 0) {
            return control(c, m, r, flags, length);
        }
        int dst;
        int src;
        int hops;
        int nsp;
        int nspLength;
        switch (flags & 7) {
            case RMF_LONG -> {
                if (length < Decnet.LONG_HEADER) {
                    out.ascii(" (length ").num(length).ascii(" < 21)");
                    return false;
                }
                need(m, r, Decnet.LONG_HEADER);
                dst = m.le16At(r + 7);
                src = m.le16At(r + 15);
                hops = m.byteAt(r + 18);
                nsp = r + Decnet.LONG_HEADER;
                nspLength = length - Decnet.LONG_HEADER;
            }
            case RMF_SHORT -> {
                dst = le16(m, r + 1);
                src = le16(m, r + 3);
                hops = (CheckedReads.u8(m, r + 5) & 0x3F) + 1;
                nsp = r + Decnet.SHORT_HEADER;
                // tcpdump's unsigned length wraps when padding left less than a header: no length check fails
                nspLength = length >= Decnet.SHORT_HEADER ? length - Decnet.SHORT_HEADER : Integer.MAX_VALUE;
            }
            default -> {
                out.ascii("unknown message flags under mask");
                dump(c, m, r - 2, length);
                return true;
            }
        }
        address(out, src);
        out.ascii(" > ");
        address(out, dst);
        out.ch(' ').num(packetLength).ch(' ');
        if (c.verbose() > 0) {
            out.ascii((flags & 0x08) != 0 ? "RQR " : "").ascii((flags & 0x10) != 0 ? "RTS " : "")
                    .ascii((flags & 0x20) != 0 ? "IE " : "").num(hops).ascii(" hops ");
        }
        return nsp(out, m, nsp, nspLength);
    }

    /** A control message at {@code r}, {@code length} bytes long; false when too short for its kind. */
    private boolean control(PrintContext c, Decnet m, int r, int flags, int length) {
        Out out = c.out();
        switch (flags & 0x0F) {
            case 1 -> {
                out.ascii("init ");
                if (length < INIT_LENGTH) {
                    return false;
                }
                need(m, r, INIT_LENGTH);
                int info = m.byteAt(r + 3);
                out.ascii(switch (info & 3) {
                    case 0 -> "reserved-ntype? ";
                    case 1 -> "l2rout ";
                    case 2 -> "l1rout ";
                    default -> "endnode ";
                }).ascii((info & 4) != 0 ? "verif " : "").ascii((info & 8) != 0 ? "blo " : "").ascii("src ");
                address(out, m.le16At(r + 1));
                // tcpdump writes no space between the address and the block size here
                out.ascii("blksize ").num(m.le16At(r + 4)).ascii(" vers ").num(m.byteAt(r + 6)).ascii(" eco ")
                        .num(m.byteAt(r + 7)).ascii(" ueco ").num(m.byteAt(r + 8)).ascii(" hello ")
                        .num(m.le16At(r + 9));
            }
            case 3, 5 -> {
                boolean verification = (flags & 0x0F) == 3;
                out.ascii(verification ? "verification " : "test ");
                if (length < SMALL_CONTROL_LENGTH) {
                    return false;
                }
                int src = le16(m, r + 1);
                int value = CheckedReads.u8(m, r + 3);
                out.ascii("src ");
                address(out, src);
                out.ascii(verification ? " fcnval " : " data ").ascii(Integer.toOctalString(value));
            }
            case 7, 9 -> {
                boolean level1 = (flags & 0x0F) == 7;
                out.ascii(level1 ? "lev-1-routing " : "lev-2-routing ");
                if (length < SMALL_CONTROL_LENGTH) {
                    return false;
                }
                need(m, r, SMALL_CONTROL_LENGTH);
                out.ascii("src ");
                address(out, m.le16At(r + 1));
                out.ch(' ');
                routes(out, m, r + SMALL_CONTROL_LENGTH, length - SMALL_CONTROL_LENGTH, level1);
            }
            case 11 -> {
                out.ascii("router-hello ");
                if (length < ROUTER_HELLO_LENGTH) {
                    return false;
                }
                need(m, r, ROUTER_HELLO_LENGTH);
                hello(out, m, r);
                out.ascii(" pri ").num(m.byteAt(r + 13)).ascii(" hello ")
                        .num(m.le16At(r + 15));
            }
            case 13 -> {
                out.ascii("endnode-hello ");
                if (length < ENDNODE_HELLO_LENGTH) {
                    return false;
                }
                need(m, r, ENDNODE_HELLO_LENGTH);
                hello(out, m, r);
                out.ascii(" rtr ");
                address(out, m.le16At(r + 26));
                out.ascii(" hello ").num(m.le16At(r + 28)).ascii(" data ")
                        .ascii(Integer.toOctalString(m.byteAt(r + 31)));
            }
            default -> {
                out.ascii("unknown control message");
                dump(c, m, r, length);
            }
        }
        return true;
    }

    /** A routing message's route ranges, three words each; the last word of the message is its checksum. */
    private static void routes(Out out, Decnet m, int at, int length, boolean level1) {
        while (length > 6) {
            need(m, at, 6);
            int count = m.le16At(at);
            if (count > MAX_ROUTE_COUNT) {
                return;
            }
            int first = m.le16At(at + 2);
            int info = m.le16At(at + 4);
            out.ascii(level1 ? "{ids " : "{areas ").num(first).ch('-').num(first + count).ascii(" cost ")
                    .num(info & 0x1FF).ascii(" hops ").num((info >>> 10) & 0x1F).ascii("} ");
            at += 6;
            length -= 6;
        }
    }

    /** What router and endnode hellos share: node type and flags, versions, source and block size. */
    private static void hello(Out out, Decnet m, int r) {
        int info = m.byteAt(r + 10);
        out.ascii(switch (info & 3) {
            case 0 -> "reserved-ntype? ";
            case 1 -> "l2rout ";
            case 2 -> "l1rout ";
            default -> "endnode ";
        }).ascii((info & 0x04) != 0 ? "verif " : "").ascii((info & 0x20) != 0 ? "nomcast " : "")
                .ascii((info & 0x40) != 0 ? "blo " : "");
        out.ascii("vers ").num(m.byteAt(r + 1)).ascii(" eco ").num(m.byteAt(r + 2)).ascii(" ueco ")
                .num(m.byteAt(r + 3)).ascii(" src ");
        address(out, m.le16At(r + 8));
        out.ascii(" blksize ").num(m.le16At(r + 11));
    }

    /** The NSP message at {@code at}, {@code length} bytes long; false when it is too short for its kind. */
    private static boolean nsp(Out out, Decnet m, int at, int length) {
        if (length < Decnet.NSP_HEADER) {
            out.ascii(" (nsplen ").num(length).ascii(" < 5)");
            return false;
        }
        int flags = CheckedReads.u8(m, at);
        int dst = le16(m, at + 1);
        int src = le16(m, at + 3);
        int subtype = flags & 0x70;
        switch (flags & 0x0C) {
            case 0 -> {
                switch (subtype) {
                    case 0x00, 0x20, 0x40, 0x60 -> {
                        out.ascii("data ").num(src).ch('>').num(dst).ch(' ');
                        return segment(out, m, at, length, "oack ", "onak ");
                    }
                    case 0x30 -> {
                        out.ascii("intr ");
                        return segment(out, m, at, length, "ackdat ", "nakdat ");
                    }
                    case 0x10 -> {
                        out.ascii("link-service ").num(src).ch('>').num(dst).ch(' ');
                        return linkService(out, m, at, length);
                    }
                    default -> reserved(out, "reserved-subtype? ", flags, src, dst);
                }
            }
            case 0x04 -> {
                switch (subtype) {
                    case 0x00, 0x10 -> {
                        boolean data = subtype == 0;
                        out.ascii(data ? "data-ack " : "ils-ack ").num(src).ch('>').num(dst).ch(' ');
                        if (length < 9) {
                            return false;
                        }
                        need(m, at, 9);
                        int ack = m.le16At(at + 5);
                        if ((ack & SGQ_ACK) != 0) {
                            acknowledgement(out, ack, SGQ_NAK, "nak ", "ack ");
                            ack = m.le16At(at + 7);
                            if ((ack & SGQ_OACK) != 0) {
                                acknowledgement(out, ack, SGQ_ONAK, data ? "onak " : "nakdat ",
                                        data ? "oack " : "ackdat ");
                            }
                        }
                    }
                    case 0x20 -> out.ascii("conn-ack ").num(dst);
                    default -> reserved(out, "reserved-acktype? ", flags, src, dst);
                }
            }
            case 0x08 -> {
                return control(out, m, at, length, flags, src, dst);
            }
            default -> reserved(out, "reserved-type? ", flags, src, dst);
        }
        return true;
    }

    /** An NSP connect, disconnect or reserved control message. */
    private static boolean control(Out out, Decnet m, int at, int length, int flags, int src, int dst) {
        switch (flags & 0x70) {
            case 0x10, 0x60, 0x20 -> {
                boolean confirm = (flags & 0x70) == 0x20;
                out.ascii(confirm ? "conn-confirm " : (flags & 0x70) == 0x10 ? "conn-initiate "
                        : "retrans-conn-initiate ").num(src).ch('>').num(dst).ch(' ');
                if (length < (confirm ? 10 : 9)) {
                    return false;
                }
                int services = CheckedReads.u8(m, at + 5);
                int info = CheckedReads.u8(m, at + 6);
                int segmentSize = le16(m, at + 7);
                int optionLength = confirm ? CheckedReads.u8(m, at + 9) : 0;
                out.ascii(switch (services & 0x0C) {
                    case 0x04 -> "seg ";
                    case 0x08 -> "msg ";
                    default -> "";
                }).ascii(switch (info & 3) {
                    case 0 -> "ver 3.2 ";
                    case 1 -> "ver 3.1 ";
                    case 2 -> "ver 4.0 ";
                    default -> "ver 4.1 ";
                }).ascii("segsize ").num(segmentSize).ch(' ');
                if (optionLength != 0) {
                    out.ascii("optlen ").num(optionLength).ch(' ');
                }
            }
            case 0x30 -> {
                out.ascii("disconn-initiate ").num(src).ch('>').num(dst).ch(' ');
                if (length < 8) {
                    return false;
                }
                int reason = le16(m, at + 5);
                int optionLength = CheckedReads.u8(m, at + 7);
                reason(out, reason);
                if (optionLength != 0) {
                    out.ascii("optlen ").num(optionLength).ch(' ');
                }
            }
            case 0x40 -> {
                out.ascii("disconn-confirm ").num(src).ch('>').num(dst).ch(' ');
                reason(out, le16(m, at + 5));
            }
            default -> reserved(out, "reserved-ctltype? ", flags, src, dst);
        }
        return true;
    }

    /** A data or interrupt segment's acknowledgement fields and segment number. */
    private static boolean segment(Out out, Decnet m, int at, int length, String other, String otherNak) {
        int end = 7;
        if (length < end) {
            return false;
        }
        int ack = le16(m, at + 5);
        if ((ack & SGQ_ACK) != 0) {
            acknowledgement(out, ack, SGQ_NAK, "nak ", "ack ");
            end += 2;
            if (length < end) {
                return false;
            }
            ack = le16(m, at + 7);
            if ((ack & SGQ_OACK) != 0) {
                acknowledgement(out, ack, SGQ_ONAK, otherNak, other);
                end += 2;
                if (length < end) {
                    return false;
                }
                ack = le16(m, at + 9);
            }
        }
        out.ascii("seg ").num(ack & SGQ_MASK).ch(' ');
        return true;
    }

    /** A link service message: its acknowledgements, segment number and flow control request. */
    private static boolean linkService(Out out, Decnet m, int at, int length) {
        if (length < 13) {
            return false;
        }
        int ack = le16(m, at + 5);
        if ((ack & SGQ_ACK) != 0) {
            acknowledgement(out, ack, SGQ_NAK, "nak ", "ack ");
            ack = le16(m, at + 7);
            if ((ack & SGQ_OACK) != 0) {
                acknowledgement(out, ack, SGQ_ONAK, "nakdat ", "ackdat ");
                ack = le16(m, at + 9);
            }
        }
        out.ascii("seg ").num(ack & SGQ_MASK).ch(' ');
        // the flow control fields follow the longest segment header, whichever fields are present
        int lsFlags = CheckedReads.u8(m, at + 11);
        int value = CheckedReads.u8(m, at + 12);
        switch (lsFlags & 0x0C) {
            case 0 -> {
                out.ascii("dat seg count ").num(value).ch(' ');
                switch (lsFlags & 3) {
                    case 0 -> { }
                    case 1 -> out.ascii("donotsend-data ");
                    case 2 -> out.ascii("send-data ");
                    default -> out.ascii("reserved-fcmod? ").ascii(Integer.toHexString(lsFlags));
                }
            }
            case 4 -> out.ascii("intr req count ").num(value).ch(' ');
            default -> out.ascii("reserved-fcval-int? ").ascii(Integer.toHexString(lsFlags));
        }
        return true;
    }

    private static void acknowledgement(Out out, int ack, int nakBits, String nak, String positive) {
        out.ascii((ack & nakBits) == nakBits ? nak : positive).num(ack & SGQ_MASK).ch(' ');
    }

    private static void reserved(Out out, String what, int flags, int src, int dst) {
        out.ascii(what).ascii(Integer.toHexString(flags)).ch(' ').num(src).ascii(" > ").num(dst);
    }

    private static void reason(Out out, int reason) {
        String name = switch (reason) {
            case 0 -> "object rejected connect";
            case 1 -> "insufficient resources";
            case 2 -> "unrecognized node name";
            case 3 -> "node is shutting down";
            case 4 -> "unrecognized object";
            case 5 -> "invalid object name format";
            case 6 -> "object too busy";
            case 7 -> "protocol error discovered";
            case 8 -> "third party abort";
            case 9 -> "user abort";
            case 10 -> "invalid node name format";
            case 11 -> "local node shutting down";
            case 32 -> "insufficient local resources";
            case 33 -> "insufficient remote user resources";
            case 34 -> "invalid access control information";
            case 36 -> "bad ACCOUNT information";
            case 38 -> "no response from object";
            case 39 -> "node unreachable";
            case 41 -> "no link terminate";
            case 42 -> "disconnect complete";
            case 43 -> "bad image data in connect";
            case 54 -> "cryptographic service mismatch";
            default -> null;
        };
        if (name != null) {
            out.ascii(name);
        } else {
            out.ascii("reason-").num(reason);
        }
        out.ch(' ');
    }

    /** Writes a node address as area.node. */
    private static void address(Out out, int address) {
        out.num(Decnet.area(address)).ch('.').num(Decnet.node(address));
    }

    /** tcpdump's raw dump of what it cannot decode: {@code length} bytes from {@code at}, as far as captured. */
    private static void dump(PrintContext c, Decnet m, int at, int length) {
        int from = m.offset() + at;
        int to = (int) Math.min((long) from + Math.max(0, length), m.offset() + m.regionLength());
        PrintContext.hexLines(c.out(), m.buffer(), from, to, true);
    }

    private static int le16(Decnet m, int at) {
        need(m, at, 2);
        return m.le16At(at);
    }
}
