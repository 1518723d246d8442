package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An SNMP message: BER-encoded elements (a tag, a length, the contents), nested as the message's SEQUENCE holds
 * its version, community or security parameters, and PDU. It has no fixed header; a printer walks the elements
 * with the {@link TlvMessage} accessors, so that malformed encodings are reported where they go wrong.
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Snmp extends TlvMessage {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Snmp() {
    }

    /** Points this view at an SNMP message. */
    public Snmp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }
}
