package dev.trawl.pcap.panama;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendUnavailableException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The backend under test, and the rows of the corpus's TSV files, for this module's tests. */
final class Fixtures {
    private static Backend backend;

    private Fixtures() {
    }

    static synchronized Backend backend() throws BackendUnavailableException {
        if (backend == null) {
            backend = new PanamaPcapProvider().create();
        }
        return backend;
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
