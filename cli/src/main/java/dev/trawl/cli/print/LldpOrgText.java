package dev.trawl.cli.print;

import static dev.trawl.cli.print.CheckedReads.need;
import static dev.trawl.cli.print.CheckedReads.textToNul;
import static dev.trawl.cli.print.CheckedReads.u16;
import static dev.trawl.cli.print.CheckedReads.u24;
import static dev.trawl.cli.print.CheckedReads.u32;
import static dev.trawl.cli.print.CheckedReads.u8;

import dev.trawl.decode.layer.Lldp;

/**
 * LLDP's organisation specific records as tcpdump prints them with {@code -v}: IEEE 802.1's (port and protocol
 * VLAN ids, VLAN names, protocol identities, link aggregation, and the data centre bridging records: congestion
 * notification, ETS configuration and recommendation, priority flow control, application priority, EVB and
 * CDCP), IEEE 802.3's (MAC/PHY, power via MDI, link aggregation, maximum frame size), IANA's MUD URL, ANSI/TIA's
 * LLDP-MED records and the DCBX 1.01 sub-records. Each value is read at offsets from the record's value, whose
 * first three bytes are the OUI; a read past the captured bytes throws {@link Truncated}. Stateless.
 */
final class LldpOrgText {
    private static final int OUI_IANA = 0x00005E;
    private static final int OUI_8021 = 0x0080C2;
    private static final int OUI_8023 = 0x00120F;
    private static final int OUI_TIA = 0x0012BB;
    private static final int OUI_DCBX = 0x001B21;

    private static final int[] SUPPORT_BITS = {0x02, 0x04};
    private static final int[] AGGREGATION_BITS = {0x01, 0x02};
    private static final String[] SUPPORT_NAMES = {"supported", "enabled"};
    /** The PMD auto-negotiation capabilities, from bit 14 down (bit 15, "other", is not named). */
    private static final String[] PMD = {"10BASE-T hdx", "10BASE-T fdx", "100BASE-T4", "100BASE-TX hdx",
        "100BASE-TX fdx", "100BASE-T2 hdx", "100BASE-T2 fdx", "Pause for fdx links", "Asym PAUSE for fdx",
        "Sym PAUSE for fdx", "Asym and Sym PAUSE for fdx", "1000BASE-{X LX SX CX} hdx", "1000BASE-{X LX SX CX} fdx",
        "1000BASE-T hdx", "1000BASE-T fdx"};
    /** MAU types 0 to 40 (RFC 3636). */
    private static final String[] MAU = {"Unknown", "AUI", "10BASE_5", "FOIRL", "10BASE2",
        "10BASET duplex mode unknown", "10BASEFP", "10BASEFB", "10BASEFL duplex mode unknown", "10BROAD36",
        "10BASET hdx", "10BASET fdx", "10BASEFL hdx", "10BASEFL fdx", "100BASET4", "100BASETX hdx",
        "100BASETX fdx", "100BASEFX hdx", "100BASEFX fdx", "100BASET2 hdx", "100BASET2 fdx", "1000BASEX hdx",
        "1000BASEX fdx", "1000BASELX hdx", "1000BASELX fdx", "1000BASESX hdx", "1000BASESX fdx", "1000BASECX hdx",
        "1000BASECX fdx", "1000BASET hdx", "1000BASET fdx", "10GBASEX", "10GBASELX4", "10GBASER", "10GBASEER",
        "10GBASELR", "10GBASESR", "10GBASEW", "10GBASEEW", "10GBASELW", "10GBASESW"};
    private static final String[] MDI_NAMES = {"PSE", "supported", "enabled", "can be controlled"};
    private static final String[] MED_CAPABILITIES = {"LLDP-MED capabilities", "network policy",
        "location identification", "extended power via MDI-PSE", "extended power via MDI-PD", "Inventory"};
    private static final String[] MED_DEVICE_TYPES = {null, "endpoint class 1", "endpoint class 2",
        "endpoint class 3", "network connectivity"};
    private static final String[] MED_APPLICATIONS = {null, "voice", "voice signaling", "guest voice",
        "guest voice signaling", "softphone voice", "video conferencing", "streaming video", "video signaling"};
    /** The network policy flags, in the order tcpdump lists them. */
    private static final int[] POLICY_BITS = {0x80, 0x40, 0x20};
    private static final String[] POLICY_NAMES = {"Unknown", "Tagged", "reserved"};
    private static final String[] MED_SUBTYPES = {null, "LLDP-MED Capabilities", "Network policy",
        "Location identification", "Extended power-via-MDI", "Inventory - hardware revision",
        "Inventory - firmware revision", "Inventory - software revision", "Inventory - serial number",
        "Inventory - manufacturer name", "Inventory - model name", "Inventory - asset ID"};
    private static final String[] INVENTORY = {"Hardware revision", "Firmware revision", "Software revision",
        "Serial number", "Manufacturer name", "Model name", "Asset ID"};
    private static final String[] LOCATION_FORMATS = {null, "coordinate-based LCI", "civic address LCI",
        "ECS ELIN"};
    private static final String[] ALTITUDE_TYPES = {null, "meters", "floors"};
    private static final String[] DATUMS = {null, "World Geodesic System 1984", "North American Datum 1983 (NAVD88)",
        "North American Datum 1983 (MLLW)"};
    private static final String[] LCI_WHAT = {"location of DHCP server",
        "location of the network element believed to be closest to the client", "location of the client"};
    private static final String[] CA_TYPES = {null,
        "national subdivisions (state,canton,region,province,prefecture)", "county, parish, gun, district",
        "city, township, shi", "city division, borough, city district, ward chou", "neighborhood, block", "street"};
    private static final String[] POWER_SOURCES = {null, "PSE - primary power source", "local - backup power source",
        "PSE+local - reserved"};
    private static final String[] POWER_PRIORITIES = {null, "critical", "high", "low"};
    private static final String[] EVB_MODES = {"Not Supported", "EVB Bridge", "EVB Station",
        "Reserved for future Standardization"};
    /** Tcpdump's limit below which an extended power value is tenths of a watt. */
    private static final int POWER_MAX = 1024;

