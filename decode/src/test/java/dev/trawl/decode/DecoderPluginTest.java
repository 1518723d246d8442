package dev.trawl.decode;

import static dev.trawl.decode.TestPackets.IP_A;
import static dev.trawl.decode.TestPackets.IP_B;
import static dev.trawl.decode.TestPackets.cat;
import static dev.trawl.decode.TestPackets.eth;
import static dev.trawl.decode.TestPackets.ethIpUdp;
import static dev.trawl.decode.TestPackets.hex;
import static dev.trawl.decode.TestPackets.ipv4;
import static dev.trawl.decode.TestPackets.tcp;
import static dev.trawl.decode.TestPackets.u16;
import static dev.trawl.decode.TestPackets.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.field.FieldPrinter;
import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.decode.field.FieldType;
import dev.trawl.decode.layer.Tcp;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.DecoderPlugin;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.spi.ProtocolDecoder;
import dev.trawl.decode.spi.ProtocolRegistrar;
import dev.trawl.decode.spi.StreamReassembly.MessageLength;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A plugin can do what the built-in decoders do, through the public SPI alone: know its own id, name other
 * protocols by the ids it took at registration, follow conversations, put messages spanning TCP segments back
 * together, and see the payload of fragmented datagrams put back together.
 */
class DecoderPluginTest {
    /**
     * A toy protocol on UDP port 9999: a one-byte version, then a body that a version 2 message marks as
     * {@code toy.body} (a protocol it only names) and any other version leaves as data.
     */
    static final class ToyPlugin implements DecoderPlugin {
        @Override
        public void registerProtocols(ProtocolRegistrar r) {
            int body = r.protocol("toy.body", null);
            int toy = r.protocol("toy", (buf, off, end, ctx) -> {
                ctx.addLayer(ctx.protocol(), off, 1, end);
                if (off + 1 < end && buf[off] == 2) {
                    ctx.addLayer(body, off + 1, end - off - 1, end);
                    return Protocols.NONE;
                }
                return Protocols.DATA;
            });
            r.bind(Dispatch.UDP_PORT, 9999, toy);
        }

        @Override
        public void registerFields(FieldRegistrar r) {
            r.field("toy.version", "toy", FieldType.UINT, "Version",
                    (p, i, s) -> s.integer(p.buffer().get(p.offset(i)) & 0xFF));
        }
    }

    /**
     * Like TFTP: a request (opcode 1) to UDP port 9997 makes the datagrams that follow between the client's port
     * and the server, from whatever port it answers, this protocol's.
     */
    static final class SessionPlugin implements DecoderPlugin {
        @Override
        public void registerProtocols(ProtocolRegistrar r) {
            int session = r.protocol("toy-session", (buf, off, end, ctx) -> {
                if (off >= 8 && off + 2 <= end && buf[off + 1] == 1) {
                    ctx.conversations().expectDatagrams(buf, off - 8, ctx.protocol());
                }
                ctx.addLayer(ctx.protocol(), off, end - off, end);
                return Protocols.NONE;
            });
            r.bind(Dispatch.UDP_PORT, 9997, session);
        }
    }

    /**
     * Messages over TCP port 9996, each {@code TOY}, a length byte and that many bytes of body, which may span
     * segments: a segment that holds only part of one shows bare TCP payload, and the one that completes it the
     * whole message.
     */
    static final class FramedPlugin implements DecoderPlugin {
        static boolean starts(byte[] buf, int off, int end) {
            return end - off >= 3 && buf[off] == 'T' && buf[off + 1] == 'O' && buf[off + 2] == 'Y';
        }

        static final MessageLength LENGTH = (buf, off, end) -> !starts(buf, off, end) ? MessageLength.NEVER
                : end - off < 4 ? MessageLength.UNKNOWN : 4 + (buf[off + 3] & 0xFF);

        @Override
        public void registerProtocols(ProtocolRegistrar r) {
            int framed = r.protocol("toy-framed", (buf, off, end, ctx) -> {
                if (!starts(buf, off, end)) {
                    ctx.streams().append(buf, off, end, LENGTH); // may complete a message begun before
                    return ProtocolDecoder.INCOMPLETE;
                }
                long whole = LENGTH.of(buf, off, end);
                if (whole == MessageLength.UNKNOWN || whole > end - off) {
                    ctx.streams().begin(buf, off, end);
                    return ProtocolDecoder.INCOMPLETE;
                }
                ctx.addLayer(ctx.protocol(), off, (int) whole, end);
                return Protocols.NONE;
            });
            r.bind(Dispatch.TCP_PORT, 9996, framed);
        }
    }

