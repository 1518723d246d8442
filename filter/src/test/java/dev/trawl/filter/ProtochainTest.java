package dev.trawl.filter;

import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.LinkType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * protochain is compiled differently from libpcap (an unrolled chain instead of a backward loop), so its
 * verdicts are checked against libpcap's on captures with IPv6 extension headers and AH.
 */
@Tag("native")
class ProtochainTest {
    private static final String[] CAPTURES = {"local-netns-eth-veth.pcap", "ipv6-routing-header.pcap",
        "OSPFv3_with_AH.pcap", "bigtcp-ipv6-hbh.pcap", "ipv6-srh-ext-header.pcap", "ip6_frag_asan.pcap",
        "dhcpv6-ia-na.pcap", "local-netns-sll2-any.pcap"};
    private static final String[] EXPRESSIONS = {"protochain 6", "ip6 protochain 17", "protochain 89",
        "protochain 58", "ip protochain 50", "protochain \\tcp and not ip6 protochain 44", "ip6 protochain 0"};

    private static Path oracle() throws Exception {
        Path bin = Path.of("target/match_oracle").toAbsolutePath();
        Files.createDirectories(bin.getParent());
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-O1", "-o", bin.toString(),
                    Path.of("src/test/c/match_oracle.c").toAbsolutePath().toString(), "-lpcap")
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.assumeTrue(false, "gcc is not installed: " + e.getMessage());
            return null;
        }
        String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(gcc.waitFor() == 0, "could not build the libpcap match oracle: " + out);
        return bin;
    }

    @Test
    void unrolledProtochainMatchesTheSamePacketsAsLibpcap() throws Exception {
        Path bin = oracle();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String capture : CAPTURES) {
            Path file = Corpus.root().resolve("captures").resolve(capture);
            TinyPcap cap = new TinyPcap(file);
            for (String expr : EXPRESSIONS) {
                Process p = new ProcessBuilder(bin.toString(), file.toString(), expr).start();
                String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                assertEquals(0, p.waitFor());
                BpfProgram program = Filter.compile(FilterSpec.of(expr, LinkType.valueOf(cap.linkType)),
                        EtcHosts.INSTANCE);
                StringJoiner frames = new StringJoiner(",");
                for (int i = 0; i < cap.packets.size(); i++) {
                    TinyPcap.Packet pk = cap.packets.get(i);
                    if (program.run(pk.data().duplicate(), pk.originalLength()) != 0) {
                        frames.add(Integer.toString(i + 1));
                    }
                }
                checked++;
                if (!frames.toString().equals(expected)) {
                    failures.add(expr + " on " + capture + ": libpcap " + expected + " ours " + frames);
                }
            }
        }
        assertTrue(checked > 0);
        assertEquals(List.of(), failures);
    }
}
