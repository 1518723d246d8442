package dev.trawl.filter;

import dev.trawl.filter.Ir.Block;
import dev.trawl.filter.Ir.Edge;
import dev.trawl.filter.Ir.Graph;
import dev.trawl.filter.Ir.Stmt;
import dev.trawl.pcap.Bpf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.trawl.filter.Ir.AX_ATOM;
import static dev.trawl.filter.Ir.A_ATOM;
import static dev.trawl.filter.Ir.NOP;
import static dev.trawl.filter.Ir.N_ATOMS;
import static dev.trawl.filter.Ir.X_ATOM;

/**
 * The flow-graph optimizer: libpcap's optimize.c, pass for pass, so that it produces the programs libpcap
 * produces. Each method names the function it follows, so that the two can be read side by side; the
 * per-block work (value numbering, opt_stmt, opt_peep, opt_deadstores, opt_blk) is in {@link BlockPass},
 * and the layout into instructions (icode_to_fcode) in {@link Linearizer}.
 *
 * <p>Where it departs from optimize.c, the result is the same: graph walks use an explicit stack instead of
 * recursion; the pass loop has a hard bound besides libpcap's cycle heuristic; identical blocks are found
 * with a hash map in linear time; find_closure is left out, since nothing in libpcap reads the sets it
 * computes; errors are exceptions, not a longjmp.
 */
final class Optimizer {
    /** Passes of one loop beyond which the optimizer gives up (libpcap has no such bound). */
    private static final int MAX_PASSES = 10_000;
    /** Passes that only move branches, in a row, after which libpcap assumes a cycle and stops. */
    private static final int BRANCH_ONLY_PASSES = 100;

    private final Graph graph;
    private final Gen gen;
    private final BlockPass blockPass;
    /** Set at the start of each pass and cleared by every change: a pass that leaves it set ends the loop. */
    boolean done;
    /** Whether the pass changed more than branch targets (opt_state->non_branch_movement_performed). */
    private boolean nonBranchMovement;
    private int nBlocks;
    /** The blocks by id, and the edges by id: a block's true edge has its id, its false edge n + its id. */
    private Block[] blocks;
    private Edge[] edges;
    /** The ints in a set of blocks, and in a set of edges. */
    private int nodewords;
    private int edgewords;
    /** The blocks of each level, linked through {@link Block#link}; level 0 holds the returns. */
    private Block[] levels;

    Optimizer(Graph graph, Gen gen) {
        this.graph = graph;
        this.gen = gen;
        this.blockPass = new BlockPass(this, gen);
    }

    /**
     * bpf_optimize: number the blocks, run the pass loop without and then with statement rewriting, merge
     * identical blocks, and skip a root that branches to one place.
     */
    void optimize() throws FilterSyntaxException {
        init();
        loop(false);
        loop(true);
        internBlocks();
        optRoot();
    }

    // ---- block and edge sets, bit sets of ids: libpcap's SET_MEMBER, SET_INSERT and SET_INTERSECT ----

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

    // ---- setup ----

