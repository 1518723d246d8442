package dev.trawl.pcap.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.ReadStatus;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The pcapng metadata a handle unwraps to, against what capinfos and tshark show for corpus files. */
@Tag("native")
class CaptureInfoTest {
    private final JavaBackend backend = new JavaBackend();

    private static Path capture(String name) {
        return Oracle.corpus().resolve("captures").resolve(name);
    }

    private CaptureInfo readToEnd(Path file) throws Exception {
        try (OfflineHandle h = backend.openOffline(file)) {
            while (h.next() == ReadStatus.PACKET) {
                // the metadata blocks between packets are collected on the way
            }
            return h.unwrap(CaptureInfo.class);
        }
    }

    private static String capinfos(Path file) throws Exception {
        Oracle.require(Oracle.onPath("capinfos"), "capinfos");
        return Oracle.run(List.of("capinfos", file.toString())).stdout();
    }

    private static String field(String text, String label) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + "\\s*[:=]\\s*(.*)$").matcher(text);
        assertTrue(m.find(), label + " in " + text);
        return m.group(1).trim();
    }

    @Test
    void sectionHeaderOptionsMatchCapinfos() throws Exception {
        Path file = capture("pcapnggen-be-basic-test007.pcapng");
        String expected = capinfos(file);
        SectionInfo section = readToEnd(file).sections().get(0);
        assertEquals(field(expected, "Capture hardware"), section.hardware());
        assertEquals(field(expected, "Capture oper-sys"), section.os());
        assertEquals(field(expected, "Capture application"), section.application());
        assertEquals(field(expected, "Capture comment"), section.comment());
    }

    @Test
    void interfaceOptionsMatchCapinfos() throws Exception {
        Path file = capture("pcapnggen-be-basic-test008.pcapng");
        String expected = capinfos(file);
        List<InterfaceInfo> interfaces = readToEnd(file).interfaces();
        assertEquals(2, interfaces.size());
        String[] blocks = expected.split("Interface #");
        for (int i = 0; i < 2; i++) {
            String block = blocks[i + 1];
            InterfaceInfo info = interfaces.get(i);
            assertEquals(field(block, "Name"), info.name());
            assertEquals(field(block, "Description"), info.description());
            assertEquals(field(block, "Filter string"), info.filter());
            assertTrue(field(block, "Time precision").contains("(" + info.tsresol() + ")"), block);
        }
    }

    @Test
    void statisticsPerInterfaceMatchCapinfos() throws Exception {
        Path file = capture("pcapnggen-be-advanced-test101.pcapng");
        Matcher m = Pattern.compile("Number of stat entries = (\\d+)").matcher(capinfos(file));
        CaptureInfo info = readToEnd(file);
        int id = 0;
        while (m.find()) {
            final int interfaceId = id++;
            long ours = info.sections().stream().flatMap(s -> s.statistics().stream())
                    .filter(s -> s.interfaceId() == interfaceId).count();
            assertEquals(Long.parseLong(m.group(1)), ours, "statistics of interface " + interfaceId);
        }
        assertTrue(id > 1);
    }

    @Test
    void nameResolutionRecordsMatchTsharkHosts() throws Exception {
        Oracle.require(Oracle.onPath("tshark"), "tshark");
        Path file = capture("pcapnggen-be-advanced-test100.pcapng");
        Set<String> ours = new HashSet<>();
        for (SectionInfo s : readToEnd(file).sections()) {
            for (SectionInfo.NameRecord r : s.names()) {
                for (String name : r.names()) {
                    ours.add(r.address().getHostAddress() + "\t" + name);
                }
            }
        }
        int checked = 0;
        for (String line : Oracle.run(List.of("tshark", "-r", file.toString(), "-q", "-z", "hosts")).lines()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            String address = java.net.InetAddress.getByName(f[0]).getHostAddress();
            assertTrue(ours.contains(address + "\t" + f[1]), line + " not in " + ours);
            checked++;
        }
        assertTrue(checked > 3, "tshark listed " + checked + " hosts");
    }
}
