package dev.trawl.cli;

import dev.trawl.cli.print.Out;
import dev.trawl.decode.display.DisplayFilter;
import dev.trawl.decode.display.DisplayFilterException;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.pcap.Handle;

/** Builds the sinks of tshark's output modes ({@code -T fields/json/ek}) and of {@code -Y}. Stateless. */
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
            sink.flush();
        }
    }

    private static DecodeSink sink(Trawl t, LinkTypes linkTypes, Out out, boolean flushEach) throws CliException {
        FieldRegistry registry = FieldRegistry.standard();
        Field[] fields = new Field[t.fields.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = FieldNames.require(registry, t.fields.get(i));
        }
        DisplayFilter filter = t.displayFilter == null ? null : displayFilter(t.displayFilter, registry);
        DecodeSink.Writer writer = switch (t.outputFormat) {
            case "fields" -> {
                if (fields.length == 0) {
                    throw new CliException("-T fields needs at least one -e FIELD", 2, null);
                }
                yield new FieldsWriter(out, fields, FieldsWriter.Settings.parse(t.fieldOptions), flushEach);
            }
            case "json" -> new JsonWriter(out, false, fields, registry, flushEach);
            case "ek" -> new JsonWriter(out, true, fields, registry, flushEach);
            default -> throw new CliException("unknown output format '" + t.outputFormat
                    + "' for -T (fields, json, ek, text)", 2, null);
        };
        return new DecodeSink(linkTypes, filter, writer, null);
    }

    static PacketSink displayFiltered(Trawl t, Handle handle, PacketSink inner) throws CliException {
        DisplayFilter filter = displayFilter(t.displayFilter, FieldRegistry.standard());
        return new DecodeSink(new LinkTypes(handle), filter, null, inner);
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
