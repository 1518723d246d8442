package dev.trawl.filter;

import dev.trawl.filter.Gen.Rel;
import dev.trawl.filter.Ir.Block;
import dev.trawl.filter.Ir.Stmt;
import dev.trawl.pcap.Bpf;

import static dev.trawl.pcap.Bpf.B;

/**
 * 802.11 link layers (plain, Prism, AVS, radiotap, PPI): address tests that depend on the frame type and
 * the DS bits, and the code that computes the variable offsets of the 802.11 header and its payload.
 */
final class Wlan80211 {
    private Wlan80211() {
    }

    static boolean isFamily(int dlt) {
        return dlt == LinkLayers.IEEE802_11 || dlt == LinkLayers.PRISM || dlt == LinkLayers.IEEE802_11_RADIO
                || dlt == LinkLayers.IEEE802_11_RADIO_AVS || dlt == LinkLayers.PPI;
    }

    private static Block jset(Gen g, int offset, int k, boolean negate) throws FilterSyntaxException {
        Block b = g.jset(g.loadA(Rel.LINKHDR, offset, B), k);
        if (negate) {
            Ir.not(b);
        }
        return b;
    }

    /** A data frame: frame control has 0x08 set and 0x04 clear. */
    static Block dataFrame(Gen g) throws FilterSyntaxException {
        Block b0 = jset(g, 0, 0x08, false);
        Block b1 = jset(g, 0, 0x04, true);
        Ir.and(b1, b0);
        return b0;
    }

    /** The address test shared by src/dst/multicast: data frames by DS bits, then management frames. */
    private interface AddrTest {
        Block at(int offset) throws FilterSyntaxException;
    }

    private static Block byFrameType(Gen g, AddrTest test, boolean src) throws FilterSyntaxException {
        Block b0;
        Block b1;
        Block b2;
        if (src) {
            b1 = jset(g, 1, 0x01, false);
            b0 = test.at(24);
            Ir.and(b1, b0);
            b2 = jset(g, 1, 0x01, true);
            b1 = test.at(16);
            Ir.and(b2, b1);
            Ir.or(b1, b0);
            b1 = jset(g, 1, 0x02, false);
            Ir.and(b1, b0);
            b2 = jset(g, 1, 0x02, true);
            b1 = test.at(10);
            Ir.and(b2, b1);
            Ir.or(b1, b0);
        } else {
            b1 = jset(g, 1, 0x01, false);
            b0 = test.at(16);
            Ir.and(b1, b0);
            b2 = jset(g, 1, 0x01, true);
            b1 = test.at(4);
            Ir.and(b2, b1);
            Ir.or(b1, b0);
        }
        b1 = jset(g, 0, 0x08, false);
        Ir.and(b1, b0);
        b2 = jset(g, 0, 0x08, true);
        b1 = test.at(src ? 10 : 4);
        Ir.and(b2, b1);
        Ir.or(b1, b0);
        b1 = jset(g, 0, 0x04, true);
        Ir.and(b1, b0);
        return b0;
    }

    private static Block notCtsAck(Gen g) throws FilterSyntaxException {
        Block b0 = g.mcmp(Rel.LINKHDR, 0, B, 0x04, 0x0c);
        Ir.not(b0);
        Block b1 = g.mcmp(Rel.LINKHDR, 0, B, 0xc0, 0xf0);
        Ir.not(b1);
        Block b2 = g.mcmp(Rel.LINKHDR, 0, B, 0xd0, 0xf0);
        Ir.not(b2);
        Ir.and(b1, b2);
        Ir.or(b0, b2);
        return b2;
    }

