package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A Zephyr notice (MIT's instant messaging, UDP ports 2103 and 2104): a sequence of NUL-terminated text fields
 * (version {@code ZEPH0.2}, field count, kind, uid, port, authentication, class, instance, opcode, sender,
 * recipient, format, checksum, multipart, ...), which a printer reads through the {@link TlvMessage} accessors.
 * See {@link Flyweight}; not thread-safe.
 */
public final class Zephyr extends TlvMessage {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Zephyr() {
    }

    /** Points this view at a Zephyr notice. */
    public Zephyr wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }
}
