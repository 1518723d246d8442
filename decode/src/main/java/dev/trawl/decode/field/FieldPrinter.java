package dev.trawl.decode.field;

import dev.trawl.decode.DecodedPacket;
import java.nio.ByteBuffer;

/**
 * Prints a field's occurrences in one packet the way {@code tshark -T fields -E occurrence=a
 * -E aggregator=,} does: every occurrence, outermost first, joined with a separator (a comma by default);
 * nothing at all when the field is absent.
 *
 * <p>Reusable and not thread-safe; it allocates only what the {@link StringBuilder} needs.
 */
public final class FieldPrinter implements FieldSink {
    private final String separator;
    private StringBuilder out;
    private FieldType type;
    private int occurrences;

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
        this.out = out;
        this.type = field.type();
        this.occurrences = 0;
        field.extract(packet, this);
        this.out = null;
        return occurrences;
    }

    /** Appends the field's occurrences in layer {@code layer} of {@code packet} only. */
    public int print(Field field, DecodedPacket packet, int layer, StringBuilder out) {
        this.out = out;
        this.type = field.type();
        this.occurrences = 0;
        field.extract(packet, layer, this);
        this.out = null;
        return occurrences;
    }

    /** Returns the field's occurrences in {@code packet} as one string (empty when absent). */
    public String toString(Field field, DecodedPacket packet) {
        StringBuilder sb = new StringBuilder();
        print(field, packet, sb);
        return sb.toString();
    }

    private void separate() {
        if (occurrences++ > 0) {
            out.append(separator);
        }
    }

    @Override
    public void integer(long value) {
        separate();
        Formats.appendInteger(out, type, value);
    }

    @Override
    public void bytes(ByteBuffer buf, int index, int length) {
        separate();
        Formats.appendBytes(out, type, buf, index, length);
    }

    @Override
    public void text(CharSequence text) {
        separate();
        out.append(text);
    }
}
