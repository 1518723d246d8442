package dev.trawl.pcap;

import java.util.Locale;

/** Where a live capture's timestamps come from, as libpcap's {@code PCAP_TSTAMP_*} types. */
public enum TimestampType {
    /** The host's clock, of unspecified precision ({@code PCAP_TSTAMP_HOST}). */
    HOST(0),
    /** The host's clock, fast and coarse. */
    HOST_LOWPREC(1),
    /** The host's clock, precise and synchronised with the system clock. */
    HOST_HIPREC(2),
    /** The network adapter's clock, synchronised with the system clock. */
    ADAPTER(3),
    /** The network adapter's clock, not synchronised with the system clock. */
    ADAPTER_UNSYNCED(4),
    /** The host's clock, precise and not synchronised with the system clock. */
    HOST_HIPREC_UNSYNCED(5);

    private final int code;

    TimestampType(int code) {
        this.code = code;
    }

    /** libpcap's {@code PCAP_TSTAMP_} code. */
    public int code() {
        return code;
    }

    /** Returns the type for a libpcap code. */
    public static TimestampType ofCode(int code) {
        for (TimestampType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown timestamp type code " + code);
    }

    /** The name tcpdump's {@code -j} option takes ({@code host}, {@code adapter_unsynced}, ...). */
    public String tcpdumpName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
