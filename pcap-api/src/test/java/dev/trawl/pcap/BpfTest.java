package dev.trawl.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BpfTest {
    @Test
    void opcodesComposeAsBpfHeaderComposesThem() {
        // The values <pcap/bpf.h> gives, and tcpdump -dd prints, for a few well-known instructions.
        assertEquals(0x28, Bpf.LD | Bpf.H | Bpf.ABS);
        assertEquals(0x15, Bpf.JMP | Bpf.JEQ | Bpf.K);
        assertEquals(0xb1, Bpf.LDX | Bpf.B | Bpf.MSH);
        assertEquals(0x16, Bpf.RET | Bpf.A);
        assertEquals(0x87, Bpf.MISC | Bpf.TXA);
        assertEquals(0x9c, Bpf.ALU | Bpf.MOD | Bpf.X);
    }

    @Test
    void accessorsTakeAnOpcodeApart() {
        int code = Bpf.LD | Bpf.B | Bpf.IND;
        assertEquals(Bpf.LD, Bpf.instructionClass(code));
        assertEquals(Bpf.B, Bpf.size(code));
        assertEquals(Bpf.IND, Bpf.mode(code));
        assertEquals(1, Bpf.sizeBytes(code));
        assertEquals(4, Bpf.sizeBytes(Bpf.LD | Bpf.W | Bpf.ABS));
        int jump = Bpf.JMP | Bpf.JSET | Bpf.X;
        assertEquals(Bpf.JMP, Bpf.instructionClass(jump));
        assertEquals(Bpf.JSET, Bpf.operation(jump));
        assertEquals(Bpf.X, Bpf.source(jump));
        assertEquals(Bpf.A, Bpf.returnValue(Bpf.RET | Bpf.A));
        assertEquals(Bpf.TXA, Bpf.miscOperation(Bpf.MISC | Bpf.TXA));
    }

    @Test
    void exactOpcodesAreTheOnesTheInterpreterDecodes() {
        for (int code = 0; code <= 0xffff; code++) {
            assertEquals(BpfCode.op(code) >= 0, Bpf.isExact(code), "opcode 0x" + Integer.toHexString(code));
        }
        assertTrue(Bpf.isExact(Bpf.ALU | Bpf.NEG));
        assertFalse(Bpf.isExact(Bpf.ALU | Bpf.NEG | Bpf.X), "neg takes no operand");
        assertFalse(Bpf.isExact(Bpf.LDX | Bpf.W | Bpf.ABS), "ldx has no absolute load");
        assertFalse(Bpf.isExact(0x106), "bits beyond the low byte");
    }
}
