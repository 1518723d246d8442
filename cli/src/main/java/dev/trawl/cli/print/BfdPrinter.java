package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Bfd;

/**
 * BFD as tcpdump prints it, by the UDP destination port: control packets {@code BFDv1, Control, State Up,
 * Flags: [none], length: 24}, with {@code -v} the header's fields over five more lines; echo packets
 * {@code BFD, Echo, length: 12}. A datagram tcpdump does not take for BFD (the port only its source) prints
 * as plain UDP. Not thread-safe.
 */
final class BfdPrinter implements LayerPrinter {
    private static final int CONTROL = 3784;
    private static final int ECHO = 3785;
    private static final int MULTIHOP = 4784;
    private static final int LAG = 6784;
    private static final int AUTH = 0x04;
    private static final int[] V0_FLAGS = {0x80, 0x40, 0x20, 0x10, 0x08, AUTH, 0x02, 0x01};
    private static final String[] V0_NAMES = {"I Hear You", "Demand", "Poll", "Final", "Control Plane Independent",
        "Authentication Present", "Reserved", "Reserved"};
    private static final int[] V1_FLAGS = {0x20, 0x10, 0x08, AUTH, 0x02, 0x01};
    private static final String[] V1_NAMES = {"Poll", "Final", "Control Plane Independent",
        "Authentication Present", "Demand", "Multipoint"};
    private static final String[] STATES = {"AdminDown", "Down", "Init", "Up"};
    private static final String[] DIAGNOSTICS = {"No Diagnostic", "Control Detection Time Expired",
        "Echo Function Failed", "Neighbor Signaled Session Down", "Forwarding Plane Reset", "Path Down",
        "Concatenated Path Down", "Administratively Down", "Reverse Concatenated Path Down"};

    private final Bfd view = new Bfd();

