package dev.trawl.decode.field;

import dev.trawl.decode.DecodedPacket;
import java.util.List;

/**
 * Writes decoded packets in the shape of {@code tshark -T json}: one object per packet whose
 * {@code _source.layers} maps each protocol name to an object of its fields, printed as strings the way
 * {@code -T fields} prints them. A field that occurs several times in one layer becomes an array; a protocol
 * that occurs several times (tunnels, ICMP quotes) appears once per layer, outermost first, under the same
 * key, as tshark writes it. Layers without fields of their own (such as {@code ethertype}) are left out.
 *
 * <p>Reusable and not thread-safe.
 */
public final class JsonWriter {
    private final FieldRegistry registry;
    private final FieldValues values = new FieldValues();

    /** A writer for the fields of {@code registry}. */
    public JsonWriter(FieldRegistry registry) {
        this.registry = registry;
    }

    /** Appends one packet object (no trailing separator) to {@code out}. */
    public StringBuilder appendPacket(DecodedPacket p, StringBuilder out) {
        out.append("{\"_index\":\"packets\",\"_type\":\"doc\",\"_source\":{\"layers\":{");
        boolean first = appendLayer(p, -1, "frame", registry.fieldsOf(-1), out, true);
        for (int i = 0; i < p.layerCount(); i++) {
            List<Field> fields = registry.fieldsOf(p.protocol(i));
            if (fields.isEmpty()) {
                fields = carriedBy(p.protocol(i));
            }
            if (!fields.isEmpty()) {
                first = appendLayer(p, i, p.protocolName(i), fields, out, first);
            }
        }
        return out.append("}}}");
    }

    private List<Field> carriedBy(int protocol) {
        return registry.fields().stream().filter(f -> f.protocol() != protocol && f.carriedBy(protocol)).toList();
    }

    private boolean appendLayer(DecodedPacket p, int layer, String name, List<Field> fields, StringBuilder out,
            boolean first) {
        if (!first) {
            out.append(',');
        }
        appendString(out, name).append(":{");
        boolean firstField = true;
        for (Field f : fields) {
            if (layer < 0) {
                values.collect(f, p);
            } else {
                values.collect(f, p, layer);
            }
            if (values.isEmpty()) {
                continue;
            }
            if (!firstField) {
                out.append(',');
            }
            firstField = false;
            appendString(out, f.name()).append(':');
            if (values.size() == 1) {
                appendString(out, values.text(0));
            } else {
                out.append('[');
                for (int k = 0; k < values.size(); k++) {
                    if (k > 0) {
                        out.append(',');
                    }
                    appendString(out, values.text(k));
                }
                out.append(']');
            }
        }
        out.append('}');
        return false;
    }

    /** Appends {@code s} as a JSON string literal. */
    public static StringBuilder appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
