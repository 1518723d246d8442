package dev.trawl.decode.internal.application;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.ProtocolRegistry;
import dev.trawl.decode.internal.Decoders;
import dev.trawl.decode.internal.FastPath;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * Which payload protocols end a packet's stack: those whose built-in decoder records only layers of itself or
 * of other such protocols, never a link, network or transport header (as a tunnel or OpenFlow's packet-in
 * does). A projection that reads only headers below the application may then skip decoding such a payload,
 * knowing it holds no further occurrence. Only built-in decoders are vouched for; a plugin's never is.
 * Stateless; thread-safe.
 */
public final class StackEnds {

    private StackEnds() {
    }

    /**
     * Whether decoding a payload of {@code protocol} (and whatever it names next) records no layer of a link,
     * network or transport protocol.
     */
    public static boolean endsStack(ProtocolRegistry registry, int protocol) {
        return endsStack(registry, protocol, 3);
    }

    /**
     * Whether the decoder of {@code protocol} never refuses its bytes (a refused UDP payload goes on to UDP's
     * heuristics, which may find DNS or DTLS there): no decoder, or one of the built-in decoders that record their
     * layer whatever the bytes.
     */
    public static boolean neverRefuses(ProtocolRegistry registry, int protocol) {
        if (protocol < 0 || protocol >= registry.size()) {
            return false;
        }
        ProtocolDecoder decoder = registry.decoder(protocol);
        return decoder == null || decoder == Decoders.OPAQUE || decoder == FastPath.DATA
                || decoder instanceof TlsDecoder || decoder instanceof DtlsDecoder || decoder instanceof QuicDecoder;
    }

    private static boolean endsStack(ProtocolRegistry registry, int protocol, int depth) {
        if (protocol < 0) {
            return protocol == Protocols.NONE;
        }
        if (protocol >= registry.size() || depth < 0) {
            return false;
        }
        ProtocolDecoder decoder = registry.decoder(protocol);
        if (decoder == null || decoder == Decoders.OPAQUE || FastPath.isLeaf(protocol, decoder)
                || decoder instanceof TlsDecoder
                || decoder instanceof DtlsDecoder
                || decoder instanceof QuicDecoder) {
            return true; // each records its own layer, or the layer of the one protocol it is built with
        }
        if (decoder instanceof HttpDecoder http) {
            for (int body : http.bodies()) {
                if (!endsStack(registry, body, depth - 1)) {
                    return false;
                }
            }
            return endsStack(registry, Protocols.DATA, depth - 1)
                    && endsStack(registry, Protocols.DATA_TEXT_LINES, depth - 1);
        }
        return false;
    }
}
