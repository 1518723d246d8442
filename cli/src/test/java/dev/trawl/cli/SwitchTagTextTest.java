package dev.trawl.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The text of Ethernet switch tags against tcpdump's, on frames built here: Marvell DSA and EDSA tags in each
 * mode (to the CPU with every kind of code, from it, to the sniffer both ways, forwarded from a port and from a
 * trunk, tagged, with CFI), an EDSA header with another EtherType, Broadcom ingress and egress tags with and
 * without a named reason, Broadcom tags followed by an 802.3 length (an LLC frame, one whose length overstates it), the prepended Broadcom tag, and frames cut inside the tag.
 */
class SwitchTagTextTest extends TcpdumpComparison {
    private static final String MACS = "020000000002020000000001";
    /** An LLC header and a spanning-tree configuration BPDU: 38 bytes, for a frame that gives a length. */
    private static final String BPDU = "424203" + "000000000080000000000000010000000080000000000000018001000014000200"
            + "0f00";
    private static final String ARP = "0806" + "0001080006040001" + "020000000001c0a80001" + "000000000000c0a80002";

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-ne", "-nq", "-nx"})
    void switchTagsPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String[] marvell = {"232d30a5", "00361001", "00000000", "8114e0ff", "81100000", "e03c0fff", "41080064",
            "c0080000"};
        List<Path> files = List.of(
                capture("dsa", 284, tagged(marvell, "")),
                capture("edsa", 285, tagged(marvell, "dada0000")),
                capture("edsa-other", 285, MACS + "12340102" + "c0080000" + ARP, MACS + "dada00"),
                capture("brcm", 281, tagged(new String[] {"209e01ff", "20000080", "001220e5",
                    "00000305", "40010145"}, "")),
                capture("brcm-prepend", 282, "00002005" + MACS + ARP, "209e01ff" + MACS + ARP, "000020",
                        "00002005" + "020000000002"),
                capture("brcm-length", 281, MACS + "20000010" + "0026" + BPDU, MACS + "00000803" + "0026" + BPDU,
                        MACS + "20000008" + "0010" + BPDU, MACS + "20000004" + "0026" + BPDU.substring(0, 20)),
                capture("dsa-short", 284, MACS.substring(0, 20), MACS + "c00800"));
        for (Path file : files) {
            String tcpdump = TrawlRunner.external(List.of("tcpdump", flags, "-r", file.toString()));
            TrawlRunner.Result trawl = TrawlRunner.run(flags, "-r", file.toString());
            assertEquals(0, trawl.status(), trawl.stderr());
            assertEquals(tcpdump.lines().toList(), trawl.lines(), file.getFileName() + " with " + flags);
        }
    }

    /** One ARP frame per tag, each tag after the addresses and {@code prefix}. */
    private static String[] tagged(String[] tags, String prefix) {
        String[] frames = new String[tags.length];
        for (int i = 0; i < tags.length; i++) {
            frames[i] = MACS + prefix + tags[i] + ARP;
        }
        return frames;
    }

    private Path capture(String name, int linkType, String... packets) throws Exception {
        return LinkLayerTextTest.capture(dir, name, linkType, packets);
    }
}
