package dev.trawl.filter;

import dev.trawl.filter.Ir.Block;
import dev.trawl.filter.Ir.Stmt;
import dev.trawl.pcap.Bpf;
import dev.trawl.pcap.IpProtocol;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code protochain}: follows the IPv6 extension-header and AH chain looking for a protocol. libpcap emits a
 * loop with a backward jump, which no valid BPF program may contain; this compiler unrolls the loop
 * {@link #DEPTH} times instead, with libpcap's per-step semantics (including its computation of the next
 * offset after an AH header). A packet whose chain is longer than that is rejected where libpcap would go on.
 */
final class Protochain {
    /** How many extension headers are followed. */
    static final int DEPTH = 8;
    private static final int NONE = IpProtocol.NO_NEXT_HEADER.value();
    private static final int AH = IpProtocol.AH.value();
    /** The extension headers libpcap steps over, in the order it tests them. */
    private static final int[] V6_EXTENSIONS = {IpProtocol.HOPOPTS.value(), IpProtocol.DSTOPTS.value(),
        IpProtocol.ROUTING.value(), IpProtocol.FRAGMENT.value()};

    private Protochain() {
    }

    static Block gen(Gen g, int v, Tok proto) throws FilterSyntaxException {
        if (proto == null) {
            Block b0 = gen(g, v, Tok.IP);
            Block b = gen(g, v, Tok.IPV6);
            Ir.or(b0, b);
            return b;
        }
        if (proto != Tok.IP && proto != Tok.IPV6) {
            throw g.error("bad protocol applied for 'protochain'");
        }
        if (g.offLinkpl.variable) {
            throw g.error("'protochain' not supported with variable length headers");
        }
        // libpcap never optimizes a program that contains protochain.
        g.noOptimize = true;
        int reg2 = g.allocReg();
        boolean v6 = proto == Tok.IPV6;
        Block b0 = LinkLayers.linktype(g, v6 ? LinkLayers.ETHERTYPE_IPV6 : LinkLayers.ETHERTYPE_IP);
        int base = g.offLinkpl.constant + g.offNl;
        List<Block> trueExits = new ArrayList<>();
        List<Block> falseExits = new ArrayList<>();
        Stmt init = Gen.stmt(Bpf.LD | Bpf.ABS | Bpf.B, base + (v6 ? 6 : 9));
        Ir.append(init, v6 ? Gen.stmt(Bpf.LDX | Bpf.IMM, 40) : Gen.stmt(Bpf.LDX | Bpf.MSH | Bpf.B, base));
        Block head = null;
        Block pendingFrom = null;
        Block pendingFrom2 = null;
        Block last = null;
        for (int step = 0; step <= DEPTH; step++) {
            Block test = g.block(Bpf.JMP | Bpf.JEQ | Bpf.K, v);
            if (step == 0) {
                test.stmts = init;
                head = test;
            } else {
                pendingFrom.jt(test);
                pendingFrom.jf(test);
                if (pendingFrom2 != null) {
                    pendingFrom2.jt(test);
                    pendingFrom2.jf(test);
                }
            }
            if (step == DEPTH) {
                last = test;
                break;
            }
            trueExits.add(test);
            Block none = g.block(Bpf.JMP | Bpf.JEQ | Bpf.K, NONE);
            test.jf(none);
            falseExits.add(none);
            Block ahCheck = g.block(Bpf.JMP | Bpf.JEQ | Bpf.K, AH);
            Block prev = none;
            Block v6Advance = null;
            if (v6) {
                v6Advance = g.block(Bpf.JMP | Bpf.JGE | Bpf.K, 0);
                v6Advance.stmts = v6Advance(base, reg2);
                for (int ext : V6_EXTENSIONS) {
                    Block e = g.block(Bpf.JMP | Bpf.JEQ | Bpf.K, ext);
                    setFalse(prev, e);
                    e.jt(v6Advance);
                    prev = e;
                }
            }
            setFalse(prev, ahCheck);
            Block ahAdvance = g.block(Bpf.JMP | Bpf.JGE | Bpf.K, 0);
            ahAdvance.stmts = ahAdvance(base, reg2);
            ahCheck.jt(ahAdvance);
            falseExits.add(ahCheck);
            pendingFrom = ahAdvance;
            pendingFrom2 = v6Advance;
        }
        g.freeReg(reg2);
        Block result = thread(last, head, trueExits, falseExits);
        Ir.and(b0, result);
        return result;
    }

    private static void setFalse(Block from, Block to) {
        from.jf(to);
    }

    /** A = next header; X += (length + 1) * 8, keeping A in a scratch word meanwhile (as libpcap does). */
    private static Stmt v6Advance(int base, int reg2) {
        Stmt s = Gen.stmt(Bpf.LD | Bpf.IND | Bpf.B, base);
        Ir.append(s, Gen.stmt(Bpf.ST, reg2));
        Ir.append(s, Gen.stmt(Bpf.LD | Bpf.IND | Bpf.B, base + 1));
        Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.K, 1));
        Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.MUL | Bpf.K, 8));
        Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.X, 0));
        Ir.append(s, Gen.stmt(Bpf.MISC | Bpf.TAX, 0));
        Ir.append(s, Gen.stmt(Bpf.LD | Bpf.MEM, reg2));
        return s;
    }

    /** libpcap's AH step: A = next header; X = (P[X + 1] + 2) * 4. */
    private static Stmt ahAdvance(int base, int reg2) {
        Stmt s = Gen.stmt(Bpf.MISC | Bpf.TXA, 0);
        Ir.append(s, Gen.stmt(Bpf.LD | Bpf.IND | Bpf.B, base));
        Ir.append(s, Gen.stmt(Bpf.ST, reg2));
        Ir.append(s, Gen.stmt(Bpf.MISC | Bpf.TXA, 0));
        Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.K, 1));
        Ir.append(s, Gen.stmt(Bpf.MISC | Bpf.TAX, 0));
        Ir.append(s, Gen.stmt(Bpf.LD | Bpf.IND | Bpf.B, base));
        Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.K, 2));
        Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.MUL | Bpf.K, 4));
        Ir.append(s, Gen.stmt(Bpf.MISC | Bpf.TAX, 0));
        Ir.append(s, Gen.stmt(Bpf.LD | Bpf.MEM, reg2));
        return s;
    }

    /**
     * Threads the unresolved exits into the code generator's list form: the final block heads both lists,
     * every other exit block's free branch holds the next block of its list and its sense selects that branch.
     */
    private static Block thread(Block last, Block head, List<Block> trueExits, List<Block> falseExits) {
        last.head = head;
        last.sense = false;
        Block next = null;
        for (int i = trueExits.size() - 1; i >= 0; i--) {
            Block b = trueExits.get(i);
            b.sense = false;
            b.jt(next);
            next = b;
        }
        last.jt(next);
        next = null;
        for (int i = falseExits.size() - 1; i >= 0; i--) {
            Block b = falseExits.get(i);
            if (b.jf() == null || b.code == (Bpf.JMP | Bpf.JEQ | Bpf.K) && b.k == AH) {
                b.sense = true;
                b.jf(next);
            } else {
                b.sense = false;
                b.jt(next);
            }
            next = b;
        }
        last.jf(next);
        return last;
    }
}
