package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Lmp;

/**
 * LMP as tcpdump prints it: {@code LMPv1 Config Message, length: 40}; with {@code -v} the common header and one
 * line per object ({@code Data Link Object (12), Class-Type: IPv4 (1) Flags: [non-negotiable], length: 20}) with
 * its fields below: control channel, node, link and interface ids, hello and verify parameters, TE and data
 * links with their subobjects, channel status, error codes and the UNI service configuration. Objects it does not
 * decode print as a hex dump; a message that runs past its stated length or the captured bytes ends as tcpdump
 * ends it. Not thread-safe.
 */
final class LmpPrinter implements LayerPrinter {
    private static final int CC_ID = 1;
    private static final int NODE_ID = 2;
    private static final int LINK_ID = 3;
    private static final int INTERFACE_ID = 4;
    private static final int MESSAGE_ID = 5;
    private static final int CONFIG = 6;
    private static final int HELLO = 7;
    private static final int VERIFY_BEGIN = 8;
    private static final int VERIFY_BEGIN_ACK = 9;
    private static final int VERIFY_ID = 10;
    private static final int TE_LINK = 11;
    private static final int DATA_LINK = 12;
    private static final int CHANNEL_STATUS = 13;
    private static final int CHANNEL_STATUS_REQUEST = 14;
    private static final int ERROR_CODE = 20;
    private static final int SERVICE_CONFIG = 51;

