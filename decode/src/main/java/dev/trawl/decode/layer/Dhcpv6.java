package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A DHCPv6 message (RFC 8415): a message type and a 24-bit transaction id, or for the relay messages a hop
 * count, a link address and a peer address; then options of a 16-bit code and a 16-bit length, which a
 * printer walks with the {@link TlvMessage} accessors.
 *
 * <pre>
 * +--------+----------------------+-----------------------------------+
 * |msg-type|  transaction-id (3)  | options (code 2, length 2, value) |
 * +--------+----------------------+-----------------------------------+
 * |msg-type|hop-count| link-address (16) | peer-address (16) | options |  (relay-forw, relay-repl)
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Dhcpv6 extends TlvMessage {
    /** Relay-forward. */
    public static final int RELAY_FORWARD = 12;
    /** Relay-reply. */
    public static final int RELAY_REPLY = 13;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Dhcpv6() {
    }

    /** Points this view at a DHCPv6 message. */
    public Dhcpv6 wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code dhcpv6.msgtype}. */
    public int messageType() {
        return u8(0);
    }

    /** {@code dhcpv6.xid}: the 24-bit transaction id of a client or server message. */
    public int transactionId() {
        return u24(1);
    }

    /** Whether the message is a relay message, whose options start after the two addresses. */
    public boolean relay() {
        int t = messageType();
        return t == RELAY_FORWARD || t == RELAY_REPLY;
    }

    /** Where the options start. */
    public int optionsOffset() {
        return relay() ? 34 : 4;
    }

    /** Copies the relay message's link address ({@code dhcpv6.linkaddr}) into {@code dst} (16 bytes). */
    public void linkAddress(byte[] dst) {
        copy(2, dst);
    }

    /** Copies the relay message's peer address ({@code dhcpv6.peeraddr}) into {@code dst} (16 bytes). */
    public void peerAddress(byte[] dst) {
        copy(18, dst);
    }

    /** Copies 16 bytes at {@code rel} (an address inside an option) into {@code dst}. */
    public void addressAt(int rel, byte[] dst) {
        copy(rel, dst);
    }
}
