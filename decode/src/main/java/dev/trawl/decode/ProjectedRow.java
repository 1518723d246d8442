package dev.trawl.decode;

import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldSink;
import dev.trawl.decode.field.Formats;
import dev.trawl.decode.layer.Dns;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The values of a {@link Projection}'s fields in one packet: for each field, in the projection's order, its
 * occurrences outermost first, exactly as the field's extractor reports them from a {@link DecodedPacket}.
 * Integer values are primitive, addresses and raw bytes are views (a buffer, an index and a length), and text
 * is a view of characters the row keeps.
 *
 * <p>A packet read from its bytes is not copied into the row: code generated for the projection's fields reads
 * each value (an integer, or where an address lies in the packet) into a slot of its own, and text is made only
 * for the fields that are text. A packet is filled only when first asked for more than a first occurrence as a
 * number ({@link #longOr}), which is read straight from the bytes.
 *
 * <p>Ownership: the row is reused by its {@link Projector} for every packet; it, the views it gives and the text
 * it gives are valid until the next packet is projected, and refer to the caller's bytes (or the decoder's copy
 * of them). Keep text with {@code toString()}. Not thread-safe.
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

    /** What a field read by the generated fill is, in a packet read from its bytes: not one, an integer, bytes. */
    private static final byte NOT_FIXED = 0;
    private static final byte FIXED_INTEGER = 1;
    private static final byte FIXED_BYTES = 2;

    private final Field[] fields;
    /**
     * For each field, whether the generated fill reads it ({@link #FIXED_INTEGER}, {@link #FIXED_BYTES}) into
     * {@link #fixedValues}; the other fields' occurrences are in the slots (every field of a decoded packet, the
     * fields found by walking a message).
     */
    private final byte[] fixedKind;
    /** The length of each bytes field the fill reads. */
    private final int[] fixedLength;
    /** The occurrences the fill reads: field {@code f}'s from {@code FieldFill.SLOTS * f}. */
    final long[] fixedValues;
    private final int[] first;
    /** The number of occurrences of each field, whichever way it was read. */
    final int[] counts;
    private byte[] kinds = new byte[16];
    /**
     * An integer value, or the index and length of a bytes value ({@code index << 32 | length}), or the start and
     * end of a text value in {@link #chars}.
     */
    private long[] values = new long[16];
    /** The text of the text values, {@link #charCount} chars of it. */
    private char[] chars = new char[512];
    private int charCount;
    /** Where a name that is not spelled straight into {@link #chars} is spelled first. */
    private StringBuilder spelling;
    private TextView[] views = new TextView[0];
    private int size;
    ByteBuffer buffer;
    /** The bytes of a packet read from them. */
    byte[] array;
    /** Bytes values an extractor reported from another buffer than the packet's, copied. */
    private byte[] owned = new byte[64];
    private ByteBuffer ownedView = ByteBuffer.wrap(owned);
    private int ownedSize;
    long frameNumber;
    long timestampSeconds;
    int timestampNanos;
    boolean specialised;
    /**
     * Of a packet read from its bytes: where the first and the second header of each kind ({@link FixedField#ETH}...)
     * start in {@link #array}, or -1; the frame's "header" is always there.
     */
    final int[] outer = new int[FixedField.HEADERS];
    final int[] inner = new int[FixedField.HEADERS];
    /** Where the DNS message ends. */
    int dnsEnd;
    /** Whether the fill is still to read this packet (read from its bytes) into the slots. */
    private boolean pending;
    /** Whether that packet is tunnelled: its headers are in {@link #outer} and {@link #inner}. */
    private boolean tunnelled;
    /** Of a {@link #pending} packet: where each of its headers starts in {@link #array}, or -1. */
    int ethAt;
    int ipAt;
    int ipv6At;
    int tcpAt;
    int udpAt;
    int dnsAt;
    private final FieldFill fill;
    /** The frame's captured and original lengths and link type, for the frame fields. */
    int capturedLength;
    int originalLength;
    int linkType;
    private final Sink sink = new Sink();

    ProjectedRow(List<Field> fields, FixedField[] fixed, FieldFill fill) {
        this.fields = fields.toArray(Field[]::new);
        this.fill = fill;
        this.first = new int[this.fields.length];
        this.counts = new int[this.fields.length];
        this.fixedKind = new byte[this.fields.length];
        this.fixedLength = new int[this.fields.length];
        this.fixedValues = new long[FieldFill.SLOTS * this.fields.length];
        for (int f = 0; fixed != null && f < fixed.length; f++) {
            if (!fixed[f].eager) {
                fixedKind[f] = fixed[f].bytes ? FIXED_BYTES : FIXED_INTEGER;
                fixedLength[f] = fixed[f].size;
            }
        }
        Arrays.fill(outer, -1);
        Arrays.fill(inner, -1);
        outer[FixedField.FRAME] = 0;
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

    /** Whether the packet has a capture timestamp. */
    public boolean hasTimestamp() {
        return timestampSeconds != DecodedPacket.NO_TIMESTAMP;
    }

    /** Seconds of the capture timestamp since the epoch ({@link DecodedPacket#NO_TIMESTAMP} when it has none). */
    public long timestampSeconds() {
        return timestampSeconds;
    }

    /** Nanoseconds within the second of the capture timestamp. */
    public int timestampNanos() {
        return timestampNanos;
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
        settle(f);
        return counts[f];
    }

    /** The kind of occurrence {@code k} of field {@code f}. */
    public Kind kind(int f, int k) {
        settle(f);
        byte x;
        if (specialised && (x = fixedKind[f]) != NOT_FIXED) {
            Objects.checkIndex(k, counts[f]);
            return x == FIXED_BYTES ? Kind.BYTES : Kind.INTEGER;
        }
        return switch (kinds[at(f, k)]) {
            case INTEGER -> Kind.INTEGER;
            case TEXT -> Kind.TEXT;
            default -> Kind.BYTES;
        };
    }

    /** The integer value of occurrence {@code k} of field {@code f} (an integer occurrence). */
    public long integer(int f, int k) {
        settle(f);
        if (specialised && fixedKind[f] == FIXED_INTEGER) {
            return fixedValues[FieldFill.SLOTS * f + Objects.checkIndex(k, counts[f])];
        }
        return slotInteger(f, k);
    }

    private long slotInteger(int f, int k) {
        if (specialised && fixedKind[f] == FIXED_BYTES) {
            throw notA(f, k, "an integer");
        }
        int i = at(f, k);
        if (kinds[i] != INTEGER) {
            throw notA(f, k, "an integer");
        }
        return values[i];
    }

    /**
     * The first occurrence of field {@code f} as a {@link #number}, or {@code absent} when the packet has none:
     * the typed read of a column that keeps one value per packet (the first, as the decoder's {@code find} of a
     * layer), with no count to ask and no view to read.
     *
     * @throws IllegalStateException if that occurrence is text, or bytes longer than 8
     */
    public long longOr(int f, long absent) {
        if (pending) {
            return fill.firstOr(this, array, f, absent);
        }
        return filledLongOr(f, absent);
    }

    /** {@link #longOr} of the filled row: of a field the generated first read does not read, or once filled. */
    long filledLongOr(int f, long absent) {
        settle(f);
        int n = counts[f];
        if (specialised) {
            byte x = fixedKind[f];
            if (x == FIXED_INTEGER) {
                return n > 0 ? fixedValues[FieldFill.SLOTS * f] : absent;
            }
            if (x == FIXED_BYTES && n > 0) {
                return bigEndian(array, (int) fixedValues[FieldFill.SLOTS * f], fixedLength[f], f, 0);
            }
        }
        return n == 0 ? absent : slotNumber(f, 0);
    }

    /**
     * Occurrence {@code k} of field {@code f} as a number: an integer occurrence's value, or the bytes of a bytes
     * occurrence of at most 8 (an IPv4 or MAC address) as a big-endian unsigned number.
     *
     * @throws IllegalStateException if that occurrence is text, or bytes longer than 8
     */
    public long number(int f, int k) {
        settle(f);
        if (specialised) {
            byte x = fixedKind[f];
            if (x == FIXED_INTEGER) {
                return fixedValues[FieldFill.SLOTS * f + Objects.checkIndex(k, counts[f])];
            }
            if (x == FIXED_BYTES) {
                return bigEndian(array, (int) fixedValues[FieldFill.SLOTS * f + Objects.checkIndex(k, counts[f])],
                        fixedLength[f], f, k);
            }
        }
        return slotNumber(f, k);
    }

    /**
     * Copies every occurrence of field {@code f} as a {@link #number} into {@code out} (from index 0), when each is
     * an integer ({@code width} 0) or each is bytes exactly {@code width} long (at most 8); returns how many, or -1
     * (with {@code out} unspecified) when some occurrence is not. The read of a writer that turns whole columns
     * into text, one call per field.
     *
     * @throws IndexOutOfBoundsException if {@code out} is shorter than the occurrences
     */
    public int numbers(int f, long[] out, int width) {
        settle(f);
        int n = counts[f];
        if (specialised) {
            byte x = fixedKind[f];
            int slot = FieldFill.SLOTS * f;
            if (x == FIXED_INTEGER && width == 0) {
                for (int k = 0; k < n; k++) {
                    out[k] = fixedValues[slot + k];
                }
                return n;
            }
            if (x == FIXED_BYTES && fixedLength[f] == width && width <= Long.BYTES) {
                byte[] b = array;
                for (int k = 0; k < n; k++) {
                    int at = (int) fixedValues[slot + k];
                    // written out, not FieldFill.u32: the tool's client compiler would call it for every address
                    out[k] = width == 4
                            ? (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8
                                    | (b[at + 3] & 0xFF)
                            : bigEndian(b, at, width, f, k);
                }
                return n;
            }
            if (x != NOT_FIXED) {
                return n == 0 ? 0 : -1;
            }
        }
        for (int k = 0, i = first[f]; k < n; k++, i++) {
            byte kind = kinds[i];
            if (width == 0 ? kind != INTEGER : kind == INTEGER || kind == TEXT || (int) values[i] != width
                    || width > Long.BYTES) {
                return -1;
            }
            out[k] = slotNumber(f, k);
        }
        return n;
    }

    private long slotNumber(int f, int k) {
        int i = at(f, k);
        switch (kinds[i]) {
            case INTEGER:
                return values[i];
            case TEXT:
                throw notA(f, k, "a number");
            default:
                int length = (int) values[i];
                if (length > Long.BYTES) {
                    throw notA(f, k, "a number (it is " + length + " bytes)");
                }
                ByteBuffer b = kinds[i] == OWNED ? ownedView : buffer;
                long v = 0;
                for (int p = (int) (values[i] >>> 32), end = p + length; p < end; p++) {
                    v = v << 8 | (b.get(p) & 0xFF);
                }
                return v;
        }
    }

    /**
     * The {@code length} bytes of occurrence {@code k} of field {@code f} at {@code at} in {@code b}, as a
     * big-endian unsigned number.
     */
    private long bigEndian(byte[] b, int at, int length, int f, int k) {
        if (length > Long.BYTES) {
            throw notA(f, k, "a number (it is " + length + " bytes)");
        }
        return FieldFill.bigEndian(b, at, length);
    }

    /** The buffer that holds the bytes of occurrence {@code k} of field {@code f} (a bytes occurrence). */
    public ByteBuffer buffer(int f, int k) {
        settle(f);
        if (specialised && fixedKind[f] != NOT_FIXED) {
            fixedBytes(f, k);
            return buffer;
        }
        int i = bytesAt(f, k);
        return kinds[i] == OWNED ? ownedView : buffer;
    }

    /** The absolute index of the bytes of occurrence {@code k} of field {@code f} in {@link #buffer}. */
    public int index(int f, int k) {
        settle(f);
        if (specialised && fixedKind[f] != NOT_FIXED) {
            return fixedBytes(f, k);
        }
        return (int) (values[bytesAt(f, k)] >>> 32);
    }

    /** The number of bytes of occurrence {@code k} of field {@code f}. */
    public int length(int f, int k) {
        settle(f);
        if (specialised && fixedKind[f] != NOT_FIXED) {
            fixedBytes(f, k);
            return fixedLength[f];
        }
        return (int) values[bytesAt(f, k)];
    }

    /** The text of occurrence {@code k} of field {@code f} (a text occurrence), valid as the row is. */
    public CharSequence text(int f, int k) {
        settle(f);
        if (specialised && fixedKind[f] != NOT_FIXED) {
            throw notA(f, k, "text");
        }
        int i = at(f, k);
        if (kinds[i] != TEXT) {
            throw notA(f, k, "text");
        }
        TextView view = views[i];
        view.start = (int) (values[i] >>> 32);
        view.end = (int) values[i];
        return view;
    }

    /**
     * Reports the occurrences of field {@code f} to {@code sink} as its extractor reports them from the decoded
     * packet: integers, bytes (views of the row's buffers, valid as the row is) and text.
     */
    public void replay(int f, FieldSink sink) {
        for (int k = 0, n = count(f); k < n; k++) {
            switch (kind(f, k)) {
                case INTEGER -> sink.integer(integer(f, k));
                case BYTES -> sink.bytes(buffer(f, k), index(f, k), length(f, k));
                case TEXT -> sink.text(text(f, k));
            }
        }
    }

    /** Appends occurrence {@code k} of field {@code f} as {@code tshark -T fields} prints it. */
    public StringBuilder append(int f, int k, StringBuilder out) {
        settle(f);
        byte x;
        if (specialised && (x = fixedKind[f]) != NOT_FIXED) {
            long value = fixedValues[FieldFill.SLOTS * f + Objects.checkIndex(k, counts[f])];
            return x == FIXED_BYTES
                    ? Formats.appendBytes(out, fields[f].type(), buffer, (int) value, fixedLength[f])
                    : Formats.appendInteger(out, fields[f].type(), value);
        }
        int i = at(f, k);
        switch (kinds[i]) {
            case INTEGER:
                return Formats.appendInteger(out, fields[f].type(), values[i]);
            case TEXT:
                int start = (int) (values[i] >>> 32);
                return out.append(chars, start, (int) values[i] - start);
            default:
                return Formats.appendBytes(out, fields[f].type(), kinds[i] == OWNED ? ownedView : buffer,
                        (int) (values[i] >>> 32), (int) values[i]);
        }
    }

    /** Where occurrence {@code k} of bytes field {@code f}, read by the fill, starts in {@link #array}. */
    private int fixedBytes(int f, int k) {
        int slot = FieldFill.SLOTS * f + Objects.checkIndex(k, counts[f]);
        if (fixedKind[f] != FIXED_BYTES) {
            throw notA(f, k, "bytes");
        }
        return (int) fixedValues[slot];
    }

    private IllegalStateException notA(int f, int k, String what) {
        return new IllegalStateException(fields[f].name() + " occurrence " + k + " is not " + what);
    }

    private int at(int f, int k) {
        return first[f] + Objects.checkIndex(k, counts[f]);
    }

    private int bytesAt(int f, int k) {
        int i = at(f, k);
        if (kinds[i] != BYTES && kinds[i] != OWNED) {
            throw notA(f, k, "bytes");
        }
        return i;
    }

    /**
     * Makes this packet, read from its bytes, wait for the fill: the first header of each kind starts at the given
     * index of {@link #array} (or -1), and its DNS message at {@code dns} (or -1). A packet with no tunnel is filled
     * from these; a tunnelled one ({@link #pendingTunnel}) from the headers it noted.
     */
    void pending(int eth, int ip, int ipv6, int tcp, int udp, int dns) {
        ethAt = eth;
        ipAt = ip;
        ipv6At = ipv6;
        tcpAt = tcp;
        udpAt = udp;
        dnsAt = dns;
        pending = true;
        tunnelled = false;
    }

    /**
     * Makes a tunnelled packet, read from its bytes, wait for the fill, which reads the headers noted in
     * {@link #outer} and {@link #inner}; its first headers of each kind are the ones the first reads read.
     */
    void pendingTunnel() {
        int[] o = outer;
        pending(o[FixedField.ETH], o[FixedField.IP], o[FixedField.IPV6], o[FixedField.TCP], o[FixedField.UDP], -1);
        tunnelled = true;
    }

    /** Fills a {@link #pending} packet's slots, if field {@code f} is one the fill reads. */
    private void settle(int f) {
        if (pending && fixedKind[f] != NOT_FIXED) {
            pending = false;
            if (tunnelled) {
                fill.fill(this, array, outer, inner, fixedValues, counts);
            } else {
                fill.fillFrame(this, array, ethAt, ipAt, ipv6At, tcpAt, udpAt, dnsAt, fixedValues, counts);
            }
        }
    }

    /** Starts the row of the next packet, frame {@code frame}, with its timestamp. */
    void start(long frame, long seconds, int nanos) {
        clear();
        frameNumber = frame;
        timestampSeconds = seconds;
        timestampNanos = nanos;
    }

    /** Notes the bytes (in {@code array}, viewed by {@code view}) of a packet to be read from them. */
    void frame(byte[] array, ByteBuffer view, int capturedLength, int originalLength, int linkType) {
        if (this.array != array || this.buffer != view) { // as a rule the last packet's: no store for the collector
            this.array = array;
            this.buffer = view;
        }
        this.capturedLength = capturedLength;
        this.originalLength = originalLength;
        this.linkType = linkType;
    }

    private void clear() {
        pending = false;
        size = 0;
        ownedSize = 0;
        charCount = 0;
    }

    /** Forgets the headers of the last packet read from its bytes. */
    void clearHeaders() {
        int[] o = outer;
        int[] n = inner;
        // only a tunnelled frame gives second headers, and it always has a second Ethernet header
        boolean tunnelled = n[FixedField.ETH] >= 0;
        for (int h = FixedField.ETH; h < FixedField.HEADERS; h++) {
            o[h] = -1;
        }
        for (int h = FixedField.ETH; tunnelled && h < FixedField.HEADERS; h++) {
            n[h] = -1;
        }
    }

    /**
     * Notes a header of kind {@code h} at {@code at}: the packet's first of its kind, or the second (of a tunnelled
     * frame, whatever the kind of the first frame's headers).
     */
    void header(int h, int at) {
        if (outer[h] < 0) {
            outer[h] = at;
        } else {
            inner[h] = at;
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
        int length = text.length();
        int start = reserve(length);
        if (text instanceof String string) {
            string.getChars(0, length, chars, start);
        } else {
            for (int c = 0; c < length; c++) {
                chars[start + c] = text.charAt(c);
            }
        }
        addText(f, start, start + length);
    }

    /** Makes room for {@code length} more chars of text, and says where they go. */
    private int reserve(int length) {
        if (charCount + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(charCount + length, chars.length * 2));
        }
        return charCount;
    }

    /** Adds the text in {@code chars[start, end)} as an occurrence of field {@code f}. */
    private void addText(int f, int start, int end) {
        int i = textSlot(f);
        values[i] = (long) start << 32 | end;
        charCount = end;
    }

    /** A slot for a text occurrence of field {@code f}, with its view. */
    private int textSlot(int f) {
        int i = slot(f, TEXT);
        if (views.length <= i) {
            int old = views.length;
            views = Arrays.copyOf(views, kinds.length);
            for (int v = old; v < views.length; v++) {
                views[v] = new TextView();
            }
        }
        return i;
    }

    /**
     * Adds to field {@code f} the name of the question at {@code rel} in DNS message {@code dns} if the question is
     * whole, as {@link dev.trawl.decode.internal.application.DnsFields#questionNames} does, and returns the relative
     * offset just past it; returns -1 (adding nothing) if it is not. A name of the common kind is spelled straight
     * into the row's text.
     */
    int addQuestionName(int f, Dns dns, int rel) {
        int at = reserve(Dns.MAX_NAME + 2);
        int next = dns.spellQuestion(rel, chars, at);
        if (next >= 0) {
            addText(f, at + 1, at + 1 + dns.spelled());
            return next;
        }
        next = dns.afterQuestion(rel);
        if (next < 0) {
            return -1;
        }
        StringBuilder name = spelling == null ? spelling = new StringBuilder(64) : spelling;
        name.setLength(0);
        if (!dns.appendName(rel, name)) {
            return -1;
        }
        text(f, name);
        return next;
    }

    /** Collects field {@code f} from a packet the general decoder decoded. */
    void collect(int f, DecodedPacket packet) {
        begin(f);
        sink.field = f;
        fields[f].extract(packet, sink);
    }

    /** The sink that adds what it receives to field {@code f}'s occurrences, which {@link #begin} started. */
    FieldSink sink(int f) {
        sink.field = f;
        return sink;
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

    /** A text occurrence: characters of the row's text, valid until the next packet. */
    private final class TextView implements CharSequence {
        int start;
        int end;

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public char charAt(int index) {
            return chars[start + Objects.checkIndex(index, end - start)];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            Objects.checkFromToIndex(from, to, end - start);
            return new String(chars, start + from, to - from);
        }

        @Override
        public String toString() {
            return new String(chars, start, end - start);
        }
    }
}