    /**
     * What tcpdump prints for a datagram to a BFD port whose payload was not captured (decode has no layer for
     * it): an echo's length, which it prints without reading, or a control packet's truncation; false for any
     * other port.
     */
    static boolean uncaptured(PrintContext c, int destinationPort, int length) {
        if (destinationPort == ECHO) {
            c.out().ascii("BFD, Echo, length: ").num(length);
            return true;
        }
        if (destinationPort == CONTROL || destinationPort == MULTIHOP || destinationPort == LAG) {
            c.truncated("bfd");
            return true;
        }
        return false;
    }

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        int udp = c.below(layer);
        int port = udp >= 0 && p.protocol(udp) == Protocols.UDP ? p.udp(udp).destinationPort() : CONTROL;
        int length = ApplicationPrinters.udpPayload(c, layer);
        Bfd b = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        if (port == ECHO) {
            out.ascii("BFD, Echo, length: ").num(length);
            if (c.verbose() > 0) {
                TlvText.dump(out, b, 0, length, "\n\t");
            }
            return;
        }
        if (port != CONTROL && port != MULTIHOP && port != LAG) {
            out.ascii("UDP, length ").num(length);
            return;
        }
        if (!b.has(0, Bfd.HEADER_LENGTH)) {
            c.truncated("bfd");
            return;
        }
        int version = b.version();
        int flags = b.flags();
        String kind = port == CONTROL ? "Control" : port == MULTIHOP ? "Multihop" : "Lag";
        if (version > 1) {
            out.ascii("BFDv").num(version).ascii(", Control, length: ").num(length);
            if (c.verbose() > 0) {
                TlvText.dump(out, b, 0, length, "\n\t");
            }
            return;
        }
        if (c.verbose() == 0) {
            if (version == 0) {
                out.ascii("BFDv0, Control, Flags: [");
                flags(out, flags, V0_FLAGS, V0_NAMES);
            } else {
                out.ascii("BFDv1, ").ascii(kind).ascii(", State ").ascii(STATES[flags >>> 6]).ascii(", Flags: [");
                flags(out, flags & 0x3f, V1_FLAGS, V1_NAMES);
            }
            out.ascii("], length: ").num(length);
            return;
        }
        out.ascii("BFDv").num(version).ascii(", length: ").num(length).ascii("\n\t");
        if (version == 0) {
            out.ascii("Control, Flags: [");
            flags(out, flags, V0_FLAGS, V0_NAMES);
        } else {
            out.ascii(kind).ascii(", State ").ascii(STATES[flags >>> 6]).ascii(", Flags: [");
            flags(out, flags & 0x3f, V1_FLAGS, V1_NAMES);
        }
        int diag = b.diagnostic();
        out.ascii("], Diagnostic: ").ascii(diag < DIAGNOSTICS.length ? DIAGNOSTICS[diag] : "unknown").ascii(" (0x")
                .hex(diag, 2).ch(')');
        long multiplier = b.detectMultiplier();
        out.ascii("\n\tDetection Timer Multiplier: ").num(multiplier).ascii(" (")
                .num((multiplier * b.desiredMinTx() & 0xffffffffL) / 1000).ascii(" ms Detection time), BFD Length: ")
                .num(b.length());
        out.ascii("\n\tMy Discriminator: 0x").hex(b.myDiscriminator(), 8).ascii(", Your Discriminator: 0x")
                .hex(b.yourDiscriminator(), 8);
        interval(out, "\n\t  Desired min Tx Interval:    ", b.desiredMinTx());
        interval(out, "\n\t  Required min Rx Interval:   ", b.requiredMinRx());
        interval(out, "\n\t  Required min Echo Interval: ", b.requiredMinEcho());
        if ((flags & AUTH) != 0) {
            authentication(c, b);
        }
    }

    /** Writes {@code "%4u ms"} of an interval given in microseconds. */
    private static void interval(Out out, String label, long micros) {
        String ms = Long.toString(micros / 1000);
        out.ascii(label);
        for (int i = ms.length(); i < 4; i++) {
            out.ch(' ');
        }
        out.ascii(ms).ascii(" ms");
    }

    private static void authentication(PrintContext c, Bfd b) {
        Out out = c.out();
        int at = Bfd.HEADER_LENGTH;
        if (!b.has(at, 2)) {
            c.truncated("bfd");
            return;
        }
        int type = b.byteAt(at);
        int len = b.byteAt(at + 1);
        String name = switch (type) {
            case 1 -> "Simple Password";
            case 2 -> "Keyed MD5";
            case 3 -> "Meticulous Keyed MD5";
            case 4 -> "Keyed SHA1";
            case 5 -> "Meticulous Keyed SHA1";
            default -> "Unknown";
        };
        out.ascii("\n\tAuthentication: ").ascii(name).ascii(" (").num(type).ascii("), length: ").num(len);
        if (!b.has(at + 2, 1)) {
            c.truncated("bfd");
            return;
        }
        out.ascii("\n\t  Auth Key ID: ").num(b.byteAt(at + 2));
        switch (type) {
            case 1 -> {
                if (len < 4 || len > 19) {
                    out.ascii("[invalid length ").num(len).ch(']');
                    return;
                }
                out.ascii(", Password: ");
                TlvText.text(out, b, at + 3, Math.min(len - 3, b.remaining(at + 3)));
                if (!b.has(at + 3, len - 3)) {
                    c.truncated("bfd");
                }
            }
            case 2, 3, 4, 5 -> {
                boolean md5 = type < 4;
                int hash = md5 ? 16 : 20;
                if (len != hash + 8) {
                    out.ascii("[invalid length ").num(len).ch(']');
                    return;
                }
                if (!b.has(at + 4, 4)) {
                    c.truncated("bfd");
                    return;
                }
                out.ascii(", Sequence Number: 0x").hex(b.intAt(at + 4), 8);
                if (!b.has(at + 8, hash)) {
                    c.truncated("bfd");
                    return;
                }
                out.ascii(md5 ? "\n\t  Digest: " : "\n\t  Hash: ");
                for (int i = 0; i < hash; i++) {
                    out.hex2(b.byteAt(at + 8 + i));
                }
            }
            default -> {
            }
        }
    }

    /** Writes the names of the flags set, in tcpdump's table order, or {@code none}. */
    private static void flags(Out out, int value, int[] masks, String[] names) {
        String sep = "";
        for (int i = 0; i < masks.length; i++) {
            if ((value & masks[i]) == masks[i]) {
                out.ascii(sep).ascii(names[i]);
                sep = ", ";
            }
        }
        if (sep.isEmpty()) {
            out.ascii("none");
        }
    }
}
