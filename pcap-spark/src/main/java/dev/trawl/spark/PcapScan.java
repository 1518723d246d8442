package dev.trawl.spark;

import dev.trawl.spark.split.Split;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/** A planned read: lists the files and cuts them into byte-range splits. */
final class PcapScan implements Scan, Batch {
    private final StructType schema;
    private final PcapOptions options;
    private final List<String> paths;
    private final RowPredicate predicate;
    /** The partitions, planned once per scan. */
    private InputPartition[] partitions;

    PcapScan(StructType schema, PcapOptions options, List<String> paths, RowPredicate predicate) {
        this.schema = schema;
        this.options = options;
        this.paths = paths;
        this.predicate = predicate;
    }

    @Override
    public StructType readSchema() {
        return schema;
    }

    @Override
    public String description() {
        return "pcap " + paths + " splitSize=" + options.splitSize + (options.filter == null ? "" : " filter=" + options.filter)
                + (options.displayFilter == null ? "" : " displayFilter=" + options.displayFilter);
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public CustomMetric[] supportedCustomMetrics() {
        return new CustomMetric[] {new MalformedRecordsMetric()};
    }

    @Override
    public InputPartition[] planInputPartitions() {
        if (partitions == null) {
            partitions = plan();
        }
        return partitions.clone();
    }

    private InputPartition[] plan() {
        SparkSession session = SparkSession.active();
        Configuration conf = session.sparkContext().hadoopConfiguration();
        List<InputPartition> out = new ArrayList<>();
        try {
            List<FileStatus> split = new ArrayList<>();
            for (FileStatus file : Files.list(paths, conf)) {
                Path path = file.getPath();
                FileSystem fs = path.getFileSystem(conf);
                long length = file.getLen();
                if (isGzip(fs, path, length)) {
                    out.add(new PcapPartition(path.toString(), Split.whole(-1), true, hosts(fs, file, 0, length)));
                } else if (length <= options.splitSize || options.displayFilter != null) {
                    // a display filter reads what a file's earlier frames establish (frame numbers, conversations,
                    // reassembled messages): each file is read whole, from its start, as tshark reads it
                    out.add(new PcapPartition(path.toString(), Split.whole(length), false, hosts(fs, file, 0, length)));
                } else {
                    split.add(file);
                }
            }
            List<List<Split>> plans = Plans.plan(split, options.splitSize, session.sparkContext(), conf);
            for (int i = 0; i < split.size(); i++) {
                FileStatus file = split.get(i);
                FileSystem fs = file.getPath().getFileSystem(conf);
                for (Split s : plans.get(i)) {
                    out.add(new PcapPartition(file.getPath().toString(), s, false,
                            hosts(fs, file, s.start(), s.end() - s.start())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toArray(new InputPartition[0]);
    }

    private static boolean isGzip(FileSystem fs, Path path, long length) throws IOException {
        if (length < 2) {
            return false;
        }
        try (InputStream in = fs.open(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static String[] hosts(FileSystem fs, FileStatus file, long start, long length) throws IOException {
        BlockLocation[] blocks = fs.getFileBlockLocations(file, start, Math.max(1, length));
        if (blocks == null || blocks.length == 0) {
            return new String[0];
        }
        String[] hosts = blocks[0].getHosts();
        return hosts == null || (hosts.length == 1 && "localhost".equals(hosts[0])) ? new String[0] : hosts;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        Configuration conf = SparkSession.active().sparkContext().hadoopConfiguration();
        return new PcapReaderFactory(schema, options, predicate, new SerializableConfiguration(conf));
    }
}