    private static final String[] MESSAGE_TYPES = {null, "Config", "Config ACK", "Config NACK", "Hello",
        "Begin Verify", "Begin Verify ACK", "Begin Verify NACK", "End Verify", "End Verify ACK", "Test",
        "Test Status Success", "Test Status Failure", "Test Status ACK", "Link Summary", "Link Summary ACK",
        "Link Summary NACK", "Channel Status", "Channel Status ACK", "Channel Status Request",
        "Channel Status Response"};
    private static final String[] OBJECTS = {null, "Control Channel ID", "Node ID", "Link ID", "Interface ID",
        "Message ID", "Configuration", "Hello", "Verify Begin", "Verify Begin ACK", "Verify ID", "TE Link",
        "Data Link", "Channel Status", "Channel Status Request"};
    private static final String[] ADDRESSED = {null, "IPv4 Local", "IPv4 Remote", "IPv6 Local", "IPv6 Remote",
        "Unnumbered Local", "Unnumbered Remote"};
    private static final String[] LINKS = {null, "IPv4", "IPv6", "Unnumbered"};
    private static final long[] ONE_TWO_FOUR = {0x01, 0x02, 0x04};
    private static final long[] SIX_BITS = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20};
    private static final String[] HEADER_FLAGS = {"Control Channel Down", "LMP restart"};
    private static final String[] TE_LINK_FLAGS = {"Fault Management Supported", "Link Verification Supported"};
    private static final String[] DATA_LINK_FLAGS = {"Data Link Port", "Allocated for user traffic", "Failed link"};
    private static final String[] VERIFY_FLAGS = {"Verify all links", "Data link type"};
    private static final String[] VERIFY_ERRORS = {"Link Verification Procedure Not supported",
        "Unwilling to verify", "Unsupported verification transport mechanism", "Link-Id configuration error",
        "Unknown object c-type"};
    private static final String[] SUMMARY_ERRORS = {"Unacceptable non-negotiable LINK-SUMMARY parameters",
        "Renegotiate LINK-SUMMARY parameters", "Invalid TE-LINK Object", "Invalid DATA-LINK Object",
        "Unknown TE-LINK Object c-type", "Unknown DATA-LINK Object c-type"};
    private static final String[] CHANNEL_STATUS_NAMES = {null, "Signal Okay", "Signal Degraded", "Signal Fail"};
    private static final String[] PROTOCOLS = {"RSVP Supported", "LDP Supported"};
    private static final String[] TRANSPARENCY = {"Path/VC Overhead Transparency Supported",
        "Line/MS Overhead Transparency Supported", "Section/RS Overhead Transparency Supported"};
    private static final String[] CONCATENATION = {"Contiguous Concatenation Types Supported"};
    private static final String[] NSA_TRANSPARENCY = {"Standard SOH/RSOH Transparency Supported",
        "Standard LOH/MSOH Transparency Supported"};
    private static final String[] TCM = {"Transparent Tandem Connection Monitoring Supported"};
    private static final String[] DIVERSITY = {"Node Diversity Supported", "Link Diversity Supported",
        "SRLG Diversity Supported"};
    private static final String[] SDH_SIGNALS = {"VC-3", "VC-4", "STM-0", "STM-1", "STM-4", "STM-16", "STM-64",
        "STM-256"};
    private static final String[] SONET_SIGNALS = {"STS-1 SPE", "STS-3c SPE", "STS-1", "STM-3", "STM-12",
        "STM-48", "STM-192", "STM-768"};

    private final Lmp view = new Lmp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Lmp m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        try {
            message(c, m, ApplicationPrinters.udpPayload(c, layer));
        } catch (Truncated t) {
            c.truncated("lmp");
        }
    }

    private static void message(PrintContext c, Lmp m, int length) {
        Out out = c.out();
        need(m, 0, Lmp.HEADER_LENGTH);
        if (m.version() != 1) {
            out.ascii("LMP version ").num(m.version()).ascii(" packet not supported");
            return;
        }
        int type = m.messageType();
        String name = messageType(type);
        if (c.verbose() < 1) {
            out.ascii("LMPv1 ");
            if (name != null) {
                out.ascii(name);
            } else {
                out.ascii("unknown (").num(type).ch(')');
            }
            out.ascii(" Message, length: ").num(length);
            return;
        }
        int total = m.messageLength();
        out.ascii("\n\tLMPv1, msg-type: ");
        if (name != null) {
            out.ascii(name);
        } else {
            out.ascii("unknown, type: ").num(type);
        }
        out.ascii(", Flags: [");
        GmplsText.flags(out, m.flags(), new long[] {1, 2}, HEADER_FLAGS, "none");
        out.ascii("], length: ").num(total);
        if (total < Lmp.HEADER_LENGTH) {
            out.ascii(" (too short)");
            return;
        }
        if (total > length) {
            out.ascii(" (too long)");
            total = length;
        }
        int at = Lmp.HEADER_LENGTH;
        int left = total - Lmp.HEADER_LENGTH;
        while (left > 0) {
            need(m, at, 4);
            int objectLength = m.shortAt(at + 2);
            int ctype = m.byteAt(at) & 0x7f;
            int cls = m.byteAt(at + 1);
            out.ascii("\n\t  ").ascii(objectName(cls)).ascii(" Object (").num(cls).ascii("), Class-Type: ")
                    .ascii(classType(cls, ctype)).ascii(" (").num(ctype).ascii(") Flags: [")
                    .ascii((m.byteAt(at) & 0x80) != 0 ? "" : "non-").ascii("negotiable], length: ")
                    .num(objectLength);
            if (objectLength < 4) {
                out.ascii(" (too short)");
                return;
            }
            if (objectLength % 4 != 0) {
                out.ascii(" (not a multiple of 4)");
                return;
            }
            need(m, at, objectLength);
            int o = at + 4;
            int len = objectLength - 4;
            boolean hexdump = object(c, m, cls, ctype, o, len);
            if (c.verbose() > 1 || hexdump) {
                TlvText.dump(out, m, o, len, "\n\t    ");
            }
            if (left < objectLength) {
                out.ascii(" [remaining objects length ").num(left).ascii(" < ").num(objectLength).ascii("]")
                        .ascii(" (invalid)");
                return;
            }
            at += objectLength;
            left -= objectLength;
        }
    }

    private static String messageType(int type) {
        if (type < MESSAGE_TYPES.length) {
            return MESSAGE_TYPES[type];
        }
        return switch (type) {
            case 50 -> "Service Config";
            case 51 -> "Service Config ACK";
            case 52 -> "Service Config NACK";
            default -> null;
        };
    }

    private static String objectName(int cls) {
        if (cls < OBJECTS.length && OBJECTS[cls] != null) {
            return OBJECTS[cls];
        }
        return switch (cls) {
            case ERROR_CODE -> "Error Code";
            case SERVICE_CONFIG -> "Service Config";
            default -> "Unknown";
        };
    }

    private static String classType(int cls, int ctype) {
        String name = switch (cls) {
            case CC_ID, NODE_ID -> ctype == 1 ? "Local" : ctype == 2 ? "Remote" : null;
            case LINK_ID, INTERFACE_ID -> ctype < ADDRESSED.length ? ADDRESSED[ctype] : null;
            case MESSAGE_ID, ERROR_CODE -> ctype == 1 ? "1" : ctype == 2 ? "2" : null;
            case CONFIG, HELLO, VERIFY_BEGIN, VERIFY_BEGIN_ACK, VERIFY_ID -> ctype == 1 ? "1" : null;
            case TE_LINK, DATA_LINK, CHANNEL_STATUS, CHANNEL_STATUS_REQUEST -> ctype < LINKS.length ? LINKS[ctype]
                    : null;
            case SERVICE_CONFIG -> ctype >= 1 && ctype <= 4 ? Integer.toString(ctype) : null;
            default -> null;
        };
        return name != null ? name : "Unknown";
    }

    /** Prints one object's body; true when tcpdump dumps it as hex. */
    private static boolean object(PrintContext c, Lmp m, int cls, int ctype, int o, int len) {
        Out out = c.out();
        switch (cls) {
            case CC_ID, NODE_ID -> {
                if (ctype != 1 && ctype != 2) {
                    return true;
                }
                if (len != 4) {
                    out.ascii(" (not correct for object)");
                    return false;
                }
                long id = word(m, o);
                if (cls == CC_ID) {
                    out.ascii("\n\t    Control Channel ID: ").num(id);
                } else {
                    out.ascii("\n\t    Node ID: ");
                    c.ipv4((int) id);
                }
                out.ascii(" (0x").hex(id, 8).ch(')');
            }
            case LINK_ID, INTERFACE_ID -> {
                switch (ctype) {
                    case 1, 2 -> {
                        if (len != 4) {
                            out.ascii(" (not correct for object)");
                            return false;
                        }
                        out.ascii("\n\t    IPv4 Link ID: ");
                        address(c, m, o, false);
                    }
                    case 3, 4 -> {
                        if (len != 16) {
                            out.ascii(" (not correct for object)");
                            return false;
                        }
                        out.ascii("\n\t    IPv6 Link ID: ");
                        address(c, m, o, true);
                    }
                    case 5, 6 -> {
                        if (len != 4) {
                            out.ascii(" (not correct for object)");
                            return false;
                        }
                        out.ascii("\n\t    Link ID: ");
                        unnumbered(out, m, o);
                    }
                    default -> {
                        return true;
                    }
                }
            }
            case MESSAGE_ID -> {
                if (ctype != 1 && ctype != 2) {
                    return true;
                }
                if (len != 4) {
                    out.ascii(" (not correct for object)");
                    return false;
                }
                out.ascii(ctype == 1 ? "\n\t    Message ID: " : "\n\t    Message ID Ack: ");
                unnumbered(out, m, o);
            }
            case CONFIG -> {
                if (ctype != 1) {
                    return true;
                }
                if (len != 4) {
                    out.ascii(" (not correct for object)");
                    return false;
                }
                out.ascii("\n\t    Hello Interval: ").num(half(m, o)).ascii("\n\t    Hello Dead Interval: ")
                        .num(half(m, o + 2));
            }
            case HELLO -> {
                if (ctype != 1) {
                    return true;
                }
                if (len != 8) {
                    out.ascii(" (not correct for object)");
                    return false;
                }
                out.ascii("\n\t    Tx Seq: ").num(word(m, o)).ascii(", Rx Seq: ").num(word(m, o + 4));
            }
            case TE_LINK -> {
                return link(c, m, ctype, o, len, "Link-ID", TE_LINK_FLAGS, false);
            }
            case DATA_LINK -> {
                return link(c, m, ctype, o, len, "Interface ID", DATA_LINK_FLAGS, true);
            }
            case VERIFY_BEGIN -> {
                if (ctype != 1) {
                    return true;
                }
                if (len != 20) {
                    out.ascii(" (not correct for object)");
                    return false;
                }
                out.ascii("\n\t    Flags: ");
                GmplsText.flags(out, half(m, o), new long[] {1, 2}, VERIFY_FLAGS, "none");
                int mechanism = half(m, o + 10);
                out.ascii("\n\t    Verify Interval: ").num(half(m, o + 2)).ascii("\n\t    Data links: ")
                        .num(word(m, o + 4)).ascii("\n\t    Encoding type: ")
                        .ascii(GmplsText.encoding(byteAt(m, o + 8)))
                        .ascii("\n\t    Verify Transport Mechanism: ").num(mechanism).ascii(" (0x").hex(mechanism)
                        .ch(')')
                        // tcpdump tests the decimal 8000 here, not the bit 0x8000
                        .ascii((mechanism & 8000) != 0 ? " (Payload test messages capable)" : "")
                        .ascii("\n\t    Transmission Rate: ").ascii(mbps(word(m, o + 12))).ascii(" Mbps")
                        .ascii("\n\t    Wavelength: ").num(word(m, o + 16));
            }
            case VERIFY_BEGIN_ACK -> {
                if (ctype != 1) {
                    return true;
                }
                if (len != 4) {
                    out.ascii(" (not correct for object)");
                    return false;
                }
                out.ascii("\n\t    Verify Dead Interval: ").num(half(m, o))
                        .ascii("\n\t    Verify Transport Response: ").num(half(m, o + 2));
            }
            case VERIFY_ID -> {
                if (ctype != 1) {
                    return true;
                }
                if (len != 4) {
                    out.ascii(" (not correct for object)");
                    return false;
                }
                out.ascii("\n\t    Verify ID: ").num(word(m, o));
            }
            case CHANNEL_STATUS -> {
                int step = ctype == 2 ? 20 : 8;
                if (ctype < 1 || ctype > 3) {
                    return true;
                }
                for (int i = 0; i + step <= len; i += step) {
                    out.ascii("\n\t    Interface ID: ");
                    interfaceId(c, m, o + i, ctype);
                    long status = word(m, o + i + step - 4);
                    out.ascii("\n\t\t    Active: ").ascii((status >>> 31) != 0 ? "Allocated" : "Non-allocated")
                            .ascii(" (").num(status >>> 31).ch(')').ascii("\n\t\t    Direction: ")
                            .ascii(((status >>> 30) & 1) != 0 ? "Transmit" : "Receive").ascii(" (")
                            .num((status >>> 30) & 1).ch(')');
                    long code = status & 0x3FFFFFF;
                    out.ascii("\n\t\t    Channel Status: ")
                            .ascii(code < CHANNEL_STATUS_NAMES.length && code > 0
                                    ? CHANNEL_STATUS_NAMES[(int) code] : "Unknown")
                            .ascii(" (").num(code).ch(')');
                }
            }
            case CHANNEL_STATUS_REQUEST -> {
                int step = ctype == 2 ? 16 : 4;
                if (ctype < 1 || ctype > 3) {
                    return true;
                }
                for (int i = 0; i + step <= len; i += step) {
                    out.ascii("\n\t    Interface ID: ");
                    interfaceId(c, m, o + i, ctype);
                }
            }
            case ERROR_CODE -> {
                if (ctype != 1 && ctype != 2) {
                    return true;
                }
                if (len != 4) {
                    out.ascii(" (not correct for object)");
                    return false;
                }
                out.ascii("\n\t    Error Code: ");
                if (ctype == 1) {
                    GmplsText.flags(out, word(m, o), SIX_BITS, VERIFY_ERRORS, "none");
                } else {
                    GmplsText.flags(out, word(m, o), SIX_BITS, SUMMARY_ERRORS, "none");
                }
            }
            case SERVICE_CONFIG -> {
                return serviceConfig(c, m, ctype, o, len);
            }
            default -> {
                if (c.verbose() <= 1) {
                    TlvText.dump(out, m, o, len, "\n\t    ");
                }
            }
        }
        return false;
    }

    /** TE links and data links: flags, local and remote ids, and a data link's subobjects. */
    private static boolean link(PrintContext c, Lmp m, int ctype, int o, int len, String what, String[] flags,
            boolean data) {
        Out out = c.out();
        int size = switch (ctype) {
            case 1, 3 -> 12;
            case 2 -> 36;
            default -> -1;
        };
        if (size < 0) {
            return true;
        }
        if (data ? len < size : len != size) {
            out.ascii(" (not correct for object)");
            return false;
        }
        out.ascii("\n\t    Flags: [");
        GmplsText.flags(out, byteAt(m, o), ONE_TWO_FOUR, flags, "none");
        out.ascii("]\n\t    Local ").ascii(what).ascii(": ");
        int remote = ctype == 2 ? 20 : 8;
        linkId(c, m, o + 4, ctype);
        out.ascii("\n\t    Remote ").ascii(what).ascii(": ");
        linkId(c, m, o + remote, ctype);
        return data && subobjects(c, m, o, len - size, size);
    }

    private static void linkId(PrintContext c, Lmp m, int at, int ctype) {
        if (ctype == 3) {
            unnumbered(c.out(), m, at);
        } else {
            address(c, m, at, ctype == 2);
        }
    }

    /** A data link's subobjects; true when one of unknown type ends the walk and the object is dumped. */
    private static boolean subobjects(PrintContext c, Lmp m, int o, int left, int offset) {
        Out out = c.out();
        while (left > 0) {
            int type = byteAt(m, o + offset);
            int length = byteAt(m, o + offset + 1);
            out.ascii("\n\t    Subobject, Type: ")
                    .ascii(type == 1 ? "Interface Switching Type" : type == 2 ? "Wavelength" : "Unknown").ascii(" (")
                    .num(type).ascii("), Length: ").num(length);
            if (length < 4) {
                out.ascii(" (too short)");
                return false;
            }
            if (length % 4 != 0) {
                out.ascii(" (not a multiple of 4)");
                return false;
            }
            if (left < length) {
                out.ascii(" (goes past the end of the object)");
                return false;
            }
            if (type == 1) {
                int switching = byteAt(m, o + offset + 2);
                int encoding = byteAt(m, o + offset + 3);
                out.ascii("\n\t      Switching Type: ").ascii(GmplsText.switchingCapability(switching)).ascii(" (")
                        .num(switching).ch(')').ascii("\n\t      Encoding Type: ").ascii(GmplsText.encoding(encoding))
                        .ascii(" (").num(encoding).ch(')');
                long min = word(m, o + offset + 4);
                out.ascii("\n\t      Min Reservable Bandwidth: ").ascii(mbps(min)).ascii(" Mbps");
                long max = word(m, o + offset + 8);
                out.ascii("\n\t      Max Reservable Bandwidth: ").ascii(mbps(max)).ascii(" Mbps");
            } else if (type == 2) {
                out.ascii("\n\t      Wavelength: ").num(word(m, o + offset + 4));
            } else {
                return true;
            }
            left -= length;
            offset += length;
        }
        return false;
    }

    private static boolean serviceConfig(PrintContext c, Lmp m, int ctype, int o, int len) {
        Out out = c.out();
        switch (ctype) {
            case 1 -> {
                if (len != 4) {
                    out.ascii(" (not correct for object)");
                    return false;
                }
                out.ascii("\n\t Flags: ");
                GmplsText.flags(out, byteAt(m, o), new long[] {1, 2}, PROTOCOLS, "none");
                out.ascii("\n\t  UNI Version: ").num(byteAt(m, o + 1));
            }
            case 2 -> {
                if (len != 16) {
                    out.ascii(" (not correct for object)");
                    return false;
                }
                int linkType = byteAt(m, o);
                out.ascii("\n\t Link Type: ")
                        .ascii(linkType == 5 ? "SDH ITU-T G.707" : linkType == 6 ? "SONET ANSI T1.105" : "Unknown")
                        .ascii(" (").num(linkType).ch(')');
                if (linkType == 5 || linkType == 6) {
                    int signal = byteAt(m, o + 1);
                    String[] names = linkType == 5 ? SDH_SIGNALS : SONET_SIGNALS;
                    out.ascii("\n\t Signal Type: ")
                            .ascii(signal >= 5 && signal < 5 + names.length ? names[signal - 5] : "Unknown")
                            .ascii(" (").num(signal).ch(')');
                }
                out.ascii("\n\t Transparency: ");
                GmplsText.flags(out, byteAt(m, o + 2), ONE_TWO_FOUR, TRANSPARENCY, "none");
                out.ascii("\n\t Contiguous Concatenation Types: ");
                GmplsText.flags(out, byteAt(m, o + 3), new long[] {1}, CONCATENATION, "none");
                out.ascii("\n\t Minimum NCC: ").num(half(m, o + 4)).ascii("\n\t Maximum NCC: ").num(half(m, o + 6))
                        .ascii("\n\t Minimum NVC:").num(half(m, o + 8)).ascii("\n\t Maximum NVC:")
                        .num(half(m, o + 10)).ascii("\n\t    Local Interface ID: ");
                address(c, m, o + 12, false);
            }
            case 3 -> {
                if (len != 8) {
                    out.ascii(" (not correct for object)");
                    return false;
                }
                out.ascii("\n\t Transparency Flags: ");
                GmplsText.flags(out, word(m, o), new long[] {1, 2}, NSA_TRANSPARENCY, "none");
                out.ascii("\n\t TCM Monitoring Flags: ");
                GmplsText.flags(out, byteAt(m, o + 7), new long[] {1}, TCM, "none");
            }
            case 4 -> {
                if (len != 4) {
                    out.ascii(" (not correct for object)");
                    return false;
                }
                out.ascii("\n\t Diversity: Flags: ");
                GmplsText.flags(out, byteAt(m, o + 3), ONE_TWO_FOUR, DIVERSITY, "none");
            }
            default -> {
                return true;
            }
        }
        return false;
    }

    /** An interface id of a channel status object: an IPv4 or IPv6 address or an unnumbered id, by class type. */
    private static void interfaceId(PrintContext c, Lmp m, int at, int ctype) {
        if (ctype == 3) {
            unnumbered(c.out(), m, at);
        } else {
            address(c, m, at, ctype == 2);
        }
    }

    /** An address and, in hex, its first four bytes: {@code 10.0.0.1 (0x0a000001)}. */
    private static void address(PrintContext c, Lmp m, int at, boolean v6) {
        need(m, at, v6 ? 16 : 4);
        if (v6) {
            byte[] a = c.addressScratch();
            for (int i = 0; i < 16; i++) {
                a[i] = (byte) m.byteAt(at + i);
            }
            c.ipv6(a);
        } else {
            c.ipv4((int) m.intAt(at));
        }
        c.out().ascii(" (0x").hex(m.intAt(at), 8).ch(')');
    }

    /** A 32-bit id in decimal and hex: {@code 512 (0x00000200)}. */
    private static void unnumbered(Out out, Lmp m, int at) {
        long v = word(m, at);
        out.num(v).ascii(" (0x").hex(v, 8).ch(')');
    }

    private static String mbps(long bits) {
        float bandwidth = Float.intBitsToFloat((int) bits);
        return String.format(java.util.Locale.ROOT, "%.3f", (double) (bandwidth * 8 / 1000000));
    }

    private static int byteAt(Lmp m, int at) {
        need(m, at, 1);
        return m.byteAt(at);
    }

    private static int half(Lmp m, int at) {
        need(m, at, 2);
        return m.shortAt(at);
    }

    private static long word(Lmp m, int at) {
        need(m, at, 4);
        return m.intAt(at);
    }

    /** Throws {@link Truncated} unless the {@code n} bytes at {@code at} were captured. */
    private static void need(Lmp m, int at, int n) {
        if (!m.has(at, n)) {
            throw Truncated.INSTANCE;
        }
    }
}
