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

    /** `tcpdump -d ip`: ldh [12]; jeq #0x800 jt 2 jf 3; ret #262144; ret #0. */
    private static final BpfProgram IP = BpfProgram.of(
            BpfInstruction.stmt(LD_H_ABS, 12),
            BpfInstruction.jump(JEQ_K, 0x800, 0, 1),
            BpfInstruction.stmt(RET_K, 262144),
            BpfInstruction.stmt(RET_K, 0));

    private static ByteBuffer ethernet(int etherType, int length) {
        ByteBuffer frame = ByteBuffer.allocate(length);
        frame.putShort(12, (short) etherType);
        return frame;
    }

    @Test
    void runAcceptsMatchingEtherTypeWithTheReturnedSnapLength() {
        assertEquals(262144, IP.run(ethernet(0x0800, 60), 60));
        assertEquals(0, IP.run(ethernet(0x86dd, 60), 60));
    }

    @Test
    void runIndexesFromTheBufferPosition() {
        ByteBuffer big = ByteBuffer.allocate(100);
        big.putShort(40 + 12, (short) 0x0800);
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
    void matchesUsesThePacketView() {
        PacketRecord ip = new PacketRecord(1, 0, 60, ethernet(0x0800, 60).array());
        PacketRecord arp = new PacketRecord(1, 0, 60, ethernet(0x0806, 60).array());
        assertTrue(IP.matches(ip));
        assertFalse(IP.matches(arp));
    }
}