    private LldpOrgText() {
    }

    /**
     * Prints an organisation record of {@code n} bytes at {@code at} after its header line; returns true when
     * tcpdump follows it with a dump of the record.
     */
    static boolean print(PrintContext c, Lldp m, int at, int n) {
        int oui = u24(m, at);
        c.out().ascii(": OUI ").ascii(ouiName(oui)).ascii(" (0x").hex(oui, 6).ch(')');
        return switch (oui) {
            case OUI_8021 -> ieee8021(c.out(), m, at, n);
            case OUI_8023 -> ieee8023(c.out(), m, at, n);
            case OUI_IANA -> iana(c.out(), m, at, n);
            case OUI_TIA -> tia(c.out(), m, at, n);
            case OUI_DCBX -> dcbx(c, m, at, n);
            default -> true;
        };
    }

    private static String ouiName(int oui) {
        return switch (oui) {
            case OUI_TIA -> "ANSI/TIA";
            case OUI_DCBX -> "DCBX";
            default -> LlcPrinter.ouiName(oui);
        };
    }

    private static void subtype(Out out, String name, int subtype) {
        out.ascii("\n\t  ").ascii(name).ascii(" Subtype (").num(subtype).ch(')');
    }

    private static boolean ieee8021(Out out, Lldp m, int at, int n) {
        if (n < 4) {
            return false;
        }
        int subtype = u8(m, at + 3);
        subtype(out, switch (subtype) {
            case 1 -> "Port VLAN Id";
            case 2 -> "Port and Protocol VLAN ID";
            case 3 -> "VLAN name";
            case 4 -> "Protocol Identity";
            case 7 -> "Link aggregation";
            case 8 -> "Congestion Notification";
            case 9 -> "ETS Configuration";
            case 10 -> "ETS Recommendation";
            case 11 -> "Priority Flow Control Configuration";
            case 12 -> "Application Priority";
            case 13 -> "EVB";
            case 14 -> "CDCP";
            default -> "unknown";
        }, subtype);
        switch (subtype) {
            case 1 -> {
                if (n >= 6) {
                    out.ascii("\n\t    port vlan id (PVID): ").num(u16(m, at + 4));
                }
            }
            case 2 -> {
                if (n >= 7) {
                    int flags = u8(m, at + 4);
                    out.ascii("\n\t    port and protocol vlan id (PPVID): ").num(u16(m, at + 5)).ascii(", flags [");
                    bits(out, flags, SUPPORT_BITS, SUPPORT_NAMES, "none");
                    out.ascii("] (0x").hex2(flags).ch(')');
                }
            }
            case 3 -> {
                if (n < 6) {
                    return false;
                }
                out.ascii("\n\t    vlan id (VID): ").num(u16(m, at + 4));
                if (n < 7) {
                    return false;
                }
                int nameLength = u8(m, at + 6);
                if (n >= 7 + nameLength) {
                    out.ascii("\n\t    vlan name: ");
                    textToNul(out, m, at + 7, nameLength);
                }
            }
            case 4 -> {
                if (n < 5) {
                    return false;
                }
                int idLength = u8(m, at + 4);
                if (n >= 5 + idLength) {
                    out.ascii("\n\t    protocol identity: ");
                    textToNul(out, m, at + 5, idLength);
                }
            }
            case 7 -> aggregation(out, m, at, n);
            case 8 -> {
                if (n >= 6) {
                    perPriority(out, "Pre-Priority CNPV Indicator", u8(m, at + 4));
                    perPriority(out, "Pre-Priority Ready Indicator", u8(m, at + 5));
                }
            }
            case 9 -> {
                if (n >= 25) {
                    int v = u8(m, at + 4);
                    out.ascii("\n\t    Willing:").num(v >>> 7).ascii(", CBS:").num((v >>> 6) & 0x02).ascii(", RES:")
                            .num((v >>> 3) & 0x07).ascii(", Max TCs:").num(v & 0x07);
                    etsTables(out, m, at);
                }
            }
            case 10 -> {
                if (n >= 25) {
                    out.ascii("\n\t    RES: ").num(u8(m, at + 4));
                    etsTables(out, m, at);
                }
            }
            case 11 -> {
                if (n >= 6) {
                    int v = u8(m, at + 4);
                    out.ascii("\n\t    Willing: ").num(v >>> 7).ascii(", MBC: ").num((v >>> 6) & 1).ascii(", RES: ")
                            .num((v >>> 4) & 3).ascii(", PFC cap:").num(v & 0x0F).ascii(" \n\t    PFC Enable");
                    int enabled = u8(m, at + 5);
                    out.ascii("\n\t     Priority : 0  1  2  3  4  5  6  7\n\t     Value    : ");
                    for (int i = 0; i < 8; i++) {
                        out.num((enabled >>> i) & 1).ascii("  ");
                    }
                }
            }
            case 12 -> applicationPriority(out, m, at, n);
            case 13 -> {
                if (n >= 9) {
                    evb(out, m, at);
                }
            }
            case 14 -> {
                if (n >= 8) {
                    int v = u8(m, at + 4);
                    out.ascii("\n\t    Role: ").num(v >>> 7).ascii(", RES: ").num((v >>> 4) & 7).ascii(", Scomp: ")
                            .num((v >>> 3) & 1).ascii(" ChnCap: ").num(u16(m, at + 6) & 0x0FFF);
                    int rest = n - 8;
                    if (rest % 3 == 0) {
                        for (int i = 0; i < rest; i += 3) {
                            int e = u24(m, at + 8 + i);
                            out.ascii("\n\t    SCID: ").num(e >>> 12).ascii(", SVID: ").num(e & 0xFFF);
                        }
                    }
                }
            }
            default -> {
                return true;
            }
        }
        return false;
    }

