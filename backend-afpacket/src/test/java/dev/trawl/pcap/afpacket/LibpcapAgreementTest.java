package dev.trawl.pcap.afpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.tck.VethPair;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same frames, captured at once by this backend and by libpcap (the {@code panama} backend) on one device
 * with one filter, must arrive as the same bytes, in the same order: VLAN tags the kernel took out put back,
 * the cooked headers of the {@code any} device, and what the kernel filters let through, {@code vlan} above all.
 */
class LibpcapAgreementTest extends OnVethPair {
    private static final Duration QUIET = Duration.ofMillis(700);
    private final LiveFrames frames = new LiveFrames();

    /** Untagged, 802.1Q, 802.1ad outside 802.1Q, the old 0x9100, a priority bit, and UDP to port 53 in a tag. */
    private byte[][] mixed() {
        byte[] udp = frames.frame(7, 0x0800, 80, 0x8100, 100);
        // an IPv4 header and a UDP header to port 53 in place of the marker's tail: the marker stays readable
        int ip = 18;
        byte[] header = HexFormat.of().parseHex("45000040000000004011000001020304c0a80101");
        byte[] withIp = new byte[udp.length + 28];
        System.arraycopy(udp, 0, withIp, 0, ip);
        System.arraycopy(header, 0, withIp, ip, 20);
        withIp[ip + 20] = 0x10;
        withIp[ip + 21] = 0x00;
        withIp[ip + 22] = 0x00;
        withIp[ip + 23] = 53;
        System.arraycopy(udp, ip, withIp, ip + 28, udp.length - ip);
        return new byte[][] {
            frames.frame(1, LiveFrames.ETHERTYPE, 60),
            frames.frame(2, LiveFrames.ETHERTYPE, 64, 0x8100, 100),
            frames.frame(3, LiveFrames.ETHERTYPE, 64, 0x8100, 200),
            frames.frame(4, LiveFrames.ETHERTYPE, 72, 0x88a8, 100, 0x8100, 200),
            frames.frame(5, LiveFrames.ETHERTYPE, 64, 0x9100, 100),
            frames.frame(6, LiveFrames.ETHERTYPE, 64, 0x8100, 0x6000 | 100),
            withIp,
            frames.frame(8, LiveFrames.ETHERTYPE, 300, 0x8100, 200),
        };
    }

    Stream<Arguments> filters() {
        return Stream.of("", "vlan", "vlan 100", "vlan 200", "not vlan", "vlan and vlan 200", "vlan 100 and udp port 53",
                "vlan or ether proto 0x88b5", "ether proto 0x88b5", "vlan 100 and ether[14] & 0xe0 != 0",
                "greater 100").map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("filters")
    void framesOnTheDeviceAreWhatLibpcapDelivers(String filter) throws Exception {
        compare(pair.a, filter, null);
    }

    Stream<Arguments> cooked() {
        return Stream.of(LinkType.LINUX_SLL, LinkType.LINUX_SLL2).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("cooked")
    void framesOnTheAnyDeviceCarryLibpcapsCookedHeaders(LinkType type) throws Exception {
        int index = Interfaces.index(pair.a);
        compare("any", "ifindex " + index, type);
    }

    private void compare(String device, String filter, LinkType linkType) throws Exception {
        Backend libpcap = Pcap.backend("panama");
        byte[][] sent = mixed();
        try (LiveHandle ours = LiveFrames.afpacket().openLive(device, LiveFrames.quick().build());
                LiveHandle theirs = libpcap.openLive(device, LiveFrames.quick().build())) {
            if (linkType != null) {
                ours.setLinkType(linkType);
                theirs.setLinkType(linkType);
            }
            ours.setFilter(filter);
            theirs.setFilter(filter);
            // libpcap runs its program in userland on what reaches the ring just after a filter is set, where it
            // cannot read metadata (ifindex) and drops the packet; frames of another run go first, and are not
            // compared
            LiveFrames warmUp = new LiveFrames();
            pair.inject(warmUp.frame(0, LiveFrames.ETHERTYPE, 60), warmUp.frame(0, LiveFrames.ETHERTYPE, 60, 0x8100, 100));
            warmUp.collect(theirs, 2, Duration.ofMillis(300));
            warmUp.collect(ours, 2, Duration.ofMillis(300));
            pair.inject(sent);
            List<byte[]> expected = frames.collect(theirs, sent.length, QUIET);
            List<byte[]> got = frames.collect(ours, sent.length, QUIET);
            String where = device + (linkType == null ? "" : " " + linkType) + " with '" + filter + "'";
            assertEquals(hex(expected), hex(got), where);
            assertFalse(expected.isEmpty(), "every filter here matches one of the frames: " + where);
        }
    }

    private static List<String> hex(List<byte[]> frames) {
        return frames.stream().map(HexFormat.of()::formatHex).toList();
    }
}
