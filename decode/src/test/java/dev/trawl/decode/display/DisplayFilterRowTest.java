package dev.trawl.decode.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.MergedCorpus;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.ProjectedRow;
import dev.trawl.decode.Projection;
import dev.trawl.decode.Projector;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.ReadStatus;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Display filters tested on projected rows ({@link DisplayFilter#test(ProjectedRow)}) against the same filters on
 * the decoded packets, over every corpus capture (merged): the same verdict for every packet, for every expression
 * of {@code filters.txt} and {@code everyday.txt} that reads fields alone. The rows come from projections of a few
 * filters' fields each, so that most packets are read from their bytes rather than decoded.
 */
class DisplayFilterRowTest {
    /** The most fields in one projection: a few filters' worth, as a user's projection would hold. */
    private static final int FIELDS_PER_PROJECTION = 12;

    @Test
    void rowsGetTheVerdictsOfDecodedPackets() throws Exception {
        List<DisplayFilter> testable = new ArrayList<>();
        int compiled = 0;
        for (String e : DisplayFilterAgreementTest.handWritten()) {
            DisplayFilter f;
            try {
                f = DisplayFilter.compile(e);
            } catch (DisplayFilterException ex) {
                continue; // the agreement test holds the refusals to tshark's
            }
            compiled++;
            if (f.rowFields().isPresent()) {
                testable.add(f);
            }
        }
        assertTrue(testable.size() > compiled / 2, testable.size() + " of " + compiled + " read fields alone");
        // those whose fields are all read from the bytes first, so that their projections stay specialised
        testable.sort(java.util.Comparator.comparing(f -> !f.rowFields().get().isEmpty()
                && !Projection.of(FieldRegistry.standard(), f.rowFields().get()).isSpecialised()));

        // filters grouped into projections of their fields
        List<List<DisplayFilter>> groups = new ArrayList<>();
        List<Projection> projections = new ArrayList<>();
        Set<Field> fields = new LinkedHashSet<>();
        List<DisplayFilter> group = new ArrayList<>();
        for (int i = 0; i <= testable.size(); i++) {
            DisplayFilter f = i < testable.size() ? testable.get(i) : null;
            if (f == null || !group.isEmpty() && fields.size() + f.rowFields().get().size() > FIELDS_PER_PROJECTION) {
                groups.add(group);
                if (fields.isEmpty()) {
                    fields.add(FieldRegistry.standard().field("frame.number")); // filters of constants alone
                }
                projections.add(Projection.of(FieldRegistry.standard(), List.copyOf(fields)));
                group = new ArrayList<>();
                fields = new LinkedHashSet<>();
            }
            if (f != null) {
                group.add(f);
                fields.addAll(f.rowFields().get());
            }
        }

        long packets = 0;
        long verdicts = 0;
        long passed = 0;
        long specialised = 0;
        long decoded = 0;
        List<String> problems = new ArrayList<>();
        for (Path merged : MergedCorpus.files(Path.of("target", "display-filter-rows"))) {
            PacketDecoder reference = decoder();
            // each projection with a decoder of its own, whose state follows this file's packets
            List<Projector> projectors = projections.stream().map(p -> p.projector(decoder())).toList();
            try (OfflineHandle handle = Pcap.backend("java").openOffline(merged)) {
                long frame = 0;
                while (handle.next() == ReadStatus.PACKET) {
                    frame++;
                    packets++;
                    reference.nextFrameNumber(frame);
                    reference.nextInterface(handle.packet().interfaceId());
                    DecodedPacket p = reference.decode(MergedCorpus.linkType(handle, handle.packet()), handle.packet());
                    List<Boolean> expected = new ArrayList<>();
                    for (DisplayFilter f : testable) {
                        expected.add(f.test(p));
                    }
                    int k = 0;
                    for (int g = 0; g < groups.size(); g++) {
                        Projector projector = projectors.get(g);
                        projector.nextFrameNumber(frame);
                        projector.decoder().nextInterface(handle.packet().interfaceId());
                        ProjectedRow row = projector.project(MergedCorpus.linkType(handle, handle.packet()),
                                handle.packet());
                        for (DisplayFilter f : groups.get(g)) {
                            boolean verdict = f.test(row);
                            verdicts++;
                            passed += verdict ? 1 : 0;
                            if (verdict != expected.get(k) && problems.size() < 20) {
                                problems.add(merged.getFileName() + " frame " + frame + ": " + f + " -> row "
                                        + verdict + ", decoded " + expected.get(k));
                            }
                            k++;
                        }
                    }
                }
            }
            for (Projector projector : projectors) {
                if (projector.projection().isSpecialised()) {
                    specialised += projector.specialisedPackets();
                    decoded += projector.decodedPackets();
                }
            }
        }
        long specialisedProjections = projections.stream().filter(Projection::isSpecialised).count();
        System.out.printf("display filters on rows: %d expressions in %d projections (%d specialised), %d packets,"
                + " %d verdicts (%d passed); the specialised projections read %d rows from their bytes, decoded %d%n",
                testable.size(), projections.size(), specialisedProjections, packets, verdicts, passed, specialised,
                decoded);
        assertEquals(List.of(), problems);
        assertTrue(passed > 0 && passed < verdicts, "some packets pass, some do not");
        // the corpus holds many links besides Ethernet and many stacks the bytes are not read for: a tenth at least
        assertTrue(specialisedProjections > 0 && specialised * 10 > specialised + decoded,
                "rows read from their bytes: " + specialised + " against " + decoded + " decoded");
    }

    @Test
    void filtersThatNeedDecodedPacketsSaySo() {
        for (String e : List.of("tcp", "ip && udp.port == 53", "frame contains 41:42", "ip.src#2 == 10.0.0.1",
                "frame.time_delta > 0.5", "frame.time > \"2000-01-01 00:00:00\"", "_ws.malformed")) {
            DisplayFilter f = DisplayFilter.compile(e);
            assertTrue(f.rowFields().isEmpty(), e);
            ProjectedRow row = Projection.compile(List.of("frame.number")).projector(new PacketDecoder())
                    .project(1, ByteBuffer.wrap(new byte[60]), 0, 60);
            IllegalStateException ex = assertThrows(IllegalStateException.class, () -> f.test(row), e);
            assertTrue(ex.getMessage().contains("decoded packet"), ex.getMessage());
        }
        DisplayFilter ports = DisplayFilter.compile("tcp.port == 80 || udp.dstport in {53, 5353} && !(ip.ttl < 2)");
        assertEquals(List.of("tcp.port", "udp.dstport", "ip.ttl"),
                ports.rowFields().orElseThrow().stream().map(Field::name).toList());
        ProjectedRow lacking = Projection.compile(List.of("tcp.port", "ip.ttl")).projector(new PacketDecoder())
                .project(1, ByteBuffer.wrap(new byte[60]), 0, 60);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> ports.test(lacking));
        assertTrue(ex.getMessage().contains("udp.dstport"), ex.getMessage());
    }

    /** The tool's decoder for fields and display filters: datagrams and streams put together, conversations followed. */
    private static PacketDecoder decoder() {
        return new PacketDecoder().reassembleFragments(true).followConversations(true).reassembleStreams(true);
    }
}
