package dev.trawl.decode.field;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.ProjectedRow;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes decoded packets as {@code tshark -T fields} does: one line per packet, the values of the chosen fields
 * in order, separated, quoted and aggregated as a {@link Format} says (tshark's {@code -E} options). A field
 * absent from a packet leaves its column empty. With {@link Format#TSHARK}, the output of the same fields over
 * the same packets is tshark's byte for byte, as far as the decoder agrees with tshark on each value.
 *
 * <p>Rows of a {@link ProjectedRow projection} go to an output that is also an {@link AsciiSink} as bytes: each
 * line is made in a byte array (integers and IPv4 addresses written straight into it, other values through their
 * text) and handed over in one call, unless a value holds a character beyond ASCII.
 *
 * <p>Not thread-safe. Allocates nothing per packet once its buffers have grown, except for text fields that
 * hold characters beyond ASCII.
 */
public final class FieldsWriter implements DecodedPacketWriter {
    /** Which occurrences of a field that occurs several times in a packet are written. */
    public enum Occurrence {
        /** The first (outermost): {@code -E occurrence=f}. */
        FIRST,
        /** The last (innermost): {@code -E occurrence=l}. */
        LAST,
        /** Every one, joined with the aggregator, outermost first: {@code -E occurrence=a}. */
        ALL
    }

    /**
     * How the columns are laid out: tshark's {@code -E} options.
     *
     * @param header whether a first line names the fields ({@code -E header=y})
     * @param separator what separates columns ({@code -E separator=}; a tab by default)
     * @param occurrence which occurrences are written ({@code -E occurrence=})
     * @param aggregator what joins several occurrences ({@code -E aggregator=}; a comma by default)
     * @param quote what surrounds each non-empty value ({@code -E quote=d} is {@code "},
     *     {@code s} is {@code '}; empty for none, the default)
     */
    public record Format(boolean header, String separator, Occurrence occurrence, String aggregator, String quote) {
        /** tshark's defaults: no header, tabs, every occurrence joined with commas, no quotes. */
        public static final Format TSHARK = new Format(false, "\t", Occurrence.ALL, ",", "");

        public Format {
            Objects.requireNonNull(separator, "separator");
            Objects.requireNonNull(occurrence, "occurrence");
            Objects.requireNonNull(aggregator, "aggregator");
            Objects.requireNonNull(quote, "quote");
        }

        /** This format with a header line, or without. */
        public Format withHeader(boolean header) {
            return new Format(header, separator, occurrence, aggregator, quote);
        }

        /** This format with another column separator. */
        public Format withSeparator(String separator) {
            return new Format(header, separator, occurrence, aggregator, quote);
        }

        /** This format writing other occurrences. */
        public Format withOccurrence(Occurrence occurrence) {
            return new Format(header, separator, occurrence, aggregator, quote);
        }

        /** This format joining occurrences with another aggregator. */
        public Format withAggregator(String aggregator) {
            return new Format(header, separator, occurrence, aggregator, quote);
        }

        /** This format with another quote (empty for none). */
        public Format withQuote(String quote) {
            return new Format(header, separator, occurrence, aggregator, quote);
        }
    }

    /** How a column's values are written as bytes: through their text, ... */
    private static final byte TEXT = 0;
    /** ... as a number in decimal (an integer field printed so), ... */
    private static final byte DECIMAL = 1;
    /** ... or as a dotted quad (an IPv4 address). */
    private static final byte DOTTED = 2;
    /** The most bytes a value written directly takes: 19 digits of a long, or the 15 of a dotted quad. */
    private static final int MAX_DIRECT = 20;

    /** The two digits of 0 to 99, at twice the number. */
    private static final byte[] PAIRS = new byte[200];
    /** For each octet 0 to 255, at four times it: the number of its digits, then its digits (padded). */
    private static final byte[] OCTETS = new byte[1024];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        for (int i = 0; i < 256; i++) {
            String digits = Integer.toString(i);
            OCTETS[4 * i] = (byte) digits.length();
            for (int d = 0; d < digits.length(); d++) {
                OCTETS[4 * i + 1 + d] = (byte) digits.charAt(d);
            }
        }
    }

    private final Appendable out;
    private final Field[] fields;
    private final Format format;
    private final FieldPrinter printer = new FieldPrinter();
    private final StringBuilder line = new StringBuilder(128);
    /** The output as a byte sink, when it is one and the format's own strings are ASCII; else null. */
    private final AsciiSink bytesOut;
    private final byte[] separator;
    private final byte[] aggregator;
    private final byte[] quote;
    /** The line of a row, made as bytes for {@link #bytesOut}. */
    private byte[] bytes = new byte[256];
    /** How each column's values are written into {@link #bytes}: {@link #DECIMAL}, {@link #DOTTED} or as text. */
    private final byte[] writes;
    /** The single byte of the separator, quote and aggregator, or -1 when one is empty or longer. */
    private final int separator1;
    private final int quote1;
    private final int aggregator1;
    /** Whether values are quoted (tshark's default is not). */
    private final boolean quoted;
    /** A column's values as numbers ({@link ProjectedRow#numbers}), grown to the most occurrences met. */
    private long[] numbers = new long[8];
    /** The last row whose columns were checked against the fields (a projector keeps one row). */
    private ProjectedRow checkedRow;
    /** One value's text, when it is not written as bytes directly. */
    private final StringBuilder value = new StringBuilder(64);
    private boolean started;

    /** A writer of {@code fields} in tshark's default layout. */
    public FieldsWriter(Appendable out, List<Field> fields) {
        this(out, fields, Format.TSHARK);
    }

    /**
     * A writer of {@code fields}, in that order, laid out as {@code format} says.
     *
     * @throws IllegalArgumentException if {@code fields} is empty (as tshark refuses {@code -T fields} without
     *     {@code -e})
     */
    public FieldsWriter(Appendable out, List<Field> fields, Format format) {
        this.out = Objects.requireNonNull(out, "out");
        this.fields = fields.toArray(Field[]::new);
        this.format = Objects.requireNonNull(format, "format");
        if (this.fields.length == 0) {
            throw new IllegalArgumentException("a fields writer needs at least one field");
        }
        this.separator = ascii(format.separator());
        this.aggregator = ascii(format.aggregator());
        this.quote = ascii(format.quote());
        this.bytesOut = out instanceof AsciiSink sink && separator != null && aggregator != null && quote != null
                ? sink : null;
        this.writes = new byte[this.fields.length];
        for (int i = 0; i < writes.length; i++) {
            FieldType type = this.fields[i].type();
            writes[i] = type == FieldType.UINT || type == FieldType.INT ? DECIMAL
                    : type == FieldType.IPV4 ? DOTTED : TEXT;
        }
        this.separator1 = single(separator);
        this.quote1 = single(quote);
        this.aggregator1 = single(aggregator);
        this.quoted = !format.quote().isEmpty();
    }

    /** The one byte of {@code b}, or -1 when it is null or not one byte long. */
    private static int single(byte[] b) {
        return b != null && b.length == 1 ? b[0] : -1;
    }

    /** The bytes of {@code s}, or null when it holds a character beyond ASCII. */
    private static byte[] ascii(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            b[i] = (byte) c;
        }
        return b;
    }

    @Override
    public void write(DecodedPacket packet) throws IOException {
        start();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(format.separator());
            }
            int n = printer.collect(fields[i], packet);
            if (n == 0) {
                continue;
            }
            out.append(format.quote());
            CharSequence text = printer.text();
            switch (format.occurrence()) {
                case FIRST -> out.append(text, printer.start(0), printer.end(0));
                case LAST -> out.append(text, printer.start(n - 1), printer.end(n - 1));
                case ALL -> {
                    for (int k = 0; k < n; k++) {
                        if (k > 0) {
                            out.append(format.aggregator());
                        }
                        out.append(text, printer.start(k), printer.end(k));
                    }
                }
            }
            out.append(format.quote());
        }
        out.append('\n');
    }

    @Override
    public boolean writesRows() {
        return true;
    }

    @Override
    public void write(ProjectedRow row) throws IOException {
        if (row != checkedRow) {
            checkColumns(row, fields);
            checkedRow = row;
        }
        start();
        if (bytesOut != null) {
            int end = line(row);
            if (end >= 0) {
                bytesOut.ascii(bytes, 0, end);
                return;
            }
        }
        StringBuilder line = this.line;
        line.setLength(0);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(format.separator());
            }
            int n = row.count(i);
            if (n == 0) {
                continue;
            }
            line.append(format.quote());
            switch (format.occurrence()) {
                case FIRST -> row.append(i, 0, line);
                case LAST -> row.append(i, n - 1, line);
                case ALL -> {
                    for (int k = 0; k < n; k++) {
                        if (k > 0) {
                            line.append(format.aggregator());
                        }
                        row.append(i, k, line);
                    }
                }
            }
            line.append(format.quote());
        }
        out.append(line.append('\n'));
    }

    /**
     * Makes the line of {@code row} in {@link #bytes}; returns its end, or -1 if a value is not ASCII. Written for
     * the client compiler the tool runs with, which inlines little: integers and addresses are read with one
     * call each and written straight into the line, and one-byte separators, quotes and aggregators are stored.
     */
    private int line(ProjectedRow row) {
        int at = 0;
        int from;
        int to;
        Occurrence occurrence = format.occurrence();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                at = separator1 >= 0 ? put(separator1, at) : put(separator, at);
            }
            int n = row.count(i);
            if (n == 0) {
                continue;
            }
            if (quoted) {
                at = quote1 >= 0 ? put(quote1, at) : put(quote, at);
            }
            if (occurrence == Occurrence.ALL) {
                from = 0;
                to = n;
            } else {
                from = occurrence == Occurrence.LAST ? n - 1 : 0;
                to = from + 1;
            }
            byte write = writes[i];
            if (n > this.numbers.length) {
                this.numbers = new long[Math.max(n, 2 * this.numbers.length)];
            }
            int numbers = write == TEXT ? -1 : row.numbers(i, this.numbers, write == DOTTED ? 4 : 0);
            for (int k = from; k < to; k++) {
                if (k > from) {
                    at = aggregator1 >= 0 ? put(aggregator1, at) : put(aggregator, at);
                }
                if (numbers >= 0 && (write == DOTTED || this.numbers[k] >= 0)) {
                    if (at + MAX_DIRECT > bytes.length) {
                        room(at + MAX_DIRECT);
                    }
                    long v = this.numbers[k];
                    at = write == DOTTED ? ipv4((int) v, at) : decimal(v, at);
                } else {
                    at = value(row, i, k, at);
                    if (at < 0) {
                        return -1;
                    }
                }
            }
            if (quoted) {
                at = quote1 >= 0 ? put(quote1, at) : put(quote, at);
            }
        }
        if (at >= bytes.length) {
            room(at + 1);
        }
        bytes[at++] = '\n';
        return at;
    }

    /**
     * Writes occurrence {@code k} of field {@code f} at {@code at} through its text, as {@link ProjectedRow#append}
     * makes it; returns where it ends, or -1 if its text is not ASCII.
     */
    private int value(ProjectedRow row, int f, int k, int at) {
        StringBuilder text = value;
        text.setLength(0);
        row.append(f, k, text);
        int n = text.length();
        room(at + n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            bytes[at + i] = (byte) c;
        }
        return at + n;
    }

    /** Writes {@code v} (not negative) in decimal at {@code at}, where there is room for it; returns its end. */
    private int decimal(long v, int at) {
        int end = at + digits(v);
        byte[] b = bytes;
        int p = end - 1;
        for (; v > 0xFFFF_FFFFL; p--) {
            b[p] = (byte) ('0' + v % 10);
            v /= 10;
        }
        // Below 2^32 a multiplication and a shift divide by a hundred exactly, two digits at a time: the client
        // compiler the tool runs with turns a long division into a call into the JVM.
        long x = v;
        for (; x >= 100; p -= 2) {
            long q = x * 0x51EB_851FL >>> 37;
            int pair = 2 * (int) (x - q * 100);
            b[p] = PAIRS[pair + 1];
            b[p - 1] = PAIRS[pair];
            x = q;
        }
        if (x >= 10) {
            b[p] = PAIRS[2 * (int) x + 1];
            b[p - 1] = PAIRS[2 * (int) x];
        } else {
            b[p] = (byte) ('0' + x);
        }
        return end;
    }

    /** The number of decimal digits of {@code v} (not negative). */
    private static int digits(long v) {
        if (v < 100_000) {
            return v < 100 ? (v < 10 ? 1 : 2) : v < 1_000 ? 3 : v < 10_000 ? 4 : 5;
        }
        if (v < 10_000_000_000L) {
            return v < 10_000_000 ? (v < 1_000_000 ? 6 : 7) : v < 100_000_000 ? 8 : v < 1_000_000_000 ? 9 : 10;
        }
        int digits = 11;
        for (long limit = 100_000_000_000L; digits < 19 && v >= limit; limit *= 10) {
            digits++;
        }
        return digits;
    }

    /** Writes the IPv4 address {@code a} in dotted decimal at {@code at}, where there is room; returns its end. */
    private int ipv4(int a, int at) {
        byte[] b = bytes;
        at = octet(b, a >>> 24, at);
        b[at++] = '.';
        at = octet(b, a >>> 16 & 0xFF, at);
        b[at++] = '.';
        at = octet(b, a >>> 8 & 0xFF, at);
        b[at++] = '.';
        return octet(b, a & 0xFF, at);
    }

    /** Writes {@code v} (0 to 255) in decimal at {@code at}; returns its end. */
    private static int octet(byte[] b, int v, int at) {
        int o = 4 * v;
        b[at] = OCTETS[o + 1];
        b[at + 1] = OCTETS[o + 2];
        b[at + 2] = OCTETS[o + 3];
        return at + OCTETS[o];
    }

    private int put(byte[] b, int at) {
        room(at + b.length);
        System.arraycopy(b, 0, bytes, at, b.length);
        return at + b.length;
    }

    private int put(int b, int at) {
        if (at >= bytes.length) {
            room(at + 1);
        }
        bytes[at] = (byte) b;
        return at + 1;
    }

    private void room(int size) {
        if (size > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size, 2 * bytes.length));
        }
    }

    /** Checks that {@code row}'s first fields are {@code fields}, in that order. */
    static void checkColumns(ProjectedRow row, Field[] fields) {
        if (row.fieldCount() < fields.length) {
            throw new IllegalArgumentException("the row has " + row.fieldCount() + " fields, the writer "
                    + fields.length);
        }
        for (int i = 0; i < fields.length; i++) {
            if (row.field(i) != fields[i]) {
                throw new IllegalArgumentException("column " + i + " is " + row.field(i).name() + ", not "
                        + fields[i].name());
            }
        }
    }

    /** Writes the header line, when the format has one and no packet was written. */
    @Override
    public void finish() throws IOException {
        start();
    }

    private void start() throws IOException {
        if (started) {
            return;
        }
        started = true;
        if (!format.header()) {
            return;
        }
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(format.separator());
            }
            out.append(fields[i].name()); // tshark quotes values, not the names above them
        }
        out.append('\n');
    }
}
