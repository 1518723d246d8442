package dev.trawl.decode;

/**
 * Ids of the protocols trawl decodes out of the box. A decoded layer's kind ({@link DecodedPacket#protocol(int)})
 * is one of these ints, or an id that a {@link dev.trawl.decode.spi.DecoderPlugin} registered; names are
 * Wireshark's protocol filter names ({@code eth}, {@code ip}, {@code tcp}, ...) and
 * {@link ProtocolRegistry#name(int)} turns any id into its name.
 *
 * <p>Some ids are Wireshark's pseudo-protocols that carry no header of their own but appear in
 * {@code frame.protocols}: {@link #ETHERTYPE} marks that the next protocol was chosen by an EtherType field;
 * such layers have zero length and the {@link LayerFlags#PSEUDO} flag.
 *
 * <p>Constants only; thread-safe.
 */
public final class Protocols {
    private Protocols() {
    }

    /** No protocol: the end of the layer stack. */
    public static final int NONE = -1;

    public static final int DATA = 0;
    public static final int ETH = 1;
    public static final int ETHERTYPE = 2;
    public static final int LLC = 3;
    public static final int VLAN = 4;
    public static final int IEEE8021AD = 5;
    public static final int MPLS = 6;
    public static final int ARP = 7;
    public static final int PPPOED = 8;
    public static final int PPPOES = 9;
    public static final int PPP = 10;
    public static final int IP = 11;
    public static final int IPV6 = 12;
    public static final int IPV6_HOPOPTS = 13;
    public static final int IPV6_ROUTING = 14;
    public static final int IPV6_FRAGHDR = 15;
    public static final int IPV6_DSTOPTS = 16;
    public static final int AH = 17;
    public static final int ESP = 18;
    public static final int ICMP = 19;
    public static final int ICMPV6 = 20;
    public static final int IGMP = 21;
    public static final int TCP = 22;
    public static final int UDP = 23;
    public static final int SCTP = 24;
    public static final int GRE = 25;
    public static final int VXLAN = 26;
    public static final int GENEVE = 27;
    public static final int DNS = 28;
    public static final int DHCP = 29;
    public static final int NTP = 30;
    public static final int HTTP = 31;
    public static final int TLS = 32;
    public static final int SLL = 33;
    public static final int NULL = 34;
    public static final int RAW = 35;
    public static final int RADIOTAP = 36;
    public static final int WLAN_RADIO = 37;
    public static final int WLAN = 38;
    public static final int MDNS = 39;
    public static final int ERSPAN = 40;
    public static final int IPV6_NONXT = 41;
    public static final int MPTCP = 42;
    public static final int UDPENCAP = 43;
    public static final int DATA_TEXT_LINES = 44;
    public static final int CHDLC = 45;
    public static final int SLARP = 46;
    public static final int CDP = 47;
    public static final int FR = 48;
    public static final int IPNET = 49;
    public static final int NFLOG = 50;
    public static final int IPOIB = 51;
    public static final int ARCNET = 52;
    public static final int CLIP = 53;
    public static final int LCP = 54;
    public static final int ISAKMP = 55;
    public static final int GQUIC = 56;
    public static final int OSI = 57;
    public static final int PIM = 58;
    public static final int OSPF = 59;
    public static final int VRRP = 60;
    public static final int STP = 61;
    public static final int IPX = 62;
    public static final int UDLD = 63;
    public static final int DTP = 64;
    public static final int VTP = 65;
    public static final int PVST = 66;
    public static final int LLDP = 67;
    public static final int EAPOL = 68;
    public static final int SLOW = 69;
    public static final int LACP = 70;
    public static final int NETLINK = 71;
    public static final int SSH = 72;
    public static final int BGP = 73;
    public static final int SMTP = 74;
    public static final int FTP = 75;
    public static final int TELNET = 76;
    public static final int SNMP = 77;
    public static final int TFTP = 78;
    public static final int SYSLOG = 79;
    public static final int WPAN = 80;
    public static final int VSOCK = 81;
    public static final int DBUS = 82;
    public static final int JUNIPER = 83;
    public static final int ATM = 84;
    public static final int USER_DLT = 85;
    public static final int PKTAP = 86;
    public static final int AX25 = 87;
    public static final int LOOP = 88;
    public static final int RIP = 89;
    public static final int RIPNG = 90;
    public static final int DHCPV6 = 91;
    public static final int SIP = 92;
    public static final int RTP = 93;
    public static final int QUIC = 94;
    public static final int LDP = 95;
    public static final int LWAPP = 96;
    public static final int CMD = 97;
    public static final int NBNS = 98;
    public static final int NBDGM = 99;
    public static final int SMB = 100;
    public static final int BROWSER = 101;
    public static final int KERBEROS = 102;
    public static final int RX = 103;
    public static final int AFS = 104;
    public static final int RADIUS = 105;
    public static final int OPENFLOW = 106;
    public static final int MPLS_ECHO = 107;
    public static final int HSRP = 108;
    public static final int PTP = 109;
    public static final int SSDP = 110;
    public static final int ISIS = 111;
    public static final int ESIS = 112;
    public static final int NDP = 113;
    public static final int SFLOW = 114;

    /** The number of built-in ids: plugin protocols get ids from here on. */
    public static final int BUILTIN_COUNT = SFLOW + 1;

    /** The name of built-in protocol {@code id}. */
    public static String builtinName(int id) {
        return BUILTIN_NAMES[id];
    }

    /** Names of the ids above, indexed by id; {@link ProtocolRegistry} starts from this list. */
    static final String[] BUILTIN_NAMES = {
        "data", "eth", "ethertype", "llc", "vlan", "ieee8021ad", "mpls", "arp", "pppoed", "pppoes", "ppp",
        "ip", "ipv6", "ipv6.hopopts", "ipv6.routing", "ipv6.fraghdr", "ipv6.dstopts", "ah", "esp", "icmp",
        "icmpv6", "igmp", "tcp", "udp", "sctp", "gre", "vxlan", "geneve", "dns", "dhcp", "ntp", "http", "tls",
        "sll", "null", "raw", "radiotap", "wlan_radio", "wlan", "mdns", "erspan", "ipv6.nonxt", "mptcp",
        "udpencap", "data-text-lines",
        "chdlc", "slarp", "cdp", "fr", "ipnet", "nflog", "ipoib", "arcnet", "clip", "lcp", "isakmp", "gquic",
        "osi", "pim", "ospf", "vrrp", "stp", "ipx", "udld", "dtp", "vtp", "pvst", "lldp", "eapol", "slow",
        "lacp", "netlink", "ssh", "bgp", "smtp", "ftp", "telnet", "snmp", "tftp", "syslog", "wpan", "vsock",
        "dbus", "juniper", "atm", "user_dlt", "pktap", "ax25", "loop", "rip", "ripng", "dhcpv6", "sip", "rtp",
        "quic", "ldp", "lwapp", "cmd", "nbns", "nbdgm", "smb", "browser", "kerberos", "rx", "afs", "radius",
        "openflow", "mpls-echo", "hsrp", "ptp", "ssdp", "isis", "esis", "ndp", "sflow",
    };
}
