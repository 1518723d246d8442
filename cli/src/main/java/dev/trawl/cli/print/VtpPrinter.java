package dev.trawl.cli.print;

import static dev.trawl.cli.print.CheckedReads.need;
import static dev.trawl.cli.print.CheckedReads.u8;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Vtp;

/**
 * Cisco's VLAN Trunking Protocol as tcpdump prints it: {@code VTPv1, Message Summary advertisement (0x01), length
 * 70}, and with {@code -v} the management domain and, per message type, the configuration revision, updater,
 * timestamp and digest of a summary, the VLAN records of a subset advertisement with their TLVs, or the start
 * value of a request. Records that do not fit print {@code (invalid)}, and a message not wholly captured then
 * {@code [|vtp]}. Not thread-safe.
 */
final class VtpPrinter implements LayerPrinter {
    private static final int DOMAIN_LENGTH = 32;
    private static final int SUMMARY = 1;
    private static final int SUBSET = 2;
    private static final int REQUEST = 3;
    /** A VLAN record's fixed part, before the name. */
    private static final int VLAN_FIXED = 12;

    private final Vtp vtp = new Vtp();

    /** Thrown where tcpdump finds a record that cannot be, to print {@code (invalid)}. */
    private static final class Invalid extends Exception {
        private static final Invalid INSTANCE = new Invalid();
        private static final long serialVersionUID = 1L;

        private Invalid() {
            super(null, null, false, false);
        }
    }

    @Override
    public void print(PrintContext c, int layer) {
        printAt(c, c.packet().offset(layer), LlcPrinter.frameLength(c, layer));
    }

    /**
     * Prints the VTP message at absolute index {@code start}, {@code length} bytes long on the wire: the layer's,
     * or one that tcpdump finds under a SNAP header where decode reads the frame otherwise.
     */
    void printAt(PrintContext c, int start, int length) {
        DecodedPacket p = c.packet();
        Vtp m = vtp.wrap(p.buffer(), start, Math.max(0, p.end() - start));
        try {
            try {
                if (length < Vtp.HEADER_LENGTH) {
                    throw Invalid.INSTANCE;
                }
                if (!message(c, m, length)) {
                    need(m, 0, length);
                }
            } catch (Invalid e) {
                c.out().ascii(" (invalid)");
                need(m, 0, length);
            }
        } catch (Truncated t) {
            c.truncatedRead("vtp");
        }
    }

    /** Prints the message; false when only the first line was printed (without {@code -v}). */
    private static boolean message(PrintContext c, Vtp m, int length) throws Invalid {
        Out out = c.out();
        need(m, 0, Vtp.HEADER_LENGTH);
        int type = m.code();
        out.ascii("VTPv").num(m.version()).ascii(", Message ").ascii(switch (type) {
            case SUMMARY -> "Summary advertisement";
            case SUBSET -> "Subset advertisement";
            case REQUEST -> "Advertisement request";
            case 4 -> "Join message";
            default -> "Unknown message type";
        }).ascii(" (0x").hex2(type).ascii("), length ").num(length);
        if (c.verbose() == 0) {
            return false;
        }
        out.ascii("\n\tDomain name: ");
        int domainLength = m.domainLength();
        if (domainLength < 1 || domainLength > DOMAIN_LENGTH) {
            out.ascii(" [invalid MgmtD Len ").num(domainLength).ch(']');
            throw Invalid.INSTANCE;
        }
        TlvText.textToNul(out, m, 4, domainLength);
        out.ascii(", ").ascii(switch (type) {
            case SUMMARY -> "Followers";
            case SUBSET -> "Seq number";
            case REQUEST, 4 -> "Rsvd";
            default -> "Unknown";
        }).ascii(": ").num(m.followers());
        switch (type) {
            case SUMMARY -> {
                need(m, Vtp.HEADER_LENGTH, 8);
                out.ascii("\n\t  Config Rev ").hex(m.intAt(36)).ascii(", Updater ");
                c.ipv4((int) m.intAt(40));
                need(m, 44, 12);
                out.ascii(", Timestamp 0x").hex(m.intAt(44), 8).ascii(" 0x").hex(m.intAt(48), 8).ascii(" 0x")
                        .hex(m.intAt(52), 8);
                need(m, 56, 16);
                out.ascii(", MD5 digest: ");
                for (int i = 0; i < 4; i++) {
                    out.hex(m.intAt(56 + 4 * i), 8);
                }
            }
            case SUBSET -> {
                need(m, Vtp.HEADER_LENGTH, 4);
                out.ascii(", Config Rev ").hex(m.intAt(36));
                for (int at = 40; at < length; ) {
                    int n = u8(m, at);
                    if (n == 0) {
                        break;
                    }
                    vlan(c, m, at, n);
                    at += n;
                }
            }
            case REQUEST -> {
                need(m, Vtp.HEADER_LENGTH, 4);
                out.ascii("\n\tStart value: ").num(m.intAt(36));
            }
            default -> {
            }
        }
        return true;
    }

