package dev.trawl.decode.field;

import dev.trawl.decode.DecodedPacket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The occurrences of one field in one packet as typed values, for display filters and structured output:
 * integers as {@code long}, addresses and raw bytes as byte arrays, text as strings. Each value also has
 * its tshark text form ({@link #text(int)}).
 *
 * <p>Reusable ({@link #collect} clears it) and not thread-safe. Collecting allocates for byte and text
 * values; integer-only fields allocate nothing once the arrays have grown.
 */
public final class FieldValues implements FieldSink {
    /** The kind of one collected value. */
    public enum Kind {
        INTEGER, BYTES, TEXT
    }

    private Field field;
    private int count;
    private Kind[] kinds = new Kind[4];
    private long[] integers = new long[4];
    private final List<Object> objects = new ArrayList<>();

    /** Creates an empty collector. */
    public FieldValues() {
    }

    /** Clears this collector and collects the occurrences of {@code field} in {@code packet}. */
    public FieldValues collect(Field field, DecodedPacket packet) {
        clear(field);
        field.extract(packet, this);
        return this;
    }

    /** Clears this collector and collects the occurrences of {@code field} in layer {@code layer}. */
    public FieldValues collect(Field field, DecodedPacket packet, int layer) {
        clear(field);
        field.extract(packet, layer, this);
        return this;
    }

    private void clear(Field f) {
        this.field = f;
        this.count = 0;
        objects.clear();
    }

    /** The field last collected. */
    public Field field() {
        return field;
    }

    /** The number of occurrences. */
    public int size() {
        return count;
    }

    /** Whether the field was absent. */
    public boolean isEmpty() {
        return count == 0;
    }

    public Kind kind(int i) {
        return kinds[checkIndex(i)];
    }

    /** The integer value of occurrence {@code i} (0 for non-integer values). */
    public long integer(int i) {
        return integers[checkIndex(i)];
    }

    /** The bytes of occurrence {@code i} (a copy), or {@code null} for non-bytes values. */
    public byte[] bytes(int i) {
        Object o = objects.get(checkIndex(i));
        return o instanceof byte[] ? ((byte[]) o).clone() : null;
    }

    /** The text form of occurrence {@code i}, as {@code tshark -T fields} prints it. */
    public String text(int i) {
        checkIndex(i);
        StringBuilder sb = new StringBuilder();
        switch (kinds[i]) {
            case INTEGER:
                return Formats.appendInteger(sb, field.type(), integers[i]).toString();
            case BYTES: {
                byte[] b = (byte[]) objects.get(i);
                return Formats.appendBytes(sb, field.type(), ByteBuffer.wrap(b), 0, b.length).toString();
            }
            default:
                return (String) objects.get(i);
        }
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("occurrence " + i + " of " + count);
        }
        return i;
    }

    private int slot(Kind kind) {
        if (count == kinds.length) {
            kinds = Arrays.copyOf(kinds, count * 2);
            integers = Arrays.copyOf(integers, count * 2);
        }
        kinds[count] = kind;
        integers[count] = 0;
        return count++;
    }

    @Override
    public void integer(long value) {
        int i = slot(Kind.INTEGER);
        integers[i] = value;
        objects.add(null);
    }

    @Override
    public void bytes(ByteBuffer buf, int index, int length) {
        slot(Kind.BYTES);
        byte[] b = new byte[length];
        for (int k = 0; k < length; k++) {
            b[k] = buf.get(index + k);
        }
        objects.add(b);
    }

    @Override
    public void text(CharSequence text) {
        slot(Kind.TEXT);
        objects.add(text.toString());
    }
}
