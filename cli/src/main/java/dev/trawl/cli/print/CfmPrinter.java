package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Cfm;

/**
 * Connectivity Fault Management (IEEE 802.1ag, Ethernet types 0x8902 and the older 0xabcd) as tcpdump prints its
 * common header: {@code CFMv0 Continuity Check Message, MD Level 5, length 74}, with {@code -v} the first TLV
 * offset, and for loopback and unknown messages their bytes and TLVs. Not thread-safe.
 */
final class CfmPrinter implements LayerPrinter {
    private static final int VERSION = 0;

    private final Cfm view = new Cfm();

    @Override
    public void print(PrintContext c, int layer) {
        printAt(c, c.packet().offset(layer), c.wireLength(layer));
    }

    /** Prints the PDU at absolute index {@code from}, {@code length} bytes long on the wire. */
    void printAt(PrintContext c, int from, int length) {
        DecodedPacket p = c.packet();
        Cfm m = view.wrap(p.buffer(), from, p.end() - from);
        Out out = c.out();
        if (length < Cfm.HEADER_LENGTH) {
            out.ascii("\n\t\t packet is too short");
            return;
        }
        if (!m.has(0, Cfm.HEADER_LENGTH)) {
            c.truncated("cfm");
            return;
        }
        if (m.version() != VERSION) {
            out.ascii("CFMv").num(m.version()).ascii(" not supported, length ").num(length);
            return;
        }
        int opcode = m.opcode();
        out.ascii("CFMv").num(m.version()).ch(' ');
        String name = switch (opcode) {
            case 1 -> "Continuity Check Message";
            case 2 -> "Loopback Reply";
            case 3 -> "Loopback Message";
            case 4 -> "Linktrace Reply";
            case 5 -> "Linktrace Message";
            default -> null;
        };
        if (name != null) {
            out.ascii(name);
        } else {
            out.ascii("unknown (").num(opcode).ch(')');
        }
        out.ascii(", MD Level ").num(m.mdLevel()).ascii(", length ").num(length);
        if (c.verbose() == 0) {
            return;
        }
        int first = m.firstTlvOffset();
        out.ascii("\n\tFirst TLV offset ").num(first);
        int rest = length - Cfm.HEADER_LENGTH;
        if (first > rest) {
            out.ascii(" (too large, must be <= ").num(rest).ch(')');
            return;
        }
        if (opcode == 1 || opcode == 4 || opcode == 5) {
            return; // the message bodies of CCM and linktrace are not printed
        }
        // loopback and unknown messages: their bytes before the first TLV, then the TLVs
        TlvText.dump(out, m, Cfm.HEADER_LENGTH, rest - first, "\n\t  ");
        tlvs(c, m, Cfm.HEADER_LENGTH + first, rest - first);
    }

    /** The TLVs in the {@code left} bytes at {@code at}, up to an End TLV. */
    private static void tlvs(PrintContext c, Cfm m, int at, int left) {
        Out out = c.out();
        while (left > 0) {
            if (!m.has(at, 1)) {
                c.truncatedRead("cfm");
                return;
            }
            int type = m.byteAt(at);
            out.ascii("\n\t").ascii(switch (type) {
                case 0 -> "End";
                case 1 -> "Sender ID";
                case 2 -> "Port status";
                case 3 -> "Interface status"; // tcpdump's numbers for these two
                case 4 -> "Data";
                case 5 -> "Reply Ingress";
                case 6 -> "Reply Egress";
                case 31 -> "Organization Specific";
                default -> "Unknown";
            }).ascii(" TLV (0x").hex2(type).ch(')');
            if (type == 0) {
                return;
            }
            if (left < 3) {
                out.ascii("\n\t\t packet is too short");
                return;
            }
            if (!m.has(at, 3)) {
                c.truncated("cfm");
                return;
            }
            int n = m.shortAt(at + 1);
            out.ascii(", length ").num(n);
            at += 3;
            left -= 3;
            if (left < n) {
                out.ascii("\n\t\t packet is too short");
                return;
            }
            if (!m.has(at, n)) {
                c.truncated("cfm");
                return;
            }
            boolean hexdump = false;
            switch (type) {
                case 2, 3 -> {
                    if (n < 1) {
                        out.ascii(" (too short, must be >= 1)");
                        return;
                    }
                    int status = m.byteAt(at);
                    String name = type == 2
                            ? (status == 1 ? "Blocked" : status == 2 ? "Up" : null)
                            : switch (status) {
                                case 1 -> "Up";
                                case 2 -> "Down";
                                case 3 -> "Testing";
                                case 5 -> "Dormant";
                                case 6 -> "not present";
                                case 7 -> "lower Layer down";
                                default -> null;
                            };
                    out.ascii(", Status: ").ascii(name == null ? "Unknown" : name).ascii(" (").num(status).ch(')');
                }
                case 31 -> {
                    if (n < 4) {
                        out.ascii(" (too short, must be >= 4)");
                        return;
                    }
                    int oui = m.byteAt(at) << 16 | m.shortAt(at + 1);
                    out.ascii(", Vendor: ").ascii(LlcPrinter.ouiName(oui)).ascii(" (").num(oui)
                            .ascii("), Sub-Type ").num(m.byteAt(at + 3));
                    hexdump = true;
                }
                case 1 -> {
                    return; // the sender's chassis and management address are not printed
                }
                default -> hexdump = true;
            }
            if (hexdump || c.verbose() > 1) {
                TlvText.dump(out, m, at, n, "\n\t  ");
            }
            at += n;
            left -= n;
        }
    }
}
