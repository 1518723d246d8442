package dev.trawl.filter;

import dev.trawl.pcap.tck.TestCorpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared corpus's expressions and libpcap's programs for them; {@link TestCorpus} finds the corpus. */
final class Corpus {
    record Expression(int n, String text, boolean valid, String error, int insnCount) {
    }

    static Path root() {
        return TestCorpus.root();
    }

    static List<Expression> expressions() throws IOException {
        List<Expression> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(root().resolve("filters/expressions.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            out.add(new Expression(Integer.parseInt(f[0]), f[1], f[2].equals("1"), f[3],
                    f[4].isEmpty() ? -1 : Integer.parseInt(f[4])));
        }
        return out;
    }

    /** libpcap's dump for expression n, without comment lines. */
    static String dump(int n) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(root().resolve("filters/bpf/" + n + ".txt"))) {
            if (!line.startsWith("#")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
