package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Lldp;

/**
 * LLDP as tcpdump prints it: without {@code -v} {@code LLDP, length 282: S2.cisco.com}, the system name when the
 * message carries one; with it a line per record, the basic ones (chassis and port ids, time to live,
 * descriptions, names, capabilities) and IEEE 802.1's port VLAN id decoded, others dumped. Not thread-safe.
 */
final class LldpPrinter implements LayerPrinter {
    private static final int CHASSIS_ID = 1;
    private static final int PORT_ID = 2;
    private static final int TTL = 3;
    private static final int PORT_DESCRIPTION = 4;
    private static final int SYSTEM_NAME = 5;
    private static final int SYSTEM_DESCRIPTION = 6;
    private static final int CAPABILITIES = 7;
    private static final int ORGANIZATION = 127;
    private static final int OUI_8021 = 0x0080C2;
    private static final int OUI_8023 = 0x00120F;
    /** The PMD auto-negotiation capabilities, from bit 14 down (bit 15, "other", is not named). */
    private static final String[] PMD = {"10BASE-T hdx", "10BASE-T fdx", "100BASE-T4", "100BASE-TX hdx",
        "100BASE-TX fdx", "100BASE-T2 hdx", "100BASE-T2 fdx", "Pause for fdx links", "Asym PAUSE for fdx",
        "Sym PAUSE for fdx", "Asym and Sym PAUSE for fdx", "1000BASE-{X LX SX CX} hdx", "1000BASE-{X LX SX CX} fdx",
        "1000BASE-T hdx", "1000BASE-T fdx"};
    /** MAU types 1 to 30 (RFC 3636). */
    private static final String[] MAU = {"AUI", "10BASE5", "FOIRL", "10BASE2", "10BASET duplex mode unknown",
        "10BASEFP", "10BASEFB", "10BASEFL duplex mode unknown", "10BROAD36", "10BASET hdx", "10BASET fdx",
        "10BASEFL hdx", "10BASEFL fdx", "100BASET4", "100BASETX hdx", "100BASETX fdx", "100BASEFX hdx",
        "100BASEFX fdx", "100BASET2 hdx", "100BASET2 fdx", "1000BASEX hdx", "1000BASEX fdx", "1000BASELX hdx",
        "1000BASELX fdx", "1000BASESX hdx", "1000BASESX fdx", "1000BASECX hdx", "1000BASECX fdx", "1000BASET hdx",
        "1000BASET fdx"};
    private static final String[] CAPABILITY_NAMES = {"Other", "Repeater", "Bridge", "WLAN AP", "Router",
        "Telephone", "Docsis", "Station Only", "C-Bridge", "S-Bridge", "TPMR"};

