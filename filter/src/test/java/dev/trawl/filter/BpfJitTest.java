package dev.trawl.filter;

import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfMatcher;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.IpProtocol;
import dev.trawl.pcap.LinkType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BpfJitTest {
    @Test
    void jitMatchSetsAreLibpcapsForEveryExpressionAndCapture() throws Exception {
        List<String> lines = Files.readAllLines(Corpus.root().resolve("filters/matches.tsv"));
        Map<String, TinyPcap> captures = new HashMap<>();
        List<String> failures = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f[2].startsWith("COMPILE_ERROR")) {
                continue;
            }
            TinyPcap cap = captures.computeIfAbsent(f[1], name -> {
                try {
                    return new TinyPcap(Corpus.root().resolve("captures").resolve(name));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            BpfMatcher m = BpfJit.compile(Filter.compile(FilterSpec.of(f[0], LinkType.valueOf(cap.linkType)),
                    EtcHosts.INSTANCE));
            StringJoiner frames = new StringJoiner(",");
            for (int i = 0; i < cap.packets.size(); i++) {
                TinyPcap.Packet p = cap.packets.get(i);
                if (m.run(p.data(), 0, p.data().capacity(), p.originalLength()) != 0) {
                    frames.add(Integer.toString(i + 1));
                }
            }
            if (!frames.toString().equals(f[2])) {
                failures.add(f[0] + " on " + f[1]);
            }
        }
        assertEquals(List.of(), failures);
    }

    private static BpfInstruction randomInsn(Random r, int pc, int n) {
        int remaining = n - pc - 1;
        int[] codes = {0x00, 0x20, 0x28, 0x30, 0x40, 0x48, 0x50, 0x80, 0x60, 0x01, 0x61, 0x81, 0xb1, 0x02, 0x03,
            0x04, 0x14, 0x24, 0x34, 0x44, 0x54, 0x64, 0x74, 0x84, 0x94, 0xa4, 0x0c, 0x1c, 0x2c, 0x3c, 0x4c, 0x5c,
            0x6c, 0x7c, 0x9c, 0xac, 0x05, 0x15, 0x25, 0x35, 0x45, 0x1d, 0x2d, 0x3d, 0x4d, 0x07, 0x87,
            // Opcodes that validation admits with stray bits set: reaching one rejects the packet.
            0x08, 0x26, 0x8c, 0x0d, 0xa6};
        int code = codes[r.nextInt(codes.length)];
        int k = switch (r.nextInt(4)) {
            case 0 -> r.nextInt(8);
            case 1 -> r.nextInt(64);
            case 2 -> r.nextInt();
            default -> -r.nextInt(8);
        };
        int cls = code & 7;
        if (cls == 0 || cls == 1) {
            if ((code & 0xe0) == 0x60) {
                k = r.nextInt(16);
            }
        }
        if (cls == 2 || cls == 3) {
            k = r.nextInt(16);
        }
        if (cls == 4 && (code & 0x08) == 0) {
            int op = code & 0xf0;
            if ((op == 0x30 || op == 0x90) && k == 0) {
                k = 3;
            }
            if (op == 0x60 || op == 0x70) {
                k = r.nextInt(32);
            }
        }
        if (cls == 5) {
            if (remaining < 1) {
                return BpfInstruction.stmt(0x06, r.nextInt(100));
            }
            if ((code & 0xf0) == 0) {
                return new BpfInstruction(code, 0, 0, r.nextInt(remaining));
            }
            return new BpfInstruction(code, r.nextInt(Math.min(remaining, 255)), r.nextInt(Math.min(remaining, 255)), k);
        }
        return new BpfInstruction(code, 0, 0, k);
    }

    @Test
    void jitAgreesWithTheInterpreterOnRandomProgramsAndPackets() {
        Random r = new Random(42);
        for (int round = 0; round < 300; round++) {
            int n = 2 + r.nextInt(30);
            List<BpfInstruction> insns = new ArrayList<>();
            for (int pc = 0; pc < n - 1; pc++) {
                insns.add(randomInsn(r, pc, n));
            }
            insns.add(BpfInstruction.stmt(r.nextBoolean() ? 0x16 : 0x06, r.nextInt(1000)));
            BpfProgram p = new BpfProgram(insns);
            BpfMatcher m = BpfJit.compile(p);
            for (int t = 0; t < 30; t++) {
                byte[] data = new byte[r.nextInt(80)];
                r.nextBytes(data);
                int off = r.nextInt(5);
                ByteBuffer buf = ByteBuffer.allocate(data.length + off + r.nextInt(4));
                buf.put(off, data);
                int wire = data.length + r.nextInt(10);
                int expected = p.run(buf.duplicate().position(off).limit(off + data.length), wire);
                assertEquals(expected, m.run(buf, off, data.length, wire), () -> "program " + insns);
                // The same packet through every other way in: the interpreter's and the JIT's array and buffer
                // paths must agree with each other.
                ByteBuffer direct = ByteBuffer.allocateDirect(buf.capacity()).put(buf.duplicate().clear()).clear();
                ByteBuffer readOnly = buf.asReadOnlyBuffer();
                ByteBuffer sliced = ByteBuffer.wrap(new byte[buf.capacity() + 7], 7, buf.capacity()).slice()
                        .put(buf.duplicate().clear()).clear();
                assertEquals(expected, p.run(data, 0, data.length, wire), () -> "byte[] run of " + insns);
                assertEquals(expected, p.run(direct, off, data.length, wire), () -> "direct run of " + insns);
                assertEquals(expected, p.run(readOnly, off, data.length, wire), () -> "read-only run of " + insns);
                assertEquals(expected, p.run(sliced, off, data.length, wire), () -> "sliced run of " + insns);
                assertEquals(expected, m.run(direct, off, data.length, wire), () -> "direct JIT of " + insns);
                assertEquals(expected, m.run(readOnly, off, data.length, wire), () -> "read-only JIT of " + insns);
                assertEquals(expected, m.run(sliced, off, data.length, wire), () -> "sliced JIT of " + insns);
            }
        }
    }

    @Test
    void runningAMatcherAllocatesNothing() throws Exception {
        // Reflection, because the module under test does not read java.management (tests run on the class path).
        Object mx = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        java.lang.reflect.Method allocatedBytes = Class.forName("com.sun.management.ThreadMXBean")
                .getMethod("getThreadAllocatedBytes", long.class);
        BpfMatcher m = BpfJit.compile(Filter.compile(FilterSpec.of(
                "tcp port 80 and ip[2:2] / 3 % 5 > 1 and tcp[tcpflags] & tcp-syn != 0", LinkType.ETHERNET),
                EtcHosts.INSTANCE));
        ByteBuffer packet = ByteBuffer.allocateDirect(80);
        packet.putShort(12, (short) EtherType.IPV4.value()).put(14, (byte) 0x45)
                .put(23, (byte) IpProtocol.TCP.value()).putShort(36, (short) 80);
        long sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += m.run(packet, 0, 80, 80);
        }
        long tid = Thread.currentThread().getId();
        long before = (long) allocatedBytes.invoke(mx, tid);
        for (int i = 0; i < 100_000; i++) {
            sink += m.run(packet, 0, 80, 80);
        }
        long allocated = (long) allocatedBytes.invoke(mx, tid) - before;
        // A few hundred bytes of slack for the measurement itself; one allocation per call would be megabytes.
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes over 100000 calls (" + sink + ")");
    }

    @Test
    void readsEveryBufferInNetworkOrderAndRejectsRangesOutsideIt() throws Exception {
        BpfProgram program = Filter.compile(FilterSpec.of("ip", LinkType.ETHERNET).withSnaplen(100),
                EtcHosts.INSTANCE);
        BpfMatcher m = BpfJit.compile(program);
        for (BpfMatcher matcher : List.of(m, program)) {
            for (ByteBuffer ip : List.of(ByteBuffer.allocate(60), ByteBuffer.allocateDirect(60),
                    ByteBuffer.allocate(60).order(ByteOrder.LITTLE_ENDIAN),
                    ByteBuffer.allocateDirect(60).order(ByteOrder.LITTLE_ENDIAN))) {
                ip.put(12, (byte) (EtherType.IPV4.value() >> 8)).put(13, (byte) EtherType.IPV4.value());
                ByteOrder order = ip.order();
                String what = matcher + " on " + ip;
                assertEquals(100, matcher.run(ip, 0, 60, 60), what);
                assertEquals(0, matcher.run(ip, 0, 13, 60), what);
                assertEquals(order, ip.order(), what);
                assertThrows(IndexOutOfBoundsException.class, () -> matcher.run(ip, 10, 60, 60), what);
                assertThrows(IndexOutOfBoundsException.class, () -> matcher.run(ip, -1, 10, 60), what);
                assertThrows(IndexOutOfBoundsException.class, () -> matcher.run(ip, 0, -1, 60), what);
            }
        }
    }
}
