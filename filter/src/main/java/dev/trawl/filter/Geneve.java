package dev.trawl.filter;

import dev.trawl.filter.Gen.Rel;
import dev.trawl.filter.Ir.Block;
import dev.trawl.filter.Ir.Stmt;
import dev.trawl.pcap.Bpf;

import static dev.trawl.pcap.Bpf.B;
import static dev.trawl.pcap.Bpf.W;

/**
 * Geneve (UDP port 6081) over IPv4 or IPv6. After a match, later primitives look inside the tunnel: the
 * generated code computes the inner link-type and payload offsets into registers, as libpcap does.
 */
final class Geneve {
    private static final int PORT = 6081;

    private Geneve() {
    }

    private static Block check(Gen g, boolean v6, boolean hasVni, long vni) throws FilterSyntaxException {
        Rel rel = v6 ? Rel.TRAN_IPV6 : Rel.TRAN_IPV4;
        Block b0 = Primitives.port1(g, PORT, PORT, false, Primitives.UDP, Tok.DST, v6);
        Block b1 = g.mcmp(rel, 8, B, 0, 0xc0);
        Ir.and(b0, b1);
        b0 = b1;
        if (hasVni) {
            b1 = g.mcmp(rel, 12, W, (int) (vni << 8), 0xffffff00);
            Ir.and(b0, b1);
            b0 = b1;
        }
        return b0;
    }

    private static Block geneve4(Gen g, boolean hasVni, long vni) throws FilterSyntaxException {
        Block b0 = check(g, false, hasVni, vni);
        Stmt s = g.loadXIpHdrLen();
        Ir.append(s, Gen.stmt(Bpf.MISC | Bpf.TXA, 0));
        Block b1 = g.block(Bpf.JMP | Bpf.JEQ | Bpf.X, 0);
        b1.stmts = s;
        Ir.and(b0, b1);
        return b1;
    }

    private static Block geneve6(Gen g, boolean hasVni, long vni) throws FilterSyntaxException {
        Block b0 = check(g, true, hasVni, vni);
        Stmt s = g.varpart(g.offLinkpl);
        if (s != null) {
            Ir.append(s, Gen.stmt(Bpf.LD | Bpf.IMM, 40));
            Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.X, 0));
        } else {
            s = Gen.stmt(Bpf.LD | Bpf.IMM, 40);
        }
        Ir.append(s, Gen.stmt(Bpf.MISC | Bpf.TAX, 0));
        Block b1 = g.block(Bpf.JMP | Bpf.JEQ | Bpf.X, 0);
        b1.stmts = s;
        Ir.and(b0, b1);
        return b1;
    }

    /** Computes the inner offsets; A holds the IP header length on entry. */
    private static Stmt offsets(Gen g) throws FilterSyntaxException {
        Stmt s = Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.K, g.offLinkpl.constant + g.offNl + 8);
        Ir.append(s, Gen.stmt(Bpf.MISC | Bpf.TAX, 0));
        Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.K, 2));
        g.offLinktype = new Gen.AbsOff(0);
        g.offLinktype.reg = g.allocReg();
        g.offLinktype.variable = true;
        Ir.append(s, Gen.stmt(Bpf.ST, g.offLinktype.reg));
        Ir.append(s, Gen.stmt(Bpf.LD | Bpf.IND | Bpf.B, 0));
        Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.AND | Bpf.K, 0x3f));
        Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.MUL | Bpf.K, 4));
        Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.K, 8));
        Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.X, 0));
        g.pushLinkhdr(LinkLayers.EN10MB, true, 0, g.allocReg());
        Ir.append(s, Gen.stmt(Bpf.ST, g.offLinkhdr.reg));
        // The Ethernet-or-not decision is a jump inside a statement list, which the optimizer cannot handle.
        g.noOptimize = true;
        Ir.append(s, Gen.stmt(Bpf.LD | Bpf.IND | Bpf.H, 2));
        Ir.append(s, Gen.stmt(Bpf.LDX | Bpf.MEM, g.offLinkhdr.reg));
        Stmt proto = Gen.stmt(Bpf.JMP | Bpf.JEQ | Bpf.K, LinkLayers.ETHERTYPE_TEB);
        Ir.append(s, proto);
        Stmt s1 = Gen.stmt(Bpf.MISC | Bpf.TXA, 0);
        Ir.append(s, s1);
        proto.jt = s1;
        Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.K, 12));
        Ir.append(s, Gen.stmt(Bpf.ST, g.offLinktype.reg));
        Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.K, 2));
        Ir.append(s, Gen.stmt(Bpf.MISC | Bpf.TAX, 0));
        g.offLinkpl = new Gen.AbsOff(0);
        g.offLinkpl.reg = g.allocReg();
        g.offLinkpl.variable = true;
        s1 = Gen.stmt(Bpf.STX, g.offLinkpl.reg);
        Ir.append(s, s1);
        proto.jf = s1;
        g.offNl = 0;
        return s;
    }

    /**
     * Inside Geneve, whether there is an inner Ethernet header at all (the link header and payload offsets
     * differ); after 'lane', whether the frame is LANE data; otherwise null. Tests of Ethernet addresses are
     * guarded by it (libpcap's gen_prevlinkhdr_check).
     */
    static Block linkLayerCheck(Gen g) throws FilterSyntaxException {
        if (!g.isGeneve) {
            return Atm.laneDataCheck(g);
        }
        Stmt s = Gen.stmt(Bpf.LD | Bpf.MEM, g.offLinkhdr.reg);
        Ir.append(s, Gen.stmt(Bpf.LDX | Bpf.MEM, g.offLinkpl.reg));
        Block b0 = g.block(Bpf.JMP | Bpf.JEQ | Bpf.X, 0);
        b0.stmts = s;
        Ir.not(b0);
        return b0;
    }

    static Block gen(Gen g, boolean hasVni, long vni) throws FilterSyntaxException {
        if (hasVni && vni > 0xffffff) {
            throw g.error("Geneve VNI " + vni + " greater than maximum 16777215");
        }
        Block b0 = geneve4(g, hasVni, vni);
        Block b1 = geneve6(g, hasVni, vni);
        Ir.or(b0, b1);
        b0 = b1;
        Stmt s = offsets(g);
        b1 = g.genTrue();
        Ir.append(s, b1.stmts);
        b1.stmts = s;
        Ir.and(b0, b1);
        g.isGeneve = true;
        return b1;
    }
}
