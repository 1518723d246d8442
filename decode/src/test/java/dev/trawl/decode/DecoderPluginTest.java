package dev.trawl.decode;

import static dev.trawl.decode.TestPackets.ethIpUdp;
import static dev.trawl.decode.TestPackets.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.field.FieldPrinter;
import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.decode.field.FieldType;
import dev.trawl.decode.spi.DecoderPlugin;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.spi.ProtocolRegistrar;
import org.junit.jupiter.api.Test;

class DecoderPluginTest {
    /** A toy protocol on UDP port 9999: a one-byte version, then an opaque body. */
    static final class ToyPlugin implements DecoderPlugin {
        static int toy;

        @Override
        public void registerProtocols(ProtocolRegistrar r) {
            toy = r.protocol("toy", (buf, off, end, ctx) -> {
                ctx.addLayer(toy, off, 1, end);
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

    @Test
    void aPluginBindsAPortAndNamesItsFieldsWithoutTouchingTheCore() {
        ProtocolRegistry registry = ProtocolRegistry.builder().plugin(new ToyPlugin()).build();
        PacketDecoder decoder = new PacketDecoder(registry);
        byte[] packet = ethIpUdp(40000, 9999, hex("07 aabbcc"));
        DecodedPacket p = decoder.decode(1, packet, 0, packet.length);
        assertEquals("eth:ethertype:ip:udp:toy:data", p.appendProtocols(new StringBuilder()).toString());
        FieldRegistry fields = FieldRegistry.of(registry);
        assertEquals("7", new FieldPrinter().toString(fields.require("toy.version"), p));
        assertTrue(fields.field("ip.src") != null, "built-in fields stay");
        // The standard registry is not affected by a custom one.
        DecodedPacket plain = new PacketDecoder().decode(1, packet, 0, packet.length);
        assertEquals("eth:ethertype:ip:udp:data", plain.appendProtocols(new StringBuilder()).toString());
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
        DecodedPacket p = new PacketDecoder(registry).decode(1, packet, 0, packet.length);
        int last = p.layerCount() - 1;
        assertEquals("bad", p.protocolName(last));
        assertTrue((p.flags(last) & LayerFlags.MALFORMED) != 0);
    }
}
