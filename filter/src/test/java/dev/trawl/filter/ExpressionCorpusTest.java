package dev.trawl.filter;

import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.LinkType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpressionCorpusTest {
    private static BpfProgram compile(String text) throws FilterSyntaxException {
        return Filter.compile(FilterSpec.of(text, LinkType.ETHERNET), EtcHosts.INSTANCE);
    }

    @Test
    void verdictsAgreeWithLibpcapForAtLeast99Percent() throws Exception {
        List<Corpus.Expression> all = Corpus.expressions();
        List<String> disagreements = new ArrayList<>();
        for (Corpus.Expression e : all) {
            String ours;
            boolean valid;
            try {
                compile(e.text());
                valid = true;
                ours = "valid";
            } catch (FilterSyntaxException ex) {
                valid = false;
                ours = ex.description();
            }
            if (valid != e.valid()) {
                disagreements.add(e.n() + " [" + e.text() + "] libpcap: " + (e.valid() ? "valid" : e.error())
                        + " / ours: " + ours);
            }
        }
        disagreements.forEach(d -> System.out.println("verdict disagreement: " + d));
        double agree = 1.0 - (double) disagreements.size() / all.size();
        System.out.printf("verdict agreement: %d/%d (%.1f%%)%n", all.size() - disagreements.size(), all.size(),
                agree * 100);
        assertTrue(agree >= 0.99, "verdict agreement " + agree);
    }

    @Test
    void optimizedProgramsAreNoLongerThanLibpcapsPlus25PercentOnAverage() throws Exception {
        int identical = 0;
        int compared = 0;
        double ratioSum = 0;
        List<String> different = new ArrayList<>();
        for (Corpus.Expression e : Corpus.expressions()) {
            if (!e.valid()) {
                continue;
            }
            BpfProgram p;
            try {
                p = compile(e.text());
            } catch (FilterSyntaxException ex) {
                continue;
            }
            compared++;
            ratioSum += (double) p.length() / e.insnCount();
            String ours = BpfPrinter.format(p, BpfPrinter.Style.ASSEMBLY);
            if (ours.equals(Corpus.dump(e.n()))) {
                identical++;
            } else {
                different.add(e.n() + " [" + e.text() + "] ours " + p.length() + " libpcap " + e.insnCount());
            }
        }
        different.forEach(d -> System.out.println("differs from libpcap: " + d));
        double mean = ratioSum / compared;
        System.out.printf("program length: mean ratio to libpcap %.3f over %d programs; identical dumps: %d/%d%n",
                mean, compared, identical, compared);
        assertTrue(mean <= 1.25, "mean length ratio " + mean);
    }
}
