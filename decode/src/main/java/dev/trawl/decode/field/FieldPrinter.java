package dev.trawl.decode.field;

import dev.trawl.decode.DecodedPacket;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Prints a field's occurrences in one packet as {@code tshark -T fields} prints each value. Two ways to use
 * it:
 * <ul>
 *   <li>{@link #print} appends every occurrence, outermost first, joined with a separator (a comma by
 *       default, as {@code -E occurrence=a -E aggregator=,}), nothing at all when the field is absent;</li>
 *   <li>{@link #collect} keeps the occurrences in the printer's own text buffer ({@link #text()}) with the
 *       bounds of each ({@link #start}, {@link #end}), for output that writes the first, the last, or each in
 *       its own JSON string.</li>
 * </ul>
 *
 * <p>Reusable and not thread-safe. Once its buffers have grown, {@link #collect} allocates nothing for
 * integer and address fields.
 */
public final class FieldPrinter implements FieldSink {
    private final String separator;
    private final StringBuilder text = new StringBuilder(256);
    private int[] starts = new int[8];
    private int count;
    private FieldType type;

    /** A printer that joins occurrences with a comma. */
    public FieldPrinter() {
        this(",");
    }

    /** A printer that joins occurrences with {@code separator}. */
    public FieldPrinter(String separator) {
        this.separator = separator;
    }

    /**
     * Appends the field's occurrences in {@code packet} to {@code out}.
     *
     * @return the number of occurrences printed
     */
    public int print(Field field, DecodedPacket packet, StringBuilder out) {
        return appendTo(out, collect(field, packet));
    }

    /** Appends the field's occurrences in layer {@code layer} of {@code packet} only. */
    public int print(Field field, DecodedPacket packet, int layer, StringBuilder out) {
        return appendTo(out, collect(field, packet, layer));
    }

    /** Returns the field's occurrences in {@code packet} as one string (empty when absent). */
    public String toString(Field field, DecodedPacket packet) {
        StringBuilder sb = new StringBuilder();
        print(field, packet, sb);
        return sb.toString();
    }

    /**
     * Collects the occurrences of {@code field} in {@code packet} into this printer's buffer, replacing what it
     * held.
     *
     * @return the number of occurrences
     */
    public int collect(Field field, DecodedPacket packet) {
        clear(field);
        field.extract(packet, this);
        return count;
    }

    /** Collects the occurrences of {@code field} in layer {@code layer} of {@code packet} alone. */
    public int collect(Field field, DecodedPacket packet, int layer) {
        clear(field);
        field.extract(packet, layer, this);
        return count;
    }

    /** The number of occurrences last collected. */
    public int count() {
        return count;
    }

    /** The text of every occurrence last collected, back to back; valid until the next call. */
    public CharSequence text() {
        return text;
    }

    /** Where occurrence {@code i} starts in {@link #text()}. */
    public int start(int i) {
        return starts[checkIndex(i)];
    }

    /** Where occurrence {@code i} ends in {@link #text()} (exclusive). */
    public int end(int i) {
        return checkIndex(i) + 1 < count ? starts[i + 1] : text.length();
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("occurrence " + i + " of " + count);
        }
        return i;
    }

    private int appendTo(StringBuilder out, int n) {
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                out.append(separator);
            }
            out.append(text, start(k), end(k));
        }
        return n;
    }

    private void clear(Field field) {
        type = field.type();
        text.setLength(0);
        count = 0;
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
        Formats.appendInteger(text, type, value);
    }

    @Override
    public void bytes(ByteBuffer buf, int index, int length) {
        mark();
        Formats.appendBytes(text, type, buf, index, length);
    }

    @Override
    public void text(CharSequence value) {
        mark();
        text.append(value);
    }
}
