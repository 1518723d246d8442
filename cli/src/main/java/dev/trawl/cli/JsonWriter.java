package dev.trawl.cli;

import dev.trawl.cli.print.Out;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldPrinter;
import dev.trawl.decode.field.FieldRegistry;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code -T json} and {@code -T ek}, shaped like tshark's. json is one array of packet objects
 * ({@code _index}, {@code _type}, {@code _score}, {@code _source.layers}), written as the packets come, so
 * memory stays flat; ek is Elasticsearch's bulk format, an index line and a document line per packet.
 * With {@code -e} fields, layers holds an array of values per field; without, one object per protocol layer
 * holding every registered field that has a value. Not thread-safe.
 */
final class JsonWriter implements DecodeSink.Writer {
    private final Out out;
    private final boolean ek;
    private final Field[] selected;
    private final FieldRegistry registry;
    private final boolean flushEach;
    private final FieldPrinter formatter = new FieldPrinter();
    private final ZoneId zone = ZoneId.systemDefault();
    private boolean first = true;
    private long indexDay = Long.MIN_VALUE;
    private String indexName;

    JsonWriter(Out out, boolean ek, Field[] selected, FieldRegistry registry, boolean flushEach) {
        this.out = out;
        this.ek = ek;
        this.selected = selected;
        this.registry = registry;
        this.flushEach = flushEach;
    }

    @Override
    public void begin() {
        if (!ek) {
            out.ascii("[\n");
        }
    }

    private String index(DecodedPacket p) {
        long seconds = p.hasTimestamp() ? p.timestampSeconds() : 0;
        long day = Math.floorDiv(seconds + zone.getRules().getOffset(java.time.Instant.ofEpochSecond(seconds)).getTotalSeconds(), 86_400);
        if (day != indexDay) {
            indexDay = day;
            indexName = "packets-" + LocalDate.ofEpochDay(day);
        }
        return indexName;
    }

    @Override
    public void write(DecodedPacket p) {
        if (ek) {
            out.ascii("{\"index\":{\"_index\":\"").ascii(index(p)).ascii("\",\"_type\":\"doc\"}}\n");
            long millis = p.hasTimestamp() ? p.timestampSeconds() * 1000 + p.timestampNanos() / 1_000_000 : 0;
            out.ascii("{\"timestamp\":\"").num(millis).ascii("\",\"layers\":{");
            if (selected.length > 0) {
                selectedFields(p, "", "", ":");
            } else {
                allLayers(p, "", "", ":");
            }
            out.ascii("}}\n");
        } else {
            if (!first) {
                out.ascii(",\n");
            }
            out.ascii("  {\n    \"_index\": \"").ascii(index(p)).ascii("\",\n    \"_type\": \"doc\",\n")
                    .ascii("    \"_score\": null,\n    \"_source\": {\n      \"layers\": {");
            if (selected.length > 0) {
                selectedFields(p, "\n        ", "\n          ", ": ");
            } else {
                allLayers(p, "\n        ", "\n          ", ": ");
            }
            out.ascii("\n      }\n    }\n  }");
        }
        first = false;
        if (flushEach) {
            out.flush();
        }
    }

    /** Writes {@code "name": ["v", ...]} for each selected field that has values. */
    private void selectedFields(DecodedPacket p, String indent, String innerIndent, String colon) {
        boolean any = false;
        for (Field f : selected) {
            int n = formatter.collect(f, p);
            if (n == 0) {
                continue;
            }
            out.ascii(any ? "," : "").ascii(indent);
            any = true;
            key(ek ? f.name().replace('.', '_') : f.name());
            out.ascii(colon).ch('[');
            for (int k = 0; k < n; k++) {
                out.ascii(k > 0 ? "," : "").ascii(innerIndent.isEmpty() ? "" : innerIndent);
                string(formatter.text(), formatter.start(k), formatter.end(k));
            }
            out.ascii(innerIndent.isEmpty() ? "" : indent).ch(']');
        }
    }

    /** Writes one object per layer: {@code frame}, then each decoded protocol, with the fields that have values. */
    private void allLayers(DecodedPacket p, String indent, String innerIndent, String colon) {
        layer(p, "frame", registry.fieldsOf(-1), -1, false, indent, innerIndent, colon);
        for (int i = 0; i < p.layerCount(); i++) {
            layer(p, p.protocolName(i), registry.fieldsOf(p.protocol(i)), i, true, indent, innerIndent, colon);
        }
    }

    private void layer(DecodedPacket p, String protocol, List<Field> fields, int layer, boolean comma, String indent,
            String innerIndent, String colon) {
        out.ascii(comma ? "," : "").ascii(indent);
        key(protocol);
        out.ascii(colon).ch('{');
        boolean any = false;
        for (Field f : fields) {
            int n = layer < 0 ? formatter.collect(f, p) : formatter.collect(f, p, layer);
            if (n == 0) {
                continue;
            }
            out.ascii(any ? "," : "").ascii(innerIndent);
            any = true;
            key(ek ? protocol + "_" + f.name().replace('.', '_') : f.name());
            out.ascii(colon);
            if (n == 1) {
                string(formatter.text(), formatter.start(0), formatter.end(0));
            } else {
                out.ch('[');
                for (int k = 0; k < n; k++) {
                    out.ascii(k > 0 ? "," : "");
                    string(formatter.text(), formatter.start(k), formatter.end(k));
                }
                out.ch(']');
            }
        }
        out.ascii(any ? indent : "").ch('}');
    }

    private void key(String name) {
        string(name, 0, name.length());
    }

    private void string(CharSequence s, int from, int to) {
        out.ch('"');
        int run = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                out.text(s, run, i);
                switch (c) {
                    case '"' -> out.ascii("\\\"");
                    case '\\' -> out.ascii("\\\\");
                    case '\n' -> out.ascii("\\n");
                    case '\r' -> out.ascii("\\r");
                    case '\t' -> out.ascii("\\t");
                    default -> out.ascii("\\u00").hex2(c);
                }
                run = i + 1;
            }
        }
        out.text(s, run, to);
        out.ch('"');
    }

    @Override
    public void end() {
        if (!ek) {
            out.ascii(first ? "]\n" : "\n]\n");
        }
        out.close();
    }

    @Override
    public void flush() {
        out.flush();
    }
}
