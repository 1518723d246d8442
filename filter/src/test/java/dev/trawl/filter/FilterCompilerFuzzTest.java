package dev.trawl.filter;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.LinkType;

import java.nio.ByteBuffer;

/**
 * Feeds arbitrary text through the whole pipeline (parse, compile for several link types, print, run): the
 * only acceptable failure is a {@link FilterSyntaxException}. Replays its seeds by default; with
 * JAZZER_FUZZ=1 (or {@code mvn -pl filter test -Pfuzz}) it fuzzes for about a minute.
 */
class FilterCompilerFuzzTest {
    private static final LinkType[] TYPES = {LinkType.ETHERNET, LinkType.LINUX_SLL2, LinkType.RAW, LinkType.NULL,
        LinkType.PPP};

    @FuzzTest(maxDuration = "60s")
    void pipelineThrowsOnlyFilterSyntaxException(byte[] data) {
        if (data.length == 0) {
            return;
        }
        LinkType type = TYPES[(data[0] & 0xff) % TYPES.length];
        String text = new String(data, 1, data.length - 1, java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            BpfProgram p = Filter.compile(FilterSpec.of(text, type).withSnaplen(65535)
                    .withOptimize((data[0] & 0x80) == 0), name -> java.util.List.of());
            BpfPrinter.format(p, BpfPrinter.Style.ASSEMBLY);
            p.run(ByteBuffer.wrap(data), data.length);
        } catch (FilterSyntaxException expected) {
            if (expected.getMessage() == null) {
                throw new AssertionError("no message");
            }
        }
    }
}
