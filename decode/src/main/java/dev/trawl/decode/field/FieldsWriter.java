package dev.trawl.decode.field;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.ProjectedRow;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Writes decoded packets as {@code tshark -T fields} does: one line per packet, the values of the chosen fields
 * in order, separated, quoted and aggregated as a {@link Format} says (tshark's {@code -E} options). A field
 * absent from a packet leaves its column empty. With {@link Format#TSHARK}, the output of the same fields over
 * the same packets is tshark's byte for byte, as far as the decoder agrees with tshark on each value.
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

    private final Appendable out;
    private final Field[] fields;
    private final Format format;
    private final FieldPrinter printer = new FieldPrinter();
    private final StringBuilder line = new StringBuilder(128);
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
        checkColumns(row, fields);
        start();
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

    /** Checks that {@code row}'s fields are {@code fields}, in that order. */
    static void checkColumns(ProjectedRow row, Field[] fields) {
        if (row.fieldCount() != fields.length) {
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
