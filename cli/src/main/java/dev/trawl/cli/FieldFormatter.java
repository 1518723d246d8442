package dev.trawl.cli;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldSink;
import dev.trawl.decode.field.Formats;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects the occurrences of one field in one packet as text, tshark's way (through trawl-decode's
 * {@link Formats}), remembering where each occurrence starts so that the first, the last or all can be
 * written. Reused for every field of every packet: no allocation once its buffers have grown.
 * Not thread-safe.
 */
final class FieldFormatter implements FieldSink {
    final StringBuilder text = new StringBuilder(256);
    private int[] starts = new int[8];
    private int count;
    private Field field;

    /** Collects the occurrences of {@code field} in {@code packet}; returns how many there are. */
    int collect(Field field, DecodedPacket packet) {
        this.field = field;
        text.setLength(0);
        count = 0;
        field.extract(packet, this);
        return count;
    }

    /** Collects the occurrences of {@code field} in one layer. */
    int collect(Field field, DecodedPacket packet, int layer) {
        this.field = field;
        text.setLength(0);
        count = 0;
        field.extract(packet, layer, this);
        return count;
    }

    int count() {
        return count;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return i + 1 < count ? starts[i + 1] : text.length();
    }

    private void mark() {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = text.length();
    }

    @Override
    public void integer(long value) {
        mark();
        Formats.appendInteger(text, field.type(), value);
    }

    @Override
    public void bytes(ByteBuffer buf, int index, int length) {
        mark();
        Formats.appendBytes(text, field.type(), buf, index, length);
    }

    @Override
    public void text(CharSequence value) {
        mark();
        text.append(value);
    }
}
