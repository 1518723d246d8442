package dev.trawl.decode.spi;

/**
 * Ids of the dispatch tables through which one layer names the next: a protocol binds itself to a key in a
 * table ({@link ProtocolRegistrar#bind}), and the layer below looks the key up
 * ({@link DecodeContext#lookup}). Keys are the numbers on the wire: an EtherType, an IP protocol number, a
 * port, a {@code LINKTYPE_} value.
 *
 * <p>Constants only; thread-safe.
 */
public final class Dispatch {
    private Dispatch() {
    }

    /** Keyed by {@code LINKTYPE_} value: the protocol that starts a frame of that link type. */
    public static final int LINKTYPE = 0;
    /** Keyed by EtherType (Ethernet II, VLAN, Linux cooked, PPPoE payloads carried as Ethernet). */
    public static final int ETHERTYPE = 1;
    /** Keyed by IP protocol number / IPv6 next header. */
    public static final int IP_PROTO = 2;
    /** Keyed by UDP port; the lower of the two ports is tried first, as Wireshark does. */
    public static final int UDP_PORT = 3;
    /** Keyed by TCP port; the lower of the two ports is tried first. */
    public static final int TCP_PORT = 4;
    /** Keyed by PPP protocol number. */
    public static final int PPP_PROTO = 5;
    /** Keyed by GRE protocol type (EtherType numbers plus GRE-only ones such as ERSPAN). */
    public static final int GRE_PROTO = 6;
    /** Keyed by LLC DSAP. */
    public static final int LLC_SAP = 7;
    /** Keyed by SCTP port. */
    public static final int SCTP_PORT = 8;
    /** Keyed by BSD loopback address family. */
    public static final int NULL_FAMILY = 9;

    /** The number of tables. */
    public static final int COUNT = 10;
}
