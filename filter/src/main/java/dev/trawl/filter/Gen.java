package dev.trawl.filter;

import dev.trawl.filter.Ir.Block;
import dev.trawl.filter.Ir.Stmt;
import dev.trawl.pcap.BpfProgram;

import static dev.trawl.pcap.Bpf.ABS;
import static dev.trawl.pcap.Bpf.ADD;
import static dev.trawl.pcap.Bpf.ALU;
import static dev.trawl.pcap.Bpf.AND;
import static dev.trawl.pcap.Bpf.B;
import static dev.trawl.pcap.Bpf.H;
import static dev.trawl.pcap.Bpf.IMM;
import static dev.trawl.pcap.Bpf.IND;
import static dev.trawl.pcap.Bpf.JEQ;
import static dev.trawl.pcap.Bpf.JGE;
import static dev.trawl.pcap.Bpf.JGT;
import static dev.trawl.pcap.Bpf.JMP;
import static dev.trawl.pcap.Bpf.JSET;
import static dev.trawl.pcap.Bpf.K;
import static dev.trawl.pcap.Bpf.LD;
import static dev.trawl.pcap.Bpf.LDX;
import static dev.trawl.pcap.Bpf.LEN;
import static dev.trawl.pcap.Bpf.LSH;
import static dev.trawl.pcap.Bpf.MEM;
import static dev.trawl.pcap.Bpf.MISC;
import static dev.trawl.pcap.Bpf.MSH;
import static dev.trawl.pcap.Bpf.RET;
import static dev.trawl.pcap.Bpf.TAX;
import static dev.trawl.pcap.Bpf.W;
import static dev.trawl.pcap.Bpf.X;

/**
 * The state and low-level helpers of code generation: header offsets for the link type (which {@code vlan},
 * {@code mpls} and {@code pppoes} move as they are compiled, as in libpcap), scratch registers, loads
 * relative to a header, and comparisons. Higher-level primitives live in {@link Primitives}.
 */
class Gen {
    static final int NOT_SET = -1;
    static final int SKF_AD_OFF = -0x1000;
    /** A bound on the flow graph, keeping the optimizer's quadratic passes short. */
    static final int MAX_BLOCKS = 4096;

    /** Where loads are relative to. */
    enum Rel { PACKET, LINKHDR, PREVLINKHDR, LLC, PREVMPLSHDR, LINKTYPE, LINKPL, LINKPL_NOSNAP, TRAN_IPV4, TRAN_IPV6 }

    /** An offset from the start of the packet: a constant plus, optionally, a value held in a register. */
    static final class AbsOff {
        int constant;
        boolean variable;
        int reg = -1;

        AbsOff(int constant) {
            this.constant = constant;
        }

        AbsOff copy() {
            AbsOff c = new AbsOff(constant);
            c.variable = variable;
            c.reg = reg;
            return c;
        }
    }

    final String expression;
    final int snaplen;
    final int netmask;
    final int outermostLinktype;
    int linktype;
    int prevLinktype = -1;
    AbsOff offLinkhdr = new AbsOff(0);
    AbsOff offPrevLinkhdr = new AbsOff(0);
    AbsOff offOutermostLinkhdr = new AbsOff(0);
    AbsOff offLinktype = new AbsOff(NOT_SET);
    AbsOff offLinkpl = new AbsOff(0);
    int offNl;
    int offNlNosnap;
    int labelStackDepth;
    int vlanStackDepth;
    boolean noOptimize;
    /**
     * Whether the program is for a Linux packet socket's kernel filter, which sees a tagged frame without its
     * outer VLAN tag and finds the tag in the packet's metadata ({@link Encaps#vlan}).
     */
    boolean linuxKernel;
    /**
     * The scratch registers that hold the variable part of the link-layer offsets once {@code vlan} in a
     * kernel filter made them variable, which start at zero (VarOffsets); empty otherwise.
     */
    int[] vlanOffsetRegisters = {};
    /** SS7 field offsets (MTP2 length indicator, MTP3 SIO/OPC/DPC/SLS), or -1 when not SS7. */
    int offLi = -1, offLiHsl = -1, offSio = -1, offOpc = -1, offDpc = -1, offSls = -1;
    boolean isGeneve;
    int column;
    int blockCount;
    private final boolean[] regUsed = new boolean[BpfProgram.MEMORY_WORDS];
    private int curReg;

    Gen(String expression, int dlt, int snaplen, int netmask) throws FilterSyntaxException {
        this.expression = expression;
        this.snaplen = snaplen;
        this.netmask = netmask;
        this.outermostLinktype = dlt;
        this.linktype = dlt;
        LinkLayers.init(this);
        offOutermostLinkhdr = offLinkhdr.copy();
    }

