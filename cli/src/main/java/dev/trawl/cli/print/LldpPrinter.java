package dev.trawl.cli.print;

import static dev.trawl.cli.print.CheckedReads.need;
import static dev.trawl.cli.print.CheckedReads.textToNul;
import static dev.trawl.cli.print.CheckedReads.u16;
import static dev.trawl.cli.print.CheckedReads.u32;
import static dev.trawl.cli.print.CheckedReads.u8;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Lldp;

/**
 * LLDP as tcpdump prints it: without {@code -v} {@code LLDP, length 282: S2.cisco.com}, the system name when the
 * message carries one; with it a line per record: chassis and port ids by subtype, time to live, descriptions,
 * names, capabilities, management addresses with their interface numbering and OID, and the organisation
 * records {@link LldpOrgText} decodes; records tcpdump does not decode are dumped, and with {@code -vv} every
 * record is. The walk stops at an end record or a record of length 0, and where the captured bytes or the
 * stated length end inside a record tcpdump's {@code [|lldp]} is written. Not thread-safe.
 */
final class LldpPrinter implements LayerPrinter {
    private static final int CHASSIS_ID = 1;
    private static final int PORT_ID = 2;
    private static final int TTL = 3;
    private static final int PORT_DESCRIPTION = 4;
    private static final int SYSTEM_NAME = 5;
    private static final int SYSTEM_DESCRIPTION = 6;
    private static final int CAPABILITIES = 7;
    private static final int MANAGEMENT_ADDRESS = 8;
    private static final int ORGANIZATION = 127;
    /** The interface numbering of a management address record: a subtype and a 32-bit number. */
    private static final int INTERFACE_NUMBERING = 5;
    private static final String[] CAPABILITY_NAMES = {"Other", "Repeater", "Bridge", "WLAN AP", "Router",
        "Telephone", "Docsis", "Station Only"};