    /**
     * opt_init, with count_blocks and number_blks_r: numbers the reachable blocks depth first, true branch
     * first, and gives each block its dominator set and each edge its id and edge-dominator set.
     */
    private void init() {
        List<Block> order = graph.preOrder();
        int n = order.size();
        nBlocks = n;
        blocks = order.toArray(new Block[0]);
        edges = new Edge[2 * n];
        levels = new Block[n];
        edgewords = 2 * n / 32 + 1;
        nodewords = n / 32 + 1;
        for (int i = 0; i < n; i++) {
            Block b = blocks[i];
            b.id = i;
            b.dom = new int[nodewords];
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

    /**
     * opt_loop: recomputes levels, dominators, use-def sets and edge dominators, then runs {@link #optBlks},
     * until a pass changes nothing, or (libpcap's cycle heuristic) {@value #BRANCH_ONLY_PASSES} passes in a
     * row have only moved branches.
     */
    private void loop(boolean doStmts) throws FilterSyntaxException {
        int branchOnly = 0;
        for (int passes = 1; ; passes++) {
            nonBranchMovement = false;
            done = true;
            findLevels();
            findDom();
            findUd();
            findEdom();
            optBlks(doStmts);
            if (done) {
                return;
            }
            if (nonBranchMovement) {
                branchOnly = 0;
            } else if (++branchOnly >= BRANCH_ONLY_PASSES) {
                return;
            }
            if (passes > MAX_PASSES) {
                throw gen.error("optimizer did not converge");
            }
        }
    }

    /** A change other than moving a branch: what optimize.c marks "optimizer loop detection". */
    void changed() {
        done = false;
        nonBranchMovement = true;
    }

    /**
     * find_levels and find_levels_r: a block's level is one more than its higher successor's (returns are at
     * 0), and each level's blocks are listed through {@link Block#link}, last visited first.
     */
    private void findLevels() {
        Arrays.fill(levels, null);
        for (Block b : graph.postOrder(false)) {
            int level = b.jt() != null ? Math.max(b.jt().level, b.jf().level) + 1 : 0;
            b.level = level;
            b.link = levels[level];
            levels[level] = b;
        }
    }

    /**
     * find_dom: the blocks that dominate each block (lie on every path from the root to it), computed from
     * the root's level down, each block's set being the intersection of its predecessors' plus itself.
     */
    private void findDom() {
        for (int i = 0; i < nBlocks; i++) {
            Arrays.fill(blocks[i].dom, ~0);
        }
        Block root = graph.root;
        Arrays.fill(root.dom, 0);
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

    /** propedom: an edge dominates itself, and whatever dominates it dominates the edges out of its target. */
    private void propedom(Edge ep) {
        insert(ep.edom, ep.id);
        if (ep.succ != null) {
            intersect(ep.succ.et.edom, ep.edom);
            intersect(ep.succ.ef.edom, ep.edom);
        }
    }

    /** find_edom: the edges that lie on every path from the root to each edge, level by level from the root. */
    private void findEdom() {
        for (Edge e : edges) {
            Arrays.fill(e.edom, ~0);
        }
        Block root = graph.root;
        Arrays.fill(root.et.edom, 0);
        Arrays.fill(root.ef.edom, 0);
        for (int i = root.level; i >= 0; --i) {
            for (Block b = levels[i]; b != null; b = b.link) {
                propedom(b.et);
                propedom(b.ef);
            }
        }
    }

    /**
     * atomuse: the atom a statement reads (a scratch word, {@link Ir#A_ATOM}, {@link Ir#X_ATOM}, or
     * {@link Ir#AX_ATOM} for both), or -1.
     */
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

    /** atomdef: the atom a statement writes, or -1 (a statement writes at most one). */
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

    /** Adds to a block's use set an atom a statement reads, unless the block has defined it already. */
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

    /**
     * compute_local_ud: the atoms a block reads before writing them (used on entry), writes, and writes
     * before reading (killed); the closing jump counts as a read, the closing return does not, as in libpcap.
     */
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

    /**
     * find_ud: local use-def sets, then, from the leaves up, the atoms used after each block (what its
     * successors use on entry), which it uses on entry too unless it kills them.
     */
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

    /**
     * use_conflict: whether an atom used after {@code succ} holds a different value there than on leaving
     * {@code b}, so that jumping from {@code b} past the blocks between would change what is computed.
     */
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

    /**
     * fold_edge: if the test closing {@code child} is decided by having taken edge {@code ep} (the same test
     * of the same value, or, after a true {@code jeq #k}, an equality against another constant), the branch
     * of {@code child} it decides; else null.
     */
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
        if (child.val[A_ATOM] != ep.pred.val[A_ATOM]) {
            return null;
        }
        if (child.oval == ep.pred.oval) {
            return sense ? child.jt() : child.jf();
        }
        if (sense && code == (Bpf.JMP | Bpf.JEQ | Bpf.K)) {
            // Distinct constants have distinct value numbers, so A cannot equal this one too.
            return child.jf();
        }
        return null;
    }

    /**
     * opt_j: moves an edge past a block that jumps to one place either way, then, for each edge that
     * dominates it, past a block whose test that edge decides, as long as no value used later changes.
     */
    private void optJ(Edge ep) {
        if (ep.succ.jt() == null) {
            return;
        }
        if (ep.succ.jt() == ep.succ.jf() && !useConflict(ep.pred, ep.succ.jt())) {
            // libpcap counts this one as more than branch movement.
            changed();
            ep.succ = ep.succ.jt();
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

    /** One branch of a block, standing in for the pointer to a JT or JF field that libpcap's pull-ups hold. */
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

    /**
     * Whether {@code d} continues the chain of tests below {@code b} that a pull-up walks: it exists, leaves
     * for the same place as {@code b} on the chain's exit branch (true for or, false for and), and is
     * dominated by {@code b}.
     */
    private static boolean continuesChain(Block d, Block b, boolean or) {
        return d != null && (or ? d.jt() == b.jt() : d.jf() == b.jf()) && member(d.dom, b.id);
    }

    /**
     * or_pullup ({@code or}) and and_pullup: in a chain of tests that all exit to the same place, finds a
     * test of a different value and below it one of the value {@code b}'s predecessors leave in A, and moves
     * the latter above the former, so that the test comes where its value is still at hand. The chain runs
     * down false branches for or, true branches for and.
     */
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
            if (!continuesChain(d, b, or)) {
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
            if (!continuesChain(s, b, or)) {
                return;
            }
            if (s.val[A_ATOM] == val) {
                break;
            }
            samep = new Slot(s, !or);
        }
        Block pull = samep.get();
        Slot pullNext = new Slot(pull, !or);
        samep.set(pullNext.get());
        pullNext.set(diffp.get());
        if (atTop) {
            for (ep = b.inEdges; ep != null; ep = ep.next) {
                new Slot(ep.pred, ep.pred.jt() == b).set(pull);
            }
        } else {
            diffp.set(pull);
        }
        done = false;
    }

    /** find_inedges and link_inedge: lists on each block the edges that lead to it. */
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

    /**
     * opt_blks: {@link BlockPass#optBlk} on every block from the root down; then, unless statements are
     * being rewritten (when moving branches cannot help), {@link #optJ} on every edge and the two pull-ups on
     * every block.
     */
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

    /** What eq_blk and eq_slist compare: the closing test, its targets, and the statements other than no-ops. */
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
     * intern_blocks: points every branch at the last-numbered of the live blocks identical to its target,
     * until nothing changes. For each live block libpcap finds the first later live block equal to it; a map
     * from block contents to the smallest such index, filled from the end, finds the same one in linear
     * time instead of quadratic.
     */
    private void internBlocks() {
        boolean done1;
        do {
            done1 = true;
            for (int i = 0; i < nBlocks; ++i) {
                blocks[i].link = null;
            }
            // mark_code: only blocks still reachable take part.
            graph.preOrder();
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

    /**
     * opt_root: while the root jumps to the same block either way, that block becomes the root, keeping the
     * statements of the ones skipped; a root that returns needs no statements, BPF having no side effects.
     */
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