    FilterSyntaxException error(String message) {
        return new FilterSyntaxException(message, expression, column, expectedFor(message));
    }

    /** What the user could write instead, for the errors where there is a clear answer. */
    private static String expectedFor(String message) {
        if (message.startsWith("illegal port number")) {
            return "a port number from 0 to 65535";
        }
        if (message.startsWith("data size")) {
            return "a size of 1, 2 or 4 bytes";
        }
        if (message.startsWith("VLAN tag")) {
            return "a VLAN ID from 0 to 4095";
        }
        if (message.startsWith("MPLS label")) {
            return "an MPLS label from 0 to 1048575";
        }
        if (message.startsWith("PPPoE session")) {
            return "a session number from 0 to 65535";
        }
        if (message.startsWith("Geneve VNI")) {
            return "a VNI from 0 to 16777215";
        }
        if (message.startsWith("unknown host") || message.startsWith("invalid IPv4")
                || message.startsWith("invalid ip6")) {
            return "an IPv4 or IPv6 address, or a host name the resolver knows";
        }
        if (message.startsWith("unknown port")) {
            return "a port number or a service name such as http or domain";
        }
        if (message.startsWith("port '") || message.startsWith("port in range '")) {
            return "a service that the given transport protocol uses, or a port number";
        }
        if (message.startsWith("non-network bits")) {
            return "a network address with no bits set past the prefix";
        }
        if (message.startsWith("mask length")) {
            return "a shorter prefix length";
        }
        if (message.startsWith("unknown ip proto") || message.startsWith("unknown ether proto")) {
            return "a protocol number or name, such as 6 or \\tcp";
        }
        if (message.contains("supported only on") || message.contains("not supported")
                || message.contains("not implemented")) {
            return "a primitive that this link type supports";
        }
        if (message.contains("modifier applied to")) {
            return "a qualifier that fits the address";
        }
        return "";
    }

    // ---- IR construction ----

    Block block(int code, int k) throws FilterSyntaxException {
        if (++blockCount > MAX_BLOCKS) {
            throw error("expression too complex: more than " + MAX_BLOCKS + " basic blocks");
        }
        return new Block(code, k);
    }

    static Stmt stmt(int code, int k) {
        return new Stmt(code, k);
    }

    Block retBlock(int v) throws FilterSyntaxException {
        return block(RET | K, v);
    }

    int allocReg() throws FilterSyntaxException {
        int n = BpfProgram.MEMORY_WORDS;
        while (--n >= 0) {
            if (regUsed[curReg]) {
                curReg = (curReg + 1) % BpfProgram.MEMORY_WORDS;
            } else {
                regUsed[curReg] = true;
                return curReg;
            }
        }
        throw error("too many registers needed to evaluate expression");
    }

    void freeReg(int n) {
        regUsed[n] = false;
    }

    // ---- loads ----

    private Stmt absOffsetVarpart(AbsOff off) throws FilterSyntaxException {
        if (off.variable) {
            if (off.reg == -1) {
                off.reg = allocReg();
            }
            return stmt(LDX | MEM, off.reg);
        }
        return null;
    }

    private Stmt loadAbsOffsetRel(AbsOff off, int offset, int size) throws FilterSyntaxException {
        Stmt s = absOffsetVarpart(off);
        if (s != null) {
            Ir.append(s, stmt(LD | IND | size, off.constant + offset));
            return s;
        }
        return stmt(LD | ABS | size, off.constant + offset);
    }

    Stmt loadA(Rel rel, int offset, int size) throws FilterSyntaxException {
        return switch (rel) {
            case PACKET -> stmt(LD | ABS | size, offset);
            case LINKHDR -> loadAbsOffsetRel(offLinkhdr, offset, size);
            case PREVLINKHDR -> loadAbsOffsetRel(offPrevLinkhdr, offset, size);
            case LLC -> loadAbsOffsetRel(offLinkpl, offset, size);
            case PREVMPLSHDR -> loadAbsOffsetRel(offLinkpl, offNl - 4 + offset, size);
            case LINKPL -> loadAbsOffsetRel(offLinkpl, offNl + offset, size);
            case LINKPL_NOSNAP -> loadAbsOffsetRel(offLinkpl, offNlNosnap + offset, size);
            case LINKTYPE -> loadAbsOffsetRel(offLinktype, offset, size);
            case TRAN_IPV4 -> {
                Stmt s = loadXIpHdrLen();
                Ir.append(s, stmt(LD | IND | size, offLinkpl.constant + offNl + offset));
                yield s;
            }
            case TRAN_IPV6 -> loadAbsOffsetRel(offLinkpl, offNl + 40 + offset, size);
        };
    }

