package dev.trawl.spark;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.Projection;
import dev.trawl.decode.Projector;
import dev.trawl.decode.conversation.ConversationFields;
import dev.trawl.decode.conversation.TcpTracker;
import dev.trawl.decode.conversation.UdpTracker;
import dev.trawl.decode.display.DisplayFilter;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.InvalidFilterException;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.file.CaptureCursor;
import dev.trawl.pcap.spi.FilterCompiler;
import dev.trawl.spark.split.CaptureRecord;
import dev.trawl.spark.split.SplitReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;

/** Reads the packets of one split into rows. */
final class PcapPartitionReader implements PartitionReader<InternalRow> {
    private final SplitReader reader;
    private final CaptureRecord record = new CaptureRecord();
    private final RowValues values;
    private final int[] projection;
    private final RowPredicate predicate;
    private final String filter;
    private final Map<Integer, BpfProgram> programs = new HashMap<>();
    /** The display filter and the decoder it reads, or null without the option. */
    private final DisplayFilter displayFilter;
    private final PacketDecoder decoder;
    /**
     * A projection of the display filter's fields when it reads fields alone: the filter then tests its rows, and
     * common packets are read from their bytes instead of decoded. Null otherwise.
     */
    private final Projector filterFields;
    /** The record's bytes as a buffer, remade only when the record's array is (it grows rarely). */
    private ByteBuffer recordView = ByteBuffer.allocate(0);
    private long frameNumber;
    private InternalRow row;

    PcapPartitionReader(PcapPartition split, StructType schema, PcapOptions options, RowPredicate predicate,
            Configuration conf) throws IOException {
        this.predicate = predicate;
        this.filter = options.filter;
        projection = new int[schema.fields().length];
        BitSet needed = new BitSet();
        for (int i = 0; i < projection.length; i++) {
            Column c = Column.named(schema.fields()[i].name());
            if (c == null) {
                throw new IllegalArgumentException("unknown column " + schema.fields()[i].name());
            }
            projection[i] = c.ordinal();
            needed.set(c.ordinal());
        }
        predicate.columns(needed);
        values = new RowValues(needed, options.nanoPrecision, split.path());
        reader = SplitReader.open(() -> open(split.path(), split.compressed(), conf), split.split(), options.malformed);
        if (options.displayFilter != null) {
            displayFilter = PcapOptions.compileDisplayFilter(options.displayFilter);
            // what tshark does by default: fragments and messages put together, conversations followed; TCP and
            // UDP streams tracked when a field of the filter asks for them (they keep state per connection)
            decoder = new PacketDecoder().reassembleFragments(true).followConversations(true).reassembleStreams(true);
            boolean tcp = displayFilter.names().stream().anyMatch(ConversationFields::needsTcpTracking);
            boolean udp = displayFilter.names().stream().anyMatch(ConversationFields::needsUdpTracking);
            if (tcp || udp) {
                decoder.trackConversations(tcp ? TcpTracker.standard() : null, udp ? new UdpTracker() : null);
            }
            filterFields = displayFilter.rowFields().filter(fields -> !fields.isEmpty())
                    .map(fields -> Projection.of(FieldRegistry.standard(), fields).projector(decoder)).orElse(null);
        } else {
            displayFilter = null;
            decoder = null;
            filterFields = null;
        }
    }

    /** A cursor over the split's file: positioned reads, or the decompressed stream of a gzip file. */
    static CaptureCursor open(String file, boolean compressed, Configuration conf) throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem(conf);
        FSDataInputStream in = fs.open(path);
        try {
            if (compressed) {
                return CaptureCursor.open(new BufferedInputStream(in, 1 << 16), file);
            }
            long length = fs.getFileStatus(path).getLen();
            return CaptureCursor.open(new CaptureCursor.Source() {
                @Override
                public int read(long position, byte[] target, int offset, int count) throws IOException {
                    return in.read(position, target, offset, count);
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            }, length, file);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public boolean next() throws IOException {
        while (reader.next(record)) {
            frameNumber++;
            if (filter != null && !passesFilter()) {
                continue;
            }
            if (displayFilter != null && !passesDisplayFilter()) {
                continue;
            }
            Object[] all = values.fill(record);
            if (!predicate.test(all)) {
                continue;
            }
            Object[] out = new Object[projection.length];
            for (int i = 0; i < projection.length; i++) {
                out[i] = all[projection[i]];
            }
            row = new GenericInternalRow(out);
            return true;
        }
        return false;
    }

    private boolean passesFilter() {
        BpfProgram program = programs.computeIfAbsent(record.linkType, linkType -> compile(linkType, record.snapshotLength));
        return program.run(ByteBuffer.wrap(record.data, 0, record.capturedLength), record.originalLength) != 0;
    }

    /**
     * Tests the record, numbered as tshark numbers it (the file is read whole): on the row of the filter's fields
     * when it reads fields alone, else on the decoded packet.
     */
    private boolean passesDisplayFilter() {
        decoder.nextInterface(record.pcapng ? record.interfaceId : -1);
        if (filterFields != null) {
            filterFields.nextFrameNumber(frameNumber);
            if (recordView.array() != record.data) {
                recordView = ByteBuffer.wrap(record.data);
            }
            return displayFilter.test(filterFields.project(record.linkType, recordView, 0,
                    record.capturedLength, record.originalLength, record.seconds, record.nanos));
        }
        decoder.nextFrameNumber(frameNumber);
        DecodedPacket p = decoder.decode(record.linkType, record.data, 0, record.capturedLength,
                record.originalLength, record.seconds, record.nanos);
        return displayFilter.test(p);
    }

    private BpfProgram compile(int linkType, int snaplen) {
        FilterCompiler compiler = FilterCompiler.installed().orElseThrow(() -> new IllegalStateException(
                "option 'filter' needs the dev.trawl:trawl-filter module on the executors' class path"));
        try {
            return compiler.compile(FilterSpec.of(filter, LinkType.valueOf(linkType)).withSnaplen(snaplen));
        } catch (InvalidFilterException e) {
            throw new IllegalArgumentException(PcapOptions.FILTER_ERROR + e.getMessage(), e);
        }
    }

    @Override
    public InternalRow get() {
        return row;
    }

    @Override
    public CustomTaskMetric[] currentMetricsValues() {
        long malformed = reader.malformedRecords();
        return new CustomTaskMetric[] {new CustomTaskMetric() {
            @Override
            public String name() {
                return MalformedRecordsMetric.NAME;
            }

            @Override
            public long value() {
                return malformed;
            }
        }};
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