    /** A VLAN record of {@code n} bytes at {@code at}: its fixed part, name and TLVs. */
    private static void vlan(PrintContext c, Vtp m, int at, int n) throws Invalid {
        Out out = c.out();
        need(m, at, n);
        if (n < VLAN_FIXED) {
            throw Invalid.INSTANCE;
        }
        int status = m.byteAt(at + 1);
        int type = m.byteAt(at + 2);
        out.ascii("\n\tVLAN info status ").ascii(status == 0 ? "Operational" : status == 1 ? "Suspended" : "Unknown")
                .ascii(", type ").ascii(switch (type) {
                    case 1 -> "Ethernet";
                    case 2 -> "FDDI";
                    case 3 -> "TrCRF";
                    case 4 -> "FDDI-net";
                    case 5 -> "TrBRF";
                    default -> "Unknown";
                }).ascii(", VLAN-id ").num(m.shortAt(at + 4)).ascii(", MTU ").num(m.shortAt(at + 6))
                .ascii(", SAID 0x").hex(m.intAt(at + 8), 8).ascii(", Name ");
        int left = n - VLAN_FIXED;
        int p = at + VLAN_FIXED;
        int nameLength = m.byteAt(at + 3);
        int padded = (nameLength + 3) / 4 * 4;
        if (left < padded) {
            throw Invalid.INSTANCE;
        }
        TlvText.textToNul(out, m, p, nameLength);
        left -= padded;
        p += padded;
        while (left > 0) {
            if (left < 2) {
                throw Invalid.INSTANCE;
            }
            int t = m.byteAt(p);
            int words = m.byteAt(p + 1);
            out.ascii("\n\t\t").ascii(tlvName(t)).ascii(" (0x").hex(t, 4).ascii(") TLV");
            int size = 2 + words * 2;
            if (left < size) {
                out.ascii(" (TLV goes past the end of the packet)");
                throw Invalid.INSTANCE;
            }
            need(m, p, size);
            if (words != 1) {
                out.ascii(" (invalid TLV length ").num(words).ascii(" != 1)");
                throw Invalid.INSTANCE;
            }
            int value = m.shortAt(p + 2);
            switch (t) {
                case 0x09 -> out.ascii(", ").num(value);
                case 0x06 -> out.ascii(", ").ascii(value == 1 ? "Enabled" : "Disabled").ascii(" (").num(value).ch(')');
                case 0x03 -> out.ascii(", ").ascii(switch (value) {
                    case 1 -> "SRT";
                    case 2 -> "SRB";
                    case 3 -> "Auto";
                    default -> "Unknown";
                }).ascii(" (").num(value).ch(')');
                case 0x07 -> out.ascii(", ").ascii(value == 1 ? "SRB" : "SRT").ascii(" (").num(value).ch(')');
                case 0x0A -> out.ascii(", ").ascii(value == 1 ? "Backup" : "Not backup").ascii(" (").num(value)
                        .ch(')');
                default -> TlvText.dump(out, m, p, size, "\n\t\t  ");
            }
            left -= size;
            p += size;
        }
    }

    private static String tlvName(int t) {
        return switch (t) {
            case 0x01 -> "Source-Routing Ring Number TLV";
            case 0x02 -> "Source-Routing Bridge Number TLV";
            case 0x03 -> "STP type TLV";
            case 0x04 -> "Parent VLAN TLV";
            case 0x05 -> "Translationally bridged VLANs TLV";
            case 0x06 -> "Pruning TLV";
            case 0x07 -> "Bridge Type TLV";
            case 0x08 -> "Max ARP Hop Count TLV";
            case 0x09 -> "Max STE Hop Count TLV";
            case 0x0A -> "Backup CRF Mode TLV";
            default -> "Unknown";
        };
    }
}
