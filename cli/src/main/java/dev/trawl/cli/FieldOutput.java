package dev.trawl.cli;

import dev.trawl.cli.print.Out;
import dev.trawl.decode.Projection;
import dev.trawl.decode.display.DisplayFilter;
import dev.trawl.decode.display.DisplayFilterException;
import dev.trawl.decode.field.DecodedPacketWriter;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.decode.field.FieldsWriter;
import dev.trawl.decode.field.JsonWriter;
import dev.trawl.pcap.Handle;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the sinks of tshark's output modes ({@code -T fields/json/ek}, written by trawl-decode's writers) and
 * of {@code -Y}. Stateless.
 */
final class FieldOutput {
    private FieldOutput() {
    }

    static PacketSink open(Trawl t, Handle handle, Out out, boolean flushEach) throws CliException {
        DecodeSink sink = sink(t, new LinkTypes(handle), out, flushEach);
        if (showsLayout(t)) {
            sink.layout(PcapngLayout.scan(java.nio.file.Path.of(t.readFile)));
        }
        return sink;
    }

    /**
     * Whether the output shows a pcapng file's custom blocks as frames, as tshark does: for a whole file read
     * unfiltered, whose packets arrive numbered in file order.
     */
    static boolean showsLayout(Trawl t) {
        return t.readFile != null && !t.readFile.equals("-") && t.filterExpression() == null && t.count <= 0;
    }

    /**
     * Writes what tshark shows of a pcapng file that has no interface, which no reader opens: its custom
     * blocks, as frames.
     */
    static void writeBlocksOnly(Trawl t, PcapngLayout layout, Out out) throws CliException, java.io.IOException {
        try (DecodeSink sink = sink(t, null, out, false).layout(layout)) {
            sink.endOfInput();
        }
    }

    private static DecodeSink sink(Trawl t, LinkTypes linkTypes, Out out, boolean flushEach) throws CliException {
        FieldRegistry registry = FieldRegistry.standard();
        List<Field> fields = new ArrayList<>(t.fields.size());
        for (String name : t.fields) {
            fields.add(FieldNames.require(registry, name));
        }
        DisplayFilter filter = t.displayFilter == null ? null : displayFilter(t.displayFilter, registry);
        DecodedPacketWriter writer = switch (t.outputFormat) {
            case "fields" -> {
                if (fields.isEmpty()) {
                    throw new CliException("-T fields needs at least one -e FIELD", 2, null);
                }
                yield new FieldsWriter(out, fields, fieldsFormat(t.fieldOptions));
            }
            case "json" -> JsonWriter.json(out, registry, fields);
            case "ek" -> JsonWriter.ek(out, registry, fields);
            default -> throw new CliException("unknown output format '" + t.outputFormat
                    + "' for -T (fields, json, ek, text)", 2, null);
        };
        boolean all = fields.isEmpty(); // JSON and EK without -e show every field
        DecodeSink sink = new DecodeSink(linkTypes, filter, writer, out, flushEach)
                .conversations(Preferences.parse(t.preferences), all, t.fields, t.io.err());
        if (!writer.writesRows()) {
            return sink;
        }
        // The writer's fields first, then those of a display filter that reads fields alone, for it to test rows.
        List<Field> columns = new ArrayList<>(fields);
        if (filter != null) {
            if (filter.rowFields().isEmpty()) {
                return sink;
            }
            for (Field f : filter.rowFields().get()) {
                if (!columns.contains(f)) {
                    columns.add(f);
                }
            }
        }
        return sink.projected(Projection.of(registry, columns));
    }

    static PacketSink displayFiltered(Trawl t, Handle handle, PacketSink inner) throws CliException {
        DisplayFilter filter = displayFilter(t.displayFilter, FieldRegistry.standard());
        return new DecodeSink(new LinkTypes(handle), filter, inner)
                .conversations(Preferences.parse(t.preferences), false, List.of(), t.io.err());
    }

    /** The layout of {@code -T fields} that tshark's {@code -E} options ask for. */
    static FieldsWriter.Format fieldsFormat(List<String> options) throws CliException {
        FieldsWriter.Format format = FieldsWriter.Format.TSHARK;
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new CliException("invalid -E option '" + option + "' (expected NAME=VALUE)", 2, null);
            }
            String name = option.substring(0, eq);
            String value = option.substring(eq + 1);
            format = switch (name) {
                case "header" -> format.withHeader(switch (value) {
                    case "y" -> true;
                    case "n" -> false;
                    default -> throw badValue(option);
                });
                case "separator" -> format.withSeparator(character(value, option));
                case "aggregator" -> format.withAggregator(character(value, option));
                case "occurrence" -> format.withOccurrence(switch (value) {
                    case "f" -> FieldsWriter.Occurrence.FIRST;
                    case "l" -> FieldsWriter.Occurrence.LAST;
                    case "a" -> FieldsWriter.Occurrence.ALL;
                    default -> throw badValue(option);
                });
                case "quote" -> format.withQuote(switch (value) {
                    case "d" -> "\"";
                    case "s" -> "'";
                    case "n" -> "";
                    default -> throw badValue(option);
                });
                case "bom", "escape" -> format;
                default -> throw new CliException("unknown -E option '" + name
                        + "' (header, separator, occurrence, aggregator, quote)", 2, null);
            };
        }
        return format;
    }

    private static String character(String value, String option) throws CliException {
        return switch (value) {
            case "/t" -> "\t";
            case "/s" -> " ";
            case "" -> throw badValue(option);
            default -> value.substring(0, 1); // tshark uses the first character
        };
    }

    private static CliException badValue(String option) {
        return new CliException("invalid -E option value in '" + option + "'", 2, null);
    }

    /** Compiles {@code -Y}; a refused filter is a usage error that shows tshark's message and caret. */
    static DisplayFilter displayFilter(String expression, FieldRegistry registry) throws CliException {
        try {
            return DisplayFilter.compile(expression, registry);
        } catch (DisplayFilterException e) {
            throw new CliException("display filter: " + e.getMessage(), 1, e);
        }
    }
}
