package dev.trawl.filter;

import dev.trawl.filter.Ir.Block;
import dev.trawl.pcap.Bpf;

/**
 * Code placed before the first block that computes variable header offsets (libpcap's
 * insert_compute_vloffsets), for link types whose payload does not start at a fixed offset.
 */
final class VarOffsets {
    private VarOffsets() {
    }

    static void insert(Gen g, Block root) {
        Ir.Stmt s = Wlan80211.prefix(g);
        if (Wlan80211.isFamily(g.outermostLinktype)) {
            s = Wlan80211.headerLength(g, s, root.stmts);
        }
        if (g.outermostLinktype == LinkLayers.PFLOG && g.offLinkpl.reg != -1) {
            // The pflog header length byte, rounded up to a multiple of 4, is where the payload starts.
            s = Gen.stmt(Bpf.LD | Bpf.B | Bpf.ABS, 0);
            Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.K, 3));
            Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.AND | Bpf.K, 0xfffffffc));
            Ir.append(s, Gen.stmt(Bpf.ST, g.offLinkpl.reg));
            Ir.append(s, Gen.stmt(Bpf.MISC | Bpf.TAX, 0));
        }
        if (s == null && g.vlanOffsetRegisters.length > 0) {
            // 'vlan' in a kernel filter made the offsets variable; they are zero until a tag is found in the frame
            s = Gen.stmt(Bpf.LD | Bpf.IMM, 0);
            for (int reg : g.vlanOffsetRegisters) {
                Ir.append(s, Gen.stmt(Bpf.ST, reg));
            }
        }
        if (s != null) {
            Ir.append(s, root.stmts);
            root.stmts = s;
        }
    }
}
