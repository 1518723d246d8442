package dev.trawl.decode;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trawl.decode.layer.Tcp;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The common path (Ethernet / IPv4 / TCP or UDP) allocates nothing per packet once warmed up, decoded or projected.
 */
class DecodeAllocationTest {
    /** Reads the current thread's allocation counter through reflection (the module does not read java.management). */
    private static final class Counter {
        private final Object bean;
        private final Method allocated;

        Counter() throws ReflectiveOperationException {
            bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
            assumeTrue(type.isInstance(bean), "needs per-thread allocation counters");
            type.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
            allocated = type.getMethod("getCurrentThreadAllocatedBytes");
        }

        long bytes() throws ReflectiveOperationException {
            return (long) allocated.invoke(bean);
        }
    }

    @Test
    void decodingEthernetIpv4TcpAndUdpAllocatesNothing() throws ReflectiveOperationException {
        Counter counter = new Counter();
        ByteBuffer tcp = ByteBuffer.wrap(TestPackets.ethIpTcp(Tcp.ACK | Tcp.PSH, new byte[100]));
        ByteBuffer udp = ByteBuffer.wrap(TestPackets.ethIpUdp(5000, 5001, new byte[64]));
        byte[] raw = TestPackets.ethIpTcp(Tcp.SYN, new byte[0]);
        PacketDecoder decoder = new PacketDecoder();
        long sink = 0;
        for (int i = 0; i < 200_000; i++) { // warm up, so that the JIT has compiled the path
            sink += run(decoder, tcp, udp, raw);
        }
        long before = counter.bytes();
        for (int i = 0; i < 100_000; i++) {
            sink += run(decoder, tcp, udp, raw);
        }
        long allocated = counter.bytes() - before;
        assertTrue(sink != 0);
        // A small allowance for the measurement itself (the reflective call); per packet it is far below a byte.
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes over 300,000 packets");
    }

    @Test
    void projectingDnsQuestionsAndVxlanTunnelsAllocatesNothing() throws ReflectiveOperationException {
        Counter counter = new Counter();
        byte[] query = TestPackets.ethIpUdp(40000, 53,
                TestPackets.hex("12340100000100000000000003777777076578616d706c6503636f6d0000010001"));
        byte[] tunnelled = TestPackets.ethIpUdp(50000, 4789, TestPackets.cat(TestPackets.hex("0800000000000100"),
                TestPackets.ethIpTcp(Tcp.ACK, new byte[10])));
        Projector dns = Projection.compile(java.util.List.of("dns.id", "dns.qry.name", "ip.src"))
                .projector(new PacketDecoder());
        Projector layers = Projection.compile(java.util.List.of("eth.type", "ip.src", "tcp.srcport", "udp.dstport"))
                .projector(new PacketDecoder());
        ByteBuffer a = ByteBuffer.wrap(query);
        ByteBuffer b = ByteBuffer.wrap(tunnelled);
        long sink = 0;
        for (int i = 0; i < 100_000; i++) {
            sink += project(dns, a, layers, b);
        }
        long before = counter.bytes();
        for (int i = 0; i < 50_000; i++) {
            sink += project(dns, a, layers, b);
        }
        long allocated = counter.bytes() - before;
        assertTrue(sink != 0 && dns.decodedPackets() == 0 && layers.decodedPackets() == 0);
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes over 100,000 packets");
    }

    private static long project(Projector dns, ByteBuffer query, Projector layers, ByteBuffer tunnelled) {
        ProjectedRow row = dns.project(1, query, 0, query.limit());
        long v = row.integer(0, 0) + row.text(1, 0).length() + row.text(1, 0).charAt(0);
        row = layers.project(1, tunnelled, 0, tunnelled.limit());
        return v + row.count(0) + row.buffer(1, 1).get(row.index(1, 1)) + row.integer(2, 0);
    }

    private static long run(PacketDecoder decoder, ByteBuffer tcp, ByteBuffer udp, byte[] raw) {
        DecodedPacket p = decoder.decode(1, tcp, 0, tcp.limit());
        long v = p.tcp(p.find(Protocols.TCP)).sourcePort() + p.ipv4(p.find(Protocols.IP)).timeToLive();
        p = decoder.decode(1, udp, 0, udp.limit());
        v += p.udp(p.find(Protocols.UDP)).destinationPort();
        p = decoder.decode(1, raw, 0, raw.length);
        return v + p.layerCount();
    }
}
