package dev.trawl.decode.field;

import java.nio.ByteBuffer;

/**
 * Receives the occurrences of a field, in packet order. A field's extractor calls one method per
 * occurrence, according to its {@link FieldType}: {@link #integer} for integer types, {@link #bytes} for
 * addresses and raw bytes, {@link #text} for strings.
 */
public interface FieldSink {
    /** One integer occurrence. */
    void integer(long value);

    /** One bytes occurrence: {@code length} bytes of {@code buf} from the absolute {@code index}. */
    void bytes(ByteBuffer buf, int index, int length);

    /** One text occurrence. */
    void text(CharSequence text);
}
