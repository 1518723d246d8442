package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Stp;

/**
 * Spanning tree BPDUs as tcpdump prints them: {@code STP 802.1d, Config, Flags [none], bridge-id
 * 8001.00:19:06:ea:b8:80.8005, length 35}, with {@code -v} the timers and the root on a second and third line.
 * Rapid (802.1w) BPDUs add the port role; multiple spanning tree BPDUs print their CIST flags. Not thread-safe.
 */
final class StpPrinter implements LayerPrinter {
    private static final int VERSION_RAPID = 2;
    private static final int VERSION_MSTP = 3;
    private static final int VERSION_SPB = 4;
    private static final int TYPE_CONFIG = 0x00;
    private static final int TYPE_RSTP = 0x02;
    private static final int TYPE_TOPOLOGY_CHANGE = 0x80;
    /** Where an MSTP BPDU's MSTI records start; what it must hold at least. */
    private static final int MSTI_OFFSET = 102;

    private static final String[] FLAG_NAMES = {"Topology change", "Proposal", null, null, "Learn", "Forward",
        "Agreement", "Topology change ACK"};

    private final Stp stp = new Stp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Stp s = stp.wrap(p.buffer(), p.offset(layer), p.layerEnd(layer) - p.offset(layer));
        Out out = c.out();
        int length = LlcPrinter.frameLength(c, layer);
        if (length < 4) {
            out.ascii(" (invalid)");
            return;
        }
        if (!s.has(0, 4)) {
            c.truncated("stp");
            return;
        }
        if (s.protocolId() != 0) {
            out.ascii("unknown STP version, length ").num(length);
            return;
        }
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
                if (length < MSTI_OFFSET) {
                    out.ascii(" (invalid)");
                    return;
                }
                if (!s.has(0, MSTI_OFFSET)) {
                    c.truncated("stp");
                    return;
                }
                if (s.v1Length() != 0 || length < Stp.RSTP_LENGTH + s.v3Length() + 2) {
                    out.ascii(" (invalid)");
                    return;
                }
                out.ascii(", CIST Flags [");
                flags(out, s.flags());
                out.ascii("], length ").num(length);
            }
        }
    }

    private static void config(PrintContext c, Stp s, int length) {
        Out out = c.out();
        if (!s.has(0, 5)) {
            c.truncated("stp");
            return;
        }
        out.ascii(", Flags [");
        flags(out, s.flags());
        out.ch(']');
        if (!s.has(17, 10)) {
            c.truncated("stp");
            return;
        }
        out.ascii(", bridge-id ");
        bridgeId(c, s.bridgeId());
        out.ch('.').hex(s.portId(), 4).ascii(", length ").num(length);
        if (c.verbose() == 0) {
            return;
        }
        if (!s.has(27, 8)) {
            c.truncated("stp");
            return;
        }
        out.ascii("\n\tmessage-age ");
        seconds(out, s.messageAge());
        out.ascii("s, max-age ");
        seconds(out, s.maxAge());
        out.ascii("s, hello-time ");
        seconds(out, s.helloTime());
        out.ascii("s, forwarding-delay ");
        seconds(out, s.forwardDelay());
        out.ascii("s\n\troot-id ");
        bridgeId(c, s.rootId());
        out.ascii(", root-pathcost ").num(s.rootPathCost());
        if (s.version() == VERSION_RAPID) {
            out.ascii(", port-role ").ascii(switch ((s.flags() >>> 2) & 3) {
                case 1 -> "Alternate";
                case 2 -> "Root";
                case 3 -> "Designated";
                default -> "Unknown";
            });
        }
    }

    /** A time in 1/256 s as {@code %.2f} prints it. */
    private static void seconds(Out out, int units) {
        out.ascii(String.format("%.2f", units / 256f));
    }

    /** {@code 8001.00:19:06:ea:b8:80}: the priority in hex, then the MAC address. */
    private static void bridgeId(PrintContext c, long id) {
        c.out().hex(id >>> 48, 4).ch('.');
        c.mac(id & 0xFFFF_FFFF_FFFFL);
    }

    private static void flags(Out out, int flags) {
        TlvText.bitNames(out, flags, FLAG_NAMES, "none");
    }
}
