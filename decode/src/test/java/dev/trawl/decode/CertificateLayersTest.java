package dev.trawl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The layers the certificates and distinguished names of TLS 1.2 handshakes add to {@code frame.protocols}, against
 * tshark: {@code tls12-certificates.pcap} (made by {@code tls12-certificates.sh} beside it) holds a server's chain of
 * certificates of many kinds, a client certificate and a CertificateRequest, with records that span segments.
 * {@code tls12-certificates.protocols} is what tshark 4.0.17 printed for it; the installed tshark is asked too.
 * {@code dtls12-certificates.pcap} holds a DTLS 1.2 handshake with the same certificates, in fragments, on a port
 * DTLS is not bound to; {@code tls-certificates-netns.pcap} four handshakes over a veth pair, one of them in 512-byte
 * records.
 */
class CertificateLayersTest {
    private static final String CAPTURE = "tls12-certificates.pcap";
    private static final String DTLS_CAPTURE = "dtls12-certificates.pcap";
    private static final String NETNS_CAPTURE = "tls-certificates-netns.pcap";

    @Test
    void frameProtocolsAreTsharks() throws Exception {
        List<String> expected = Files.readAllLines(resource("tls12-certificates.protocols"));
        List<String> got = protocols(CaptureFile.read(resource(CAPTURE)));
        assertEquals(expected, got);
        // the chain's frame names a second TLS layer (the records after the one put back together) and the
        // layers of every certificate and of the request's authority
        assertTrue(got.stream().anyMatch(p -> p.startsWith("eth:ethertype:ip:tcp:tls:x509sat:")
                && p.contains(":pkcs-1:") && p.contains(":x509af:") && p.contains(":ns_cert_exts:")
                && p.contains(":pkix1explicit:tls:x509sat:")), got::toString);
    }

    @Test
    void aCertificateMessageThatSpansRecordsAndSegmentsNamesItsLayersWhereItEnds() throws Exception {
        List<String> expected = Files.readAllLines(resource(NETNS_CAPTURE.replace(".pcap", ".protocols")));
        List<String> got = protocols(CaptureFile.read(resource(NETNS_CAPTURE)));
        assertEquals(expected, got);
        // the handshake in 512-byte records: the chain's message ends in the segment's second TLS layer
        assertTrue(got.stream().anyMatch(p -> p.startsWith("eth:ethertype:ip:tcp:tls:tls:x509sat:")), got::toString);
    }

    @Test
    void dtlsIsFoundOnAnyPortAndItsFragmentedCertificatesNameTheirLayers() throws Exception {
        List<String> expected = Files.readAllLines(resource(DTLS_CAPTURE.replace(".pcap", ".protocols")));
        List<String> got = protocols(CaptureFile.read(resource(DTLS_CAPTURE)));
        assertEquals(expected, got);
        assertTrue(got.stream().allMatch(p -> p.startsWith("eth:ethertype:ip:udp:dtls")), got::toString);
        // the server's chain and the request's authority, each named in the datagram with its last fragment, and
        // the client's certificate, whole in one
        assertEquals(3, got.stream().filter(p -> p.startsWith("eth:ethertype:ip:udp:dtls:x509sat:")).count());
    }

    @Test
    void aPayloadThatItsPortsProtocolRefusesGoesToTheHeuristics() throws Exception {
        // the same datagrams between ports 4444 (Kerberos's, whose decoder refuses them) and 50195: as tshark shows
        // them, DTLS, found by the heuristic Wireshark tries after the port's protocol
        List<CaptureFile.Frame> frames = new ArrayList<>();
        for (CaptureFile.Frame f : CaptureFile.read(resource(DTLS_CAPTURE))) {
            byte[] data = f.data().clone();
            int udp = 14 + (data[14] & 0x0F) * 4;
            boolean toServer = ((data[udp + 2] & 0xFF) << 8 | (data[udp + 3] & 0xFF)) == 40443;
            putPort(data, udp + (toServer ? 2 : 0), 4444);
            putPort(data, udp + (toServer ? 0 : 2), 50195);
            data[udp + 6] = 0; // no checksum
            data[udp + 7] = 0;
            frames.add(new CaptureFile.Frame(f.linkType(), f.seconds(), f.nanos(), f.originalLength(), data));
        }
        PacketDecoder decoder = new PacketDecoder();
        assertEquals(Protocols.KERBEROS, decoder.registry().lookup(dev.trawl.decode.spi.Dispatch.UDP_PORT, 4444));
        assertEquals(Files.readAllLines(resource(DTLS_CAPTURE.replace(".pcap", ".protocols"))), protocols(frames));
    }

    private static void putPort(byte[] data, int at, int port) {
        data[at] = (byte) (port >>> 8);
        data[at + 1] = (byte) port;
    }

    @Test
    void frameProtocolsAreTheInstalledTsharks() throws Exception {
        assumeTrue(TsharkExtraFieldsTest.tsharkAvailable(), "tshark is not installed");
        for (String capture : List.of(CAPTURE, DTLS_CAPTURE, NETNS_CAPTURE)) {
            Path file = resource(capture);
            String out = Tshark.output(List.of("-n", "-r", file.toString(), "-T", "fields", "-e", "frame.protocols"));
            assertEquals(List.of(out.split("\n")), protocols(CaptureFile.read(file)), capture);
        }
    }