    private static void aggregation(Out out, Lldp m, int at, int n) {
        if (n >= 9) {
            int status = u8(m, at + 4);
            long port = u32(m, at + 5);
            out.ascii("\n\t    aggregation status [");
            bits(out, status, AGGREGATION_BITS, SUPPORT_NAMES, "none");
            out.ascii("], aggregation port ID ").num(port);
        }
    }

    /** An eight-bit per-priority indicator as tcpdump tabulates it. */
    private static void perPriority(Out out, String title, int v) {
        out.ascii("\n\t    ").ascii(title).ascii("\n\t     Priority : 0  1  2  3  4  5  6  7\n\t     Value    : ");
        for (int i = 0; i < 8; i++) {
            out.num((v >>> i) & 1).ascii("  ");
        }
    }

    /** The priority assignment, bandwidth and selection algorithm tables of an ETS record. */
    private static void etsTables(Out out, Lldp m, int at) {
        need(m, at + 5, 20);
        out.ascii("\n\t    Priority Assignment Table\n\t     Priority : 0   1   2   3   4   5   6   7\n\t     Value    : ");
        for (int i = 0; i < 8; i++) {
            int b = m.byteAt(at + 5 + i / 2);
            column(out, (i & 1) == 0 ? b >>> 4 : b & 0x0F, i == 7);
        }
        out.ascii("\n\t    TC Bandwidth Table\n\t     TC%   : 0   1   2   3   4   5   6   7\n\t     Value : ");
        for (int i = 0; i < 8; i++) {
            column(out, m.byteAt(at + 9 + i), i == 7);
        }
        out.ascii("\n\t    TSA Assignment Table\n\t     Traffic Class: 0   1   2   3   4   5   6   7"
                + "\n\t     Value        : ");
        for (int i = 0; i < 8; i++) {
            column(out, m.byteAt(at + 17 + i), i == 7);
        }
    }

