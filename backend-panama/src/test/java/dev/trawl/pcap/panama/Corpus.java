package dev.trawl.pcap.panama;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendUnavailableException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The shared capture corpus and the backend under test, for this module's tests. */
final class Corpus {
    private static Backend backend;

    private Corpus() {
    }

    static synchronized Backend backend() throws BackendUnavailableException {
        if (backend == null) {
            backend = new PanamaPcapProvider().create();
        }
        return backend;
    }

    static Path root() {
        String dir = System.getProperty("trawl.corpus");
        if (dir == null) {
            throw new IllegalStateException("system property trawl.corpus is not set (the parent pom sets it)");
        }
        return Path.of(dir);
    }

    static Path capture(String name) {
        return root().resolve("captures").resolve(name);
    }

    static List<Path> captures() {
        try (Stream<Path> files = Files.list(root().resolve("captures"))) {
            return files.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a TSV file without its header, split on tabs (keeping empty cells). */
    static List<String[]> tsv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
