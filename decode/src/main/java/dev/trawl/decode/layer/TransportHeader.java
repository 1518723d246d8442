package dev.trawl.decode.layer;

/**
 * A transport header that starts with its ports, as TCP's, UDP's and SCTP's do: a 16-bit source port, then a
 * 16-bit destination port. Code that only needs the endpoints of a segment, a datagram or a packet of any of
 * them can read them through this type.
 *
 * <p>See {@link Flyweight}; not thread-safe.
 */
public abstract class TransportHeader extends Flyweight {
    /** Creates an unwrapped view. */
    TransportHeader() {
    }

    /** The source port. */
    public final int sourcePort() {
        return u16(0);
    }

    /** The destination port. */
    public final int destinationPort() {
        return u16(2);
    }
}
