package dev.trawl.decode.field;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.ProjectedRow;
import dev.trawl.decode.Protocols;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Writes decoded packets as {@code tshark -T json} or {@code tshark -T ek} does, packet by packet, so that
 * memory stays flat whatever the capture's size.
 *
 * <ul>
 *   <li>{@link #json}: one array of packet objects ({@code _index}, {@code _type}, {@code _score},
 *       {@code _source.layers}), indented as tshark indents it;</li>
 *   <li>{@link #ek}: Elasticsearch's bulk format, an index line and a one-line document per packet, field names
 *       with {@code _} for {@code .}, and the packet's time in milliseconds.</li>
 * </ul>
 *
 * With chosen fields (tshark's {@code -e}), {@code layers} maps each field that has a value to the array of its
 * values; without, it holds one object per layer ({@code frame}, then each decoded protocol, outermost first)
 * with every registered field of that layer that has a value, a field that occurs several times as an array.
 * Values are printed as {@link FieldPrinter} prints them. The index name is {@code packets-YYYY-MM-DD}, the
 * packet's day in the JVM's default time zone, as tshark names it. With chosen fields, the output over the same
 * packets is tshark's byte for byte, as far as the decoder agrees with tshark on each value.
 *
 * <p>Not thread-safe.
 */
public final class JsonWriter implements DecodedPacketWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Appendable out;
    private final boolean ek;
    private final FieldRegistry registry;
    private final Field[] selected;
    /** The keys of the chosen fields: their names, with {@code _} for {@code .} in ek. */
    private final String[] selectedKeys;
    /** What goes before a layer or field (json indents, ek does not), before a value, and after a key. */
    private final String indent;
    private final String innerIndent;
    private final String colon;
    private final FieldPrinter printer = new FieldPrinter();
    private final StringBuilder number = new StringBuilder(20);
    private final StringBuilder value = new StringBuilder(40);
    private final ZoneId zone = ZoneId.systemDefault();
    private boolean started;
    private boolean first = true;
    private long indexDay = Long.MIN_VALUE;
    private String indexName;

    private JsonWriter(Appendable out, boolean ek, FieldRegistry registry, List<Field> fields) {
        this.out = Objects.requireNonNull(out, "out");
        this.ek = ek;
        this.indent = ek ? "" : "\n        ";
        this.innerIndent = ek ? "" : "\n          ";
        this.colon = ek ? ":" : ": ";
        this.registry = Objects.requireNonNull(registry, "registry");
        this.selected = fields.toArray(Field[]::new);
        this.selectedKeys = new String[selected.length];
        for (int i = 0; i < selected.length; i++) {
            selectedKeys[i] = ek ? selected[i].name().replace('.', '_') : selected[i].name();
        }
    }

    /**
     * A writer of {@code tshark -T json}.
     *
     * @param registry the fields written for each layer when {@code fields} is empty
     * @param fields the fields to write ({@code -e}), in order; empty for every field of every layer
     */
    public static JsonWriter json(Appendable out, FieldRegistry registry, List<Field> fields) {
        return new JsonWriter(out, false, registry, fields);
    }

    /**
     * A writer of {@code tshark -T ek}.
     *
     * @param registry the fields written for each layer when {@code fields} is empty
     * @param fields the fields to write ({@code -e}), in order; empty for every field of every layer
     */
    public static JsonWriter ek(Appendable out, FieldRegistry registry, List<Field> fields) {
        return new JsonWriter(out, true, registry, fields);
    }

    @Override
    public void write(DecodedPacket p) throws IOException {
        begin(p.hasTimestamp(), p.timestampSeconds(), p.timestampNanos());
        if (selected.length > 0) {
            selectedFields(p, null);
        } else {
            allLayers(p);
        }
        end();
    }

    /** True when fields were chosen: their rows are written as the packets would be. */
    @Override
    public boolean writesRows() {
        return selected.length > 0;
    }

    @Override
    public void write(ProjectedRow row) throws IOException {
        if (selected.length == 0) {
            throw new UnsupportedOperationException("a writer of every field writes decoded packets only");
        }
        FieldsWriter.checkColumns(row, selected);
        begin(row.hasTimestamp(), row.timestampSeconds(), row.timestampNanos());
        selectedFields(null, row);
        end();
    }

    /** Writes what comes before a packet's layers. */
    private void begin(boolean hasTimestamp, long seconds, int nanos) throws IOException {
        start();
        String index = index(hasTimestamp ? seconds : 0);
        if (ek) {
            out.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_type\":\"doc\"}}\n");
            long millis = hasTimestamp ? seconds * 1000 + nanos / 1_000_000 : 0;
            number.setLength(0);
            out.append("{\"timestamp\":\"").append(number.append(millis)).append("\",\"layers\":{");
        } else {
            if (!first) {
                out.append(",\n");
            }
            out.append("  {\n    \"_index\": \"").append(index).append("\",\n    \"_type\": \"doc\",\n")
                    .append("    \"_score\": null,\n    \"_source\": {\n      \"layers\": {");
        }
    }

    /** Writes what comes after a packet's layers. */
    private void end() throws IOException {
        out.append(ek ? "}}\n" : "\n      }\n    }\n  }");
        first = false;
    }

    /** Closes json's array (opening it first when no packet was written); ek has nothing to close. */
    @Override
    public void finish() throws IOException {
        start();
        if (!ek) {
            out.append(first ? "]\n" : "\n]\n");
        }
    }

    private void start() throws IOException {
        if (!started) {
            started = true;
            if (!ek) {
                out.append("[\n");
            }
        }
    }

    private String index(long seconds) {
        long local = seconds + zone.getRules().getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
        long day = Math.floorDiv(local, 86_400);
        if (day != indexDay) {
            indexDay = day;
            indexName = "packets-" + LocalDate.ofEpochDay(day);
        }
        return indexName;
    }

    /**
     * Writes {@code "name": ["v", ...]} for each chosen field that has values: those of the projected
     * {@code row} when it is given, else those {@link FieldPrinter} finds in {@code p}.
     */
    private void selectedFields(DecodedPacket p, ProjectedRow row) throws IOException {
        boolean any = false;
        for (int i = 0; i < selected.length; i++) {
            int n = row != null ? row.count(i) : printer.collect(selected[i], p);
            if (n == 0) {
                continue;
            }
            out.append(any ? "," : "").append(indent);
            any = true;
            string(selectedKeys[i], 0, selectedKeys[i].length());
            out.append(colon).append('[');
            for (int k = 0; k < n; k++) {
                out.append(k > 0 ? "," : "").append(innerIndent);
                if (row != null) {
                    value.setLength(0);
                    row.append(i, k, value);
                    string(value, 0, value.length());
                } else {
                    string(printer.text(), printer.start(k), printer.end(k));
                }
            }
            out.append(innerIndent.isEmpty() ? "" : indent).append(']');
        }
    }

    /** Writes one object per layer: {@code frame}, then each decoded protocol, with the fields that have values. */
    private void allLayers(DecodedPacket p) throws IOException {
        layer(p, "frame", registry.fieldsOf(-1), -1, false, indent, innerIndent);
        for (int i = 0; i < p.layerCount(); i++) {
            if (!nested(p, i)) {
                layer(p, p.protocolName(i), registry.fieldsOf(p.protocol(i)), i, true, indent, innerIndent);
            }
        }
    }

    /**
     * Whether layer {@code i} is the data an ICMP message carries, which Wireshark shows inside the ICMP layer's
     * tree (and so its JSON), not beside it.
     */
    private static boolean nested(DecodedPacket p, int i) {
        return i > 0 && i < p.layerCount() && p.protocol(i) == Protocols.DATA
                && (p.protocol(i - 1) == Protocols.ICMP || p.protocol(i - 1) == Protocols.ICMPV6);
    }

    /** Writes one layer's object; {@code indent} and {@code innerIndent} deepen for a layer nested in another. */
    private void layer(DecodedPacket p, String protocol, List<Field> fields, int layer, boolean comma, String indent,
            String innerIndent) throws IOException {
        out.append(comma ? "," : "").append(indent);
        string(protocol, 0, protocol.length());
        out.append(colon).append('{');
        boolean any = false;
        for (Field f : fields) {
            int n = layer < 0 ? printer.collect(f, p) : printer.collect(f, p, layer);
            if (n == 0) {
                continue;
            }
            out.append(any ? "," : "").append(innerIndent);
            any = true;
            String key = ek ? protocol + "_" + f.name().replace('.', '_') : f.name();
            string(key, 0, key.length());
            out.append(colon);
            if (n == 1) {
                string(printer.text(), printer.start(0), printer.end(0));
            } else {
                out.append('[');
                for (int k = 0; k < n; k++) {
                    out.append(k > 0 ? "," : "");
                    string(printer.text(), printer.start(k), printer.end(k));
                }
                out.append(']');
            }
        }
        if (layer >= 0 && nested(p, layer + 1)) {
            out.append(any ? "," : "");
            any = true;
            layer(p, p.protocolName(layer + 1), registry.fieldsOf(p.protocol(layer + 1)), layer + 1, false, innerIndent,
                    innerIndent + (innerIndent.isEmpty() ? "" : "  "));
        }
        out.append(any ? indent : "").append('}');
    }

    /** Writes characters {@code from} to {@code to} of {@code s} as a JSON string. */
    private void string(CharSequence s, int from, int to) throws IOException {
        out.append('"');
        int run = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                out.append(s, run, i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                }
                run = i + 1;
            }
        }
        out.append(s, run, to);
        out.append('"');
    }
}