    /** A number left-aligned in three columns ({@code %-3d}), then a space unless it is the last. */
    private static void column(Out out, int v, boolean last) {
        out.num(v);
        for (int w = v < 10 ? 1 : v < 100 ? 2 : 3; w < 3; w++) {
            out.ch(' ');
        }
        if (!last) {
            out.ch(' ');
        }
    }

    private static void applicationPriority(Out out, Lldp m, int at, int n) {
        if (n < 5) {
            return;
        }
        out.ascii("\n\t    RES: ").num(u8(m, at + 4));
        int table = n - 5;
        if (table == 0 || table % 3 != 0) {
            return;
        }
        out.ascii("\n\t    Application Priority Table");
        for (int i = 0; i < table; i += 3) {
            int v = u8(m, at + 5 + i);
            int protocol = u16(m, at + 6 + i);
            out.ascii("\n\t      Priority: ").num(v >>> 5).ascii(", RES: ").num((v >>> 3) & 3).ascii(", Sel: ")
                    .num(v & 7).ascii(", Protocol ID: ").num(protocol);
        }
    }

    private static void evb(Out out, Lldp m, int at) {
        int v = u8(m, at + 4);
        out.ascii("\n\t    EVB Bridge Status\n\t      RES: ").num(v >>> 3).ascii(", BGID: ").num((v >>> 2) & 1)
                .ascii(", RRCAP: ").num((v >>> 1) & 1).ascii(", RRCTR: ").num(v & 1);
        v = u8(m, at + 5);
        out.ascii("\n\t    EVB Station Status\n\t      RES: ").num(v >>> 4).ascii(", SGID: ").num((v >>> 3) & 1)
                .ascii(", RRREQ: ").num((v >>> 2) & 1).ascii(",RRSTAT: ").num(v & 3);
        v = u8(m, at + 6);
        out.ascii("\n\t    R: ").num(v >>> 5).ascii(", RTE: ").num(v & 0x1F).ascii(", ");
        v = u8(m, at + 7);
        out.ascii("EVB Mode: ").ascii(EVB_MODES[v >>> 6]).ascii(" [").num(v >>> 6).ascii("]\n\t    ROL: ")
                .num((v >>> 5) & 1).ascii(", RWD: ").num(v & 0x1F).ascii(", ");
        v = u8(m, at + 8);
        out.ascii("RES: ").num(v >>> 6).ascii(", ROL: ").num((v >>> 5) & 1).ascii(", RKA: ").num(v & 0x1F);
    }

