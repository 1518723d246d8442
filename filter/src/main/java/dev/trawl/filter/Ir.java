package dev.trawl.filter;

import dev.trawl.pcap.BpfProgram;

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

    /** An edge of the flow graph, used by the optimizer's edge dominators. */
    static final class Edge {
        int id;
        int code;
        int[] edom;
        Block succ;
        Block pred;
        Edge next;
    }

    /** A basic block. */
    static final class Block {
        int id;
        Stmt stmts;
        int code;
        int k;
        final Edge et = new Edge();
        final Edge ef = new Edge();
        Block head;
        boolean sense;
        int mark;
        int level;
        int offset;
        int longjt;
        int longjf;
        Block link;
        int[] dom;
        int[] closure;
        int def;
        int kill;
        int inUse;
        int outUse;
        int oval;
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
