package dev.trawl.filter;

import dev.trawl.filter.Ir.Block;
import dev.trawl.filter.Ir.Stmt;
import dev.trawl.pcap.Bpf;
import dev.trawl.pcap.BpfInstruction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays the flow graph out as a BPF instruction array (libpcap's icode_to_fcode): blocks are emitted in
 * reverse post-order from the end of the array, and branches longer than 255 instructions get an extra
 * unconditional jump, retrying the layout until every branch fits.
 */
final class Linearizer {
    private Linearizer() {
    }

    private static int slength(Stmt s) {
        int n = 0;
        for (; s != null; s = s.next) {
            if (s.code != Ir.NOP) {
                n++;
            }
        }
        return n;
    }

    /** Blocks reachable from root in post-order, false branch first (convert_code_r's order). */
    private static List<Block> postOrder(Optimizer.Graph graph) {
        List<Block> out = new ArrayList<>();
        graph.unmarkAll();
        ArrayDeque<Block> stack = new ArrayDeque<>();
        ArrayDeque<Integer> state = new ArrayDeque<>();
        graph.mark(graph.root);
        stack.push(graph.root);
        state.push(0);
        while (!stack.isEmpty()) {
            Block b = stack.peek();
            int st = state.pop();
            if (b.jt() != null && st < 2) {
                state.push(st + 1);
                Block child = st == 0 ? b.jf() : b.jt();
                if (!graph.isMarked(child)) {
                    graph.mark(child);
                    stack.push(child);
                    state.push(0);
                }
                continue;
            }
            stack.pop();
            out.add(b);
        }
        return out;
    }

    static List<BpfInstruction> linearize(Optimizer.Graph graph, Gen gen) throws FilterSyntaxException {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            List<Block> order = postOrder(graph);
            int n = 0;
            for (Block p : order) {
                n += slength(p.stmts) + 1 + p.longjt + p.longjf;
            }
            int[] code = new int[n];
            int[] jt = new int[n];
            int[] jf = new int[n];
            int[] k = new int[n];
            int tail = n;
            boolean ok = true;
            for (Block p : order) {
                int slen = slength(p.stmts);
                tail -= slen + 1 + p.longjt + p.longjf;
                int dst = tail;
                p.offset = dst;
                Stmt[] offset = new Stmt[slen];
                Stmt walk = p.stmts;
                for (int o = 0; o < slen && walk != null; o++) {
                    offset[o] = walk;
                    walk = walk.next;
                }
                int off = 0;
                for (Stmt src = p.stmts; src != null; src = src.next) {
                    if (src.code == Ir.NOP) {
                        continue;
                    }
                    code[dst] = src.code;
                    k[dst] = src.k;
                    if (Bpf.instructionClass(src.code) == Bpf.JMP && src.code != (Bpf.JMP | Bpf.JA) && off != slen - 2) {
                        // A jump inside the statement list (802.11 and Prism header parsing).
                        int foundT = -1;
                        int foundF = -1;
                        for (int i = 0; i < slen; i++) {
                            if (offset[i] == src.jt) {
                                foundT = i;
                            }
                            if (offset[i] == src.jf) {
                                foundF = i;
                            }
                        }
                        if (foundT < 0 || foundF < 0) {
                            throw gen.error("internal error: no destination for a block-local jump");
                        }
                        jt[dst] = foundT - off - 1;
                        jf[dst] = foundF - off - 1;
                    }
                    dst++;
                    off++;
                }
                code[dst] = p.code;
                k[dst] = p.k;
                if (p.jt() != null) {
                    int extra = 0;
                    int boff = p.jt().offset - (p.offset + slen) - 1;
                    if (boff >= 256) {
                        if (p.longjt == 0) {
                            p.longjt++;
                            ok = false;
                            break;
                        }
                        jt[dst] = extra;
                        extra++;
                        code[dst + extra] = Bpf.JMP | Bpf.JA;
                        k[dst + extra] = boff - extra;
                    } else {
                        jt[dst] = boff;
                    }
                    boff = p.jf().offset - (p.offset + slen) - 1;
                    if (boff >= 256) {
                        if (p.longjf == 0) {
                            p.longjf++;
                            ok = false;
                            break;
                        }
                        jf[dst] = extra;
                        extra++;
                        code[dst + extra] = Bpf.JMP | Bpf.JA;
                        k[dst + extra] = boff - extra;
                    } else {
                        jf[dst] = boff;
                    }
                }
            }
            if (!ok) {
                continue;
            }
            if (n > dev.trawl.pcap.BpfProgram.MAX_INSTRUCTIONS) {
                throw gen.error("expression too complex: the program would have " + n + " instructions (at most "
                        + dev.trawl.pcap.BpfProgram.MAX_INSTRUCTIONS + ")");
            }
            List<BpfInstruction> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new BpfInstruction(code[i] & 0xffff, jt[i], jf[i], k[i]));
            }
            return out;
        }
        throw gen.error("could not lay out the program's branches");
    }
}
