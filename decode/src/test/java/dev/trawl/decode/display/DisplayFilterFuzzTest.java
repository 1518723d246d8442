package dev.trawl.decode.display;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.PacketDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes the display-filter compiler and evaluator: any text either compiles or is refused with a
 * {@link DisplayFilterException} (never another exception, a hang or a stack overflow, whatever its
 * nesting), and a filter that compiles tests a few packets of different shapes without an exception.
 *
 * <p>Without {@code JAZZER_FUZZ=1} the test replays the seeds in {@code DisplayFilterFuzzTestInputs/}
 * (filters of the agreement test and every crash found so far). The {@code fuzz} Maven profile fuzzes it.
 */
class DisplayFilterFuzzTest {
    private static final List<DecodedPacket> PACKETS = packets();

    private static List<DecodedPacket> packets() {
        // each decoded by its own decoder, so that all stay valid
        byte[] udp = hex("ffffffffffff020000000001080045000020000100004011000000a0000010a000002"
                + "04d2003500080000");
        byte[] tcp = hex("0200000000020200000000018100006486dd6000000000140640fe800000000000000000000000000001"
                + "fe80000000000000000000000000000200500050000000010000000050120100000000004745542f");
        byte[] arp = hex("ffffffffffff0200000000010806000108000604000102000000000 10a000001000000000000 0a000002"
                .replace(" ", ""));
        return List.of(new PacketDecoder().decode(1, udp, 0, udp.length),
                new PacketDecoder().decode(1, tcp, 0, tcp.length), new PacketDecoder().decode(1, arp, 0, arp.length),
                new PacketDecoder().decode(1, new byte[3], 0, 3));
    }

    private static byte[] hex(String s) {
        String h = s.length() % 2 == 0 ? s : s + "0";
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    @FuzzTest(maxDuration = "60s")
    void filterSurvivesAnyText(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        DisplayFilter filter;
        try {
            filter = DisplayFilter.compile(text);
        } catch (DisplayFilterException e) {
            if (e.getMessage() == null || e.getMessage().isEmpty()) {
                throw new AssertionError("a refusal without a message: " + text);
            }
            return;
        }
        for (DecodedPacket p : PACKETS) {
            filter.test(p);
        }
    }
}