    private final Lldp lldp = new Lldp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Lldp m = lldp.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        int length = c.wireLength(layer);
        c.out().ascii("LLDP, length ").num(length);
        try {
            records(c, m, length);
        } catch (Truncated t) {
            c.truncated("lldp");
        }
    }

    private static void records(PrintContext c, Lldp m, int length) {
        Out out = c.out();
        boolean verbose = c.verbose() > 0;
        int at = 0;
        int left = length;
        while (left >= 2) {
            need(m, at, 2);
            int type = m.tlvType(at);
            int n = m.tlvLength(at);
            at += 2;
            left -= 2;
            if (verbose) {
                out.ascii("\n\t").ascii(typeName(type)).ascii(" TLV (").num(type).ascii("), length ").num(n);
            }
            if (type == Lldp.END || n == 0) {
                return;
            }
            need(m, at, n);
            if (left < n) {
                throw Truncated.INSTANCE;
            }
            boolean dump = false;
            if (type == SYSTEM_NAME) {
                out.ascii(": ");
                textToNul(out, m, at, n);
            } else if (verbose) {
                dump = record(c, m, type, at, n);
            }
            if (c.verbose() > 1 || (verbose && dump)) {
                TlvText.dump(out, m, at, n, "\n\t  ");
            }
            at += n;
            left -= n;
        }
    }

    /** Prints the value of a record with {@code -v}; true when tcpdump dumps it as well. */
    private static boolean record(PrintContext c, Lldp m, int type, int at, int n) {
        Out out = c.out();
        switch (type) {
            case CHASSIS_ID, PORT_ID -> {
                return id(c, m, type == CHASSIS_ID, at, n);
            }
            case TTL -> {
                if (n < 2) {
                    throw Truncated.INSTANCE;
                }
                out.ascii(": TTL ").num(u16(m, at)).ch('s');
            }
            case PORT_DESCRIPTION -> {
                out.ascii(": ");
                textToNul(out, m, at, n);
            }
            case SYSTEM_DESCRIPTION -> {
                out.ascii("\n\t  ");
                textToNul(out, m, at, n);
            }
            case CAPABILITIES -> {
                if (n < 4) {
                    throw Truncated.INSTANCE;
                }
                int system = u16(m, at);
                int enabled = u16(m, at + 2);
                out.ascii("\n\t  System  Capabilities [");
                TlvText.bitNames(out, system, CAPABILITY_NAMES, "none");
                out.ascii("] (0x").hex(system, 4).ascii(")\n\t  Enabled Capabilities [");
                TlvText.bitNames(out, enabled, CAPABILITY_NAMES, "none");
                out.ascii("] (0x").hex(enabled, 4).ch(')');
            }
            case MANAGEMENT_ADDRESS -> {
                if (!managementAddress(c, m, at, n)) {
                    throw Truncated.INSTANCE;
                }
            }
            case ORGANIZATION -> {
                if (n < 3) {
                    throw Truncated.INSTANCE;
                }
                return LldpOrgText.print(c, m, at, n);
            }
            default -> {
                return true;
            }
        }
        return false;
    }

    /** A chassis or port id: its subtype, then a MAC address, a network address or text. */
    private static boolean id(PrintContext c, Lldp m, boolean chassis, int at, int n) {
        Out out = c.out();
        if (n < 2) {
            throw Truncated.INSTANCE;
        }
        int subtype = u8(m, at);
        out.ascii("\n\t  Subtype ").ascii(chassis ? chassisSubtype(subtype) : portSubtype(subtype)).ascii(" (")
                .num(subtype).ascii("): ");
        int mac = chassis ? 4 : 3;
        int network = chassis ? 5 : 4;
        if (subtype == mac) {
            if (n < 7) {
                throw Truncated.INSTANCE;
            }
            c.mac(m.macAt(at + 1));
        } else if (subtype == network) {
            if (!networkAddress(c, m, at + 1, n - 1, "")) {
                throw Truncated.INSTANCE;
            }
        } else if (subtype >= 1 && subtype <= 7) {
            textToNul(out, m, at + 1, n - 1);
        } else {
            return true;
        }
        return false;
    }

    /**
     * Writes {@code prefix} and an address family with its address ({@code AFI IPv4 (1): 192.0.2.1}), or
     * returns false and writes nothing when the {@code n} bytes at {@code at} are too short for the address.
     */
    private static boolean networkAddress(PrintContext c, Lldp m, int at, int n, String prefix) {
        if (n < 1) {
            return false;
        }
        int af = u8(m, at);
        int size = switch (af) {
            case 1 -> 4;
            case 2 -> 16;
            case 6 -> 6;
            default -> 0;
        };
        if (n - 1 < size) {
            return false;
        }
        Out out = c.out();
        out.ascii(prefix).ascii("AFI ").ascii(BgpPrinter.afiName(af, "Unknown")).ascii(" (").num(af).ch(')');
        switch (af) {
            case 1 -> {
                out.ascii(": ");
                c.ipv4((int) m.intAt(at + 1));
            }
            case 2 -> {
                byte[] a = c.addressScratch();
                for (int i = 0; i < 16; i++) {
                    a[i] = (byte) m.byteAt(at + 1 + i);
                }
                out.ascii(": ");
                c.ipv6(a);
            }
            case 6 -> {
                out.ascii(": ");
                c.mac(m.macAt(at + 1));
            }
            default -> out.ascii(", no AF printer !");
        }
        return true;
    }

    /** A management address record; false where tcpdump finds it too short and stops. */
    private static boolean managementAddress(PrintContext c, Lldp m, int at, int n) {
        Out out = c.out();
        if (n < 1) {
            return false;
        }
        int addressLength = u8(m, at);
        at++;
        n--;
        if (n < addressLength) {
            return false;
        }
        if (!networkAddress(c, m, at, addressLength, "\n\t  Management Address length " + addressLength + ", ")) {
            return false;
        }
        at += addressLength;
        n -= addressLength;
        if (n < INTERFACE_NUMBERING) {
            return false;
        }
        int subtype = u8(m, at);
        long number = u32(m, at + 1);
        out.ascii("\n\t  ").ascii(switch (subtype) {
            case 2 -> "Interface Index";
            case 3 -> "System Port Number";
            default -> "Unknown";
        }).ascii(" Interface Numbering (").num(subtype).ascii("): ").num(number);
        at += INTERFACE_NUMBERING;
        n -= INTERFACE_NUMBERING;
        if (n > 0) {
            int oidLength = u8(m, at);
            if (n < 1 + oidLength) {
                return false;
            }
            if (oidLength > 0) {
                out.ascii("\n\t  OID length ").num(oidLength);
                textToNul(out, m, at + 1, oidLength);
            }
        }
        return true;
    }

    private static String typeName(int type) {
        return switch (type) {
            case Lldp.END -> "End";
            case CHASSIS_ID -> "Chassis ID";
            case PORT_ID -> "Port ID";
            case TTL -> "Time to Live";
            case PORT_DESCRIPTION -> "Port Description";
            case SYSTEM_NAME -> "System Name";
            case SYSTEM_DESCRIPTION -> "System Description";
            case CAPABILITIES -> "System Capabilities";
            case MANAGEMENT_ADDRESS -> "Management Address";
            case ORGANIZATION -> "Organization specific";
            default -> "Unknown";
        };
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