    private static boolean ieee8023(Out out, Lldp m, int at, int n) {
        if (n < 4) {
            return false;
        }
        int subtype = u8(m, at + 3);
        subtype(out, switch (subtype) {
            case 1 -> "MAC/PHY configuration/status";
            case 2 -> "Power via MDI";
            case 3 -> "Link aggregation";
            case 4 -> "Max frame size";
            default -> "unknown";
        }, subtype);
        switch (subtype) {
            case 1 -> {
                if (n >= 9) {
                    macPhy(out, m, at + 4);
                }
            }
            case 2 -> {
                if (n >= 7) {
                    int support = u8(m, at + 4);
                    int pair = u8(m, at + 5);
                    int power = u8(m, at + 6);
                    out.ascii("\n\t    MDI power support [");
                    TlvText.bitNames(out, support, MDI_NAMES, "none");
                    out.ascii("], power pair ").ascii(pair == 1 ? "signal" : pair == 2 ? "spare" : "unknown")
                            .ascii(", power class ").ascii(power >= 1 && power <= 5 ? "class" + (power - 1) : "unknown");
                }
            }
            case 3 -> aggregation(out, m, at, n);
            case 4 -> {
                if (n >= 6) {
                    out.ascii("\n\t    MTU size ").num(u16(m, at + 4));
                }
            }
            default -> {
                return true;
            }
        }
        return false;
    }

    /** IEEE 802.3's MAC/PHY configuration record: auto-negotiation, its capabilities and the MAU type. */
    private static void macPhy(Out out, Lldp m, int at) {
        int autoneg = u8(m, at);
        int pmd = u16(m, at + 1);
        int mau = u16(m, at + 3);
        out.ascii("\n\t    autonegotiation [");
        bits(out, autoneg, AGGREGATION_BITS, SUPPORT_NAMES, "none");
        out.ascii("] (0x").hex2(autoneg).ascii(")\n\t    PMD autoneg capability [");
        String sep = "";
        for (int i = 0; i < PMD.length; i++) {
            if ((pmd & (1 << (14 - i))) != 0) {
                out.ascii(sep).ascii(PMD[i]);
                sep = ", ";
            }
        }
        out.ascii(sep.isEmpty() ? "unknown" : "").ascii("] (0x").hex(pmd, 4).ascii(")\n\t    MAU type ")
                .ascii(mau < MAU.length ? MAU[mau] : "unknown").ascii(" (0x").hex(mau, 4).ch(')');
    }

    private static boolean iana(Out out, Lldp m, int at, int n) {
        if (n < 8) {
            return false;
        }
        int subtype = u8(m, at + 3);
        subtype(out, subtype == 1 ? "MUD-URL" : "unknown", subtype);
        if (subtype != 1) {
            return true;
        }
        out.ascii("\n\t  MUD-URL=");
        for (int i = 4; i < n; i++) {
            VrrpPrinter.printable(out, u8(m, at + i));
        }
        return false;
    }

