package dev.trawl.decode.spi;

/**
 * The conversations a decoder follows, as Wireshark finds some protocols by conversation rather than by port:
 * a TFTP request makes the transfer that follows it TFTP whatever its ports, and a heuristic that recognises a
 * protocol on one TCP segment makes its whole connection that protocol. A decoder that sets a conversation up
 * calls an {@code expect} method; the transport decoders ask {@code datagramProtocol} or {@code streamProtocol}
 * before they try the ports.
 *
 * <p>Reached through {@link DecodeContext#conversations()} during a {@link ProtocolDecoder#decode} call, and only
 * then. Each method reads the addresses of the IP header right below the UDP or TCP header at the given offset,
 * which must be the last layer recorded; a transport header that is not over IPv4 or IPv6, or that an ICMP error
 * quotes, sets up and finds nothing. When the decoder does not follow conversations (the default; see
 * {@link dev.trawl.decode.PacketDecoder#followConversations}) every {@code expect} does nothing and every lookup
 * finds nothing. The decoder bounds what it keeps and forgets the least recently used conversation first.
 *
 * <p>Implemented by trawl's decoder, not by plugins; not thread-safe (one per decoder).
 */
public interface Conversations {
    /**
     * Makes the datagrams between the sender of the UDP datagram at {@code udp} (its address and port) and its
     * destination's address, on any port and either way, datagrams of {@code protocol} from now on.
     *
     * @param buf the packet being decoded
     * @param udp the index of the UDP header, the last layer recorded
     * @param protocol the protocol id later datagrams decode as
     */
    void expectDatagrams(byte[] buf, int udp, int protocol);

    /**
     * Makes the TCP connection of the segment at {@code tcp}, both ways, a connection of {@code protocol} from
     * now on.
     *
     * @param buf the packet being decoded
     * @param tcp the index of the TCP header, the last layer recorded
     * @param protocol the protocol id later segments decode as
     */
    void expectStream(byte[] buf, int tcp, int protocol);

    /**
     * The protocol of the conversation the UDP datagram at {@code udp} belongs to, or
     * {@link dev.trawl.decode.Protocols#NONE}.
     */
    int datagramProtocol(byte[] buf, int udp);

    /**
     * The protocol of the connection the TCP segment at {@code tcp} belongs to, or
     * {@link dev.trawl.decode.Protocols#NONE}.
     */
    int streamProtocol(byte[] buf, int tcp);

    /**
     * Keeps {@code note} with the UDP conversation of the datagram at {@code udp} (its two addresses and ports, either
     * way), replacing what was kept: what a decoder must remember of earlier datagrams to read later ones (QUIC's
     * first connection ID, from which its Initial keys come; DTLS's handshake messages in fragments). Bounded like the conversations: the least recently used
     * note goes first. Kept only while the decoder follows conversations; otherwise nothing is kept.
     *
     * @param buf the packet being decoded
     * @param udp the index of the UDP header, the last layer recorded
     * @param note a value the decoder owns (it may change what it holds: the table only keeps it); the table's
     *     bound is on notes, so a note should stay small
     */
    default void noteDatagrams(byte[] buf, int udp, Object note) {
    }

    /** What {@link #noteDatagrams} kept with the UDP conversation of the datagram at {@code udp}, or null. */
    default Object datagramNote(byte[] buf, int udp) {
        return null;
    }

    /**
     * Keeps {@code note} with the direction of the TCP connection that the segment at {@code tcp} goes in, replacing
     * what was kept: what a decoder must remember of earlier segments to read later ones (TLS's handshake messages
     * that span records). Kept and bounded as {@link #noteDatagrams} keeps its notes.
     *
     * @param buf the packet being decoded
     * @param tcp the index of the TCP header, the last layer recorded
     * @param note a value the decoder owns (it may change what it holds)
     */
    default void noteStream(byte[] buf, int tcp, Object note) {
    }

    /** What {@link #noteStream} kept with the direction of the segment at {@code tcp}, or null. */
    default Object streamNote(byte[] buf, int tcp) {
        return null;
    }
}
