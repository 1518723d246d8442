package dev.trawl.bench.decode;

import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.PacketArray;

import java.io.IOException;

/**
 * What every decode benchmark decodes, so that all sides read the same bytes: the first
 * {@value DataSets#DECODE_PACKETS} packets of a data set, and as many of its DNS packets.
 *
 * @param packets every packet, in file order
 * @param dns the DNS packets only
 */
record DecodeData(PacketArray packets, PacketArray dns) {
    /** Loads the packets of the named data set. */
    static DecodeData load(String dataSet) throws IOException {
        return new DecodeData(PacketArray.load(DataSets.get(dataSet).file(), DataSets.DECODE_PACKETS),
                PacketArray.loadDns(DataSets.get(dataSet).file(), DataSets.DECODE_PACKETS));
    }
}
