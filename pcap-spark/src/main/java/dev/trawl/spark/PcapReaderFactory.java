package dev.trawl.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/** Shipped to the executors: opens a reader per split. */
final class PcapReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;

    private final StructType schema;
    private final PcapOptions options;
    private final RowPredicate predicate;
    private final SerializableConfiguration conf;

    PcapReaderFactory(StructType schema, PcapOptions options, RowPredicate predicate, SerializableConfiguration conf) {
        this.schema = schema;
        this.options = options;
        this.predicate = predicate;
        this.conf = conf;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        try {
            return new PcapPartitionReader((PcapPartition) partition, schema, options, predicate, conf.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
