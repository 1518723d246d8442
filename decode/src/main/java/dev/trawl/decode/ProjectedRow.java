package dev.trawl.decode;

import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldSink;
import dev.trawl.decode.field.Formats;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The values of a {@link Projection}'s fields in one packet: for each field, in the projection's order, its
 * occurrences outermost first, exactly as the field's extractor reports them from a {@link DecodedPacket}.
 * Integer values are primitive slots, addresses and raw bytes are views (a buffer, an index and a length),
 * and text is kept only for fields whose values are text.
 *
 * <p>Ownership: the row is reused by its {@link Projector} for every packet; it and the views it gives are valid
 * until the next packet is projected, and refer to the caller's bytes (or the decoder's copy of them). Not
 * thread-safe.
 */
public final class ProjectedRow {
    /** The kind of one occurrence. */
    public enum Kind {
        /** An integer ({@link #integer}). */
        INTEGER,
        /** Bytes ({@link #buffer}, {@link #index}, {@link #length}). */
        BYTES,
        /** Text ({@link #text}). */
        TEXT
    }

    private static final byte INTEGER = 0;
    private static final byte BYTES = 1;
    private static final byte OWNED = 2;
    private static final byte TEXT = 3;

    private final Field[] fields;
    private final int[] first;
    private final int[] counts;
    private byte[] kinds = new byte[16];
    /** An integer value, or the index and length of a bytes value ({@code index << 32 | length}). */
    private long[] values = new long[16];
    private CharSequence[] texts;
    private int size;
    ByteBuffer buffer;
    /** Bytes values an extractor reported from another buffer than the packet's, copied. */
    private byte[] owned = new byte[64];
    private ByteBuffer ownedView = ByteBuffer.wrap(owned);
    private int ownedSize;
    long frameNumber;
    boolean specialised;
    private final Sink sink = new Sink();

    ProjectedRow(List<Field> fields) {
        this.fields = fields.toArray(Field[]::new);
        this.first = new int[this.fields.length];
        this.counts = new int[this.fields.length];
    }

    /** The number of fields, one column each. */
    public int fieldCount() {
        return fields.length;
    }

    /** Field {@code f} of the projection. */
    public Field field(int f) {
        return fields[f];
    }

    /** The frame number of the packet. */
    public long frameNumber() {
        return frameNumber;
    }

    /**
     * Whether the values were read by the projection's specialised code, without the general decoder (they are
     * the same either way; this is for measuring).
     */
    public boolean specialised() {
        return specialised;
    }

    /** The number of occurrences of field {@code f} (0 when absent). */
    public int count(int f) {
        return counts[f];
    }

    /** The kind of occurrence {@code k} of field {@code f}. */
    public Kind kind(int f, int k) {
        return switch (kinds[at(f, k)]) {
            case INTEGER -> Kind.INTEGER;
            case TEXT -> Kind.TEXT;
            default -> Kind.BYTES;
        };
    }

    /** The integer value of occurrence {@code k} of field {@code f} (an integer occurrence). */
    public long integer(int f, int k) {
        int i = at(f, k);
        if (kinds[i] != INTEGER) {
            throw new IllegalStateException(fields[f].name() + " occurrence " + k + " is not an integer");
        }
        return values[i];
    }

    /** The buffer that holds the bytes of occurrence {@code k} of field {@code f} (a bytes occurrence). */
    public ByteBuffer buffer(int f, int k) {
        int i = bytesAt(f, k);
        return kinds[i] == OWNED ? ownedView : buffer;
    }

    /** The absolute index of the bytes of occurrence {@code k} of field {@code f} in {@link #buffer}. */
    public int index(int f, int k) {
        return (int) (values[bytesAt(f, k)] >>> 32);
    }

    /** The number of bytes of occurrence {@code k} of field {@code f}. */
    public int length(int f, int k) {
        return (int) values[bytesAt(f, k)];
    }

    /** The text of occurrence {@code k} of field {@code f} (a text occurrence). */
    public CharSequence text(int f, int k) {
        int i = at(f, k);
        if (kinds[i] != TEXT) {
            throw new IllegalStateException(fields[f].name() + " occurrence " + k + " is not text");
        }
        return texts[i];
    }

    /** Appends occurrence {@code k} of field {@code f} as {@code tshark -T fields} prints it. */
    public StringBuilder append(int f, int k, StringBuilder out) {
        int i = at(f, k);
        switch (kinds[i]) {
            case INTEGER:
                return Formats.appendInteger(out, fields[f].type(), values[i]);
            case TEXT:
                return out.append(texts[i]);
            default:
                return Formats.appendBytes(out, fields[f].type(), kinds[i] == OWNED ? ownedView : buffer,
                        (int) (values[i] >>> 32), (int) values[i]);
        }
    }

    private int at(int f, int k) {
        return first[f] + java.util.Objects.checkIndex(k, counts[f]);
    }

    private int bytesAt(int f, int k) {
        int i = at(f, k);
        if (kinds[i] != BYTES && kinds[i] != OWNED) {
            throw new IllegalStateException(fields[f].name() + " occurrence " + k + " is not bytes");
        }
        return i;
    }

    void clear() {
        size = 0;
        ownedSize = 0;
        if (texts != null) {
            Arrays.fill(texts, null); // text is the caller's to keep, not the row's
        }
    }

    /** Starts the occurrences of field {@code f}; fields are filled in order. */
    void begin(int f) {
        first[f] = size;
        counts[f] = 0;
    }

    private int slot(int f, byte kind) {
        if (size == kinds.length) {
            kinds = Arrays.copyOf(kinds, size * 2);
            values = Arrays.copyOf(values, size * 2);
            if (texts != null) {
                texts = Arrays.copyOf(texts, size * 2);
            }
        }
        kinds[size] = kind;
        counts[f]++;
        return size++;
    }

    void integer(int f, long value) {
        int i = slot(f, INTEGER); // before reading values: the slot may grow it
        values[i] = value;
    }

    void bytes(int f, int index, int length) {
        int i = slot(f, BYTES);
        values[i] = (long) index << 32 | length;
    }

    private void otherBytes(int f, ByteBuffer buf, int index, int length) {
        if (ownedSize + length > owned.length) {
            owned = Arrays.copyOf(owned, Math.max(ownedSize + length, owned.length * 2));
            ownedView = ByteBuffer.wrap(owned);
        }
        buf.get(index, owned, ownedSize, length);
        int i = slot(f, OWNED);
        values[i] = (long) ownedSize << 32 | length;
        ownedSize += length;
    }

    private void text(int f, CharSequence text) {
        int i = slot(f, TEXT);
        if (texts == null) {
            texts = new CharSequence[kinds.length];
        }
        texts[i] = text.toString();
    }

    /** Collects field {@code f} from a packet the general decoder decoded. */
    void collect(int f, DecodedPacket packet) {
        begin(f);
        sink.field = f;
        fields[f].extract(packet, sink);
    }

    /** Receives the occurrences an extractor reports. */
    private final class Sink implements FieldSink {
        int field;

        @Override
        public void integer(long value) {
            ProjectedRow.this.integer(field, value);
        }

        @Override
        public void bytes(ByteBuffer buf, int index, int length) {
            if (buf == buffer) {
                ProjectedRow.this.bytes(field, index, length);
            } else {
                otherBytes(field, buf, index, length);
            }
        }

        @Override
        public void text(CharSequence text) {
            ProjectedRow.this.text(field, text);
        }
    }
}