    /** gen_wlanhostop: a MAC address in the 802.11 header, by role (ra, ta, addr1-4) or by direction. */
    static Block hostop(Gen g, byte[] eaddr, Tok dir) throws FilterSyntaxException {
        if (dir == Tok.RA) {
            Block b1 = jset(g, 0, 0x08, false);
            Block b0 = g.bcmp(Rel.LINKHDR, 4, eaddr);
            Ir.and(b1, b0);
            return b0;
        }
        if (dir == Tok.TA) {
            Block b2 = notCtsAck(g);
            Block b1 = jset(g, 0, 0x08, false);
            Ir.and(b1, b2);
            b1 = g.bcmp(Rel.LINKHDR, 10, eaddr);
            Ir.and(b2, b1);
            return b1;
        }
        if (dir == Tok.ADDR1) {
            return g.bcmp(Rel.LINKHDR, 4, eaddr);
        }
        if (dir == Tok.ADDR2) {
            Block b2 = notCtsAck(g);
            Block b1 = g.bcmp(Rel.LINKHDR, 10, eaddr);
            Ir.and(b2, b1);
            return b1;
        }
        if (dir == Tok.ADDR3) {
            Block b0 = g.mcmp(Rel.LINKHDR, 0, B, 0x04, 0x0c);
            Ir.not(b0);
            Block b1 = g.bcmp(Rel.LINKHDR, 16, eaddr);
            Ir.and(b0, b1);
            return b1;
        }
        if (dir == Tok.ADDR4) {
            Block b0 = g.mcmp(Rel.LINKHDR, 1, B, 0x03, 0x03);
            Block b1 = g.bcmp(Rel.LINKHDR, 24, eaddr);
            Ir.and(b0, b1);
            return b1;
        }
        return Primitives.byDirection(dir, d -> byFrameType(g, off -> g.bcmp(Rel.LINKHDR, off, eaddr), d == Tok.SRC));
    }

    static Block multicast(Gen g) throws FilterSyntaxException {
        return byFrameType(g, off -> g.jset(g.loadA(Rel.LINKHDR, off, B), 1), false);
    }

    // ---- variable offsets ----

    /** The statements that load the radio header length into the link-header register, or null. */
    static Stmt prefix(Gen g) {
        int reg = g.offLinkhdr.reg;
        if (g.outermostLinktype == LinkLayers.PRISM) {
            // libpcap disables optimization for every Prism program, whether or not the prefix is needed.
            g.noOptimize = true;
        }
        if (reg == -1) {
            return null;
        }
        switch (g.outermostLinktype) {
            case LinkLayers.PRISM: {
                g.noOptimize = true;
                Stmt s1 = Gen.stmt(Bpf.LD | Bpf.W | Bpf.ABS, 0);
                Ir.append(s1, Gen.stmt(Bpf.ALU | Bpf.AND | Bpf.K, 0xfffff000));
                Stmt isAvs = Gen.stmt(Bpf.JMP | Bpf.JEQ | Bpf.K, 0x80211000);
                Ir.append(s1, isAvs);
                Stmt avsLen = Gen.stmt(Bpf.LD | Bpf.W | Bpf.ABS, 4);
                Ir.append(s1, avsLen);
                isAvs.jt = avsLen;
                Stmt common = Gen.stmt(Bpf.JMP | Bpf.JA, 1);
                Ir.append(s1, common);
                Stmt prismLen = Gen.stmt(Bpf.LD | Bpf.W | Bpf.IMM, 144);
                Ir.append(s1, prismLen);
                isAvs.jf = prismLen;
                Stmt st = Gen.stmt(Bpf.ST, reg);
                Ir.append(s1, st);
                common.jf = st;
                Ir.append(s1, Gen.stmt(Bpf.MISC | Bpf.TAX, 0));
                return s1;
            }
            case LinkLayers.IEEE802_11_RADIO_AVS: {
                Stmt s1 = Gen.stmt(Bpf.LD | Bpf.W | Bpf.ABS, 4);
                Ir.append(s1, Gen.stmt(Bpf.ST, reg));
                Ir.append(s1, Gen.stmt(Bpf.MISC | Bpf.TAX, 0));
                return s1;
            }
            case LinkLayers.IEEE802_11_RADIO, LinkLayers.PPI: {
                Stmt s1 = Gen.stmt(Bpf.LD | Bpf.B | Bpf.ABS, 3);
                Ir.append(s1, Gen.stmt(Bpf.ALU | Bpf.LSH | Bpf.K, 8));
                Ir.append(s1, Gen.stmt(Bpf.MISC | Bpf.TAX, 0));
                Ir.append(s1, Gen.stmt(Bpf.LD | Bpf.B | Bpf.ABS, 2));
                Ir.append(s1, Gen.stmt(Bpf.ALU | Bpf.OR | Bpf.X, 0));
                Ir.append(s1, Gen.stmt(Bpf.ST, reg));
                Ir.append(s1, Gen.stmt(Bpf.MISC | Bpf.TAX, 0));
                return s1;
            }
            default:
                return null;
        }
    }

