package dev.trawl.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.LinkType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Programs for a Linux kernel filter ({@link Filter#compileForLinuxKernel}): the kernel sees a received frame
 * with its outer 802.1Q or 802.1ad tag taken out and kept as metadata. A kernel program run on that view must
 * decide as the ordinary program does on the frame with its tag. The kernel's metadata loads are played here by
 * putting the metadata in as constants ({@code ld #1} for a tag present, {@code ld #tci} for the tag), so that
 * pcap-api's interpreter can run the kernel program.
 */
class LinuxKernelVlanTest {
    private static final int SKF_AD_OFF = -0x1000;
    private static final int VLAN_TAG = SKF_AD_OFF + 44;
    private static final int VLAN_TAG_PRESENT = SKF_AD_OFF + 48;

    /** Expressions where {@code vlan} is the first link-layer test (after one, the two views differ, in libpcap too). */
    private static final List<String> EXPRESSIONS = List.of("vlan", "vlan 100", "vlan 200", "not vlan",
            "vlan and vlan 100", "vlan 100 and vlan 200", "vlan 100 and udp", "vlan and ip host 10.0.0.1",
            "vlan 100 and tcp port 80", "vlan or ip", "vlan 100 or vlan 200", "vlan and udp port 53",
            "vlan and ip6", "vlan and arp", "ether src 10:11:12:13:14:15 and vlan 100", "ether[0] = 255 and vlan",
            "vlan and not arp", "vlan 100 and (tcp or udp) and not port 22");

    private static BpfProgram userland(String e) throws Exception {
        return Filter.compile(FilterSpec.of(e, LinkType.ETHERNET));
    }

    private static BpfProgram kernel(String e) throws Exception {
        return Filter.compileForLinuxKernel(FilterSpec.of(e, LinkType.ETHERNET));
    }

    /** The kernel program with its metadata loads replaced by the metadata of one packet. */
    private static BpfProgram withMetadata(BpfProgram program, boolean present, int tci) {
        List<BpfInstruction> out = new ArrayList<>();
        for (BpfInstruction insn : program.instructions()) {
            boolean load = (insn.code() & 0x07) == 0 && (insn.code() & 0xe0) == 0x20;
            if (load && insn.k() == VLAN_TAG_PRESENT) {
                out.add(BpfInstruction.stmt(0x00, present ? 1 : 0)); // ld #present
            } else if (load && insn.k() == VLAN_TAG) {
                out.add(BpfInstruction.stmt(0x00, tci)); // ld #tci
            } else {
                out.add(insn);
            }
        }
        return new BpfProgram(out);
    }

    /** A frame: optional tags (TPID, VID) outside in, then IPv4/UDP, IPv4/TCP, IPv6/UDP or ARP. */
    private static byte[] frame(Random random, int[][] tags) {
        ByteBuffer b = ByteBuffer.allocate(128);
        b.put(new byte[] {-1, -1, -1, -1, -1, -1});
        b.put(new byte[] {0x10, 0x11, 0x12, 0x13, 0x14, 0x15});
        for (int[] tag : tags) {
            b.putShort((short) tag[0]).putShort((short) tag[1]);
        }
        int kind = random.nextInt(4);
        if (kind == 3) {
            b.putShort((short) 0x0806);
            while (b.hasRemaining()) {
                b.put((byte) random.nextInt());
            }
            return b.array();
        }
        boolean v6 = kind == 2;
        b.putShort((short) (v6 ? 0x86dd : 0x0800));
        int proto = kind == 1 ? 6 : 17;
        if (v6) {
            b.putInt(0x60000000).putShort((short) 40).put((byte) proto).put((byte) 64);
            b.put(new byte[32]);
        } else {
            b.put((byte) 0x45).put((byte) 0).putShort((short) 60).putInt(0).put((byte) 64).put((byte) proto)
                    .putShort((short) 0).putInt(0x0a000001).putInt(random.nextBoolean() ? 0x0a000002 : 0x0a000001);
        }
        int[] ports = {22, 53, 80, 4000};
        b.putShort((short) ports[random.nextInt(4)]).putShort((short) ports[random.nextInt(4)]);
        while (b.hasRemaining()) {
            b.put((byte) random.nextInt());
        }
        return b.array();
    }

    @Test
    void theKernelProgramOnTheFrameTheKernelSeesDecidesAsTheProgramOnTheFrameWithItsTag() throws Exception {
        Random random = new Random(17);
        int[] tpids = {0x8100, 0x88a8, 0x9100};
        int[] vids = {100, 200, 0x0064 | 0x2000}; // a priority bit set must not change the VID
        for (String e : EXPRESSIONS) {
            BpfProgram user = userland(e);
            BpfProgram kern = kernel(e);
            int matched = 0;
            for (int i = 0; i < 400; i++) {
                int depth = random.nextInt(3);
                int[][] tags = new int[depth][];
                for (int t = 0; t < depth; t++) {
                    tags[t] = new int[] {tpids[random.nextInt(3)], vids[random.nextInt(3)]};
                }
                byte[] tagged = frame(random, tags);
                boolean stripped = depth > 0 && tags[0][0] != 0x9100; // the kernel takes out 802.1Q and 802.1ad
                byte[] seen = tagged;
                int tci = 0;
                if (stripped) {
                    seen = new byte[tagged.length - 4];
                    System.arraycopy(tagged, 0, seen, 0, 12);
                    System.arraycopy(tagged, 16, seen, 12, tagged.length - 16);
                    tci = tags[0][1];
                }
                boolean want = user.run(ByteBuffer.wrap(tagged), tagged.length) != 0;
                boolean got = withMetadata(kern, stripped, tci).run(ByteBuffer.wrap(seen), seen.length) != 0;
                assertEquals(want, got, e + " on a frame with tags " + java.util.Arrays.deepToString(tags)
                        + (stripped ? ", the outer one in metadata" : ""));
                matched += want ? 1 : 0;
            }
            assertTrue(matched > 0 || e.equals("vlan 100 and vlan 200"), e + " matched no frame: the test proves nothing");
        }
    }

    @Test
    void onlyVlanDiffersAndOnlyOnEthernet() throws Exception {
        for (String e : List.of("tcp port 80", "ip host 10.0.0.1 or arp", "mpls", "ether broadcast")) {
            assertEquals(userland(e), kernel(e), e);
        }
        assertNotEquals(userland("vlan 100"), kernel("vlan 100"));
        assertTrue(kernel("vlan 100").instructions().stream().anyMatch(i -> i.k() == VLAN_TAG_PRESENT));
        BpfProgram sll = Filter.compileForLinuxKernel(FilterSpec.of("ip", LinkType.LINUX_SLL));
        assertEquals(Filter.compile(FilterSpec.of("ip", LinkType.LINUX_SLL)), sll);
        assertThrows(FilterSyntaxException.class,
                () -> Filter.compileForLinuxKernel(FilterSpec.of("vlan", LinkType.LINUX_SLL)));
    }
}