    /** Loads X with the IPv4 header length plus the variable part of the link-layer payload offset. */
    Stmt loadXIpHdrLen() throws FilterSyntaxException {
        Stmt s = absOffsetVarpart(offLinkpl);
        if (s != null) {
            Ir.append(s, stmt(LD | IND | B, offLinkpl.constant + offNl));
            Ir.append(s, stmt(ALU | AND | K, 0xf));
            Ir.append(s, stmt(ALU | LSH | K, 2));
            Ir.append(s, stmt(ALU | ADD | X, 0));
            Ir.append(s, stmt(MISC | TAX, 0));
            return s;
        }
        return stmt(LDX | MSH | B, offLinkpl.constant + offNl);
    }

    /** The statements that load the variable part of an offset into X, or null when it is constant. */
    Stmt varpart(AbsOff off) throws FilterSyntaxException {
        return absOffsetVarpart(off);
    }

    // ---- comparisons ----

    Block ncmp(Rel rel, int offset, int size, int mask, int jtype, boolean reverse, int v)
            throws FilterSyntaxException {
        Stmt s = loadA(rel, offset, size);
        if (mask != 0xffffffff) {
            Ir.append(s, stmt(ALU | AND | K, mask));
        }
        Block b = block(JMP | jtype | K, v);
        b.stmts = s;
        if (reverse && (jtype == JGT || jtype == JGE)) {
            Ir.not(b);
        }
        return b;
    }

    Block cmp(Rel rel, int offset, int size, int v) throws FilterSyntaxException {
        return ncmp(rel, offset, size, 0xffffffff, JEQ, false, v);
    }

    Block cmpGt(Rel rel, int offset, int size, int v) throws FilterSyntaxException {
        return ncmp(rel, offset, size, 0xffffffff, JGT, false, v);
    }

    Block cmpGe(Rel rel, int offset, int size, int v) throws FilterSyntaxException {
        return ncmp(rel, offset, size, 0xffffffff, JGE, false, v);
    }

    Block cmpLt(Rel rel, int offset, int size, int v) throws FilterSyntaxException {
        return ncmp(rel, offset, size, 0xffffffff, JGE, true, v);
    }

    Block cmpLe(Rel rel, int offset, int size, int v) throws FilterSyntaxException {
        return ncmp(rel, offset, size, 0xffffffff, JGT, true, v);
    }

    Block mcmp(Rel rel, int offset, int size, int v, int mask) throws FilterSyntaxException {
        return ncmp(rel, offset, size, mask, JEQ, false, v);
    }

    /** Compares bytes; words are tested from the end, as libpcap does. */
    Block bcmp(Rel rel, int offset, byte[] v) throws FilterSyntaxException {
        int size = v.length;
        Block b = null;
        while (size >= 4) {
            int p = size - 4;
            int w = ((v[p] & 0xff) << 24) | ((v[p + 1] & 0xff) << 16) | ((v[p + 2] & 0xff) << 8) | (v[p + 3] & 0xff);
            Block tmp = cmp(rel, offset + size - 4, W, w);
            if (b != null) {
                Ir.and(b, tmp);
            }
            b = tmp;
            size -= 4;
        }
        while (size >= 2) {
            int p = size - 2;
            int w = ((v[p] & 0xff) << 8) | (v[p + 1] & 0xff);
            Block tmp = cmp(rel, offset + size - 2, H, w);
            if (b != null) {
                Ir.and(b, tmp);
            }
            b = tmp;
            size -= 2;
        }
        if (size > 0) {
            Block tmp = cmp(rel, offset, B, v[0] & 0xff);
            if (b != null) {
                Ir.and(b, tmp);
            }
            b = tmp;
        }
        return b;
    }

    Block jset(Stmt s, int k) throws FilterSyntaxException {
        Block b = block(JMP | JSET | K, k);
        b.stmts = s;
        return b;
    }

    Block uncond(boolean rsense) throws FilterSyntaxException {
        Block b = block(JMP | JEQ | K, 0);
        b.stmts = stmt(LD | IMM, rsense ? 0 : 1);
        return b;
    }

    Block genTrue() throws FilterSyntaxException {
        return uncond(true);
    }

    Block genFalse() throws FilterSyntaxException {
        return uncond(false);
    }

    Block len(int jmp, int n) throws FilterSyntaxException {
        Block b = block(JMP | jmp | K, n);
        b.stmts = stmt(LD | LEN, 0);
        return b;
    }

    void pushLinkhdr(int newLinktype, boolean variable, int constant, int reg) {
        prevLinktype = linktype;
        offPrevLinkhdr = offLinkhdr.copy();
        linktype = newLinktype;
        offLinkhdr = new AbsOff(constant);
        offLinkhdr.variable = variable;
        offLinkhdr.reg = reg;
    }
}
