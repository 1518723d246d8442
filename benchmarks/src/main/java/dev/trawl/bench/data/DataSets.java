package dev.trawl.bench.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The directory of generated captures shared by the runner, the forked benchmark JVMs and the C baseline.
 * Its {@value #INDEX} lists each data set; the benchmarks find the directory through the system property
 * {@value #PROPERTY}.
 */
public final class DataSets {
    /** The system property naming the data directory. */
    public static final String PROPERTY = "trawl.bench.data";
    /** The index file in the data directory. */
    public static final String INDEX = "datasets.properties";
    /** The data set of 64-byte frames. */
    public static final String SMALL = "small";
    /** The data set of mixed sizes. */
    public static final String MIX = "mix";
    /** The filter every filtered benchmark sets: about a fifth of the mix matches it. */
    public static final String FILTER = "ip and (tcp port 80 or udp port 53)";
    /** Packets held in memory by the decode and filter benchmarks, taken in order (cycling) from a file. */
    public static final int IN_MEMORY_PACKETS = 65_536;

    private DataSets() {
    }

    /** The data directory named by {@value #PROPERTY}. */
    public static Path directory() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property " + PROPERTY
                    + " must name the benchmark data directory (made by 'Main prepare')");
        }
        return Path.of(dir);
    }

    /** The named data set of the directory named by {@value #PROPERTY}. */
    public static DataSet get(String name) {
        return load(directory()).stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no data set '" + name + "' in " + directory()));
    }

    /** Every data set of a directory. */
    public static List<DataSet> load(Path dir) {
        Properties index = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(INDEX))) {
            index.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(INDEX) + "; run 'Main prepare' first", e);
        }
        List<DataSet> sets = new ArrayList<>();
        for (String name : List.of(SMALL, MIX)) {
            String packets = index.getProperty(name + ".packets");
            if (packets != null) {
                DataSet head = new DataSet(name, dir.resolve(name + "-head.pcap"),
                        Long.parseLong(index.getProperty(name + ".head.packets")),
                        Long.parseLong(index.getProperty(name + ".head.bytes")),
                        Long.parseLong(index.getProperty(name + ".head.matched")), null);
                sets.add(new DataSet(name, dir.resolve(name + ".pcap"), Long.parseLong(packets),
                        Long.parseLong(index.getProperty(name + ".bytes")),
                        Long.parseLong(index.getProperty(name + ".matched")), head));
            }
        }
        return sets;
    }

    /** Generates both captures for a scale into a directory and writes its index. */
    public static List<DataSet> generate(Path dir, Scale scale) throws IOException {
        Files.createDirectories(dir);
        DataSet small = new CaptureGenerator(42).small(dir, scale.smallPackets(), scale.headPackets());
        DataSet mix = new CaptureGenerator(43).mix(dir, scale.mixPackets(), scale.headPackets());
        Properties index = new Properties();
        for (DataSet set : List.of(small, mix)) {
            for (DataSet part : List.of(set, set.head())) {
                String prefix = set.name() + (part == set ? "." : ".head.");
                index.setProperty(prefix + "packets", Long.toString(part.packets()));
                index.setProperty(prefix + "bytes", Long.toString(part.bytes()));
                index.setProperty(prefix + "matched", Long.toString(part.matched()));
            }
        }
        index.setProperty("scale", scale.name().toLowerCase(java.util.Locale.ROOT));
        try (Writer out = Files.newBufferedWriter(dir.resolve(INDEX))) {
            index.store(out, "trawl benchmark data");
        }
        return List.of(small, mix);
    }
}
