package dev.trawl.decode.internal.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.IpProtocol;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IpReassemblerTest {
    private static final int ICMP = IpProtocol.ICMP.value();
    private static final int UDP = IpProtocol.UDP.value();
    private static final int TCP = IpProtocol.TCP.value();
    private static final int ICMPV6 = IpProtocol.ICMPV6.value();
    private static final byte[] SRC = {10, 0, 0, 1};
    private static final byte[] DST = {10, 0, 0, 2};

    /** An IPv4 fragment: 20-byte header then the payload slice. */
    private static byte[] v4(int id, int protocol, int offset, boolean more, byte[] payload, int from, int to,
            byte[] src) {
        byte[] p = new byte[20 + to - from];
        p[0] = 0x45;
        p[2] = (byte) (p.length >> 8);
        p[3] = (byte) p.length;
        p[4] = (byte) (id >> 8);
        p[5] = (byte) id;
        int fo = offset / 8 | (more ? 0x2000 : 0);
        p[6] = (byte) (fo >> 8);
        p[7] = (byte) fo;
        p[8] = 64;
        p[9] = (byte) protocol;
        System.arraycopy(src, 0, p, 12, 4);
        System.arraycopy(DST, 0, p, 16, 4);
        System.arraycopy(payload, from, p, 20, to - from);
        return p;
    }

    private static boolean add(IpReassembler r, byte[] fragment) {
        return r.addIpv4(fragment, 0, 20, fragment.length - 20, 0);
    }

    private static byte[] payload(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void theFragmentThatCompletesADatagramYieldsItsWholePayload() {
        byte[] data = payload(3000, 1);
        IpReassembler r = new IpReassembler();
        assertFalse(add(r, v4(7, ICMP, 0, true, data, 0, 1480, SRC)));
        assertFalse(add(r, v4(7, ICMP, 1480, true, data, 1480, 2960, SRC)));
        assertTrue(add(r, v4(7, ICMP, 2960, false, data, 2960, 3000, SRC)));
        assertEquals(3000, r.payloadLength());
        assertEquals(ICMP, r.payloadProtocol());
        assertArrayEquals(data, Arrays.copyOf(r.payload(), r.payloadLength()));
        assertEquals(0, r.pending(), "a completed datagram is forgotten");
    }

    @Test
    void fragmentsMayArriveInAnyOrder() {
        byte[] data = payload(2000, 2);
        IpReassembler r = new IpReassembler();
        assertFalse(add(r, v4(9, UDP, 1000, false, data, 1000, 2000, SRC)));
        assertFalse(add(r, v4(9, UDP, 0, true, data, 0, 504, SRC)));
        assertTrue(add(r, v4(9, UDP, 504, true, data, 504, 1000, SRC)));
        assertArrayEquals(data, Arrays.copyOf(r.payload(), r.payloadLength()));
    }

    @Test
    void datagramsAreToldApartByAddressIdentificationAndProtocol() {
        byte[] a = payload(1600, 3);
        byte[] b = payload(1600, 4);
        IpReassembler r = new IpReassembler();
        assertFalse(add(r, v4(5, UDP, 0, true, a, 0, 800, SRC)));
        assertFalse(add(r, v4(5, TCP, 800, false, b, 800, 1600, SRC)), "another protocol is another datagram");
        assertFalse(add(r, v4(5, UDP, 800, false, b, 800, 1600, new byte[] {10, 0, 0, 9})),
                "another source is another datagram");
        assertTrue(add(r, v4(5, UDP, 800, false, a, 800, 1600, SRC)));
        assertArrayEquals(a, Arrays.copyOf(r.payload(), r.payloadLength()));
        assertEquals(2, r.pending());
    }

    @Test
    void overlappingFragmentsKeepTheBytesThatCameFirst() {
        byte[] data = payload(1200, 5);
        byte[] other = payload(1200, 6);
        IpReassembler r = new IpReassembler();
        assertFalse(add(r, v4(1, UDP, 0, true, data, 0, 800, SRC)));
        assertTrue(add(r, v4(1, UDP, 400, false, other, 400, 1200, SRC)));
        byte[] expected = data.clone();
        System.arraycopy(other, 800, expected, 800, 400);
        assertArrayEquals(expected, Arrays.copyOf(r.payload(), r.payloadLength()));
    }

    @Test
    void aMissingFragmentLeavesTheDatagramIncomplete() {
        byte[] data = payload(3000, 7);
        IpReassembler r = new IpReassembler();
        assertFalse(add(r, v4(3, ICMP, 0, true, data, 0, 1480, SRC)));
        assertFalse(add(r, v4(3, ICMP, 2960, false, data, 2960, 3000, SRC)));
        assertEquals(1, r.pending());
    }

    @Test
    void aFragmentEndingPastTheLargestDatagramIsIgnored() {
        byte[] data = payload(100, 8);
        IpReassembler r = new IpReassembler();
        assertFalse(add(r, v4(4, UDP, 65_528, false, data, 0, 100, SRC)));
        assertEquals(0, r.pending());
    }

    @Test
    void pendingDatagramsAreBounded() {
        byte[] data = payload(16, 9);
        IpReassembler r = new IpReassembler();
        for (int id = 0; id < IpReassembler.MAX_PENDING + 500; id++) {
            add(r, v4(id, UDP, 0, true, data, 0, 8, SRC));
        }
        assertEquals(IpReassembler.MAX_PENDING, r.pending());
        // the oldest went first: the newest still completes
        int newest = IpReassembler.MAX_PENDING + 499;
        assertTrue(add(r, v4(newest, UDP, 8, false, data, 8, 16, SRC)));
        assertFalse(add(r, v4(0, UDP, 8, false, data, 8, 16, SRC)), "the oldest was dropped");
    }

    @Test
    void ipv6FragmentsTakeTheNextHeaderOfTheFirstFragment() {
        byte[] data = payload(2000, 10);
        IpReassembler r = new IpReassembler();
        assertFalse(r.addIpv6(v6(0x11223344, 0, true, ICMPV6, data, 0, 1232), 0, 40, 48, 1232, 0));
        assertTrue(r.addIpv6(v6(0x11223344, 1232, false, ICMPV6, data, 1232, 2000), 0, 40, 48, 768, 0));
        assertEquals(ICMPV6, r.payloadProtocol());
        assertArrayEquals(data, Arrays.copyOf(r.payload(), r.payloadLength()));
    }

    /** An IPv6 header, a fragment header, and the payload slice. */
    private static byte[] v6(long id, int offset, boolean more, int next, byte[] payload, int from, int to) {
        byte[] p = new byte[48 + to - from];
        p[0] = 0x60;
        int plen = 8 + to - from;
        p[4] = (byte) (plen >> 8);
        p[5] = (byte) plen;
        p[6] = 44;
        p[8] = (byte) 0xfd;
        p[39] = 2;
        p[40] = (byte) next;
        int fo = offset | (more ? 1 : 0);
        p[42] = (byte) (fo >> 8);
        p[43] = (byte) fo;
        p[44] = (byte) (id >> 24);
        p[45] = (byte) (id >> 16);
        p[46] = (byte) (id >> 8);
        p[47] = (byte) id;
        System.arraycopy(payload, from, p, 48, to - from);
        return p;
    }
}
