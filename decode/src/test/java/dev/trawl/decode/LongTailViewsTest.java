package dev.trawl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trawl.decode.layer.Dccp;
import dev.trawl.decode.layer.Dhcpv6;
import dev.trawl.decode.layer.Eigrp;
import dev.trawl.decode.layer.Esp;
import dev.trawl.decode.layer.EthernetLoopback;
import dev.trawl.decode.layer.Isakmp;
import dev.trawl.decode.layer.Ldp;
import dev.trawl.decode.layer.Macsec;
import dev.trawl.decode.layer.Mobility;
import dev.trawl.decode.layer.Olsr;
import dev.trawl.decode.layer.Radius;
import dev.trawl.decode.layer.Rip;
import dev.trawl.decode.layer.Sflow;
import dev.trawl.decode.layer.Vsock;
import dev.trawl.pcap.tck.TestCorpus;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The views the text printers read the less common protocols through, against the installed tshark: for each
 * corpus capture that holds the protocol, the value a view reads from the first layer of that protocol in every
 * frame equals the field tshark shows for the frame. Skipped when tshark is not installed.
 */
class LongTailViewsTest {
    /** Reads one value from the layer's bytes. */
    @FunctionalInterface
    interface Reader {
        long read(ByteBuffer buffer, int offset, int length);
    }

    record Case(String capture, String protocol, String field, Reader reader) {
    }

    static final List<Case> CASES = List.of(
            new Case("RADIUS.pcap", "radius", "radius.code", (b, o, n) -> new Radius().wrap(b, o, n).code()),
            new Case("RADIUS.pcap", "radius", "radius.id", (b, o, n) -> new Radius().wrap(b, o, n).identifier()),
            new Case("RADIUS.pcap", "radius", "radius.length", (b, o, n) -> new Radius().wrap(b, o, n).length()),
            new Case("espudp1.pcap", "esp", "esp.spi", (b, o, n) -> new Esp().wrap(b, o, n).spi()),
            new Case("espudp1.pcap", "esp", "esp.sequence", (b, o, n) -> new Esp().wrap(b, o, n).sequence()),
            new Case("dhcpv6-ia-na.pcap", "dhcpv6", "dhcpv6.msgtype",
                    (b, o, n) -> new Dhcpv6().wrap(b, o, n).messageType()),
            new Case("dhcpv6-ia-na.pcap", "dhcpv6", "dhcpv6.xid",
                    (b, o, n) -> new Dhcpv6().wrap(b, o, n).transactionId()),
            new Case("rip_error_hexdump.pcap", "rip", "rip.command", (b, o, n) -> new Rip().wrap(b, o, n).command()),
            new Case("rip_error_hexdump.pcap", "rip", "rip.version", (b, o, n) -> new Rip().wrap(b, o, n).version()),
            new Case("vsock-1.pcapng", "vsock", "vsock.src_cid", (b, o, n) -> new Vsock().wrap(b, o, n).sourceCid()),
            new Case("vsock-1.pcapng", "vsock", "vsock.dst_port",
                    (b, o, n) -> new Vsock().wrap(b, o, n).destinationPort()),
            new Case("vsock-1.pcapng", "vsock", "vsock.op", (b, o, n) -> new Vsock().wrap(b, o, n).operation()),
            new Case("vsock-1.pcapng", "vsock", "vsock.virtio.op",
                    (b, o, n) -> new Vsock().wrap(b, o, n).virtioOperation()),
            new Case("vsock-1.pcapng", "vsock", "vsock.virtio.fwd_cnt",
                    (b, o, n) -> new Vsock().wrap(b, o, n).virtioForwardCount()),
            new Case("vsock-1.pcapng", "vsock", "vsock.virtio.len",
                    (b, o, n) -> new Vsock().wrap(b, o, n).virtioLength()),
            new Case("mpls-ldp-hello.pcap", "ldp", "ldp.hdr.version", (b, o, n) -> new Ldp().wrap(b, o, n).version()),
            new Case("mpls-ldp-hello.pcap", "ldp", "ldp.hdr.pdu_len",
                    (b, o, n) -> new Ldp().wrap(b, o, n).pduLength()),
            new Case("mpls-ldp-hello.pcap", "ldp", "ldp.hdr.ldpid.lsr",
                    (b, o, n) -> Integer.toUnsignedLong(new Ldp().wrap(b, o, n).lsrId())),
            new Case("mpls-ldp-hello.pcap", "ldp", "ldp.hdr.ldpid.lsid",
                    (b, o, n) -> new Ldp().wrap(b, o, n).labelSpace()),
            new Case("EIGRP_ipv6.pcap", "eigrp", "eigrp.opcode", (b, o, n) -> new Eigrp().wrap(b, o, n).opcode()),
            new Case("EIGRP_ipv6.pcap", "eigrp", "eigrp.as",
                    (b, o, n) -> new Eigrp().wrap(b, o, n).autonomousSystem()),
            new Case("isakmp4500.pcap", "isakmp", "isakmp.exchangetype",
                    (b, o, n) -> new Isakmp().wrap(b, o, n).exchangeType()),
            new Case("isakmp4500.pcap", "isakmp", "isakmp.length", (b, o, n) -> new Isakmp().wrap(b, o, n).length()),
            new Case("sflow_expanded.pcap", "sflow", "sflow_245.numsamples",
                    (b, o, n) -> new Sflow().wrap(b, o, n).samples()),
            new Case("OLSRv1_HNA_sgw_1.pcap", "olsr", "olsr.packet_len",
                    (b, o, n) -> new Olsr().wrap(b, o, n).packetLength()),
            new Case("OLSRv1_HNA_sgw_1.pcap", "olsr", "olsr.packet_seq_num",
                    (b, o, n) -> new Olsr().wrap(b, o, n).sequence()),
            new Case("ipv6_mobility_1.pcap", "mipv6", "mip6.mhtype", (b, o, n) -> new Mobility().wrap(b, o, n).type()),
            new Case("ipv6_mobility_1.pcap", "mipv6", "mip6.hlen",
                    (b, o, n) -> new Mobility().wrap(b, o, n).headerLengthField()),
            new Case("loopback.pcap", "loop", "loop.skipcount",
                    (b, o, n) -> new EthernetLoopback().wrap(b, o, n).skipCount()),
            new Case("dccp_partial_csum_v4_simple.pcap", "dccp", "dccp.type",
                    (b, o, n) -> new Dccp().wrap(b, o, n).type()),
            new Case("dccp_partial_csum_v4_simple.pcap", "dccp", "dccp.cscov",
                    (b, o, n) -> new Dccp().wrap(b, o, n).checksumCoverage()),
            new Case("macsec-encrypted.pcap", "macsec", "macsec.PN",
                    (b, o, n) -> new Macsec().wrap(b, o, n).packetNumber()),
            new Case("macsec-encrypted.pcap", "macsec", "macsec.TCI",
                    (b, o, n) -> new Macsec().wrap(b, o, n).tci() >> 2),
            new Case("macsec-encrypted.pcap", "macsec", "macsec.SL",
                    (b, o, n) -> new Macsec().wrap(b, o, n).shortLength()));

