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
 * {@value #PROPERTY}. Each pcap data set ({@link #load}) has a pcapng twin ({@link #loadPcapng}): the same
 * packets with the same timestamps in a pcapng file, named {@code NAME}{@value #PCAPNG_SUFFIX}.
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
    /** What a pcapng twin's name adds to the name of its pcap data set: {@code mix-pcapng}. */
    public static final String PCAPNG_SUFFIX = "-pcapng";
    /** What a pcapng twin's file name adds to the name of its pcap data set: {@code mix.pcapng}. */
    static final String PCAPNG_FILE_SUFFIX = ".pcapng";
    /** The filter every filtered benchmark sets: about a fifth of the mix matches it. */
    public static final String FILTER = "ip and (tcp port 80 or udp port 53)";
    /** The display filter the display-filter benchmarks apply, in memory and as whole processes. */
    public static final String DISPLAY_FILTER = "ip.ttl > 10 and tcp.port in {80, 443}";
    /** Packets held in memory by the decode and filter benchmarks, taken in order (cycling) from a file. */
    public static final int IN_MEMORY_PACKETS = 65_536;
    /**
     * Packets held in memory by the decode benchmarks: about 740 KB of the mix, which a 1 MiB L2 cache holds.
     * A program decodes a packet just after reading it, while its bytes are in cache; over the 22 MB of
     * {@link #IN_MEMORY_PACKETS} packets, each packet's first bytes were a cache miss, so those benchmarks
     * timed the memory system (a loop that only reads the fields by hand varied from 22 to 60 ns per packet
     * between iterations) more than the decoding.
     */
    public static final int DECODE_PACKETS = 2_048;

    private DataSets() {
    }

    /** The data directory named by {@value #PROPERTY}. */
    public static Path directory() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property " + PROPERTY
                    + " must name the benchmark data directory (the runner makes it: java -jar trawl-benchmarks.jar run)");
        }
        return Path.of(dir);
    }

    /** The named data set (pcap or pcapng twin) of the directory named by {@value #PROPERTY}. */
    public static DataSet get(String name) {
        Path dir = directory();
        List<DataSet> all = new ArrayList<>(load(dir));
        all.addAll(loadPcapng(dir));
        return all.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no data set '" + name + "' in " + dir));
    }

    /** Every pcap data set of a directory, with its head. */
    public static List<DataSet> load(Path dir) {
        Properties index = index(dir);
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

    /**
     * The pcapng twins of a directory's data sets, in the order of {@link #load}; none for data written
     * before the twins existed. A twin has no head.
     */
    public static List<DataSet> loadPcapng(Path dir) {
        Properties index = index(dir);
        List<DataSet> sets = new ArrayList<>();
        for (String base : List.of(SMALL, MIX)) {
            String name = base + PCAPNG_SUFFIX;
            String file = index.getProperty(name + ".file");
            if (file != null) {
                sets.add(new DataSet(name, dir.resolve(file), Long.parseLong(index.getProperty(name + ".packets")),
                        Long.parseLong(index.getProperty(name + ".bytes")),
                        Long.parseLong(index.getProperty(name + ".matched")), null));
            }
        }
        return sets;
    }

    /** The pcapng twin that {@link CaptureGenerator} wrote beside a pcap data set. */
    static DataSet pcapngTwin(DataSet set) {
        return new DataSet(set.name() + PCAPNG_SUFFIX,
                set.file().resolveSibling(set.name() + PCAPNG_FILE_SUFFIX), set.packets(), set.bytes(),
                set.matched(), null);
    }

    private static Properties index(Path dir) {
        Properties index = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(INDEX))) {
            index.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(INDEX) + "; run 'java -jar trawl-benchmarks.jar run' first", e);
        }
        return index;
    }

    /**
     * Generates {@code dir/mix.pcap} alone, of {@code packets} packets of the mix (the same seed as the run's
     * mix, so its first packets are the run's), for timing whole tools over a file of a chosen size.
     */
    public static DataSet generateMix(Path dir, int packets) throws IOException {
        return generateMix(dir, packets, false);
    }

    /**
     * {@link #generateMix(Path, int)}, with the hosts' addresses spread over 128 /8s when {@code spreadHosts}
     * (the same packets otherwise). The mix's hosts all lie in 10.0.0.0/16; tcpdump keeps the
     * text of each address it prints in a table of 4,096 chains chosen by the address's first 12 bits as they lie
     * in memory, so in that range every address shares one chain and each lookup walks all the addresses seen so
     * far. Text is compared on both files.
     */
    public static DataSet generateMix(Path dir, int packets, boolean spreadHosts) throws IOException {
        Files.createDirectories(dir);
        return new CaptureGenerator(43, spreadHosts).mix(dir, packets, Math.min(packets, 1000));
    }

    /**
     * Generates both captures for a scale into a directory, with their heads and pcapng twins, and writes
     * its index; returns the pcap data sets (the twins are in {@link #loadPcapng}).
     */
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
            DataSet twin = pcapngTwin(set);
            index.setProperty(twin.name() + ".file", twin.file().getFileName().toString());
            index.setProperty(twin.name() + ".packets", Long.toString(twin.packets()));
            index.setProperty(twin.name() + ".bytes", Long.toString(twin.bytes()));
            index.setProperty(twin.name() + ".matched", Long.toString(twin.matched()));
        }
        index.setProperty("scale", scale.name().toLowerCase(java.util.Locale.ROOT));
        try (Writer out = Files.newBufferedWriter(dir.resolve(INDEX))) {
            index.store(out, "trawl benchmark data");
        }
        return List.of(small, mix);
    }
}
