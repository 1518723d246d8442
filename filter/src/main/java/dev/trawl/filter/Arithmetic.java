package dev.trawl.filter;

import dev.trawl.filter.Ast.Arith;
import dev.trawl.filter.Ir.Block;
import dev.trawl.filter.Ir.Stmt;
import dev.trawl.pcap.Bpf;
import dev.trawl.pcap.IpProtocol;

import static dev.trawl.pcap.Bpf.ADD;
import static dev.trawl.pcap.Bpf.ALU;
import static dev.trawl.pcap.Bpf.IMM;
import static dev.trawl.pcap.Bpf.IND;
import static dev.trawl.pcap.Bpf.JEQ;
import static dev.trawl.pcap.Bpf.JGE;
import static dev.trawl.pcap.Bpf.JGT;
import static dev.trawl.pcap.Bpf.JMP;
import static dev.trawl.pcap.Bpf.LD;
import static dev.trawl.pcap.Bpf.LDX;
import static dev.trawl.pcap.Bpf.LEN;
import static dev.trawl.pcap.Bpf.MEM;
import static dev.trawl.pcap.Bpf.MISC;
import static dev.trawl.pcap.Bpf.ST;
import static dev.trawl.pcap.Bpf.TAX;
import static dev.trawl.pcap.Bpf.X;

/**
 * Arithmetic expressions and comparisons ({@code ip[2:2] - 20 > 100}): every intermediate value lives in a
 * scratch register, and packet accesses add the protocol checks they depend on, as in libpcap.
 */
final class Arithmetic {
    /** A computed value: the statements that compute it, its register, and the checks it depends on. */
    static final class Arth {
        Stmt s;
        int regno;
        Block b;
    }

    private final Gen g;

    Arithmetic(Gen g) {
        this.g = g;
    }

    Block relation(Ast.Relation r) throws FilterSyntaxException {
        Arth a0 = eval(r.left());
        Arth a1 = eval(r.right());
        g.column = r.column();
        int code;
        boolean reversed;
        switch (r.op()) {
            case GT -> { code = JGT; reversed = false; }
            case GEQ -> { code = JGE; reversed = false; }
            case EQ -> { code = JEQ; reversed = false; }
            case LEQ -> { code = JGT; reversed = true; }
            case LT -> { code = JGE; reversed = true; }
            default -> { code = JEQ; reversed = true; }
        }
        return relation(code, a0, a1, reversed);
    }

    Block relation(int code, Arth a0, Arth a1, boolean reversed) throws FilterSyntaxException {
        Stmt s0 = xferToX(a1);
        Stmt s1 = xferToA(a0);
        Block b;
        if (code == JEQ) {
            Stmt s2 = Gen.stmt(ALU | Bpf.SUB | X, 0);
            b = g.block(JMP | code, 0);
            Ir.append(s1, s2);
        } else {
            b = g.block(JMP | code | X, 0);
        }
        if (reversed) {
            Ir.not(b);
        }
        Ir.append(s0, s1);
        Ir.append(a1.s, s0);
        Ir.append(a0.s, a1.s);
        b.stmts = a0.s;
        g.freeReg(a0.regno);
        g.freeReg(a1.regno);
        Block tmp;
        if (a0.b != null) {
            if (a1.b != null) {
                Ir.and(a0.b, a1.b);
                tmp = a1.b;
            } else {
                tmp = a0.b;
            }
        } else {
            tmp = a1.b;
        }
        if (tmp != null) {
            Ir.and(tmp, b);
        }
        return b;
    }

    private static Stmt xferToX(Arth a) {
        return Gen.stmt(LDX | MEM, a.regno);
    }

    private static Stmt xferToA(Arth a) {
        return Gen.stmt(LD | MEM, a.regno);
    }

    Arth loadi(int val) throws FilterSyntaxException {
        Arth a = new Arth();
        a.regno = g.allocReg();
        a.s = Gen.stmt(LD | IMM, val);
        a.s.next = Gen.stmt(ST, a.regno);
        return a;
    }

