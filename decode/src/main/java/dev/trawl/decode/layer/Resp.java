package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A Redis serialization protocol (RESP) payload: lines of text, each opened by a type byte ({@code +} simple
 * string, {@code -} error, {@code :} integer, {@code $} bulk string, {@code *} array) or, for inline commands,
 * by none. It has no fixed header; a printer walks it with the {@link TlvMessage} accessors.
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Resp extends TlvMessage {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Resp() {
    }

    /** Points this view at a RESP payload. */
    public Resp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }
}
