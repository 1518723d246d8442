package dev.trawl.decode;

/**
 * Bits of {@link DecodedPacket#flags(int)}: what went wrong with a layer, or what kind of layer it is.
 * A layer that is not {@link #OK} still carries its offset and the fields that were readable.
 *
 * <p>Constants only; thread-safe.
 */
public final class LayerFlags {
    private LayerFlags() {
    }

    /** Nothing to report. */
    public static final int OK = 0;
    /** The captured bytes end inside this layer's header (or before the length its header declares). */
    public static final int TRUNCATED = 1;
    /** A length or other structural field of this layer is impossible; decoding stopped or clamped here. */
    public static final int BAD_LENGTH = 1 << 1;
    /** The checksum does not verify (only set when checksum verification is on). */
    public static final int BAD_CHECKSUM = 1 << 2;
    /** A field holds a value the protocol forbids (a wrong version, a reserved value, a loop). */
    public static final int MALFORMED = 1 << 3;
    /** A pseudo-layer with no bytes of its own, such as Wireshark's {@code ethertype}. */
    public static final int PSEUDO = 1 << 4;
    /** The layer is a copy of an earlier packet's header quoted inside an error message (ICMP). */
    public static final int QUOTED = 1 << 5;
    /**
     * Wireshark names the layer in {@code frame.protocols} but shows no item for it, as its decoder handed the
     * bytes on or gave up before adding one (the {@code ethertype} pseudo-layer, an IPv4 header that turns out
     * to be IPv6): a display filter does not find the protocol there.
     */
    public static final int UNSHOWN = 1 << 6;
    /**
     * The layer's records are protected with keys its connection agreed on earlier (TLS 1.3 after the hellos):
     * an application data record may hold any content, which Wireshark shows as an opaque type.
     */
    public static final int PROTECTED = 1 << 7;
    /**
     * Wireshark shows an item for the layer but leaves it out of {@code frame.protocols}, as its decoder added
     * the item and then refused the bytes (an IPv6 header of another version): a display filter finds the
     * protocol, {@link DecodedPacket#appendProtocols} does not name it.
     */
    public static final int UNLISTED = 1 << 8;

    /** The bits that mean the packet is damaged at this layer. */
    public static final int ERRORS = TRUNCATED | BAD_LENGTH | BAD_CHECKSUM | MALFORMED;
}
