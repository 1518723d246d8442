package dev.trawl.decode.spi;

/**
 * Receives the protocols and bindings of a {@link DecoderPlugin} while the registry is being built. Used on
 * one thread, during registration only.
 */
public interface ProtocolRegistrar {
    /**
     * Registers a protocol, or replaces the decoder of an existing one with the same name.
     *
     * @param name the Wireshark-style protocol filter name, as printed in {@code frame.protocols}
     * @param decoder its decoder, or {@code null} for a protocol that is only ever added by another decoder
     * @return the protocol's id
     */
    int protocol(String name, ProtocolDecoder decoder);

    /**
     * Registers a protocol whose layers are listed under another name in {@code frame.protocols}, for
     * Wireshark's sub-dissectors that share their parent's name (IGMP's message dissectors show as a second
     * {@code igmp}).
     *
     * @param name the unique registry name
     * @param displayName the name printed for its layers
     */
    int protocol(String name, String displayName, ProtocolDecoder decoder);

    /** The id of a registered protocol, or {@link dev.trawl.decode.Protocols#NONE}. */
    int protocolId(String name);

    /** Binds {@code key} in dispatch table {@code table} ({@link Dispatch}) to {@code protocol}. */
    void bind(int table, int key, int protocol);
}
