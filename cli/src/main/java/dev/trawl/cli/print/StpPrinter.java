package dev.trawl.cli.print;

import static dev.trawl.cli.print.CheckedReads.need;
import static dev.trawl.cli.print.CheckedReads.textToNul;
import static dev.trawl.cli.print.CheckedReads.u16;
import static dev.trawl.cli.print.CheckedReads.u32;
import static dev.trawl.cli.print.CheckedReads.u8;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Stp;

/**
 * Spanning tree BPDUs as tcpdump prints them: {@code STP 802.1d, Config, Flags [none], bridge-id
 * 8001.00:19:06:ea:b8:80.8005, length 35}, with {@code -v} the timers and the root on a second and third line.
 * Rapid (802.1w) BPDUs add the port role; multiple spanning tree (802.1s) BPDUs print their CIST flags, and with
 * {@code -v} the CIST, the configuration identifier and each MSTI record; shortest path bridging (802.1aq) adds
 * its auxiliary configuration and agreement digest. Lengths that cannot hold what they claim print
 * {@code (invalid)}, a capture that ends early {@code [|stp]}. Not thread-safe.
 */
final class StpPrinter implements LayerPrinter {
    private static final int VERSION_RAPID = 2;
    private static final int VERSION_MSTP = 3;
    private static final int VERSION_SPB = 4;
    private static final int TYPE_CONFIG = 0x00;
    private static final int TYPE_RSTP = 0x02;
    private static final int TYPE_TOPOLOGY_CHANGE = 0x80;
    /** Where an MSTP BPDU's version 3 length is. */
    private static final int V3_LENGTH = 36;
    /** Where an MSTP BPDU's MSTI records start; what it must hold at least. */
    private static final int MSTI_OFFSET = 102;
    private static final int MSTI_LENGTH = 16;
    /** The part of the version 3 length before the MSTI records (configuration id to remaining hops). */
    private static final int CONFIG_INFO_LENGTH = 64;
    /** The least version 4 length (with its own two bytes) of an SPB BPDU. */
    private static final int SPB_MIN_LENGTH = 87;

    private static final String[] FLAG_NAMES = {"Topology change", "Proposal", null, null, "Learn", "Forward",
        "Agreement", "Topology change ACK"};
    private static final String[] ROLES = {"Unknown", "Alternate", "Root", "Designated"};