    @Test
    void aDisplayFilterDoesNotFindTheLayers() throws Exception {
        // Wireshark's decoders of these values add fields but no item of their protocol
        PacketDecoder decoder = decoder();
        for (CaptureFile.Frame f : CaptureFile.read(resource(CAPTURE))) {
            DecodedPacket p = decode(decoder, f);
            for (int i = 0; i < p.layerCount(); i++) {
                String name = p.protocolName(i);
                if (name.startsWith("x509") || name.equals("pkcs-1")) {
                    assertTrue((p.flags(i) & LayerFlags.UNSHOWN) != 0, name);
                    assertEquals(-1, p.find(p.protocol(i), LayerFlags.UNSHOWN), name);
                }
            }
        }
    }

    @Test
    void damagedCertificatesEndTheWalkQuietly() throws Exception {
        List<CaptureFile.Frame> frames = CaptureFile.read(resource(CAPTURE));
        int chain = 7; // frame 8 completes the chain's record
        String whole = protocols(frames).get(chain);
        Random random = new Random(20261207);
        for (int round = 0; round < 300; round++) {
            List<CaptureFile.Frame> damaged = new ArrayList<>(frames);
            CaptureFile.Frame f = frames.get(chain);
            byte[] data = f.data().clone();
            for (int k = 0; k < 1 + random.nextInt(8); k++) {
                // past the headers, inside the segment's records: the last part of the chain and the records after
                int at = 66 + random.nextInt(data.length - 66);
                data[at] = (byte) random.nextInt(256);
            }
            damaged.set(chain, new CaptureFile.Frame(f.linkType(), f.seconds(), f.nanos(), f.originalLength(), data));
            String got = protocols(damaged).get(chain);
            assertTrue(got.startsWith("eth:ethertype:ip:tcp"), got);
            assertTrue(got.split(":").length <= DecodedPacket.MAX_LAYERS, got);
        }
        assertFalse(whole.isEmpty());
    }

    @Test
    void namesNestedInNamesAreWalkedToABoundedDepth() {
        // a certificate whose issuer's one attribute is a subjectAltName whose directory name holds the same again,
        // 500 deep: the walk stops after a few levels, not at the stack's or the layer table's end
        byte[] sanOid = {0x06, 0x03, 0x55, 0x1D, 0x11};
        byte[] name = der(0x30);
        for (int i = 0; i < 500; i++) {
            byte[] names = der(0x30, der(0xA4, name)); // GeneralNames { directoryName [4] { Name } }
            name = der(0x30, der(0x31, der(0x30, sanOid, names)));
        }
        byte[] algorithm = der(0x30, new byte[] {0x06, 0x03, 0x2B, 0x65, 0x70}); // Ed25519, no parameters
        byte[] tbs = der(0x30, new byte[] {0x02, 0x01, 0x01}, algorithm, name, der(0x30), der(0x30), der(0x30));
        byte[] certificate = der(0x30, tbs, algorithm, new byte[] {0x03, 0x01, 0x00});
        byte[] chain = concat(u24(certificate.length), certificate);
        byte[] message = concat(new byte[] {11}, u24(chain.length + 3), u24(chain.length), chain);
        byte[] record = concat(new byte[] {22, 3, 3, (byte) (message.length >>> 8), (byte) message.length}, message);
        byte[] frame = tcpFrame(record);
        DecodedPacket p = new PacketDecoder().decode(1, frame, 0, frame.length);
        String protocols = p.appendProtocols(new StringBuilder()).toString();
        assertTrue(protocols.startsWith("eth:ethertype:ip:tcp:tls:x509ce:"), protocols);
        assertTrue(p.layerCount() < 20, protocols);
    }

    /** An Ethernet frame of IPv4 and TCP from port 443 carrying {@code payload} (no checksums). */
    private static byte[] tcpFrame(byte[] payload) {
        byte[] f = new byte[14 + 20 + 20 + payload.length];
        f[12] = 0x08;
        f[14] = 0x45;
        int total = 40 + payload.length;
        f[16] = (byte) (total >>> 8);
        f[17] = (byte) total;
        f[22] = 64;
        f[23] = 6;
        f[26] = 10;
        f[29] = 1;
        f[30] = 10;
        f[33] = 2;
        f[34] = 0x01; // source port 443
        f[35] = (byte) 0xBB;
        f[36] = (byte) 0xC3; // destination port 50000
        f[37] = 0x50;
        f[46] = 0x50; // data offset 5
        f[47] = 0x18; // PSH, ACK
        f[48] = 0x10;
        System.arraycopy(payload, 0, f, 54, payload.length);
        return f;
    }

    /** A DER element of {@code tag} holding {@code parts} back to back. */
    private static byte[] der(int tag, byte[]... parts) {
        byte[] content = concat(parts);
        int n = content.length;
        byte[] header = n < 0x80 ? new byte[] {(byte) tag, (byte) n}
                : n < 0x100 ? new byte[] {(byte) tag, (byte) 0x81, (byte) n}
                : new byte[] {(byte) tag, (byte) 0x82, (byte) (n >>> 8), (byte) n};
        return concat(header, content);
    }

    private static byte[] u24(int n) {
        return new byte[] {(byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static List<String> protocols(List<CaptureFile.Frame> frames) {
        PacketDecoder decoder = decoder();
        List<String> out = new ArrayList<>();
        for (CaptureFile.Frame f : frames) {
            out.add(decode(decoder, f).appendProtocols(new StringBuilder()).toString());
        }
        return out;
    }

    /** A decoder that decodes as tshark does by default: streams and fragments put back together. */
    private static PacketDecoder decoder() {
        return new PacketDecoder().reassembleStreams(true).reassembleFragments(true).followConversations(true);
    }

    private static DecodedPacket decode(PacketDecoder decoder, CaptureFile.Frame f) {
        return decoder.decode(f.linkType(), f.data(), 0, f.data().length, f.originalLength(), f.seconds(), f.nanos());
    }

    private static Path resource(String name) throws IOException {
        try {
            return Path.of(CertificateLayersTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