    private static boolean tia(Out out, Lldp m, int at, int n) {
        if (n < 4) {
            return false;
        }
        int subtype = u8(m, at + 3);
        subtype(out, name(MED_SUBTYPES, subtype, "unknown"), subtype);
        switch (subtype) {
            case 1 -> {
                if (n >= 7) {
                    int caps = u16(m, at + 4);
                    out.ascii("\n\t    Media capabilities [");
                    TlvText.bitNames(out, caps, MED_CAPABILITIES, "none");
                    int type = u8(m, at + 6);
                    out.ascii("] (0x").hex(caps, 4).ascii(")\n\t    Device type [")
                            .ascii(name(MED_DEVICE_TYPES, type, "unknown")).ascii("] (0x").hex2(type).ch(')');
                }
            }
            case 2 -> {
                if (n >= 8) {
                    int app = u8(m, at + 4);
                    out.ascii("\n\t    Application type [").ascii(name(MED_APPLICATIONS, app, "none")).ascii("] (0x")
                            .hex2(app).ch(')');
                    int flags = u8(m, at + 5);
                    out.ascii(", Flags [");
                    bits(out, flags, POLICY_BITS, POLICY_NAMES, "none");
                    int vlan = u16(m, at + 5);
                    int prio = u16(m, at + 6);
                    out.ascii("]\n\t    Vlan id ").num((vlan & 0x1FFE) >>> 1).ascii(", L2 priority ")
                            .num((prio & 0x01FF) >>> 6).ascii(", DSCP value ").num(prio & 0x3F);
                }
            }
            case 3 -> location(out, m, at, n);
            case 4 -> {
                if (n >= 7) {
                    int v = u8(m, at + 4);
                    out.ascii("\n\t    Power type [").ascii((v & 3) != 0 ? "PD device" : "PSE device")
                            .ascii("], Power source [").ascii(name(POWER_SOURCES, (v & 0x30) >>> 4, "none"))
                            .ascii("]\n\t    Power priority [").ascii(name(POWER_PRIORITIES, v & 0x0F, "none"))
                            .ascii("] (0x").hex2(v & 0x0F).ch(')');
                    int power = u16(m, at + 5);
                    if (power < POWER_MAX) {
                        out.ascii(", Power ").num(power / 10).ch('.').num(power % 10).ascii(" Watts");
                    } else {
                        out.ascii(", Power ").num(power).ascii(" (Reserved)");
                    }
                }
            }
            case 5, 6, 7, 8, 9, 10, 11 -> {
                out.ascii("\n\t  ").ascii(INVENTORY[subtype - 5]).ch(' ');
                textToNul(out, m, at + 4, n - 4);
            }
            default -> {
                return true;
            }
        }
        return false;
    }

    /** An LLDP-MED location record: coordinates, a civic address or an emergency number. */
    private static void location(Out out, Lldp m, int at, int n) {
        if (n < 5) {
            return;
        }
        int format = u8(m, at + 4);
        out.ascii("\n\t    Location data format ").ascii(name(LOCATION_FORMATS, format, "unknown")).ascii(" (0x")
                .hex2(format).ch(')');
        switch (format) {
            case 1 -> {
                if (n < 21) {
                    return;
                }
                out.ascii("\n\t    Latitude resolution ").num(u8(m, at + 5) >>> 2).ascii(", latitude value ")
                        .num(latLon(m, at + 5));
                out.ascii("\n\t    Longitude resolution ").num(u8(m, at + 10) >>> 2).ascii(", longitude value ")
                        .num(latLon(m, at + 10));
                int altitudeType = u8(m, at + 15) >>> 4;
                out.ascii("\n\t    Altitude type ").ascii(name(ALTITUDE_TYPES, altitudeType, "unknown")).ascii(" (")
                        .num(altitudeType).ch(')');
                int resolution = (u16(m, at + 15) >>> 6) & 0x3F;
                long altitude = u32(m, at + 16) & 0x3FFF_FFFFL;
                out.ascii("\n\t    Altitude resolution ").num(resolution).ascii(", altitude value 0x").hex(altitude);
                int datum = u8(m, at + 20);
                out.ascii("\n\t    Datum ").ascii(name(DATUMS, datum, "unknown")).ascii(" (0x").hex2(datum).ch(')');
            }
            case 2 -> civicAddress(out, m, at, n);
            case 3 -> {
                out.ascii("\n\t    ECS ELIN id ");
                textToNul(out, m, at + 5, n - 5);
            }
            default -> {
                out.ascii("\n\t    Location ID ");
                TlvText.dump(out, m, at + 5, n - 5, "\n\t      ");
            }
        }
    }

