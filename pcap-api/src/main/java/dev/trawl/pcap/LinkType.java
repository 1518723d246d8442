package dev.trawl.pcap;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A link-layer header type: the {@code LINKTYPE_} number space of the pcap and pcapng file formats.
 *
 * <p>This is an open number space: {@link #valueOf(int)} returns a constant for the well-known values and
 * a new instance, named {@code LINKTYPE_<n>}, for any other. Two instances are equal when their values are
 * equal. Values are the platform-independent {@code LINKTYPE_} numbers written in capture files, not
 * libpcap's {@code DLT_} numbers, which differ on some platforms for a few types; {@link #fromDlt(int)}
 * and {@link #toDlt()} convert for native backends.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LinkType extends NamedNumber {
    private static final Map<Integer, LinkType> KNOWN = new ConcurrentHashMap<>();

    public static final LinkType NULL = define(0, "NULL", "BSD loopback");
    public static final LinkType ETHERNET = define(1, "EN10MB", "Ethernet");
    public static final LinkType AX25 = define(3, "AX25", "AX.25");
    public static final LinkType IEEE802_5 = define(6, "IEEE802", "Token Ring");
    public static final LinkType ARCNET_BSD = define(7, "ARCNET", "ARCNET");
    public static final LinkType SLIP = define(8, "SLIP", "SLIP");
    public static final LinkType PPP = define(9, "PPP", "PPP");
    public static final LinkType FDDI = define(10, "FDDI", "FDDI");
    public static final LinkType PPP_HDLC = define(50, "PPP_SERIAL", "PPP over serial");
    public static final LinkType PPP_ETHER = define(51, "PPP_ETHER", "PPPoE");
    public static final LinkType ATM_RFC1483 = define(100, "ATM_RFC1483", "RFC 1483 LLC/SNAP-encapsulated ATM");
    public static final LinkType RAW = define(101, "RAW", "Raw IP");
    public static final LinkType SLIP_BSDOS = define(102, "SLIP_BSDOS", "BSD/OS SLIP");
    public static final LinkType PPP_BSDOS = define(103, "PPP_BSDOS", "BSD/OS PPP");
    public static final LinkType C_HDLC = define(104, "C_HDLC", "Cisco HDLC");
    public static final LinkType IEEE802_11 = define(105, "IEEE802_11", "802.11");
    public static final LinkType ATM_CLIP = define(106, "ATM_CLIP", "Linux Classical IP over ATM");
    public static final LinkType FRELAY = define(107, "FRELAY", "Frame Relay");
    public static final LinkType LOOP = define(108, "LOOP", "OpenBSD loopback");
    public static final LinkType ENC = define(109, "ENC", "OpenBSD encapsulated IP");
    public static final LinkType LINUX_SLL = define(113, "LINUX_SLL", "Linux cooked v1");
    public static final LinkType LTALK = define(114, "LTALK", "Localtalk");
    public static final LinkType PFLOG = define(117, "PFLOG", "OpenBSD pflog");
    public static final LinkType IEEE802_11_PRISM = define(119, "PRISM_HEADER", "802.11 plus Prism header");
    public static final LinkType IP_OVER_FC = define(122, "IP_OVER_FC", "RFC 2625 IP-over-Fibre Channel");
    public static final LinkType SUNATM = define(123, "SUNATM", "Sun raw ATM");
    public static final LinkType IEEE802_11_RADIOTAP = define(127, "IEEE802_11_RADIO", "802.11 plus radiotap header");
    public static final LinkType ARCNET_LINUX = define(129, "ARCNET_LINUX", "Linux ARCNET");
    public static final LinkType APPLE_IP_OVER_IEEE1394 = define(138, "APPLE_IP_OVER_IEEE1394", "Apple IP-over-IEEE 1394");
    public static final LinkType DOCSIS = define(143, "DOCSIS", "DOCSIS");
    public static final LinkType MTP2_WITH_PHDR = define(139, "MTP2_WITH_PHDR", "SS7 MTP2 with pseudo-header");
    public static final LinkType USER2 = define(149, "USER2", "User 2");
    public static final LinkType IEEE802_11_AVS = define(163, "IEEE802_11_RADIO_AVS", "802.11 plus AVS header");
    public static final LinkType BACNET_MS_TP = define(165, "BACNET_MS_TP", "BACnet MS/TP");
    public static final LinkType PPP_PPPD = define(166, "PPP_PPPD", "PPP for pppd, with direction flag");
    public static final LinkType JUNIPER_ETHER = define(178, "JUNIPER_ETHER", "Juniper Ethernet");
    public static final LinkType MFR = define(182, "MFR", "FRF.16 Frame Relay");
    public static final LinkType GPRS_LLC = define(169, "GPRS_LLC", "GPRS LLC");
    public static final LinkType LINUX_IRDA = define(144, "LINUX_IRDA", "Linux IrDA");
    public static final LinkType BLUETOOTH_HCI_H4 = define(187, "BLUETOOTH_HCI_H4", "Bluetooth HCI UART");
    public static final LinkType USB_LINUX = define(189, "USB_LINUX", "USB with Linux header");
    public static final LinkType PPI = define(192, "PPI", "Per-Packet Information");
    public static final LinkType IEEE802_15_4_WITHFCS = define(195, "IEEE802_15_4_WITHFCS", "IEEE 802.15.4 with FCS");
    public static final LinkType BLUETOOTH_HCI_H4_WITH_PHDR = define(201, "BLUETOOTH_HCI_H4_WITH_PHDR", "Bluetooth HCI UART with direction");
    public static final LinkType PPP_WITH_DIR = define(204, "PPP_WITH_DIR", "PPP with direction");
    public static final LinkType C_HDLC_WITH_DIR = define(205, "C_HDLC_WITH_DIR", "Cisco HDLC with direction");
    public static final LinkType IPMB_LINUX = define(209, "IPMB_LINUX", "IPMB with Linux header");
    public static final LinkType USB_LINUX_MMAPPED = define(220, "USB_LINUX_MMAPPED", "USB with padded Linux header");
    public static final LinkType IEEE802_15_4_NOFCS = define(230, "IEEE802_15_4_NOFCS", "IEEE 802.15.4 without FCS");
    public static final LinkType IPNET = define(226, "IPNET", "Solaris ipnet");
    public static final LinkType CAN_SOCKETCAN = define(227, "CAN_SOCKETCAN", "SocketCAN");
    public static final LinkType IPV4 = define(228, "IPV4", "Raw IPv4");
    public static final LinkType IPV6 = define(229, "IPV6", "Raw IPv6");
    public static final LinkType DBUS = define(231, "DBUS", "D-Bus");
    public static final LinkType NFLOG = define(239, "NFLOG", "Linux netfilter log");
    public static final LinkType NETANALYZER = define(240, "NETANALYZER", "Hilscher netANALYZER");
    public static final LinkType IPOIB = define(242, "IPOIB", "IP over InfiniBand");
    public static final LinkType NETLINK = define(253, "NETLINK", "Linux netlink");
    public static final LinkType PKTAP = define(258, "PKTAP", "Apple PKTAP");
    public static final LinkType EPON = define(259, "EPON", "Ethernet with 802.3 Clause 65 EPON preamble");
    public static final LinkType IPMI_HPM_2 = define(260, "IPMI_HPM_2", "IPMI HPM.2 trace");
    public static final LinkType USBPCAP = define(249, "USBPCAP", "USB packets, USBPcap header");
    public static final LinkType LINUX_SLL2 = define(276, "LINUX_SLL2", "Linux cooked v2");
    public static final LinkType VSOCK = define(271, "VSOCK", "Linux vsock");
    public static final LinkType DSA_TAG_BRCM = define(281, "DSA_TAG_BRCM", "Broadcom DSA tag");
    public static final LinkType ETW = define(290, "ETW", "Event Tracing for Windows");

    private final String description;

    private LinkType(int value, String name, String description) {
        super(value, name);
        this.description = description;
    }

    private static LinkType define(int value, String name, String description) {
        LinkType type = new LinkType(value, name, description);
        KNOWN.put(value, type);
        return type;
    }

    /**
     * Returns the link type for a {@code LINKTYPE_} value, a constant when it is a known one.
     *
     * @param value the {@code LINKTYPE_} number, without the FCS and reserved bits of a pcap header
     */
    public static LinkType valueOf(int value) {
        LinkType known = KNOWN.get(value);
        return known != null ? known : new LinkType(value, "LINKTYPE_" + value, "link type " + value);
    }

    /**
     * Looks a link type up by its libpcap name, as {@code pcap_datalink_name_to_val} does
     * ({@code "EN10MB"}, {@code "LINUX_SLL"}; case-insensitive, with or without a {@code DLT_} prefix).
     *
     * @throws IllegalArgumentException if no known link type has that name
     */
    public static LinkType forName(String name) {
        String wanted = name.regionMatches(true, 0, "DLT_", 0, 4) ? name.substring(4) : name;
        for (LinkType type : KNOWN.values()) {
            if (type.name().equalsIgnoreCase(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown link type name: " + name);
    }

    /**
     * Converts one of libpcap's {@code DLT_} values, as {@code pcap_datalink} returns it, to a link type.
     * The two number spaces are equal except for a few legacy values that depend on the platform; this
     * method maps the ones libpcap maps on Linux and the BSDs.
     */
    public static LinkType fromDlt(int dlt) {
        return switch (dlt) {
            case 11 -> ATM_RFC1483; // DLT_ATM_RFC1483
            case 12, 14 -> RAW; // DLT_RAW (14 on OpenBSD)
            case 15 -> SLIP_BSDOS;
            case 16 -> PPP_BSDOS;
            case 19 -> ATM_CLIP; // DLT_ATM_CLIP on Linux
            case 50 -> PPP_HDLC; // DLT_PPP_SERIAL
            case 51 -> PPP_ETHER;
            default -> valueOf(dlt);
        };
    }

    /** The {@code DLT_} value libpcap uses for this link type on Linux. */
    public int toDlt() {
        return switch (value()) {
            case 100 -> 11;
            case 101 -> 12;
            case 102 -> 15;
            case 103 -> 16;
            case 106 -> 19;
            default -> value();
        };
    }

    /** A short human-readable description. */
    public String description() {
        return description;
    }

    /** Whether this is one of the types this class names. */
    public boolean isKnown() {
        return KNOWN.get(value()) == this;
    }
}
