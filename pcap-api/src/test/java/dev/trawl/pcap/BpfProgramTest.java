package dev.trawl.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class BpfProgramTest {
    // Opcodes spelled out as <pcap/bpf.h> composes them.
    private static final int LD_H_ABS = 0x28, LD_W_ABS = 0x20, LD_B_ABS = 0x30, LD_B_IND = 0x50, LDX_MSH = 0xb1;
    private static final int LD_LEN = 0x80, LD_IMM = 0x00, LDX_IMM = 0x01, ST = 0x02, LD_MEM = 0x60;
    private static final int JEQ_K = 0x15, JGT_K = 0x25, JSET_K = 0x45, JA = 0x05;
    private static final int DIV_X = 0x3c, LSH_X = 0x6c, RET_K = 0x06, RET_A = 0x16, TAX = 0x07;
    private static final int IPV4 = EtherType.IPV4.value(), IPV6 = EtherType.IPV6.value(), ARP = EtherType.ARP.value();

    /** `tcpdump -d ip`: ldh [12]; jeq #0x800 jt 2 jf 3; ret #262144; ret #0. */
    private static final BpfProgram IP = BpfProgram.of(
            BpfInstruction.stmt(LD_H_ABS, 12),
            BpfInstruction.jump(JEQ_K, IPV4, 0, 1),
            BpfInstruction.stmt(RET_K, 262144),
            BpfInstruction.stmt(RET_K, 0));

    private static ByteBuffer ethernet(int etherType, int length) {
        ByteBuffer frame = ByteBuffer.allocate(length);
        frame.putShort(12, (short) etherType);
        return frame;
    }

    @Test
    void runAcceptsMatchingEtherTypeWithTheReturnedSnapLength() {
        assertEquals(262144, IP.run(ethernet(IPV4, 60), 60));
        assertEquals(0, IP.run(ethernet(IPV6, 60), 60));
    }

    @Test
    void runIndexesFromTheBufferPosition() {
        ByteBuffer big = ByteBuffer.allocate(100);
        big.putShort(40 + 12, (short) IPV4);
        big.position(40).limit(100);
        assertTrue(IP.matches(big, 60));
        assertEquals(40, big.position(), "run must not move the buffer");
    }

    @Test
    void loadBeyondCapturedBytesRejectsThePacket() {
        BpfProgram program = BpfProgram.of(BpfInstruction.stmt(LD_W_ABS, 10), BpfInstruction.stmt(RET_K, 1));
        assertEquals(1, program.run(ByteBuffer.allocate(14), 14));
        assertEquals(0, program.run(ByteBuffer.allocate(13), 1500), "wire length must not widen the bounds");
    }

    @Test
    void indirectLoadOverflowRejectsInsteadOfWrapping() {
        BpfProgram program = BpfProgram.of(
                BpfInstruction.stmt(LDX_IMM, 0xffffffff),
                BpfInstruction.stmt(LD_B_IND, 2),
                BpfInstruction.stmt(RET_K, 1));
        assertEquals(0, program.run(ByteBuffer.allocate(64), 64));
    }

    @Test
    void divisionByZeroRegisterRejects() {
        BpfProgram program = BpfProgram.of(
                BpfInstruction.stmt(LD_IMM, 10),
                BpfInstruction.stmt(LDX_IMM, 0),
                BpfInstruction.stmt(DIV_X, 0),
                BpfInstruction.stmt(RET_K, 1));
        assertEquals(0, program.run(ByteBuffer.allocate(1), 1));
    }

    @Test
    void shiftByThirtyTwoOrMoreGivesZero() {
        BpfProgram program = BpfProgram.of(
                BpfInstruction.stmt(LD_IMM, 1),
                BpfInstruction.stmt(LDX_IMM, 33),
                BpfInstruction.stmt(LSH_X, 0),
                BpfInstruction.stmt(RET_A, 0));
        assertEquals(0, program.run(ByteBuffer.allocate(1), 1));
    }

    @Test
    void ipHeaderLengthAndScratchMemoryWork() {
        // X = IP header length; A = byte at 14 + X (the first byte of TCP, high byte of the source port).
        ByteBuffer frame = ByteBuffer.allocate(60);
        frame.put(14, (byte) 0x46); // IPv4, IHL 6 -> 24 bytes
        frame.put(14 + 24, (byte) 0x12);
        BpfProgram program = BpfProgram.of(
                BpfInstruction.stmt(LDX_MSH, 14),
                BpfInstruction.stmt(LD_B_IND, 14),
                BpfInstruction.stmt(ST, 3),
                BpfInstruction.stmt(LD_IMM, 0),
                BpfInstruction.stmt(LD_MEM, 3),
                BpfInstruction.stmt(RET_A, 0));
        assertEquals(0x12, program.run(frame, 60));
    }

    @Test
    void scratchMemoryStartsAtZeroOnEveryRun() {
        // Store the first byte, then in a later run load the word before any store: it must read zero.
        BpfProgram store = BpfProgram.of(BpfInstruction.stmt(LD_B_ABS, 0), BpfInstruction.stmt(ST, 5),
                BpfInstruction.stmt(RET_A, 0));
        BpfProgram loadFirst = BpfProgram.of(BpfInstruction.stmt(LD_MEM, 5), BpfInstruction.stmt(ST, 6),
                BpfInstruction.stmt(RET_A, 0));
        assertEquals(0x7f, store.run(ByteBuffer.wrap(new byte[] {0x7f}), 1));
        assertEquals(0, loadFirst.run(ByteBuffer.wrap(new byte[] {1}), 1));
    }

    @Test
    void comparisonsAreUnsigned() {
        BpfProgram program = BpfProgram.of(
                BpfInstruction.stmt(LD_W_ABS, 0),
                BpfInstruction.jump(JGT_K, 1, 0, 1),
                BpfInstruction.stmt(RET_K, 1),
                BpfInstruction.stmt(RET_K, 0));
        ByteBuffer negative = ByteBuffer.allocate(4).putInt(0, 0x80000000);
        assertEquals(1, program.run(negative, 4));
    }

    @Test
    void lengthLoadSeesTheWireLength() {
        BpfProgram program = BpfProgram.of(BpfInstruction.stmt(LD_LEN, 0), BpfInstruction.stmt(TAX, 0),
                BpfInstruction.stmt(RET_A, 0));
        assertEquals(1514, program.run(ByteBuffer.allocate(96), 1514));
    }

    @Test
    void jumpSetAndAlwaysTakeTheRightBranch() {
        BpfProgram program = BpfProgram.of(
                BpfInstruction.stmt(LD_B_ABS, 0),
                BpfInstruction.jump(JSET_K, 0x02, 1, 0),
                BpfInstruction.stmt(JA, 1),
                BpfInstruction.stmt(RET_K, 7),
                BpfInstruction.stmt(RET_K, 9));
        assertEquals(7, program.run(ByteBuffer.wrap(new byte[] {0x02}), 1));
        assertEquals(9, program.run(ByteBuffer.wrap(new byte[] {0x01}), 1));
    }

    @Test
    void validationRejectsUnsafePrograms() {
        assertThrows(IllegalArgumentException.class, () -> new BpfProgram(List.of()));
        assertThrows(IllegalArgumentException.class, () -> BpfProgram.of(BpfInstruction.stmt(LD_IMM, 0)),
                "must end in a return");
        assertThrows(IllegalArgumentException.class,
                () -> BpfProgram.of(BpfInstruction.jump(JEQ_K, 0, 5, 0), BpfInstruction.stmt(RET_K, 0)),
                "jump past the end");
        assertThrows(IllegalArgumentException.class,
                () -> BpfProgram.of(BpfInstruction.stmt(ST, 16), BpfInstruction.stmt(RET_K, 0)),
                "scratch index out of range");
        assertThrows(IllegalArgumentException.class,
                () -> BpfProgram.of(BpfInstruction.stmt(0x34, 0), BpfInstruction.stmt(RET_K, 0)),
                "division by constant zero");
        assertThrows(IllegalArgumentException.class, () -> new BpfInstruction(0x10000, 0, 0, 0));
    }

    @Test
    void aProgramIsAMatcherThatInterpretsItself() {
        BpfMatcher matcher = IP;
        ByteBuffer all = ByteBuffer.allocate(200);
        all.putShort(100 + 12, (short) IPV4);
        assertTrue(matcher.matches(all, 100, 60, 60));
        assertFalse(matcher.matches(all, 0, 60, 60));
        assertThrows(IndexOutOfBoundsException.class, () -> matcher.matches(all, 150, 60, 60));
    }

    @Test
    void matchesUsesThePacketView() {
        PacketRecord ip = new PacketRecord(1, 0, 60, ethernet(IPV4, 60).array());
        PacketRecord arp = new PacketRecord(1, 0, 60, ethernet(ARP, 60).array());
        assertTrue(IP.matches(ip));
        assertFalse(IP.matches(arp));
    }

    @Test
    void runAtAnOffsetReadsThePacketThereWithoutTouchingTheBuffer() {
        ByteBuffer all = ByteBuffer.allocate(200);
        all.putShort(100 + 12, (short) IPV4);
        all.position(7).limit(150);
        assertEquals(262144, IP.run(all, 100, 50, 60));
        assertEquals(0, IP.run(all, 100, 13, 60), "captured length bounds the loads, not the buffer");
        assertEquals(0, IP.run(all, 0, 50, 60));
        assertEquals(7, all.position());
        assertEquals(150, all.limit());
        assertThrows(IndexOutOfBoundsException.class, () -> IP.run(all, 100, 51, 60), "past the limit");
        assertThrows(IndexOutOfBoundsException.class, () -> IP.run(all, -1, 20, 60));
        byte[] bytes = new byte[60];
        bytes[40 + 12] = 0x08;
        assertEquals(262144, IP.run(bytes, 40, 20, 20));
        assertEquals(0, IP.run(bytes, 40, 13, 20));
        assertThrows(IndexOutOfBoundsException.class, () -> IP.run(bytes, 40, 21, 20));
    }

    @Test
    void everyKindOfBufferGivesTheSameVerdicts() {
        // X = IP header length, then a half-word and a word past it: covers the array loop and the buffer loop.
        BpfProgram program = BpfProgram.of(
                BpfInstruction.stmt(LDX_MSH, 14),
                BpfInstruction.stmt(0x48, 16), // ldh [x + 16]
                BpfInstruction.jump(JEQ_K, 53, 0, 2),
                BpfInstruction.stmt(0x40, 14), // ld [x + 14]
                BpfInstruction.stmt(RET_A, 0),
                BpfInstruction.stmt(RET_K, 0));
        ByteBuffer heap = ByteBuffer.allocate(64);
        heap.put(14, (byte) 0x45).putShort(14 + 20 + 2, (short) 53).putShort(14 + 20, (short) 0x1234);
        int expected = 0x12340035;
        assertEquals(expected, program.run(heap, 64));
        ByteBuffer direct = ByteBuffer.allocateDirect(64).put(heap.duplicate()).flip();
        assertEquals(expected, program.run(direct, 64));
        assertEquals(expected, program.run(heap.asReadOnlyBuffer(), 64));
        assertEquals(expected, program.run(heap.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN), 64),
                "loads are in network order whatever the buffer's order");
        assertEquals(expected, program.run(direct.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN), 64));
        assertEquals(0, program.run(direct, 0, 37, 64), "the port is the last two bytes of 38");
        assertEquals(0, program.run(heap.asReadOnlyBuffer(), 0, 37, 64));
        assertEquals(expected, program.run(direct, 0, 38, 64));
    }

    @Test
    void fusedLoadAndJumpStillServesJumpsIntoTheJump() {
        // The jeq at 2 is both fused with the load before it and the target of the ja at 0.
        BpfProgram program = BpfProgram.of(
                BpfInstruction.stmt(JA, 1),
                BpfInstruction.stmt(LD_B_ABS, 0),
                BpfInstruction.jump(JEQ_K, 0, 0, 1),
                BpfInstruction.stmt(RET_K, 5),
                BpfInstruction.stmt(RET_K, 6));
        assertEquals(5, program.run(ByteBuffer.wrap(new byte[] {9}), 1), "A is still 0 when jumping past the load");
    }

    @Test
    void headerLengthIndexedLoadAndJumpWorkWhenEnteredMidway() {
        // 3 and 4 decode as one fused operation; the ja at 1 enters at 3 with the X that 0 set.
        List<BpfInstruction> insns = List.of(
                BpfInstruction.stmt(LDX_IMM, 4),
                BpfInstruction.stmt(JA, 1),
                BpfInstruction.stmt(LDX_MSH, 0),
                BpfInstruction.stmt(LD_B_IND, 0),
                BpfInstruction.jump(JEQ_K, 7, 0, 1),
                BpfInstruction.stmt(RET_K, 1),
                BpfInstruction.stmt(RET_K, 2));
        byte[] packet = {0x02, 0, 0, 0, 7, 0, 0, 0, 9};
        assertEquals(1, new BpfProgram(insns).run(packet, 0, packet.length, packet.length));
        List<BpfInstruction> direct = new java.util.ArrayList<>(insns);
        direct.set(1, BpfInstruction.stmt(LD_IMM, 0)); // now falls into the ldxb: X = 8, [8] = 9
        assertEquals(2, new BpfProgram(direct).run(packet, 0, packet.length, packet.length));
        packet[8] = 7;
        assertEquals(1, new BpfProgram(direct).run(packet, 0, packet.length, packet.length));
        assertEquals(0, new BpfProgram(direct).run(packet, 0, 8, packet.length), "[8] is past 8 captured bytes");
        assertEquals(1, new BpfProgram(direct).run(ByteBuffer.wrap(packet).asReadOnlyBuffer(), packet.length));
    }

    @Test
    void opcodesWithStrayBitsRejectWhenReached() {
        // 0x26 passes validation as a return but is none of ret #k, ret a or ret x exactly.
        BpfProgram program = BpfProgram.of(BpfInstruction.stmt(0x26, 1), BpfInstruction.stmt(RET_K, 1));
        assertEquals(0, program.run(ByteBuffer.allocate(4), 4));
        BpfProgram negX = BpfProgram.of(BpfInstruction.stmt(LD_IMM, 1), BpfInstruction.stmt(0x8c, 0),
                BpfInstruction.stmt(RET_A, 0));
        assertEquals(0, negX.run(ByteBuffer.allocate(4), 4));
    }

    @Test
    void constantOffsetsBeyondAnyPacketReject() {
        BpfProgram program = BpfProgram.of(BpfInstruction.stmt(LD_W_ABS, 0x7ffffffe), BpfInstruction.stmt(RET_K, 1));
        assertEquals(0, program.run(ByteBuffer.allocate(16), 16));
        BpfProgram unsigned = BpfProgram.of(BpfInstruction.stmt(LD_B_ABS, 0xffffffff), BpfInstruction.stmt(RET_K, 1));
        assertEquals(0, unsigned.run(ByteBuffer.allocate(16), 16));
    }

    @Test
    void programsStayValuesOverTheirInstructions() {
        List<BpfInstruction> insns = List.of(BpfInstruction.stmt(LD_H_ABS, 12), BpfInstruction.jump(JEQ_K, 0x800, 0, 1),
                BpfInstruction.stmt(RET_K, 262144), BpfInstruction.stmt(RET_K, 0));
        assertEquals(IP, new BpfProgram(insns));
        assertEquals(IP.hashCode(), new BpfProgram(insns).hashCode());
        assertEquals(insns, IP.instructions());
        assertEquals(insns.toString(), IP.instructions().toString());
        assertThrows(UnsupportedOperationException.class, () -> IP.instructions().add(BpfInstruction.stmt(RET_K, 0)));
        assertThrows(UnsupportedOperationException.class, () -> IP.instructions().set(0, BpfInstruction.stmt(RET_K, 0)));
    }
}
