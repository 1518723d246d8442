package dev.trawl.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Plans a scan: prunes the columns nobody asked for (so their decoding is skipped) and takes the filters on
 * the timestamp and decoded columns that the readers can apply before building rows. Spark still evaluates
 * every filter after the scan, so a pushed filter only saves work.
 */
final class PcapScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns, SupportsPushDownFilters {
    private final CaseInsensitiveStringMap options;
    private StructType required;
    private RowPredicate predicate = RowPredicate.ALWAYS;
    private Filter[] pushed = new Filter[0];

    PcapScanBuilder(StructType schema, CaseInsensitiveStringMap options) {
        this.required = schema;
        this.options = options;
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        this.required = requiredSchema;
    }

    @Override
    public Filter[] pushFilters(Filter[] filters) {
        List<Filter> accepted = new ArrayList<>();
        List<RowPredicate> predicates = new ArrayList<>();
        for (Filter filter : filters) {
            RowPredicate p = RowPredicate.of(filter);
            if (p != null) {
                accepted.add(filter);
                predicates.add(p);
            }
        }
        predicate = RowPredicate.all(predicates);
        pushed = accepted.toArray(new Filter[0]);
        return filters;
    }

    @Override
    public Filter[] pushedFilters() {
        return pushed.clone();
    }

    @Override
    public Scan build() {
        return new PcapScan(required, PcapOptions.parse(options.asCaseSensitiveMap()), Paths.of(options), predicate);
    }
}
