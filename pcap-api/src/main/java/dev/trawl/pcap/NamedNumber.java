package dev.trawl.pcap;

/**
 * What the open number spaces {@link LinkType}, {@link EtherType} and {@link IpProtocol} share: a number and
 * the name its registry gives it, equal to an instance of the same class with the same number.
 *
 * <p>Instances are immutable and thread-safe.
 */
abstract class NamedNumber {
    private final int value;
    private final String name;

    NamedNumber(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The number: a {@code LINKTYPE_} value, an EtherType or an IP protocol number. Per-packet code compares
     * the {@code int} it read with this, kept in a {@code static final int}.
     */
    public final int value() {
        return value;
    }

    /**
     * The registry's name for it: libpcap's link-type name without {@code DLT_}, IEEE's description of an
     * EtherType, IANA's keyword for an IP protocol; for a number the class does not know, a made-up name such
     * as {@code ip-proto-253}.
     */
    public final String name() {
        return name;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((NamedNumber) other).value == value;
    }

    @Override
    public final int hashCode() {
        return Integer.hashCode(value);
    }

    /** The {@linkplain #name() name}. */
    @Override
    public final String toString() {
        return name;
    }
}