    /**
     * Replaces the IPv4 decoder with a plain one (no options, no checks) that lets the decoder put fragments
     * back together: the completing fragment's header has the whole payload behind it.
     */
    static final class PlainIpv4Plugin implements DecoderPlugin {
        private static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
            if (off + 20 > end) {
                ctx.addLayer(ctx.protocol(), off, 20, end);
                return Protocols.NONE;
            }
            int reassembled = ctx.fragments().payloadLength(off);
            int total = (buf[off + 2] & 0xFF) << 8 | buf[off + 3] & 0xFF;
            int layerEnd = reassembled >= 0 ? off + 20 + reassembled : Math.min(end, off + total);
            ctx.addLayer(ctx.protocol(), off, 20, layerEnd);
            boolean fragment = ((buf[off + 6] & 0x3F) << 8 | buf[off + 7] & 0xFF) != 0;
            if (fragment && reassembled < 0) {
                return Protocols.DATA;
            }
            int next = ctx.lookup(Dispatch.IP_PROTO, buf[off + 9] & 0xFF);
            return next < 0 ? Protocols.DATA : next;
        }

        @Override
        public void registerProtocols(ProtocolRegistrar r) {
            r.protocol("ip", PlainIpv4Plugin::decode);
        }
    }

    private static String protocols(DecodedPacket p) {
        return p.appendProtocols(new StringBuilder()).toString();
    }

    private static DecodedPacket decode(PacketDecoder decoder, byte[] frame) {
        return decoder.decode(1, frame, 0, frame.length);
    }

    @Test
    void aPluginBindsAPortAndNamesItsFieldsWithoutTouchingTheCore() {
        ProtocolRegistry registry = ProtocolRegistry.builder().plugin(new ToyPlugin()).build();
        PacketDecoder decoder = new PacketDecoder(registry);
        byte[] packet = ethIpUdp(40000, 9999, hex("07 aabbcc"));
        DecodedPacket p = decode(decoder, packet);
        assertEquals("eth:ethertype:ip:udp:toy:data", protocols(p));
        FieldRegistry fields = FieldRegistry.of(registry);
        assertEquals("7", new FieldPrinter().toString(fields.require("toy.version"), p));
        assertTrue(fields.field("ip.src") != null, "built-in fields stay");
        // The standard registry is not affected by a custom one.
        DecodedPacket plain = decode(new PacketDecoder(), packet);
        assertEquals("eth:ethertype:ip:udp:data", protocols(plain));
    }

    @Test
    void aDecoderKnowsItsOwnIdAndTheIdsItTookAtRegistration() {
        ProtocolRegistry registry = ProtocolRegistry.builder().plugin(new ToyPlugin()).build();
        DecodedPacket p = decode(new PacketDecoder(registry), ethIpUdp(40000, 9999, hex("02 aabbcc")));
        assertEquals("eth:ethertype:ip:udp:toy:toy.body", protocols(p));
        assertEquals(registry.id("toy"), p.protocol(4));
        assertEquals(registry.id("toy.body"), p.protocol(5));
        // A second registry with another plugin first gives the toy other ids; each decoder records its own.
        ProtocolRegistry other = ProtocolRegistry.builder().plugin(new SessionPlugin()).plugin(new ToyPlugin())
                .build();
        assertTrue(other.id("toy") != registry.id("toy"));
        DecodedPacket q = decode(new PacketDecoder(other), ethIpUdp(40000, 9999, hex("02 aabbcc")));
        assertEquals("eth:ethertype:ip:udp:toy:toy.body", protocols(q));
        assertEquals(other.id("toy.body"), q.protocol(5));
    }

    @Test
    void aPluginFollowsTheConversationItSetsUp() {
        ProtocolRegistry registry = ProtocolRegistry.builder().plugin(new SessionPlugin()).build();
        byte[] request = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, udp(40001, 9997, hex("0001 6869"))));
        byte[] answer = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_B, IP_A, udp(51000, 40001, hex("0002 6869"))));
        byte[] stranger = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_B, IP_A, udp(51000, 40002, hex("0002 6869"))));
        PacketDecoder following = new PacketDecoder(registry).followConversations(true);
        assertEquals("eth:ethertype:ip:udp:toy-session", protocols(decode(following, request)));
        assertEquals("eth:ethertype:ip:udp:toy-session", protocols(decode(following, answer)));
        assertEquals("eth:ethertype:ip:udp:data", protocols(decode(following, stranger)), "another client port");
        PacketDecoder byPort = new PacketDecoder(registry);
        decode(byPort, request);
        assertEquals("eth:ethertype:ip:udp:data", protocols(decode(byPort, answer)), "not followed by default");
    }

    @Test
    void aPluginPutsAMessageSpanningSegmentsBackTogether() {
        ProtocolRegistry registry = ProtocolRegistry.builder().plugin(new FramedPlugin()).build();
        byte[] message = "TOY\u000chello, world".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int[] cuts = {0, 6, 11, message.length};
        byte[][] frames = new byte[cuts.length - 1][];
        for (int i = 0; i + 1 < cuts.length; i++) {
            byte[] segment = Arrays.copyOfRange(message, cuts[i], cuts[i + 1]);
            frames[i] = eth(EtherType.IPV4, ipv4(IpProtocol.TCP, IP_A, IP_B,
                    tcp(40000, 9996, 1000 + cuts[i], 1, Tcp.ACK | Tcp.PSH, new byte[0], segment)));
        }
        PacketDecoder reassembling = new PacketDecoder(registry).reassembleStreams(true);
        assertEquals("eth:ethertype:ip:tcp", protocols(decode(reassembling, frames[0])));
        assertEquals("eth:ethertype:ip:tcp", protocols(decode(reassembling, frames[1])));
        DecodedPacket p = decode(reassembling, frames[2]);
        assertEquals("eth:ethertype:ip:tcp:toy-framed", protocols(p));
        int layer = p.find(registry.id("toy-framed"));
        byte[] seen = new byte[p.headerLength(layer)];
        p.buffer().get(p.offset(layer), seen);
        assertEquals(new String(message, java.nio.charset.StandardCharsets.US_ASCII),
                new String(seen, java.nio.charset.StandardCharsets.US_ASCII), "the whole message, in order");
        assertEquals(frames[2].length, p.capturedLength(), "the captured length stays the frame's");
        PacketDecoder plain = new PacketDecoder(registry);
        for (byte[] frame : frames) {
            assertEquals("eth:ethertype:ip:tcp", protocols(decode(plain, frame)), "off by default");
        }
    }

    @Test
    void aPluginIpDecoderSeesTheDatagramPutBackTogether() {
        ProtocolRegistry registry = ProtocolRegistry.builder().plugin(new PlainIpv4Plugin())
                .plugin(new ToyPlugin()).build();
        byte[] datagram = udp(40000, 9999, cat(hex("02"), new byte[40]));
        byte[] head = Arrays.copyOfRange(datagram, 0, 24);
        byte[] tail = Arrays.copyOfRange(datagram, 24, datagram.length);
        byte[] first = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, 0x2000, head)); // more fragments
        byte[] last = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, 24 / 8, tail));
        PacketDecoder reassembling = new PacketDecoder(registry).reassembleFragments(true);
        assertEquals("eth:ethertype:ip:data", protocols(decode(reassembling, first)));
        DecodedPacket p = decode(reassembling, last);
        assertEquals("eth:ethertype:ip:udp:toy:toy.body", protocols(p));
        assertEquals(40, p.layerLength(p.find(registry.id("toy.body"))), "the body of the whole datagram");
        assertEquals("eth:ethertype:ip:data", protocols(decode(new PacketDecoder(registry), last)),
                "no reassembly by default");
    }

    @Test
    void aDecoderThatThrowsIsContainedAndMarked() {
        ProtocolRegistry registry = ProtocolRegistry.builder().plugin(new DecoderPlugin() {
            @Override
            public void registerProtocols(ProtocolRegistrar r) {
                int bad = r.protocol("bad", (buf, off, end, ctx) -> {
                    throw new IllegalStateException("broken plugin");
                });
                r.bind(Dispatch.UDP_PORT, 9998, bad);
            }
        }).build();
        byte[] packet = ethIpUdp(40000, 9998, hex("00"));
        DecodedPacket p = decode(new PacketDecoder(registry), packet);
        int last = p.layerCount() - 1;
        assertEquals("bad", p.protocolName(last));
        assertTrue((p.flags(last) & LayerFlags.MALFORMED) != 0);
    }
}
