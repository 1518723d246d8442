package dev.trawl.pcap;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An EtherType: the 16-bit number that names the protocol an Ethernet frame (or a VLAN tag, a GRE header, a
 * Linux cooked header) carries, as IEEE's registry assigns them.
 *
 * <p>An open number space, as {@link LinkType} is: {@link #valueOf(int)} returns a constant for the
 * well-known values and a new instance for any other. Two instances are equal when their values are equal.
 * Values below {@value #MIN_VALUE} are not EtherTypes but IEEE 802.3 length fields; {@link #isLength()}
 * tells them apart.
 *
 * <p>Code on a per-packet path compares the {@code int} it read with {@link #value()} of a constant, kept
 * in a {@code static final int}; the instances are for APIs, tables and printing.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class EtherType extends NamedNumber {
    /** The smallest EtherType; smaller values in the type/length field are 802.3 lengths. */
    public static final int MIN_VALUE = 0x0600;

    private static final Map<Integer, EtherType> KNOWN = new ConcurrentHashMap<>();

    public static final EtherType XEROX_NS_IDP = define(0x0600, "Xerox NS IDP");
    public static final EtherType IPV4 = define(0x0800, "IPv4");
    public static final EtherType ARP = define(0x0806, "ARP");
    public static final EtherType WAKE_ON_LAN = define(0x0842, "Wake-on-LAN");
    /** Berkeley trailer encapsulation, which ARP may still name as its protocol type. */
    public static final EtherType TRAILER = define(0x1000, "Trailer");
    public static final EtherType CDP = define(0x2000, "Cisco Discovery Protocol");
    public static final EtherType ERSPAN_III = define(0x22EB, "ERSPAN type III");
    public static final EtherType AVTP = define(0x22F0, "AVTP");
    public static final EtherType BATMAN_ADV = define(0x4305, "B.A.T.M.A.N. advanced");
    public static final EtherType DEC_MOP_DUMP_LOAD = define(0x6001, "DEC MOP dump/load");
    public static final EtherType DEC_MOP_REMOTE_CONSOLE = define(0x6002, "DEC MOP remote console");
    public static final EtherType DECNET = define(0x6003, "DECnet Phase IV");
    public static final EtherType DEC_LAT = define(0x6004, "DEC LAT");
    public static final EtherType DEC_SCA = define(0x6007, "DEC LAVC (SCA)");
    public static final EtherType TRANSPARENT_ETHERNET_BRIDGING = define(0x6558, "Transparent Ethernet bridging");
    public static final EtherType RARP = define(0x8035, "RARP");
    public static final EtherType APPLETALK = define(0x809B, "AppleTalk");
    public static final EtherType AARP = define(0x80F3, "AppleTalk ARP");
    public static final EtherType VLAN = define(0x8100, "802.1Q");
    public static final EtherType IPX = define(0x8137, "IPX");
    public static final EtherType IPV6 = define(0x86DD, "IPv6");
    public static final EtherType SLOW_PROTOCOLS = define(0x8809, "Slow protocols");
    public static final EtherType PPP = define(0x880B, "PPP");
    public static final EtherType WCCP = define(0x883E, "WCCP redirect");
    public static final EtherType MPLS = define(0x8847, "MPLS");
    public static final EtherType MPLS_MULTICAST = define(0x8848, "MPLS multicast");
    public static final EtherType PPPOE_DISCOVERY = define(0x8863, "PPPoE discovery");
    public static final EtherType PPPOE_SESSION = define(0x8864, "PPPoE session");
    public static final EtherType MS_NLB = define(0x886F, "Microsoft NLB heartbeat");
    public static final EtherType JUMBO_LLC = define(0x8870, "802.2 LLC in jumbo frames");
    public static final EtherType BROADCOM_TAG = define(0x8874, "Broadcom switch tag");
    public static final EtherType EAPOL = define(0x888E, "802.1X");
    public static final EtherType AOE = define(0x88A2, "ATA over Ethernet");
    public static final EtherType QINQ = define(0x88A8, "802.1ad");
    public static final EtherType ERSPAN = define(0x88BE, "ERSPAN");
    public static final EtherType TIPC = define(0x88CA, "TIPC");
    public static final EtherType LLDP = define(0x88CC, "LLDP");
    public static final EtherType MACSEC = define(0x88E5, "MACsec");
    public static final EtherType PBB = define(0x88E7, "802.1ah");
    public static final EtherType PTP = define(0x88F7, "PTP");
    public static final EtherType CFM = define(0x8902, "CFM");
    public static final EtherType FCOE = define(0x8906, "FCoE");
    public static final EtherType CISCO_METADATA = define(0x8909, "Cisco MetaData");
    public static final EtherType IEEE_1905 = define(0x893A, "IEEE 1905.1");
    public static final EtherType GEONETWORKING = define(0x8947, "GeoNetworking");
    public static final EtherType NSH = define(0x894F, "NSH");
    public static final EtherType LOOPBACK = define(0x9000, "Loopback");
    public static final EtherType QINQ_LEGACY = define(0x9100, "802.1Q (legacy QinQ)");
    public static final EtherType ARISTA = define(0xD28B, "Arista vendor-specific protocol");

    private EtherType(int value, String name) {
        super(value, name);
    }

    private static EtherType define(int value, String name) {
        EtherType type = new EtherType(value, name);
        KNOWN.put(value, type);
        return type;
    }

    /**
     * Returns the EtherType for a value, a constant when it is a known one.
     *
     * @throws IllegalArgumentException if {@code value} does not fit in 16 bits
     */
    public static EtherType valueOf(int value) {
        if ((value & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("an EtherType is 16 bits: " + value);
        }
        EtherType known = KNOWN.get(value);
        return known != null ? known : new EtherType(value, String.format("0x%04x", value));
    }

    /** Whether the value is an IEEE 802.3 length rather than an EtherType. */
    public boolean isLength() {
        return value() < MIN_VALUE;
    }

    /** Whether this is one of the types this class names. */
    public boolean isKnown() {
        return KNOWN.get(value()) == this;
    }
}