    private final Stp stp = new Stp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Stp s = stp.wrap(p.buffer(), p.offset(layer), p.layerEnd(layer) - p.offset(layer));
        int length = LlcPrinter.frameLength(c, layer);
        try {
            bpdu(c, s, length);
        } catch (Truncated t) {
            c.truncated("stp");
        }
    }

    private static void bpdu(PrintContext c, Stp s, int length) {
        Out out = c.out();
        if (length < 4) {
            out.ascii(" (invalid)");
            return;
        }
        need(s, 0, 2);
        if (s.protocolId() != 0) {
            out.ascii("unknown STP version, length ").num(length);
            return;
        }
        need(s, 2, 1);
        int version = s.version();
        out.ascii("STP ");
        switch (version) {
            case 0 -> out.ascii("802.1d");
            case VERSION_RAPID -> out.ascii("802.1w");
            case VERSION_MSTP -> out.ascii("802.1s");
            case VERSION_SPB -> out.ascii("802.1aq");
            default -> {
                out.ascii("Unknown STP protocol (0x").hex2(version).ch(')');
                return;
            }
        }
        need(s, 3, 1);
        int type = s.type();
        out.ascii(", ");
        switch (type) {
            case TYPE_CONFIG -> out.ascii("Config");
            case TYPE_RSTP -> out.ascii("Rapid STP");
            case TYPE_TOPOLOGY_CHANGE -> out.ascii("Topology Change");
            default -> out.ascii("Unknown BPDU Type (0x").hex2(type).ch(')');
        }
        if (type == TYPE_CONFIG) {
            if (length < Stp.CONFIG_LENGTH) {
                out.ascii(" (invalid)");
                return;
            }
            config(c, s, length);
        } else if (type == TYPE_RSTP) {
            if (version == VERSION_RAPID) {
                if (length < Stp.RSTP_LENGTH) {
                    out.ascii(" (invalid)");
                    return;
                }
                config(c, s, length);
            } else if (version == VERSION_MSTP || version == VERSION_SPB) {
                multiple(c, s, length, version == VERSION_SPB);
            }
        }
    }

    private static void config(PrintContext c, Stp s, int length) {
        Out out = c.out();
        int flags = u8(s, 4);
        out.ascii(", Flags [");
        flags(out, flags);
        out.ch(']');
        need(s, 17, 10);
        out.ascii(", bridge-id ");
        bridgeId(c, s, 17);
        out.ch('.').hex(s.portId(), 4).ascii(", length ").num(length);
        if (c.verbose() == 0) {
            return;
        }
        timers(c, s);
        need(s, 5, 12);
        out.ascii("\n\troot-id ");
        bridgeId(c, s, 5);
        out.ascii(", root-pathcost ").num(s.rootPathCost());
        if (s.version() == VERSION_RAPID) {
            out.ascii(", port-role ").ascii(ROLES[(flags >>> 2) & 3]);
        }
    }

    /** An MSTP or SPB BPDU, from the checks of its lengths on. */
    private static void multiple(PrintContext c, Stp s, int length, boolean spb) {
        Out out = c.out();
        if (length < MSTI_OFFSET || u8(s, 35) != 0) {
            out.ascii(" (invalid)");
            return;
        }
        int v3 = u16(s, V3_LENGTH);
        int mstpLength = v3 + 2;
        if (length < Stp.RSTP_LENGTH + mstpLength) {
            out.ascii(" (invalid)");
            return;
        }
        int flags = u8(s, 4);
        out.ascii(", CIST Flags [");
        flags(out, flags);
        out.ascii("], length ").num(length);
        if (c.verbose() > 0) {
            cist(c, s, flags, v3);
        }
        if (spb) {
            int spbAt = Stp.RSTP_LENGTH + mstpLength;
            int spbLength = u16(s, spbAt) + 2;
            if (length < spbAt + spbLength || spbLength < SPB_MIN_LENGTH) {
                out.ascii(" (invalid)");
                return;
            }
            if (c.verbose() > 0) {
                spb(c, s, spbAt);
            }
        }
    }

    /** The CIST of an MSTP BPDU and its MSTI records, as {@code -v} prints them. */
    private static void cist(PrintContext c, Stp s, int flags, int v3) {
        Out out = c.out();
        out.ascii("\n\tport-role ").ascii(ROLES[(flags >>> 2) & 3]).ascii(", ");
        need(s, 5, 12);
        out.ascii("CIST root-id ");
        bridgeId(c, s, 5);
        out.ascii(", CIST ext-pathcost ").num(s.rootPathCost());
        need(s, 17, 8);
        out.ascii("\n\tCIST regional-root-id ");
        bridgeId(c, s, 17);
        out.ascii(", ");
        int port = u16(s, 25);
        out.ascii("CIST port-id ").hex(port, 4).ch(',');
        timers(c, s);
        out.ascii("\n\tv3len ").num(v3).ascii(", MCID Name ");
        textToNul(out, s, 39, 32);
        need(s, 71, 18);
        out.ascii(", rev ").num(s.shortAt(71)).ascii(",\n\t\tdigest ");
        digest(out, s, 73, 4);
        out.ascii(", ");
        long internalCost = u32(s, 89);
        out.ascii("CIST int-root-pathcost ").num(internalCost).ch(',');
        need(s, 93, 8);
        out.ascii("\n\tCIST bridge-id ");
        bridgeId(c, s, 93);
        out.ascii(", ");
        int hops = u8(s, 101);
        out.ascii("CIST remaining-hops ").num(hops);
        if (v3 <= CONFIG_INFO_LENGTH) {
            return;
        }
        for (int left = v3 - CONFIG_INFO_LENGTH, at = MSTI_OFFSET; left >= MSTI_LENGTH;
                left -= MSTI_LENGTH, at += MSTI_LENGTH) {
            need(s, at, 3);
            int mstiFlags = s.byteAt(at);
            out.ascii("\n\tMSTI ").num(s.shortAt(at + 1) & 0x0FFF).ascii(", Flags [");
            flags(out, mstiFlags);
            out.ascii("], port-role ").ascii(ROLES[(mstiFlags >>> 2) & 3]);
            need(s, at + 1, 12);
            out.ascii("\n\t\tMSTI regional-root-id ");
            bridgeId(c, s, at + 1);
            out.ascii(", pathcost ").num(s.intAt(at + 9));
            need(s, at + 13, 3);
            out.ascii("\n\t\tMSTI bridge-prio ").num(s.byteAt(at + 13) >>> 4).ascii(", port-prio ")
                    .num(s.byteAt(at + 14) >>> 4).ascii(", hops ").num(s.byteAt(at + 15));
        }
    }

    /** The SPB part that follows the MSTI records, at {@code at}. */
    private static void spb(PrintContext c, Stp s, int at) {
        Out out = c.out();
        out.ascii("\n\tv4len ").num(u16(s, at)).ascii(", AUXMCID Name ");
        textToNul(out, s, at + 3, 32);
        need(s, at + 35, 18);
        out.ascii(", Rev ").num(s.shortAt(at + 35)).ascii(",\n\t\tdigest ");
        digest(out, s, at + 37, 4);
        need(s, at + 53, 34);
        int agreement = s.byteAt(at + 53);
        int format = s.byteAt(at + 55);
        int convention = s.byteAt(at + 56);
        out.ascii("\n\tAgreement num ").num(agreement >>> 6).ascii(", Discarded Agreement num ")
                .num((agreement >>> 4) & 3).ascii(", Agreement valid-flag ").num((agreement >>> 3) & 1)
                .ascii(",\n\tRestricted role-flag: ").num((agreement >>> 2) & 1).ascii(", Format id ")
                .num(format >>> 4).ascii(" cap ").num(format).ascii(", Convention id ").num(convention >>> 4)
                .ascii(" cap ").num(convention).ascii(",\n\tEdge count ").num(s.shortAt(at + 57))
                .ascii(", Agreement digest ");
        digest(out, s, at + 67, 5);
    }

    /** The four timers, in seconds. */
    private static void timers(PrintContext c, Stp s) {
        need(s, 27, 8);
        Out out = c.out();
        out.ascii("\n\tmessage-age ");
        seconds(out, s.messageAge());
        out.ascii("s, max-age ");
        seconds(out, s.maxAge());
        out.ascii("s, hello-time ");
        seconds(out, s.helloTime());
        out.ascii("s, forwarding-delay ");
        seconds(out, s.forwardDelay());
        out.ch('s');
    }

    /**
     * A time in 1/256 s as C's {@code %.2f} prints it: the exact value rounded to hundredths, a tie to the even
     * hundredth (1/8 s is {@code 0.12}).
     */
    static void seconds(Out out, int units) {
        long scaled = units * 100L;
        long hundredths = scaled >>> 8;
        long rest = scaled & 0xFF;
        if (rest > 0x80 || rest == 0x80 && (hundredths & 1) != 0) {
            hundredths++;
        }
        out.num(hundredths / 100).ch('.');
        long fraction = hundredths % 100;
        if (fraction < 10) {
            out.ch('0');
        }
        out.num(fraction);
    }

    /** {@code 8001.00:19:06:ea:b8:80}: the priority in hex, then the MAC address; checked by the caller. */
    private static void bridgeId(PrintContext c, Stp s, int at) {
        c.out().hex(s.shortAt(at), 4).ch('.');
        c.mac(s.macAt(at + 2));
    }

    /** {@code words} 32-bit words from {@code at} as eight hex digits each; checked by the caller. */
    private static void digest(Out out, Stp s, int at, int words) {
        for (int i = 0; i < words; i++) {
            out.hex(s.intAt(at + 4 * i), 8);
        }
    }

    private static void flags(Out out, int flags) {
        TlvText.bitNames(out, flags, FLAG_NAMES, "none");
    }
}
