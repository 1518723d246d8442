package dev.trawl.spark.example;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads captures with the {@code pcap} data source and prints the top talkers and the bytes per
 * destination port per minute. Runs locally on every core unless a master is configured:
 * <pre>scripts/spark-example PATH_OR_GLOB [splitSize]</pre>
 */
public final class TopTalkers {
    private TopTalkers() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: TopTalkers PATH_OR_GLOB [splitSize]");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("trawl top talkers")
                .master(System.getProperty("spark.master", "local[*]"))
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            Dataset<Row> packets = spark.read().format("pcap")
                    .option("splitSize", args.length > 1 ? args[1] : "134217728")
                    .option("malformed", "skip")
                    .load(args[0]);
            packets.createOrReplaceTempView("packets");
            System.out.println("Top talkers (bytes by source address):");
            spark.sql("SELECT src, COUNT(*) AS packets, SUM(len) AS bytes FROM packets WHERE src IS NOT NULL "
                    + "GROUP BY src ORDER BY bytes DESC LIMIT 10").show(false);
            System.out.println("Bytes per destination port per minute:");
            spark.sql("SELECT date_trunc('minute', timestamp) AS minute, dst_port, SUM(len) AS bytes FROM packets "
                    + "WHERE dst_port IS NOT NULL GROUP BY minute, dst_port ORDER BY minute, bytes DESC").show(20, false);
        } finally {
            spark.stop();
        }
    }
}
