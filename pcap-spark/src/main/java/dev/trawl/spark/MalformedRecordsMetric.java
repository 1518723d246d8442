package dev.trawl.spark;

import org.apache.spark.sql.connector.metric.CustomSumMetric;

/** The number of malformed records a scan skipped or stopped at, shown in the Spark UI. */
public final class MalformedRecordsMetric extends CustomSumMetric {
    static final String NAME = "malformedRecords";

    public MalformedRecordsMetric() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "malformed capture records";
    }
}
