package dev.trawl.spark;

import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One split: a byte range of one file, or a whole compressed file.
 *
 * @param path the file
 * @param start the first byte of the range
 * @param end the byte after the range
 * @param compressed whether the file is gzip-compressed (then it is one split, read from the start)
 * @param hosts where the range's blocks are stored, for locality
 */
record PcapPartition(String path, long start, long end, boolean compressed, String[] hosts) implements InputPartition {
    @Override
    public String[] preferredLocations() {
        return hosts.clone();
    }
}