    /** The 34-bit latitude or longitude at {@code at}. */
    private static long latLon(Lldp m, int at) {
        return (long) (u8(m, at) & 3) << 32 | u32(m, at + 1);
    }

    private static void civicAddress(Out out, Lldp m, int at, int n) {
        if (n < 6) {
            return;
        }
        int lci = u8(m, at + 5);
        if (lci < 3 || n < 7 + lci) {
            return;
        }
        int what = u8(m, at + 6);
        out.ascii("\n\t    LCI length ").num(lci).ascii(", LCI what ").ascii(name(LCI_WHAT, what, "unknown"))
                .ascii(" (0x").hex2(what).ascii("), Country-code ");
        textToNul(out, m, at + 7, 2);
        int left = lci - 3;
        int p = at + 9;
        while (left > 0) {
            if (left < 2) {
                return;
            }
            int type = u8(m, p);
            int length = u8(m, p + 1);
            p += 2;
            left -= 2;
            out.ascii("\n\t      CA type '").ascii(name(CA_TYPES, type, "unknown")).ascii("' (").num(type)
                    .ascii("), length ").num(length).ascii(": ");
            if (type == 0 || length == 0 || left < length) {
                return;
            }
            textToNul(out, m, p, length);
            p += length;
            left -= length;
        }
    }

