package dev.trawl.spark;

import dev.trawl.spark.split.Split;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One split: a planned byte range of one file, or a whole compressed file.
 *
 * @param path the file
 * @param split the range and where its reading starts
 * @param compressed whether the file is gzip-compressed (then it is one split, read from the start)
 * @param hosts where the range's blocks are stored, for locality
 */
record PcapPartition(String path, Split split, boolean compressed, String[] hosts) implements InputPartition {
    @Override
    public String[] preferredLocations() {
        return hosts.clone();
    }
}