    /** Appends the computation of the 802.11 payload offset (header length, QoS, radiotap padding). */
    static Stmt headerLength(Gen g, Stmt s, Stmt snext) {
        int reg = g.offLinkpl.reg;
        if (reg == -1) {
            return s;
        }
        g.noOptimize = true;
        if (s == null) {
            s = Gen.stmt(Bpf.LDX | Bpf.IMM, g.offOutermostLinkhdr.constant);
        }
        Ir.append(s, Gen.stmt(Bpf.MISC | Bpf.TXA, 0));
        Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.K, 24));
        Ir.append(s, Gen.stmt(Bpf.ST, reg));
        Ir.append(s, Gen.stmt(Bpf.LD | Bpf.IND | Bpf.B, 0));
        Stmt data1 = Gen.stmt(Bpf.JMP | Bpf.JSET | Bpf.K, 0x08);
        Ir.append(s, data1);
        Stmt data2 = Gen.stmt(Bpf.JMP | Bpf.JSET | Bpf.K, 0x04);
        data1.jt = data2;
        Ir.append(s, data2);
        data1.jf = snext;
        Stmt qos = Gen.stmt(Bpf.JMP | Bpf.JSET | Bpf.K, 0x80);
        data2.jt = snext;
        data2.jf = qos;
        Ir.append(s, qos);
        Stmt s2 = Gen.stmt(Bpf.LD | Bpf.MEM, reg);
        qos.jt = s2;
        Ir.append(s, s2);
        Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.K, 2));
        Ir.append(s, Gen.stmt(Bpf.ST, reg));
        if (g.linktype == LinkLayers.IEEE802_11_RADIO) {
            s2 = Gen.stmt(Bpf.LD | Bpf.ABS | Bpf.W, 4);
            qos.jf = s2;
            Ir.append(s, s2);
            Stmt flags = Gen.stmt(Bpf.JMP | Bpf.JSET | Bpf.K, Integer.reverseBytes(0x00000002));
            Ir.append(s, flags);
            flags.jf = snext;
            Stmt ext = Gen.stmt(Bpf.JMP | Bpf.JSET | Bpf.K, Integer.reverseBytes(0x80000000));
            flags.jt = ext;
            Ir.append(s, ext);
            ext.jt = snext;
            Stmt tsft = Gen.stmt(Bpf.JMP | Bpf.JSET | Bpf.K, Integer.reverseBytes(0x00000001));
            ext.jf = tsft;
            Ir.append(s, tsft);
            s2 = Gen.stmt(Bpf.LD | Bpf.ABS | Bpf.B, 16);
            tsft.jt = s2;
            Ir.append(s, s2);
            Stmt tsftPad = Gen.stmt(Bpf.JMP | Bpf.JSET | Bpf.K, 0x20);
            Ir.append(s, tsftPad);
            s2 = Gen.stmt(Bpf.LD | Bpf.ABS | Bpf.B, 8);
            tsft.jf = s2;
            Ir.append(s, s2);
            Stmt noTsftPad = Gen.stmt(Bpf.JMP | Bpf.JSET | Bpf.K, 0x20);
            Ir.append(s, noTsftPad);
            Stmt roundup = Gen.stmt(Bpf.LD | Bpf.MEM, reg);
            Ir.append(s, roundup);
            Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.K, 3));
            Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.AND | Bpf.K, ~3));
            Ir.append(s, Gen.stmt(Bpf.ST, reg));
            tsftPad.jt = roundup;
            tsftPad.jf = snext;
            noTsftPad.jt = roundup;
            noTsftPad.jf = snext;
        } else {
            qos.jf = snext;
        }
        return s;
    }
}