    /**
     * The DCBX 1.01 record: its sub-records (control, priority groups, priority flow control, application),
     * walked until one of type or length 0, or one that does not fit, where tcpdump stops without a marker.
     */
    private static boolean dcbx(PrintContext c, Lldp m, int at, int n) {
        Out out = c.out();
        if (n < 4) {
            return false;
        }
        int subtype = u8(m, at + 3);
        subtype(out, switch (subtype) {
            case 1 -> "DCB Capability Exchange Protocol Rev 1";
            case 2 -> "DCB Capability Exchange Protocol Rev 1.01";
            default -> "unknown";
        }, subtype);
        if (subtype == 1) {
            return true;
        }
        int p = at + 4;
        int left = n - 4;
        boolean dump = false;
        while (left >= 2) {
            int header = u16(m, p);
            int type = header >>> 9;
            int length = header & 0x1FF;
            dump = false;
            left -= 2;
            p += 2;
            if (type == 0 || length == 0 || !m.has(p, length) || left < length) {
                break;
            }
            switch (type) {
                case 1 -> {
                    if (length < 10) {
                        return false;
                    }
                    out.ascii("\n\t    Control - Protocol Control (type 0x1, length ").num(length).ch(')');
                    versions(out, m, p);
                    out.ascii("\n\t      Sequence Number: ").num(u32(m, p + 2))
                            .ascii("\n\t      Acknowledgement Number: ").num(u32(m, p + 6));
                }
                case 2 -> {
                    if (length < 17) {
                        return false;
                    }
                    out.ascii("\n\t    Feature - Priority Group (type 0x2, length ").num(length).ch(')');
                    feature(out, m, p);
                    out.ascii("\n\t      Priority Allocation");
                    long groups = u32(m, p + 4);
                    for (int i = 0; i < 8; i++) {
                        out.ascii("\n\t          PgId_").num(i).ascii(": ").num((groups >>> (28 - 4 * i)) & 0xF);
                    }
                    out.ascii("\n\t      Priority Group Allocation");
                    for (int i = 0; i < 8; i++) {
                        out.ascii("\n\t          Pg percentage[").num(i).ascii("]: ").num(u8(m, p + 8 + i));
                    }
                    out.ascii("\n\t      NumTCsSupported: ").num(u8(m, p + 16));
                }
                case 3 -> {
                    if (length < 6) {
                        return false;
                    }
                    out.ascii("\n\t    Feature - Priority Flow Control (type 0x3, length ").num(length).ch(')');
                    feature(out, m, p);
                    int config = u8(m, p + 4);
                    out.ascii("\n\t      PFC Config (0x");
                    upperHex2(out, config);
                    out.ch(')');
                    for (int i = 0; i < 8; i++) {
                        out.ascii("\n\t          Priority Bit ").num(i).ascii(": ")
                                .ascii((config & (1 << i)) != 0 ? "Enabled" : "Disabled");
                    }
                    out.ascii("\n\t      NumTCPFCSupported: ").num(u8(m, p + 5));
                }
                case 4 -> {
                    if (length < 4) {
                        return false;
                    }
                    out.ascii("\n\t    Feature - Application (type 0x4, length ").num(length).ch(')');
                    feature(out, m, p);
                    for (int q = p + 4, rest = length - 4; rest >= 6; q += 6, rest -= 6) {
                        out.ascii("\n\t      Application Value\n\t          Application Protocol ID: 0x")
                                .hex(u16(m, q), 4);
                        int v = u24(m, q + 2);
                        out.ascii("\n\t          SF (0x").hex(v >>> 22).ascii(") Application Protocol ID is ")
                                .ascii((v >>> 22) != 0 ? "Socket Number" : "L2 EtherType")
                                .ascii("\n\t          OUI: 0x").hex(v & 0x3FFFFF, 6)
                                .ascii("\n\t          User Priority Map: 0x").hex2(u8(m, q + 5));
                    }
                }
                default -> dump = true;
            }
            if (c.verbose() > 1 || dump) {
                TlvText.dump(out, m, p, length, "\n\t    ");
            }
            left -= length;
            p += length;
        }
        return dump;
    }

    private static void versions(Out out, Lldp m, int p) {
        out.ascii("\n\t      Oper_Version: ").num(u8(m, p)).ascii("\n\t      Max_Version: ").num(u8(m, p + 1));
    }

    /** The versions, info block and subtype that open a DCBX feature sub-record. */
    private static void feature(Out out, Lldp m, int p) {
        versions(out, m, p);
        int info = u8(m, p + 2);
        out.ascii("\n\t      Info block(0x");
        upperHex2(out, info);
        out.ascii("): Enable bit: ").num((info >>> 7) & 1).ascii(", Willing bit: ").num((info >>> 6) & 1)
                .ascii(", Error Bit: ").num((info >>> 5) & 1).ascii("\n\t      SubType: ").num(u8(m, p + 3));
    }

    private static void upperHex2(Out out, int b) {
        out.ch(Character.toUpperCase(Character.forDigit(b >>> 4, 16)))
                .ch(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }

    /** Names of the bits of {@code value} as tcpdump's {@code bittok2str}: {@code bits[i]} is named {@code names[i]}. */
    private static void bits(Out out, int value, int[] bits, String[] names, String none) {
        String sep = "";
        for (int i = 0; i < bits.length; i++) {
            if ((value & bits[i]) != 0) {
                out.ascii(sep).ascii(names[i]);
                sep = ", ";
            }
        }
        if (sep.isEmpty()) {
            out.ascii(none);
        }
    }

    private static String name(String[] names, int i, String otherwise) {
        return i >= 0 && i < names.length && names[i] != null ? names[i] : otherwise;
    }
}
