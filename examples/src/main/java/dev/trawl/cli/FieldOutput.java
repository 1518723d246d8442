package dev.trawl.cli;

import dev.trawl.cli.print.Out;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.pcap.Handle;

/** Builds the sinks of tshark's output modes ({@code -T fields/json/ek}) and of {@code -Y}. Stateless. */
final class FieldOutput {
    private FieldOutput() {
    }

    static PacketSink open(Trawl t, Handle handle, Out out, boolean flushEach) throws CliException {
        FieldRegistry registry = FieldRegistry.standard();
        Field[] fields = new Field[t.fields.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = FieldNames.require(registry, t.fields.get(i));
        }
        DisplayFilter filter = t.displayFilter == null ? null : DisplayFilter.parse(t.displayFilter, registry);
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
        DecodeSink sink = new DecodeSink(new LinkTypes(handle), filter, writer, null);
        if (t.readFile != null && !t.readFile.equals("-") && t.filterExpression() == null && t.count <= 0) {
            // a whole pcapng file, unfiltered: its packets arrive numbered in file order
            sink.layout(PcapngLayout.scan(java.nio.file.Path.of(t.readFile)));
        }
        return sink;
    }

    static PacketSink displayFiltered(Trawl t, Handle handle, PacketSink inner) throws CliException {
        DisplayFilter filter = DisplayFilter.parse(t.displayFilter, FieldRegistry.standard());
        return new DecodeSink(new LinkTypes(handle), filter, null, inner);
    }
}
