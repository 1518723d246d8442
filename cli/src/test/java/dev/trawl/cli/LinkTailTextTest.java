package dev.trawl.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The text of less common link-layer headers and what rides on them against tcpdump's, on packets built here:
 * Linux cooked headers whose address is not a MAC address or whose protocol is a length, an 802.1Q tag followed by
 * a length, DECnet routing and NSP messages, well formed and cut short. Each file is printed by tcpdump and by
 * trawl with the same flags, and the lines must be equal.
 */
class LinkTailTextTest {
    private static final String ETHERNET = "aa0004000104aa0004000204";
    private static final int LINKTYPE_ETHERNET = 1;
    private static final int LINKTYPE_LINUX_SLL = 113;

    @TempDir
    Path dir;

    @BeforeEach
    void needsTcpdump() {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-ne", "-neq"})
    void cookedHeadersAndTaggedLengthsPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String udp = "4500001c00010000401100000a0000010a000002" + "0400003500080000";
        String bpdu = "424203" + "000000000080000000000000010000000080000000000000018001000014000200" + "0f00";
        assertSame(flags,
                capture("sll", LINKTYPE_LINUX_SLL,
                        "00040001000000000000000000000800" + udp,
                        "00000001000400000a0b0c0d00000800" + udp,
                        "0000000100060000000000010203" + "0004" + bpdu,
                        "000000010006020000000001" + "00000001" + "ffff0020"),
                capture("vlan-length", LINKTYPE_ETHERNET,
                        "0180c2000000" + "000000000001" + "8100e064" + "0026" + bpdu));
    }

    private void assertSame(String flags, Path... files) throws Exception {
        for (Path file : files) {
            String tcpdump = TrawlRunner.external(List.of("tcpdump", flags, "-r", file.toString()));
            TrawlRunner.Result trawl = TrawlRunner.run(flags, "-r", file.toString());
            assertEquals(0, trawl.status(), trawl.stderr());
            assertEquals(tcpdump.lines().toList(), trawl.lines(), file.getFileName() + " with " + flags);
        }
    }

    private Path capture(String name, int linkType, String... packets) throws Exception {
        return LinkLayerTextTest.capture(dir, name, linkType, packets);
    }
}
