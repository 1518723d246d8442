package dev.trawl.filter;

import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.LinkType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MatchCorpusTest {
    @Test
    void matchSetsAreLibpcapsForEveryExpressionAndCapture() throws Exception {
        List<String> lines = Files.readAllLines(Corpus.root().resolve("filters/matches.tsv"));
        Map<String, TinyPcap> captures = new HashMap<>();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            TinyPcap cap = captures.computeIfAbsent(f[1], name -> {
                try {
                    return new TinyPcap(Corpus.root().resolve("captures").resolve(name));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String expected = f[2];
            String actual;
            try {
                BpfProgram program = Filter.compile(FilterSpec.of(f[0], LinkType.valueOf(cap.linkType)),
                        EtcHosts.INSTANCE);
                StringJoiner frames = new StringJoiner(",");
                for (int i = 0; i < cap.packets.size(); i++) {
                    TinyPcap.Packet p = cap.packets.get(i);
                    if (program.run(p.data().duplicate(), p.originalLength()) != 0) {
                        frames.add(Integer.toString(i + 1));
                    }
                }
                actual = frames.toString();
            } catch (FilterSyntaxException e) {
                actual = "COMPILE_ERROR: " + e.description();
            }
            checked++;
            boolean same = expected.startsWith("COMPILE_ERROR") ? actual.startsWith("COMPILE_ERROR")
                    : expected.equals(actual);
            if (!same) {
                failures.add(f[0] + " on " + f[1] + ": expected " + abbreviate(expected) + " got " + abbreviate(actual));
            }
        }
        failures.forEach(s -> System.out.println("match mismatch: " + s));
        System.out.println("match sets checked: " + checked + ", mismatches: " + failures.size());
        assertEquals(List.of(), failures);
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
