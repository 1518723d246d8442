package dev.trawl.spark;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The {@code pcap} data source: {@code spark.read.format("pcap").load("dir/or/glob")} reads pcap and pcapng
 * files (gzip-compressed ones too), split by byte range, one row per packet. See {@link PcapOptions} for the
 * options and {@link Column} for the schema.
 */
public final class PcapDataSource implements TableProvider, DataSourceRegister {
    /** The short name Spark knows this source by. */
    public static final String SHORT_NAME = "pcap";

    public PcapDataSource() {
    }

    @Override
    public String shortName() {
        return SHORT_NAME;
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return Column.schema(PcapOptions.parse(options.asCaseSensitiveMap()).decode);
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new PcapTable(schema, properties);
    }
}
