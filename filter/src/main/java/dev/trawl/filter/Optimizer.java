package dev.trawl.filter;

import dev.trawl.filter.Ir.Block;
import dev.trawl.filter.Ir.Edge;
import dev.trawl.filter.Ir.Stmt;
import dev.trawl.pcap.Bpf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.trawl.filter.Ir.AX_ATOM;
import static dev.trawl.filter.Ir.A_ATOM;
import static dev.trawl.filter.Ir.NOP;
import static dev.trawl.filter.Ir.N_ATOMS;
import static dev.trawl.filter.Ir.X_ATOM;

/**
 * The flow-graph optimizer, following the design of libpcap's optimize.c (dominators, use-def sets, value
 * numbering, peephole rewrites, branch threading along edge dominators, or/and pull-ups, block interning), so
 * that it produces the same programs. Graph walks are iterative; the pass loop is bounded.
 */
final class Optimizer {
    private final Graph graph;
    private final Gen gen;
    boolean done;
    private boolean nonBranchMovement;
    private int nBlocks;
    private Block[] blocks;
    private Edge[] edges;
    private int nodewords;
    private int edgewords;
    private Block[] levels;
    private final BlockPass blockPass;

    /** The root and the mark counter shared with the linearizer. */
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
    }

    Optimizer(Graph graph, Gen gen) {
        this.graph = graph;
        this.gen = gen;
        this.blockPass = new BlockPass(this, gen);
    }

    void optimize() throws FilterSyntaxException {
        init();
        loop(false);
        loop(true);
        internBlocks();
        optRoot();
    }

    // ---- set helpers ----

    private static boolean member(int[] set, int a) {
        return (set[a >>> 5] & (1 << (a & 31))) != 0;
    }

    private static void insert(int[] set, int a) {
        set[a >>> 5] |= 1 << (a & 31);
    }

    private static void intersect(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] &= b[i];
        }
    }

    private static void union(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] |= b[i];
        }
    }

    // ---- setup ----

    private void init() {
        graph.unmarkAll();
        int n = 0;
        ArrayDeque<Block> stack = new ArrayDeque<>();
        java.util.List<Block> order = new java.util.ArrayList<>();
        stack.push(graph.root);
        while (!stack.isEmpty()) {
            Block p = stack.pop();
            if (graph.isMarked(p)) {
                continue;
            }
            graph.mark(p);
            p.id = n++;
            order.add(p);
            if (p.jf() != null) {
                stack.push(p.jf());
            }
            if (p.jt() != null) {
                stack.push(p.jt());
            }
        }
        nBlocks = n;
        blocks = order.toArray(new Block[0]);
        edges = new Edge[2 * n];
        levels = new Block[n];
        edgewords = 2 * n / 32 + 1;
        nodewords = n / 32 + 1;
        for (int i = 0; i < n; i++) {
            Block b = blocks[i];
            b.dom = new int[nodewords];
            b.closure = new int[nodewords];
            b.et.edom = new int[edgewords];
            b.ef.edom = new int[edgewords];
            b.et.id = i;
            edges[i] = b.et;
            b.ef.id = n + i;
            edges[n + i] = b.ef;
            b.et.pred = b;
            b.ef.pred = b;
        }
    }

    private void loop(boolean doStmts) throws FilterSyntaxException {
        int loopCount = 0;
        int passes = 0;
        do {
            nonBranchMovement = false;
            done = true;
            findLevels();
            findDom();
            findClosure();
            findUd();
            findEdom();
            optBlks(doStmts);
            if (done) {
                break;
            }
            if (nonBranchMovement) {
                loopCount = 0;
            } else if (++loopCount >= 100) {
                break;
            }
            if (++passes > 10_000) {
                throw gen.error("optimizer did not converge");
            }
        } while (!done);
    }

    void changed() {
        done = false;
        nonBranchMovement = true;
    }

    /** Post-order walk (JT subtree, then JF subtree, then the block), visiting each block once. */
    private void findLevels() {
        java.util.Arrays.fill(levels, null);
        graph.unmarkAll();
        ArrayDeque<Block> stack = new ArrayDeque<>();
        ArrayDeque<Integer> state = new ArrayDeque<>();
        Block root = graph.root;
        graph.mark(root);
        root.link = null;
        stack.push(root);
        state.push(0);
        while (!stack.isEmpty()) {
            Block b = stack.peek();
            int st = state.pop();
            if (b.jt() != null && st < 2) {
                state.push(st + 1);
                Block child = st == 0 ? b.jt() : b.jf();
                if (!graph.isMarked(child)) {
                    graph.mark(child);
                    child.link = null;
                    stack.push(child);
                    state.push(0);
                }
                continue;
            }
            stack.pop();
            int level = b.jt() != null ? Math.max(b.jt().level, b.jf().level) + 1 : 0;
            b.level = level;
            b.link = levels[level];
            levels[level] = b;
        }
    }

    private void findDom() {
        for (int i = 0; i < nBlocks; i++) {
            java.util.Arrays.fill(blocks[i].dom, ~0);
        }
        Block root = graph.root;
        java.util.Arrays.fill(root.dom, 0);
        for (int i = root.level; i >= 0; --i) {
            for (Block b = levels[i]; b != null; b = b.link) {
                insert(b.dom, b.id);
                if (b.jt() == null) {
                    continue;
                }
                intersect(b.jt().dom, b.dom);
                intersect(b.jf().dom, b.dom);
            }
        }
    }

    private void propedom(Edge ep) {
        insert(ep.edom, ep.id);
        if (ep.succ != null) {
            intersect(ep.succ.et.edom, ep.edom);
            intersect(ep.succ.ef.edom, ep.edom);
        }
    }

    private void findEdom() {
        for (Edge e : edges) {
            java.util.Arrays.fill(e.edom, ~0);
        }
        Block root = graph.root;
        java.util.Arrays.fill(root.et.edom, 0);
        java.util.Arrays.fill(root.ef.edom, 0);
        for (int i = root.level; i >= 0; --i) {
            for (Block b = levels[i]; b != null; b = b.link) {
                propedom(b.et);
                propedom(b.ef);
            }
        }
    }

    private void findClosure() {
        for (int i = 0; i < nBlocks; i++) {
            java.util.Arrays.fill(blocks[i].closure, 0);
        }
        Block root = graph.root;
        for (int i = root.level; i >= 0; --i) {
            for (Block b = levels[i]; b != null; b = b.link) {
                insert(b.closure, b.id);
                if (b.jt() == null) {
                    continue;
                }
                union(b.jt().closure, b.closure);
                union(b.jf().closure, b.closure);
            }
        }
    }

    static int atomUse(int c, int k) {
        if (c == NOP) {
            return -1;
        }
        switch (Bpf.instructionClass(c)) {
            case Bpf.RET:
                return Bpf.returnValue(c) == Bpf.A ? A_ATOM : Bpf.returnValue(c) == Bpf.X ? X_ATOM : -1;
            case Bpf.LD:
            case Bpf.LDX:
                return Bpf.mode(c) == Bpf.IND ? X_ATOM : Bpf.mode(c) == Bpf.MEM ? k : -1;
            case Bpf.ST:
                return A_ATOM;
            case Bpf.STX:
                return X_ATOM;
            case Bpf.JMP:
            case Bpf.ALU:
                return Bpf.source(c) == Bpf.X ? AX_ATOM : A_ATOM;
            default:
                return Bpf.miscOperation(c) == Bpf.TXA ? X_ATOM : A_ATOM;
        }
    }

    static int atomDef(int c, int k) {
        if (c == NOP) {
            return -1;
        }
        switch (Bpf.instructionClass(c)) {
            case Bpf.LD:
            case Bpf.ALU:
                return A_ATOM;
            case Bpf.LDX:
                return X_ATOM;
            case Bpf.ST:
            case Bpf.STX:
                return k;
            case Bpf.MISC:
                return Bpf.miscOperation(c) == Bpf.TAX ? X_ATOM : A_ATOM;
            default:
                return -1;
        }
    }

    private static int use(int use, int def, int atom) {
        if (atom == AX_ATOM) {
            if ((def & (1 << X_ATOM)) == 0) {
                use |= 1 << X_ATOM;
            }
            if ((def & (1 << A_ATOM)) == 0) {
                use |= 1 << A_ATOM;
            }
        } else if (atom >= 0 && atom < N_ATOMS) {
            if ((def & (1 << atom)) == 0) {
                use |= 1 << atom;
            }
        }
        return use;
    }

    private static void computeLocalUd(Block b) {
        int def = 0;
        int use = 0;
        int killed = 0;
        for (Stmt s = b.stmts; s != null; s = s.next) {
            if (s.code == NOP) {
                continue;
            }
            use = use(use, def, atomUse(s.code, s.k));
            int atom = atomDef(s.code, s.k);
            if (atom >= 0) {
                if ((use & (1 << atom)) == 0) {
                    killed |= 1 << atom;
                }
                def |= 1 << atom;
            }
        }
        if (Bpf.instructionClass(b.code) == Bpf.JMP) {
            use = use(use, def, atomUse(b.code, b.k));
        }
        b.def = def;
        b.kill = killed;
        b.inUse = use;
    }

    private void findUd() {
        int maxlevel = graph.root.level;
        for (int i = maxlevel; i >= 0; --i) {
            for (Block p = levels[i]; p != null; p = p.link) {
                computeLocalUd(p);
                p.outUse = 0;
            }
        }
        for (int i = 1; i <= maxlevel; ++i) {
            for (Block p = levels[i]; p != null; p = p.link) {
                p.outUse |= p.jt().inUse | p.jf().inUse;
                p.inUse |= p.outUse & ~p.kill;
            }
        }
    }

    private static boolean useConflict(Block b, Block succ) {
        int use = succ.outUse;
        if (use == 0) {
            return false;
        }
        for (int atom = 0; atom < N_ATOMS; ++atom) {
            if ((use & (1 << atom)) != 0 && b.val[atom] != succ.val[atom]) {
                return true;
            }
        }
        return false;
    }

    private static Block foldEdge(Block child, Edge ep) {
        int code = ep.code;
        boolean sense;
        if (code < 0) {
            code = -code;
            sense = false;
        } else {
            sense = true;
        }
        if (child.code != code) {
            return null;
        }
        int aval0 = child.val[A_ATOM];
        int oval0 = child.oval;
        int aval1 = ep.pred.val[A_ATOM];
        int oval1 = ep.pred.oval;
        if (aval0 != aval1) {
            return null;
        }
        if (oval0 == oval1) {
            return sense ? child.jt() : child.jf();
        }
        if (sense && code == (Bpf.JMP | Bpf.JEQ | Bpf.K)) {
            return child.jf();
        }
        return null;
    }

    private void optJ(Edge ep) {
        if (ep.succ.jt() == null) {
            return;
        }
        if (ep.succ.jt() == ep.succ.jf()) {
            if (!useConflict(ep.pred, ep.succ.et.succ)) {
                done = false;
                ep.succ = ep.succ.jt();
            }
        }
        top:
        while (true) {
            for (int i = 0; i < edgewords; ++i) {
                int x = ep.edom[i];
                while (x != 0) {
                    int k = Integer.numberOfTrailingZeros(x);
                    x &= ~(1 << k);
                    k += i * 32;
                    Block target = foldEdge(ep.succ, edges[k]);
                    if (target != null && !useConflict(ep.pred, target)) {
                        done = false;
                        ep.succ = target;
                        if (target.jt() != null) {
                            continue top;
                        }
                        return;
                    }
                }
            }
            return;
        }
    }

    /** A reference to one branch of a block, standing in for libpcap's pointer-to-pointer. */
    private record Slot(Block owner, boolean t) {
        Block get() {
            return t ? owner.jt() : owner.jf();
        }

        void set(Block b) {
            if (t) {
                owner.jt(b);
            } else {
                owner.jf(b);
            }
        }
    }

    private void pullup(Block b, boolean or) {
        Edge ep = b.inEdges;
        if (ep == null) {
            return;
        }
        int val = ep.pred.val[A_ATOM];
        for (ep = ep.next; ep != null; ep = ep.next) {
            if (val != ep.pred.val[A_ATOM]) {
                return;
            }
        }
        Block pred0 = b.inEdges.pred;
        Slot diffp = new Slot(pred0, pred0.jt() == b);
        boolean atTop = true;
        while (true) {
            Block d = diffp.get();
            if (d == null) {
                return;
            }
            if (or ? d.jt() != b.jt() : d.jf() != b.jf()) {
                return;
            }
            if (!member(d.dom, b.id)) {
                return;
            }
            if (d.val[A_ATOM] != val) {
                break;
            }
            diffp = new Slot(d, !or);
            atTop = false;
        }
        Slot samep = new Slot(diffp.get(), !or);
        while (true) {
            Block s = samep.get();
            if (s == null) {
                return;
            }
            if (or ? s.jt() != b.jt() : s.jf() != b.jf()) {
                return;
            }
            if (!member(s.dom, b.id)) {
                return;
            }
            if (s.val[A_ATOM] == val) {
                break;
            }
            samep = new Slot(s, !or);
        }
        Block pull = samep.get();
        samep.set(or ? pull.jf() : pull.jt());
        if (or) {
            pull.jf(diffp.get());
        } else {
            pull.jt(diffp.get());
        }
        if (atTop) {
            for (ep = b.inEdges; ep != null; ep = ep.next) {
                if (ep.pred.jt() == b) {
                    ep.pred.jt(pull);
                } else {
                    ep.pred.jf(pull);
                }
            }
        } else {
            diffp.set(pull);
        }
        done = false;
    }

    private void findInedges() {
        for (int i = 0; i < nBlocks; ++i) {
            blocks[i].inEdges = null;
        }
        for (int i = graph.root.level; i > 0; --i) {
            for (Block b = levels[i]; b != null; b = b.link) {
                b.et.next = b.jt().inEdges;
                b.jt().inEdges = b.et;
                b.ef.next = b.jf().inEdges;
                b.jf().inEdges = b.ef;
            }
        }
    }

    private void optBlks(boolean doStmts) throws FilterSyntaxException {
        blockPass.initVal();
        int maxlevel = graph.root.level;
        findInedges();
        for (int i = maxlevel; i >= 0; --i) {
            for (Block p = levels[i]; p != null; p = p.link) {
                blockPass.optBlk(p, doStmts);
            }
        }
        if (doStmts) {
            return;
        }
        for (int i = 1; i <= maxlevel; ++i) {
            for (Block p = levels[i]; p != null; p = p.link) {
                optJ(p.et);
                optJ(p.ef);
            }
        }
        findInedges();
        for (int i = 1; i <= maxlevel; ++i) {
            for (Block p = levels[i]; p != null; p = p.link) {
                pullup(p, true);
                pullup(p, false);
            }
        }
    }

    private void markCode() {
        graph.unmarkAll();
        ArrayDeque<Block> stack = new ArrayDeque<>();
        stack.push(graph.root);
        while (!stack.isEmpty()) {
            Block p = stack.pop();
            if (graph.isMarked(p)) {
                continue;
            }
            graph.mark(p);
            if (Bpf.instructionClass(p.code) != Bpf.RET) {
                stack.push(p.jf());
                stack.push(p.jt());
            }
        }
    }

    private record BlockKey(int code, int k, Block t, Block f, List<Long> stmts) {
    }

    private static BlockKey key(Block b) {
        List<Long> stmts = new ArrayList<>();
        for (Stmt x = b.stmts; x != null; x = x.next) {
            if (x.code != NOP) {
                stmts.add(((long) x.code << 32) | (x.k & 0xffffffffL));
            }
        }
        return new BlockKey(b.code, b.k, b.et.succ, b.ef.succ, stmts);
    }

    /**
     * Merges identical blocks. For each live block, libpcap finds the first later live block equal to it; a
     * map from block contents to the smallest such index, filled from the end, finds the same one in linear
     * time instead of quadratic.
     */
    private void internBlocks() {
        boolean done1;
        do {
            done1 = true;
            for (int i = 0; i < nBlocks; ++i) {
                blocks[i].link = null;
            }
            markCode();
            Map<BlockKey, Block> firstAfter = new HashMap<>();
            if (nBlocks > 0 && graph.isMarked(blocks[nBlocks - 1])) {
                firstAfter.put(key(blocks[nBlocks - 1]), blocks[nBlocks - 1]);
            }
            for (int i = nBlocks - 1; --i >= 0;) {
                Block bi = blocks[i];
                if (!graph.isMarked(bi)) {
                    continue;
                }
                BlockKey k = key(bi);
                Block bj = firstAfter.get(k);
                if (bj != null) {
                    bi.link = bj.link != null ? bj.link : bj;
                }
                firstAfter.put(k, bi);
            }
            for (int i = 0; i < nBlocks; ++i) {
                Block p = blocks[i];
                if (p.jt() == null) {
                    continue;
                }
                if (p.jt().link != null) {
                    done1 = false;
                    p.jt(p.jt().link);
                }
                if (p.jf().link != null) {
                    done1 = false;
                    p.jf(p.jf().link);
                }
            }
        } while (!done1);
    }

    private void optRoot() {
        Block b = graph.root;
        Stmt s = b.stmts;
        b.stmts = null;
        while (Bpf.instructionClass(b.code) == Bpf.JMP && b.jt() == b.jf()) {
            b = b.jt();
        }
        Stmt tmp = b.stmts;
        if (tmp != null) {
            if (s == null) {
                s = tmp;
            } else {
                Ir.append(s, tmp);
            }
        }
        b.stmts = s;
        if (Bpf.instructionClass(b.code) == Bpf.RET) {
            b.stmts = null;
        }
        graph.root = b;
    }
}
