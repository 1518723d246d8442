package dev.trawl.decode.spi;

/**
 * Receives the protocols and bindings of a {@link DecoderPlugin} while the registry is being built. Used on
 * one thread, during registration only.
 *
 * <p>A decoder that records layers of other protocols, or names the next one, takes their ids here, once, and
 * keeps them (in a final field, or captured by a lambda); its own id comes with each call
 * ({@link DecodeContext#protocol()}). A protocol may be named before its decoder is registered, by this plugin
 * later or by none: {@code protocol(name, null)} gives it its id, which a later registration of the same name
 * keeps.
 *
 * <pre>{@code
 * int smb2 = r.protocol("smb2", null);                      // named only
 * int session = r.protocol("nbss", new SessionDecoder(smb2));  // records its layers with ctx.protocol()
 * r.bind(Dispatch.TCP_PORT, 139, session);
 * }</pre>
 */
public interface ProtocolRegistrar {
    /**
     * Registers a protocol, or replaces the decoder of an existing one with the same name (a {@code null}
     * decoder replaces none: it only makes sure the name has an id).
     *
     * @param name the Wireshark-style protocol filter name, as printed in {@code frame.protocols}
     * @param decoder its decoder, or {@code null} for a protocol that is only ever added by another decoder (a
     *     protocol without a decoder that the loop reaches is one opaque layer)
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

    /** The id of a protocol registered so far, or {@link dev.trawl.decode.Protocols#NONE}. */
    int protocolId(String name);

    /** Binds {@code key} in dispatch table {@code table} ({@link Dispatch}) to {@code protocol}. */
    void bind(int table, int key, int protocol);
}