    Arth eval(Arith e) throws FilterSyntaxException {
        if (e instanceof Ast.Num n) {
            return loadi((int) n.value());
        }
        if (e instanceof Ast.Len) {
            Arth a = new Arth();
            a.regno = g.allocReg();
            a.s = Gen.stmt(LD | LEN, 0);
            a.s.next = Gen.stmt(ST, a.regno);
            return a;
        }
        if (e instanceof Ast.Negate n) {
            Arth a = eval(n.inner());
            Ir.append(a.s, xferToA(a));
            Ir.append(a.s, Gen.stmt(ALU | Bpf.NEG, 0));
            Ir.append(a.s, Gen.stmt(ST, a.regno));
            return a;
        }
        if (e instanceof Ast.Load l) {
            Arth index = eval(l.index());
            g.column = l.column();
            return load(l.proto(), index, l.size());
        }
        Ast.Binary bin = (Ast.Binary) e;
        Arth a0 = eval(bin.left());
        Arth a1 = eval(bin.right());
        g.column = bin.column();
        int code = switch (bin.op()) {
            case PLUS -> ADD;
            case MINUS -> Bpf.SUB;
            case STAR -> Bpf.MUL;
            case SLASH -> Bpf.DIV;
            case PERCENT -> Bpf.MOD;
            case AMP -> Bpf.AND;
            case PIPE -> Bpf.OR;
            case CARET -> Bpf.XOR;
            case LSH -> Bpf.LSH;
            default -> Bpf.RSH;
        };
        boolean constant = a1.s.code == (LD | IMM);
        if (code == Bpf.DIV && constant && a1.s.k == 0) {
            throw g.error("division by zero");
        }
        if (code == Bpf.MOD && constant && a1.s.k == 0) {
            throw g.error("modulus by zero");
        }
        if ((code == Bpf.LSH || code == Bpf.RSH) && constant && Integer.compareUnsigned(a1.s.k, 31) > 0) {
            throw g.error("shift by more than 31 bits");
        }
        Stmt s0 = xferToX(a1);
        Stmt s1 = xferToA(a0);
        Ir.append(s1, Gen.stmt(ALU | X | code, 0));
        Ir.append(s0, s1);
        Ir.append(a1.s, s0);
        Ir.append(a0.s, a1.s);
        g.freeReg(a0.regno);
        g.freeReg(a1.regno);
        a0.regno = g.allocReg();
        Ir.append(a0.s, Gen.stmt(ST, a0.regno));
        return a0;
    }

    /**
     * Loads X with the index plus the variable part of a header's offset, or with the index alone when the
     * offset is constant; an indexed load then adds the constant part.
     */
    private Stmt indexIntoX(Gen.AbsOff off, Arth index) throws FilterSyntaxException {
        Stmt s = g.varpart(off);
        if (s == null) {
            return xferToX(index);
        }
        Ir.append(s, xferToA(index));
        Ir.append(s, Gen.stmt(ALU | ADD | X, 0));
        Ir.append(s, Gen.stmt(MISC | TAX, 0));
        return s;
    }

    /** {@code proto[index:size]}: libpcap's gen_load_internal. */
    Arth load(Tok proto, Arth inst, int size) throws FilterSyntaxException {
        int regno = g.allocReg();
        g.freeReg(inst.regno);
        int bsize = switch (size) {
            case 1 -> Bpf.B;
            case 2 -> Bpf.H;
            case 4 -> Bpf.W;
            default -> throw g.error("data size must be 1, 2, or 4");
        };
        switch (proto) {
            case RADIO -> {
                if (g.linktype != LinkLayers.IEEE802_11_RADIO_AVS && g.linktype != LinkLayers.IEEE802_11_RADIO
                        && g.linktype != LinkLayers.PRISM) {
                    throw g.error("radio information not present in capture");
                }
                Stmt s = xferToX(inst);
                Ir.append(s, Gen.stmt(LD | IND | bsize, 0));
                Ir.append(inst.s, s);
            }
            case LINK -> {
                Stmt s = indexIntoX(g.offLinkhdr, inst);
                Ir.append(s, Gen.stmt(LD | IND | bsize, g.offLinkhdr.constant));
                Ir.append(inst.s, s);
            }
            case IP, ARP, RARP, ATALK, DECNET, SCA, LAT, MOPRC, MOPDL, IPV6 -> {
                Stmt s = indexIntoX(g.offLinkpl, inst);
                Ir.append(s, Gen.stmt(LD | IND | bsize, g.offLinkpl.constant + g.offNl));
                Ir.append(inst.s, s);
                Block b = Primitives.abbrev(g, proto);
                if (inst.b != null) {
                    Ir.and(inst.b, b);
                }
                inst.b = b;
            }
            case SCTP, TCP, UDP, ICMP, IGMP, IGRP, PIM, VRRP, CARP -> {
                Stmt s = g.loadXIpHdrLen();
                Ir.append(s, xferToA(inst));
                Ir.append(s, Gen.stmt(ALU | ADD | X, 0));
                Ir.append(s, Gen.stmt(MISC | TAX, 0));
                Ir.append(s, Gen.stmt(LD | IND | bsize, g.offLinkpl.constant + g.offNl));
                Ir.append(inst.s, s);
                Block b0 = Primitives.abbrev(g, proto);
                Block b = Primitives.ipfrag(g);
                Ir.and(b0, b);
                if (inst.b != null) {
                    Ir.and(inst.b, b);
                }
                Ir.and(Primitives.abbrev(g, Tok.IP), b);
                inst.b = b;
            }
            case ICMPV6 -> {
                // The protocol checks come first, so their registers are allocated before the load's.
                Block b0 = LinkLayers.linktype(g, LinkLayers.ETHERTYPE_IPV6);
                Block b = g.cmp(Gen.Rel.LINKPL, 6, Bpf.B, IpProtocol.ICMPV6.value());
                Ir.and(b0, b);
                Stmt s = indexIntoX(g.offLinkpl, inst);
                Ir.append(s, Gen.stmt(LD | IND | bsize, g.offLinkpl.constant + g.offNl + 40));
                Ir.append(inst.s, s);
                if (inst.b != null) {
                    Ir.and(inst.b, b);
                }
                inst.b = b;
            }
            default -> throw g.error("unsupported index operation");
        }
        inst.regno = regno;
        Ir.append(inst.s, Gen.stmt(ST, regno));
        return inst;
    }
}
