package dev.trawl.pcap.tck;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.Handle;
import dev.trawl.pcap.InvalidFilterException;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.PacketRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Filters against libpcap's own results in the corpus: which of 310 expressions compile for Ethernet and to
 * what (instruction for instruction, for libpcap-based backends), and which frames 62 expressions match in
 * five captures, both with {@link BpfProgram#matches} and with the filter set on the handle.
 */
abstract class FilterChecks extends KitPart {
    private static final Map<String, List<PacketRecord>> UNFILTERED = new ConcurrentHashMap<>();

    @BeforeEach
    void needsFilters() throws Exception {
        Assumptions.assumeTrue(supports(Capability.FILTER), "the backend does not declare FILTER");
    }

    @TestFactory
    Stream<DynamicTest> everyExpressionCompilesOrFailsAsLibpcapDoes() throws Exception {
        boolean libpcap = kit().libpcapFilterCode();
        Backend backend = backend();
        return corpus().expressions().stream().map(e -> DynamicTest.dynamicTest(e.n() + ": " + e.expression(), () -> {
            if (!e.valid()) {
                InvalidFilterException thrown = assertThrows(InvalidFilterException.class,
                        () -> backend.compileFilter(FilterSpec.of(e.expression(), LinkType.ETHERNET)));
                assertEquals(e.expression(), thrown.expression());
                if (libpcap) {
                    assertTrue(thrown.description().contains(e.error()),
                            "libpcap says '" + e.error() + "', the backend '" + thrown.description() + "'");
                }
                return;
            }
            BpfProgram program = backend.compileFilter(FilterSpec.of(e.expression(), LinkType.ETHERNET));
            if (libpcap) {
                assertEquals(e.instructions(), program.length(), "instruction count");
                List<String> expected = corpus().bpfImage(e.n()).stream().map(BpfImage::normalize).toList();
                assertEquals(String.join("\n", expected), String.join("\n", BpfImage.lines(program)));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> offlineMatchesAgreeWithLibpcap() throws Exception {
        Backend backend = backend();
        return corpus().matches().stream().map(m -> DynamicTest.dynamicTest(m.expression() + " on " + m.capture(),
                () -> bounded(() -> {
                    checkMatch(backend, m);
                    return null;
                })));
    }

    private void checkMatch(Backend backend, Corpus.Match m) throws Exception {
        Path file = corpus().capture(m.capture()).path();
        List<PacketRecord> all = unfiltered(backend, file);
        try (OfflineHandle h = backend.openOffline(file)) {
            if (m.compileError() != null) {
                InvalidFilterException e = assertThrows(InvalidFilterException.class,
                        () -> h.compileFilter(m.expression(), true, Handle.NETMASK_UNKNOWN));
                if (kit().libpcapFilterCode()) {
                    assertTrue(e.description().contains(m.compileError()), e.description());
                }
                assertThrows(InvalidFilterException.class, () -> h.setFilter(m.expression()));
                return;
            }
            BpfProgram program = h.compileFilter(m.expression(), true, Handle.NETMASK_UNKNOWN);
            List<Integer> matched = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (program.matches(all.get(i))) {
                    matched.add(i + 1);
                }
            }
            assertEquals(m.frames(), matched, "frames BpfProgram.matches accepts");
            h.setFilter(m.expression());
            List<PacketRecord> delivered = new ArrayList<>();
            h.loop(0, p -> delivered.add(p.copy()));
            List<PacketRecord> expected = m.frames().stream().map(n -> all.get(n - 1)).toList();
            assertEquals(expected.size(), delivered.size(), "packets delivered through the handle's filter");
            assertEquals(expected, delivered, "packets delivered through the handle's filter");
        }
    }

    private static List<PacketRecord> unfiltered(Backend backend, Path file) throws Exception {
        String key = backend.name() + ":" + file;
        List<PacketRecord> cached = UNFILTERED.get(key);
        if (cached == null) {
            try (OfflineHandle h = backend.openOffline(file)) {
                ReadResult r = readAll(h);
                if (r.error() != null) {
                    fail("the capture should read cleanly: " + r.error());
                }
                cached = r.packets();
            }
            UNFILTERED.put(key, cached);
        }
        return cached;
    }

    @Test
    void handleAndBackendCompileTheSameProgram() throws Exception {
        Path file = corpus().capture(ReadChecks.CAPTURE).path();
        try (OfflineHandle h = backend().openOffline(file)) {
            for (String expression : List.of("tcp port 80", "icmp6", "vlan and udp", "ether[0] & 1 != 0")) {
                assertEquals(backend().compileFilter(FilterSpec.of(expression, h.linkType()).withSnaplen(h.snaplen())),
                        h.compileFilter(expression, true, Handle.NETMASK_UNKNOWN), expression);
            }
        }
    }

    @Test
    void aHandBuiltProgramFiltersTheHandle() throws Exception {
        // ld #pktlen; jgt #100 jt 2 jf 3; ret #262144; ret #0
        BpfProgram longer = BpfProgram.of(BpfInstruction.stmt(0x80, 0), BpfInstruction.jump(0x25, 100, 0, 1),
                BpfInstruction.stmt(0x06, 262144), BpfInstruction.stmt(0x06, 0));
        Path file = corpus().capture(ReadChecks.CAPTURE).path();
        List<PacketRecord> all = unfiltered(backend(), file);
        List<PacketRecord> expected = all.stream().filter(p -> p.originalLength() > 100).toList();
        assertTrue(!expected.isEmpty() && expected.size() < all.size(), "the capture has short and long frames");
        try (OfflineHandle h = backend().openOffline(file)) {
            h.setFilter(longer);
            assertEquals(expected, readAll(h).packets());
        }
    }

    @Test
    void broadcastNeedsANetmask() throws Exception {
        FilterSpec broadcast = FilterSpec.of("ip broadcast", LinkType.ETHERNET);
        assertThrows(InvalidFilterException.class, () -> backend().compileFilter(broadcast));
        BpfProgram program = backend().compileFilter(broadcast.withNetmask(0xffffff00));
        assertTrue(program.length() > 1);
    }

    @Test
    void invalidFilterExceptionNamesTheExpression() throws Exception {
        InvalidFilterException e = assertThrows(InvalidFilterException.class,
                () -> backend().compileFilter(FilterSpec.of("tcp port", LinkType.ETHERNET)));
        assertEquals("tcp port", e.expression());
        assertTrue(e.getMessage().contains("tcp port"), e.getMessage());
    }
}
