package dev.trawl.filter;

import dev.trawl.pcap.BpfProgram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The intermediate form shared by the code generator, the optimizer and the linearizer: a flow graph of basic
 * blocks, each a list of statements ending in a conditional jump or a return, as in libpcap's gencode. While
 * code is generated, unresolved jumps are threaded through the blocks themselves ({@link Block#sense} says
 * which branch is the link), so {@code and}, {@code or} and {@code not} are constant-time list operations.
 */
final class Ir {
    /** The code of a statement the optimizer removed; the linearizer skips it. */
    static final int NOP = -1;
    // The optimizer's atoms: the scratch words, then A and X; AX_ATOM stands for both.
    static final int A_ATOM = BpfProgram.MEMORY_WORDS;
    static final int X_ATOM = BpfProgram.MEMORY_WORDS + 1;
    static final int N_ATOMS = BpfProgram.MEMORY_WORDS + 2;
    static final int AX_ATOM = N_ATOMS;

    private Ir() {
    }

    /** A statement in a block's list; local jumps (rare) point at other statements of the same list. */
    static final class Stmt {
        int code;
        int k;
        Stmt next;
        Stmt jt;
        Stmt jf;

        Stmt(int code, int k) {
            this.code = code;
            this.k = k;
        }
    }

    /** An edge of the flow graph (libpcap's struct edge), used by the optimizer's edge dominators. */
    static final class Edge {
        int id;
        /** The closing test's opcode, negated on a false edge. */
        int code;
        /** The edges that dominate this one, a set of edge ids. */
        int[] edom;
        Block succ;
        Block pred;
        /** The next edge into the same block. */
        Edge next;
    }

    /** A basic block (libpcap's struct block): statements, then a conditional jump or a return. */
    static final class Block {
        int id;
        Stmt stmts;
        /** The closing jump or return. */
        int code;
        int k;
        final Edge et = new Edge();
        final Edge ef = new Edge();
        /** While generating code: the first block of the expression this one closes; see {@link #sense}. */
        Block head;
        boolean sense;
        int mark;
        /** The optimizer's height above the returns, which are at level 0. */
        int level;
        /** Where the linearizer placed the block, and whether its branches need an added long jump. */
        int offset;
        int longjt;
        int longjf;
        /** The next block of the same level, or of identical blocks when interning. */
        Block link;
        /** The blocks that dominate this one, a set of block ids. */
        int[] dom;
        /** Atom sets (bit per atom): written here, written before being read here, read on entry, read after. */
        int def;
        int kill;
        int inUse;
        int outUse;
        /** The value number of the closing test's operand. */
        int oval;
        /** The value number in each atom on leaving the block. */
        final int[] val = new int[N_ATOMS];
        Edge inEdges;

        Block(int code, int k) {
            this.code = code;
            this.k = k;
            this.head = this;
        }

        Block jt() {
            return et.succ;
        }

        Block jf() {
            return ef.succ;
        }

        void jt(Block b) {
            et.succ = b;
        }

        void jf(Block b) {
            ef.succ = b;
        }
    }

    /**
     * A flow graph: its root and the mark that walks use to visit each block once (libpcap's struct icode,
     * with its isMarked, Mark and unMarkAll). Shared by the optimizer and the linearizer.
     */
    static final class Graph {
        Block root;
        int curMark = 1;

        void unmarkAll() {
            curMark++;
        }

        boolean isMarked(Block b) {
            return b.mark == curMark;
        }

        void mark(Block b) {
            b.mark = curMark;
        }

        /**
         * Marks the blocks reachable from the root and returns them in depth-first pre-order, the true branch's
         * subtree before the false one's (number_blks_r's order; make_marks visits the same blocks).
         */
        List<Block> preOrder() {
            List<Block> out = new ArrayList<>();
            unmarkAll();
            ArrayDeque<Block> stack = new ArrayDeque<>();
            stack.push(root);
            while (!stack.isEmpty()) {
                Block p = stack.pop();
                if (isMarked(p)) {
                    continue;
                }
                mark(p);
                out.add(p);
                if (p.jt() != null) {
                    stack.push(p.jf());
                    stack.push(p.jt());
                }
            }
            return out;
        }

        /**
         * The blocks reachable from the root, each once, in post-order: a block comes after the blocks its
         * branches lead to, the subtree of one branch before the other's (the true branch first, as
         * find_levels_r walks, or the false one first, as convert_code_r does). Without recursion, since a
         * graph's depth is bounded by its size alone.
         */
        List<Block> postOrder(boolean falseFirst) {
            List<Block> out = new ArrayList<>();
            unmarkAll();
            ArrayDeque<Block> stack = new ArrayDeque<>();
            // How many of the top block's branches have been followed.
            ArrayDeque<Integer> followed = new ArrayDeque<>();
            mark(root);
            stack.push(root);
            followed.push(0);
            while (!stack.isEmpty()) {
                Block b = stack.peek();
                int done = followed.pop();
                if (b.jt() != null && done < 2) {
                    followed.push(done + 1);
                    Block child = (done == 0) != falseFirst ? b.jt() : b.jf();
                    if (!isMarked(child)) {
                        mark(child);
                        stack.push(child);
                        followed.push(0);
                    }
                    continue;
                }
                stack.pop();
                out.add(b);
            }
            return out;
        }
    }

    static void append(Stmt s0, Stmt s1) {
        while (s0.next != null) {
            s0 = s0.next;
        }
        s0.next = s1;
    }

    /** Resolves every unresolved jump on the list to the target. */
    static void backpatch(Block list, Block target) {
        while (list != null) {
            Block next;
            if (!list.sense) {
                next = list.jt();
                list.jt(target);
            } else {
                next = list.jf();
                list.jf(target);
            }
            list = next;
        }
    }

    /** Concatenates the unresolved-jump lists of b0 and b1 (b1 appended to b0's). */
    static void merge(Block b0, Block b1) {
        Block p = b0;
        while (true) {
            Block n = !p.sense ? p.jt() : p.jf();
            if (n == null) {
                if (!p.sense) {
                    p.jt(b1);
                } else {
                    p.jf(b1);
                }
                return;
            }
            p = n;
        }
    }

    /** b1 := b0 and b1 (b0 evaluated first). */
    static void and(Block b0, Block b1) {
        backpatch(b0, b1.head);
        b0.sense = !b0.sense;
        b1.sense = !b1.sense;
        merge(b1, b0);
        b1.sense = !b1.sense;
        b1.head = b0.head;
    }

    /** b1 := b0 or b1 (b0 evaluated first). */
    static void or(Block b0, Block b1) {
        b0.sense = !b0.sense;
        backpatch(b0, b1.head);
        b0.sense = !b0.sense;
        merge(b1, b0);
        b1.head = b0.head;
    }

    static void not(Block b) {
        b.sense = !b.sense;
    }
}
