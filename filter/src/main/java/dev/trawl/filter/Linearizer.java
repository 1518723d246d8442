package dev.trawl.filter;

import dev.trawl.filter.Ir.Block;
import dev.trawl.filter.Ir.Graph;
import dev.trawl.filter.Ir.Stmt;
import dev.trawl.pcap.Bpf;
import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays the flow graph out as a BPF instruction array: libpcap's icode_to_fcode, with count_stmts, slength
 * and convert_code_r. Blocks are placed from the end of the array backwards, in post-order with the false
 * branch first, so that every branch jumps forwards. A branch longer than 255 instructions (the most an
 * 8-bit offset reaches) goes through an unconditional jump added after its block, and the layout starts
 * over until every branch fits.
 */
final class Linearizer {
    /** Layouts tried before giving up; each retry makes room for one more long jump. */
    private static final int MAX_ATTEMPTS = 10_000;

    private Linearizer() {
    }

    /** slength: the statements in a list other than no-ops. */
    private static int slength(Stmt s) {
        int n = 0;
        for (; s != null; s = s.next) {
            if (s.code != Ir.NOP) {
                n++;
            }
        }
        return n;
    }

    /** icode_to_fcode: sizes the array as count_stmts does, lays it out, and again while a branch did not fit. */
    static List<BpfInstruction> linearize(Graph graph, Gen gen) throws FilterSyntaxException {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<Block> order = graph.postOrder(true);
            int n = 0;
            for (Block p : order) {
                n += slength(p.stmts) + 1 + p.longjt + p.longjf;
            }
            Layout layout = new Layout(n);
            boolean placed = true;
            for (Block p : order) {
                if (!layout.place(p, gen)) {
                    placed = false;
                    break;
                }
            }
            if (!placed) {
                continue;
            }
            if (n > BpfProgram.MAX_INSTRUCTIONS) {
                throw gen.error("expression too complex: the program would have " + n + " instructions (at most "
                        + BpfProgram.MAX_INSTRUCTIONS + ")");
            }
            return layout.instructions();
        }
        throw gen.error("could not lay out the program's branches");
    }

    /** One attempt at the instruction array, filled from its end. */
    private static final class Layout {
        final int[] code;
        final int[] jt;
        final int[] jf;
        final int[] k;
        /** Where the block placed last starts. */
        int tail;

        Layout(int n) {
            code = new int[n];
            jt = new int[n];
            jf = new int[n];
            k = new int[n];
            tail = n;
        }

        /**
         * convert_code_r for one block, whose successors are placed already: its statements, with the offsets
         * of jumps inside the list (802.11 and Prism header parsing make some), its closing test or return,
         * and the long jumps its branches need. False when a branch needs a long jump the block has no room
         * for yet; the room is then reserved for the next attempt.
         */
        boolean place(Block p, Gen gen) throws FilterSyntaxException {
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
            if (p.jt() == null) {
                return true;
            }
            int extra = branch(p, true, slen, dst, 0);
            return extra >= 0 && branch(p, false, slen, dst, extra) >= 0;
        }

        /**
         * Sets the offset of one branch of the test at {@code dst}: the distance to its target when that
         * fits, else the distance to a {@code ja} to the target, placed after the test and the {@code extra}
         * jumps placed there already. Returns the number of jumps placed there now, or -1 when this one had
         * no room, after asking for room in the next attempt.
         */
        private int branch(Block p, boolean t, int slen, int dst, int extra) {
            Block target = t ? p.jt() : p.jf();
            int[] offsets = t ? jt : jf;
            int distance = target.offset - (p.offset + slen) - 1;
            if (distance < 256) {
                offsets[dst] = distance;
                return extra;
            }
            if ((t ? p.longjt : p.longjf) == 0) {
                if (t) {
                    p.longjt++;
                } else {
                    p.longjf++;
                }
                return -1;
            }
            offsets[dst] = extra;
            extra++;
            code[dst + extra] = Bpf.JMP | Bpf.JA;
            k[dst + extra] = distance - extra;
            return extra;
        }

        List<BpfInstruction> instructions() {
            List<BpfInstruction> out = new ArrayList<>(code.length);
            for (int i = 0; i < code.length; i++) {
                out.add(new BpfInstruction(code[i] & 0xffff, jt[i], jf[i], k[i]));
            }
            return out;
        }
    }
}