    @Test
    void viewsReadWhatTsharkShows() throws Exception {
        assumeTrue(TsharkExtraFieldsTest.tsharkAvailable(), "tshark is not installed");
        Path dir = TestCorpus.file("captures");
        List<String> disagreements = new ArrayList<>();
        ProtocolRegistry registry = ProtocolRegistry.standard();
        for (Case c : CASES) {
            Path file = dir.resolve(c.capture());
            assumeTrue(Files.exists(file), "the corpus lacks " + c.capture());
            List<String> tshark = TsharkExtraFieldsTest.runTshark(file, List.of(c.field()));
            List<CaptureFile.Frame> frames = CaptureFile.read(file);
            PacketDecoder decoder = new PacketDecoder();
            int protocol = registry.id(c.protocol());
            int compared = 0;
            for (int i = 0; i < Math.min(frames.size(), tshark.size()); i++) {
                String want = tshark.get(i).split(",", -1)[0];
                if (want.isEmpty()) {
                    continue;
                }
                CaptureFile.Frame f = frames.get(i);
                DecodedPacket p = decoder.decode(f.linkType(), f.data(), 0, f.data().length, f.originalLength(),
                        f.seconds(), f.nanos());
                int layer = p.find(protocol);
                if (layer < 0) {
                    disagreements.add(c.capture() + " #" + (i + 1) + " " + c.field() + ": no " + c.protocol()
                            + " layer");
                    continue;
                }
                long got = c.reader().read(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
                compared++;
                if (got != number(want)) {
                    disagreements.add(c.capture() + " #" + (i + 1) + " " + c.field() + ": tshark=" + want
                            + " view=" + got);
                }
            }
            assertTrue(compared > 0, c.capture() + " has no " + c.field() + " to compare");
        }
        assertEquals(List.of(), disagreements);
    }

    /** A tshark field value as a number: decimal, {@code 0x} hexadecimal, or a dotted IPv4 address. */
    static long number(String value) {
        if (value.startsWith("0x")) {
            return Long.parseLong(value.substring(2), 16);
        }
        if (value.indexOf('.') > 0) {
            long a = 0;
            for (String part : value.split("\\.")) {
                a = a << 8 | Long.parseLong(part);
            }
            return a;
        }
        return Long.parseLong(value);
    }
}
