package dev.trawl.decode;

import static dev.trawl.decode.TestPackets.IP_A;
import static dev.trawl.decode.TestPackets.IP_B;
import static dev.trawl.decode.TestPackets.cat;
import static dev.trawl.decode.TestPackets.eth;
import static dev.trawl.decode.TestPackets.hex;
import static dev.trawl.decode.TestPackets.ipv4;
import static dev.trawl.decode.TestPackets.ipv6;
import static dev.trawl.decode.TestPackets.tcp;
import static dev.trawl.decode.TestPackets.u16;
import static dev.trawl.decode.TestPackets.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trawl.decode.field.FieldPrinter;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.decode.layer.Tcp;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protocols Wireshark finds by port or EtherType or IP protocol number, data on a SYN, and headers ICMP errors
 * quote, each in the forms a capture holds them (valid, other message types, payloads the protocol does not
 * claim, messages not yet whole): every field of the expected files must print as the installed tshark prints
 * it. Skipped when tshark is not installed (CI installs it).
 */
class WellKnownPortAgreementTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] tcpTo(int port, int flags, byte[] payload) {
        return eth(EtherType.IPV4, ipv4(IpProtocol.TCP, IP_A, IP_B, tcp(40000, port, 1, 0, flags, new byte[0],
                payload)));
    }

    private static byte[] udpTo(int port, byte[] payload) {
        return eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, udp(40000, port, payload)));
    }

    /** A NetBIOS session message of {@code type} around {@code payload}. */
    private static byte[] nbss(int type, byte[] payload) {
        return cat(new byte[] {(byte) type, 0}, u16(payload.length), payload);
    }

    /**
     * {@code message} sent from server port {@code port} to client port {@code client} in segments that end
     * at {@code cut1}, {@code cut2} and the end, sequence numbers from {@code seq}; the last segment carries
     * FIN; {@code retransmit} sends the first segment twice.
     */
    private static List<byte[]> segments(int client, int port, long seq, byte[] message, int cut1, int cut2,
            boolean retransmit) {
        List<byte[]> out = new ArrayList<>();
        int[] cuts = {0, cut1, cut2, message.length};
        for (int i = 0; i + 1 < cuts.length; i++) {
            if (cuts[i] == cuts[i + 1]) {
                continue;
            }
            int flags = Tcp.ACK | Tcp.PSH | (cuts[i + 1] == message.length ? Tcp.FIN : 0);
            byte[] frame = eth(EtherType.IPV4, ipv4(IpProtocol.TCP, IP_B, IP_A, tcp(port, client, seq + cuts[i], 1,
                    flags, new byte[0], java.util.Arrays.copyOfRange(message, cuts[i], cuts[i + 1]))));
            out.add(frame);
            if (retransmit && i == 0) {
                out.add(frame);
            }
        }
        return out;
    }

    /** An ONC RPC call to NFS version 3, procedure {@code procedure}, with empty credentials. */
    private static byte[] rpcCall(int procedure) {
        return cat(hex("0000000100000000000000020001"), hex("86a300000003"), u16(0), u16(procedure));
    }

    static List<byte[]> frames() {
        byte[] smb1 = cat(hex("ff534d4272"), new byte[27], hex("000c00"), ascii("\u0002NT LM 0.12\u0000"));
        byte[] smb2 = cat(hex("fe534d42"), hex("4000"), new byte[58], hex("24000100"), new byte[32]);
        byte[] icmp = ipv4(IpProtocol.ICMP, IP_A, IP_B, cat(hex("0800"), u16(0), u16(1), u16(2)));
        List<byte[]> frames = new ArrayList<>();
        for (int port : new int[] {139, 445}) {
            frames.add(tcpTo(port, Tcp.ACK | Tcp.PSH, nbss(0, smb1)));
            frames.add(tcpTo(port, Tcp.ACK | Tcp.PSH, nbss(0, smb2)));
            frames.add(tcpTo(port, Tcp.ACK | Tcp.PSH, nbss(0x81, cat(hex("20"), new byte[33]))));
            frames.add(tcpTo(port, Tcp.ACK | Tcp.PSH, nbss(0x85, new byte[0])));
            frames.add(tcpTo(port, Tcp.ACK | Tcp.PSH, nbss(0, ascii("garbage!"))));
        }
        byte[] bind = hex("05000b03100000004800000001000000d016d016000000000100000000000100a0010000000000"
                + "00c00000000000004600000000045d888aeb1cc9119fe808002b10486002000000");
        frames.add(tcpTo(135, Tcp.ACK | Tcp.PSH, bind));
        frames.add(tcpTo(135, Tcp.ACK | Tcp.PSH, java.util.Arrays.copyOf(bind, 40))); // the rest comes later
        frames.add(tcpTo(135, Tcp.ACK | Tcp.PSH, ascii("not dce/rpc at all")));
        frames.add(tcpTo(88, Tcp.ACK | Tcp.PSH, cat(hex("0000000a6a08"), new byte[8])));
        frames.add(eth(EtherType.JUMBO_LLC, cat(hex("aaaa03000000"), u16(EtherType.IPV4.value()), icmp)));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.MPLS_IN_IP, IP_A, IP_B, cat(hex("00010140"), icmp))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.ETHERIP, IP_A, IP_B, cat(hex("3000"),
                eth(EtherType.IPV4, icmp)))));
        frames.add(udpTo(2427, ascii("RQNT 1201 aaln/1@gw.example.net MGCP 1.0\r\nX: 0123456789AC\r\n")));
        frames.add(udpTo(2727, ascii("200 1201 OK\r\n")));
        frames.add(udpTo(2427, ascii("hello, world")));
        frames.add(udpTo(5683, hex("4401abcd1122334455b474657374")));
        frames.add(udpTo(1080, hex("05")));
        // data on a SYN: decoded when its port has a decoder, else no layer (TCP's own segment data)
        frames.add(tcpTo(80, Tcp.SYN, ascii("GET / HTTP/1.1\r\nHost: a\r\n\r\n")));
        frames.add(tcpTo(389, Tcp.SYN, hex("301c020100631504000a01000a0100020100020100010100870030002000")));
        frames.add(tcpTo(13054, Tcp.SYN, hex("deadbeef")));
        // GTP-C versions 1 and 2, Modbus/TCP, RPC over TCP, LLMNR, SCTP whole and fragmented messages
        frames.add(udpTo(2123, hex("320100040000000000010000")));
        frames.add(udpTo(2123, hex("4001000900000100000000")));
        frames.add(tcpTo(502, Tcp.ACK | Tcp.PSH, hex("000100000006010300000001")));
        frames.add(tcpTo(2049, Tcp.ACK | Tcp.PSH, cat(hex("80000028"), rpcCall(0), new byte[16])));
        frames.add(tcpTo(2049, Tcp.ACK | Tcp.PSH, cat(hex("80000028"), rpcCall(1), new byte[16])));
        frames.add(udpTo(2049, cat(rpcCall(0), new byte[16])));
        frames.add(udpTo(5355, cat(hex("abcd00000001000000000000"), hex("04686f73740000010001"))));
        for (int ppid : new int[] {0, 3}) {
            for (int flags : new int[] {0x03, 0x00}) { // a whole message, a middle fragment
                frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.SCTP, IP_A, IP_B, cat(u16(9999), u16(2905), new byte[8],
                        hex("00"), new byte[] {(byte) flags}, u16(32), new byte[8], u16(0), u16(ppid),
                        hex("01000101000000100000000000000000")))));
            }
        }
        // what ICMP errors quote: a whole TCP header, and a redirect, of which tshark reads 8 bytes past IP
        byte[] quoted = ipv4(IpProtocol.TCP, IP_B, IP_A, tcp(40000, 80, 5, 6, Tcp.ACK | Tcp.PSH, new byte[0],
                new byte[0]));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.ICMP, IP_A, IP_B, cat(hex("0301"), u16(0), new byte[4],
                quoted))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.ICMP, IP_A, IP_B, cat(hex("0501"), u16(0), IP_B, quoted))));
        // OpenFlow on its legacy port: found by the segments sent to it, then the whole connection is OpenFlow
        byte[] inner = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, udp(1234, 5678, ascii("inner"))));
        byte[] packetOut = cat(hex("040d"), u16(24 + inner.length), hex("00000002ffffffff00000001"), u16(0),
                new byte[6], inner);
        byte[] packetIn = cat(hex("040a"), u16(34 + inner.length), hex("00000003ffffffff"), u16(inner.length),
                hex("0000"), new byte[8], hex("000100040000000000000000").clone(), inner);
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.TCP, IP_B, IP_A, tcp(6633, 40633, 1, 1, Tcp.ACK | Tcp.PSH,
                new byte[0], hex("0400000800000001")))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.TCP, IP_A, IP_B, tcp(40633, 6633, 1, 1, Tcp.ACK | Tcp.PSH,
                new byte[0], hex("0400000800000001")))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.TCP, IP_B, IP_A, tcp(6633, 40633, 9, 9, Tcp.ACK | Tcp.PSH,
                new byte[0], packetOut))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.TCP, IP_A, IP_B, tcp(40633, 6633, 9, 9, Tcp.ACK | Tcp.PSH,
                new byte[0], java.util.Arrays.copyOf(packetIn, 34 + inner.length)))));
        // IPv6 sent with IPv4's EtherType (handed on), and IPv4 with IPv6's (not)
        frames.add(eth(EtherType.IPV4, ipv6(IpProtocol.UDP, udp(40001, 53,
                hex("abcd01000001000000000000016100000010001")))));
        frames.add(eth(EtherType.IPV6, ipv4(IpProtocol.UDP, IP_A, IP_B, udp(40001, 53, new byte[4]))));
        // SIP with and without an SDP body, over UDP and TCP; Diameter; PTP over Ethernet; L2TPv3 over IP
        byte[] sdp = ascii("v=0\r\no=- 0 0 IN IP4 192.0.2.1\r\ns=-\r\n");
        byte[] invite = cat(ascii("INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1\r\n"
                + "Call-ID: 1\r\nCSeq: 1 INVITE\r\nContent-Type: application/sdp\r\nContent-Length: " + sdp.length
                + "\r\n\r\n"), sdp);
        byte[] options = ascii("OPTIONS sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/TCP 192.0.2.1\r\nCall-ID: 2\r\n"
                + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
        frames.add(udpTo(5060, invite));
        frames.add(tcpTo(5060, Tcp.ACK | Tcp.PSH, options));
        frames.add(tcpTo(5060, Tcp.ACK | Tcp.PSH, java.util.Arrays.copyOf(invite, invite.length - 4)));
        frames.add(tcpTo(3868, Tcp.ACK | Tcp.PSH, hex("0100002c80000101000000000000000100000001"
                + "0000010840000010686f73742e65780000010c4000000c000007d1"))); // with Origin-Host, Result-Code
        frames.add(eth(EtherType.PTP, cat(hex("0002002c"), new byte[40])));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.L2TP, IP_A, IP_B, cat(hex("00000001"),
                eth(EtherType.IPV4, icmp)))));
        // BFD control and echo; B.A.T.M.A.N. advanced, whose data packets carry Ethernet frames
        byte[] bfd = hex("20c00318000000010000000000000000000f424000000000");
        for (int port : new int[] {3784, 3785, 4784, 6784, 7784}) {
            frames.add(udpTo(port, bfd));
        }
        byte[] carried = eth(EtherType.IPV6, ipv6(IpProtocol.ICMPV6, cat(hex("8000"), u16(0), u16(1), u16(2))));
        frames.add(eth(EtherType.BATMAN_ADV, cat(hex("400f32010200000000aa"), carried)));
        frames.add(eth(EtherType.BATMAN_ADV, cat(hex("010f320000000001020000000001"), carried)));
        frames.add(eth(EtherType.BATMAN_ADV, cat(hex("420f32010200000000aa0200000000030100"), carried)));
        frames.add(eth(EtherType.BATMAN_ADV, hex("000f32000000000102000000000103000000000000000000")));
        frames.add(eth(EtherType.BATMAN_ADV, cat(hex("400e32010200000000aa"), carried)));
        // DNS on ports it is not registered on, found by tshark's heuristic (and what the heuristic refuses)
        byte[] question = cat(hex("00010001"));
        frames.add(udpTo(8053, cat(hex("123401000001000000000000"), hex("0161016200"), question)));
        frames.add(udpTo(8053, cat(hex("123481800001000100000000"), hex("0161016200"), question,
                hex("c00c000100010000003c000401020304"))));
        frames.add(udpTo(8053, cat(hex("123401000002000000000000"), hex("0161016200"), question)));
        frames.add(udpTo(8053, cat(hex("123429000001000000000000"), hex("0161016200"), question)));
        frames.add(udpTo(8053, new byte[20]));
        frames.add(udpTo(853, cat(hex("123401000001000000000000"), hex("0161016200"), question)));
        // RADIUS on 1700, LMP, multicast traceroute, Broadcom's tag
        frames.add(udpTo(1700, cat(hex("2b010014"), new byte[16])));
        frames.add(udpTo(701, cat(hex("1000000100140000"), new byte[12])));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.IGMP, IP_A, IP_B,
                hex("1f000000e00000010a0000010a00000200000000e0000002"))));
        frames.add(eth(EtherType.BROADCOM_TAG, cat(hex("000000010800"), icmp)));
        // LISP's data plane carries IP; IPComp's payload is data
        frames.add(udpTo(4341, cat(hex("8000000000000000"), icmp)));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.IPCOMP, IP_A, IP_B, cat(hex("04000001"), new byte[20]))));
        // HTTP messages spanning segments: put back together in the segment that completes them, with a
        // retransmission in between; a chunked body; a body that ends with the connection (FIN)
        byte[] response = ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 30\r\n\r\n"
                + "0123456789abcdefghij0123456789");
        frames.addAll(segments(40080, 8080, 1000, response, 20, 60, true));
        byte[] chunked = ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked"
                + "\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        frames.addAll(segments(40081, 80, 5000, chunked, 40, chunked.length, false));
        byte[] untilClose = ascii("HTTP/1.0 302 Redirect\r\nContent-Type: text/html\r\n\r\n<html>moved</html>");
        frames.addAll(segments(40082, 80, 9000, untilClose, 23, untilClose.length, false));
        // TLS found by its record header on a port of its own: the connection is then TLS, a record spanning
        // segments shows as TLS where it starts and where it ends, bare TCP in between
        frames.addAll(segments(40443, 4433, 7000, cat(hex("1703030bb8"), new byte[3000]), 1005, 2005, false));
        frames.add(tcpTo(443, Tcp.ACK | Tcp.PSH, cat(hex("1603010200"), hex("01"), new byte[100])));
        // a TFTP read: the request goes to port 69, the transfer between the client's port and a new one
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, udp(40069, 69, cat(hex("0001"),
                ascii("f\u0000octet\u0000"))))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_B, IP_A, udp(50123, 40069, cat(hex("00030001"),
                ascii("data"))))));
        frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, udp(40069, 50123, hex("00040001")))));
        return frames;
    }

    /** Frames of other link types, by LINKTYPE_ value. */
    static Map<Integer, List<byte[]>> otherLinkTypes() {
        byte[] udp = ipv4(IpProtocol.UDP, IP_A, IP_B, udp(40000, 53, hex("abcd01000001000000000000016100000010001")));
        byte[] tcp = ipv4(IpProtocol.TCP, IP_A, IP_B, tcp(40000, 80, 1, 0, Tcp.SYN, new byte[0], new byte[0]));
        byte[] beacon = cat(hex("80000000ffffffffffff001122334455001122334455"), new byte[2], new byte[12],
                hex("000473736964"));
        Map<Integer, List<byte[]>> frames = new LinkedHashMap<>();
        frames.put(9, List.of(cat(hex("0021"), udp), cat(hex("8021"), hex("01010004")), cat(hex("c223"),
                hex("01010004")), cat(hex("8057"), hex("01010004")), cat(hex("c023"), hex("01010004"))));
        frames.put(117, List.of(cat(hex("6402000000000000"), new byte[92], tcp),
                cat(hex("3d1e0000"), new byte[60], ipv6(IpProtocol.NO_NEXT_HEADER, new byte[0]))));
        frames.put(119, List.of(cat(hex("4400000090000000"), new byte[136], beacon)));
        frames.put(127, List.of(cat(hex("000008000000000088420000001122334455"), hex("66778899aabb001122334466"),
                new byte[2], new byte[16])));
        frames.put(187, List.of(hex("01030c00"), hex("040e0401030c00"), hex("02010008000400010001"), hex("09")));
        frames.put(201, List.of(hex("0000000001030c00")));
        frames.put(227, List.of(hex("0000012304000000010203040000"), hex("0000012300000000")));
        return frames;
    }

    @Test
    void otherLinkTypesAreTsharks(@TempDir Path dir) throws Exception {
        assumeTrue(TsharkExtraFieldsTest.tsharkAvailable(), "tshark is not installed");
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<Integer, List<byte[]>> e : otherLinkTypes().entrySet()) {
            disagreements.addAll(compare(dir.resolve("linktype-" + e.getKey() + ".pcap"), e.getKey(), e.getValue()));
        }
        assertEquals(List.of(), disagreements);
    }

    @Test
    void layerListsAreTsharks(@TempDir Path dir) throws Exception {
        assumeTrue(TsharkExtraFieldsTest.tsharkAvailable(), "tshark is not installed");
        assertEquals(List.of(), compare(dir.resolve("ports.pcap"), 1, frames()));
        // the frames reach what they are meant to: tshark itself names these
        String all = String.join("\n", TsharkExtraFieldsTest.runTshark(dir.resolve("ports.pcap"),
                List.of("frame.protocols")));
        for (String expected : List.of("nbss:smb2", "tcp:dcerpc", "openflow_v4:eth:ethertype:ip:udp", "udp:tftp:data",
                "udp:gtp:gtpv2", "tcp:mbtcp:modbus", "sctp:m3ua", "ip:mpls:ip:icmp", "etherip:eth", "ip:ipv6:udp:dns",
                "udp:sip:sdp", "tcp:sip", "tcp:diameter", "ethertype:ptp", "ip:l2tp:data", "udp:bfd_echo",
                "batadv:eth:ethertype:ipv6:icmpv6", "batadv:data", "udp:dns", "udp:dtls", "udp:radius", "udp:lmp",
                "igmp:igmp", "ethertype:brcm-tag", "lisp-data:ip:icmp", "ipcomp:data", "tcp:http:data-text-lines",
                "tcp:http:json", "tcp:http:data-text-lines", "tcp:tls")) {
            org.junit.jupiter.api.Assertions.assertTrue(all.contains(expected), expected + " in\n" + all);
        }
    }

    /** Writes {@code frames} to {@code file} and lists every field that trawl prints otherwise than tshark. */
    private static List<String> compare(Path file, int linkType, List<byte[]> frames) throws Exception {
        TestPackets.writePcap(file, linkType, frames, null);
        List<String> fields = TruncatedHeaderAgreementTest.FIELDS;
        List<String> tshark = TsharkExtraFieldsTest.runTshark(file, fields);
        assertEquals(frames.size(), tshark.size(), "tshark's frame count");
        FieldPrinter printer = new FieldPrinter();
        FieldRegistry registry = FieldRegistry.standard();
        PacketDecoder decoder = new PacketDecoder().followConversations(true).reassembleStreams(true); // as tshark
        List<String> disagreements = new ArrayList<>();
        for (int n = 0; n < frames.size(); n++) {
            byte[] frame = frames.get(n);
            DecodedPacket p = decoder.decode(linkType, frame, 0, frame.length);
            String[] want = tshark.get(n).split("\t", -1);
            for (int c = 0; c < fields.size(); c++) {
                String expected = c < want.length ? want[c] : "";
                String got = printer.toString(registry.require(fields.get(c)), p);
                if (!expected.equals(got)) {
                    disagreements.add(file.getFileName() + " frame " + (n + 1) + " " + fields.get(c) + ": tshark=["
                            + expected + "] trawl=[" + got + "]");
                }
            }
        }
        return disagreements;
    }
}
