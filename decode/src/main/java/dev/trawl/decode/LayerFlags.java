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

    /** The bits that mean the packet is damaged at this layer. */
    public static final int ERRORS = TRUNCATED | BAD_LENGTH | BAD_CHECKSUM | MALFORMED;
}