    private final Lldp lldp = new Lldp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Lldp m = lldp.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = c.wireLength(layer);
        out.ascii("LLDP, length ").num(length);
        int rel = 0;
        while (rel + 2 <= length) {
            if (!m.has(rel, 2)) {
                c.truncated("lldp");
                return;
            }
            int type = m.tlvType(rel);
            int n = m.tlvLength(rel);
            if (!m.has(rel + 2, n)) {
                c.truncated("lldp");
                return;
            }
            if (c.verbose() > 0) {
                record(c, m, type, rel + 2, n);
            } else if (type == SYSTEM_NAME) {
                out.ascii(": ");
                TlvText.text(out, m, rel + 2, n);
            }
            if (type == Lldp.END) {
                return;
            }
            rel += 2 + n;
        }
    }

    private static void record(PrintContext c, Lldp m, int type, int value, int n) {
        Out out = c.out();
        out.ascii("\n\t").ascii(switch (type) {
            case Lldp.END -> "End";
            case CHASSIS_ID -> "Chassis ID";
            case PORT_ID -> "Port ID";
            case TTL -> "Time to Live";
            case PORT_DESCRIPTION -> "Port Description";
            case SYSTEM_NAME -> "System Name";
            case SYSTEM_DESCRIPTION -> "System Description";
            case CAPABILITIES -> "System Capabilities";
            case 8 -> "Management Address";
            case ORGANIZATION -> "Organization specific";
            default -> "Unknown";
        }).ascii(" TLV (").num(type).ascii("), length ").num(n);
        boolean dump = false;
        switch (type) {
            case Lldp.END -> { }
            case CHASSIS_ID, PORT_ID -> {
                if (n < 2) {
                    out.ascii(" [|lldp]");
                    return;
                }
                int subtype = m.byteAt(value);
                String name = type == CHASSIS_ID ? chassisSubtype(subtype) : portSubtype(subtype);
                out.ascii("\n\t  Subtype ").ascii(name).ascii(" (").num(subtype).ascii("): ");
                boolean mac = type == CHASSIS_ID ? subtype == 4 : subtype == 3;
                boolean network = type == CHASSIS_ID ? subtype == 5 : subtype == 4;
                if (mac && n == 7) {
                    c.mac(m.macAt(value + 1));
                } else if (network || mac || "Unknown".equals(name)) {
                    dump = true;
                } else {
                    TlvText.text(out, m, value + 1, n - 1);
                }
            }
            case TTL -> out.ascii(": TTL ").num(m.shortAt(value)).ch('s');
            case PORT_DESCRIPTION, SYSTEM_NAME -> {
                out.ascii(": ");
                TlvText.text(out, m, value, n);
            }
            case SYSTEM_DESCRIPTION -> {
                out.ascii("\n\t  ");
                TlvText.text(out, m, value, n);
            }
            case CAPABILITIES -> {
                out.ascii("\n\t  System  Capabilities [");
                capabilities(out, m.shortAt(value));
                out.ascii("] (0x").hex(m.shortAt(value), 4).ascii(")\n\t  Enabled Capabilities [");
                capabilities(out, m.shortAt(value + 2));
                out.ascii("] (0x").hex(m.shortAt(value + 2), 4).ch(')');
            }
            case ORGANIZATION -> {
                int oui = (int) (m.intAt(value) >>> 8);
                out.ascii(": OUI ").ascii(LlcPrinter.ouiName(oui)).ascii(" (0x").hex(oui, 6).ch(')');
                int subtype = m.byteAt(value + 3);
                if (oui == OUI_8021 && subtype == 1 && n >= 6) {
                    out.ascii("\n\t  Port VLAN Id Subtype (1)\n\t    port vlan id (PVID): ").num(m.shortAt(value + 4));
                } else if (oui == OUI_8023 && subtype == 1 && n >= 9) {
                    macPhy(out, m, value + 4);
                } else {
                    dump = true;
                }
            }
            default -> dump = true;
        }
        if (dump) {
            TlvText.dump(out, m, value, n, "\n\t  ");
        }
    }

    /** IEEE 802.3's MAC/PHY configuration record: auto-negotiation, its capabilities and the MAU type. */
    private static void macPhy(Out out, Lldp m, int at) {
        int autoneg = m.byteAt(at);
        out.ascii("\n\t  MAC/PHY configuration/status Subtype (1)\n\t    autonegotiation [");
        String sep = "";
        if ((autoneg & 1) != 0) {
            out.ascii("supported");
            sep = ", ";
        }
        if ((autoneg & 2) != 0) {
            out.ascii(sep).ascii("enabled");
            sep = ", ";
        }
        out.ascii(sep.isEmpty() ? "none" : "").ascii("] (0x").hex2(autoneg).ascii(")\n\t    PMD autoneg capability [");
        int pmd = m.shortAt(at + 1);
        sep = "";
        for (int i = 0; i < PMD.length; i++) {
            if ((pmd & (1 << (14 - i))) != 0) {
                out.ascii(sep).ascii(PMD[i]);
                sep = ", ";
            }
        }
        int mau = m.shortAt(at + 3);
        out.ascii(sep.isEmpty() ? "none" : "").ascii("] (0x").hex(pmd, 4).ascii(")\n\t    MAU type ")
                .ascii(mau >= 1 && mau <= MAU.length ? MAU[mau - 1] : "Unknown").ascii(" (0x").hex(mau, 4).ch(')');
    }

    private static void capabilities(Out out, int caps) {
        TlvText.bitNames(out, caps, CAPABILITY_NAMES, "none");
    }

    private static String chassisSubtype(int s) {
        return switch (s) {
            case 1 -> "Chassis component";
            case 2 -> "Interface alias";
            case 3 -> "Port component";
            case 4 -> "MAC address";
            case 5 -> "Network address";
            case 6 -> "Interface name";
            case 7 -> "Local";
            default -> "Unknown";
        };
    }

    private static String portSubtype(int s) {
        return switch (s) {
            case 1 -> "Interface alias";
            case 2 -> "Port component";
            case 3 -> "MAC address";
            case 4 -> "Network Address";
            case 5 -> "Interface Name";
            case 6 -> "Agent circuit ID";
            case 7 -> "Local";
            default -> "Unknown";
        };
    }
}
