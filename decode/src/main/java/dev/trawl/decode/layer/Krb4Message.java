package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A Kerberos version 4 message (MIT's Athena design, UDP port 88 or 750): a version byte (4), a type byte whose
 * low bit says the message's byte order, then NUL-terminated names and fixed fields by type, which a printer
 * reads through the {@link TlvMessage} accessors. Wrapped at a version-5 message, only {@link #version()}
 * means anything (an ASN.1 tag there). See {@link Flyweight}; not thread-safe.
 */
public final class Krb4Message extends TlvMessage {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Krb4Message() {
    }

    /** Points this view at a Kerberos message. */
    public Krb4Message wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code krb4.version}: the protocol version byte. */
    public int version() {
        return u8(0);
    }

    /** The message type, its byte-order bit cleared ({@code krb4.m_type} shifted left by one). */
    public int type() {
        return u8(1) & 0xFE;
    }

    /** Whether the message's multi-byte fields are little-endian (the type byte's low bit). */
    public boolean littleEndian() {
        return (u8(1) & 1) != 0;
    }

    /** The 16-bit value at {@code rel} in the message's byte order. */
    public int shortInOrder(int rel) {
        return littleEndian() ? u16le(rel) : u16(rel);
    }
}
