package dev.trawl.filter;

import dev.trawl.filter.Ir.Block;
import dev.trawl.filter.Ir.Edge;
import dev.trawl.filter.Ir.Stmt;
import dev.trawl.pcap.Bpf;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static dev.trawl.filter.Ir.AX_ATOM;
import static dev.trawl.filter.Ir.A_ATOM;
import static dev.trawl.filter.Ir.NOP;
import static dev.trawl.filter.Ir.N_ATOMS;
import static dev.trawl.filter.Ir.X_ATOM;
import static dev.trawl.filter.Optimizer.atomDef;
import static dev.trawl.filter.Optimizer.atomUse;

/**
 * The per-block part of libpcap's optimizer (optimize.c's opt_blk and what it calls): value numbering of A,
 * X and the scratch words, in which constants are folded and loads and stores of a value already there
 * become no-ops; peephole rewrites; dead-store removal; and the operand values that {@link Optimizer}'s
 * branch threading compares. Each method names the function it follows.
 *
 * <p>libpcap numbers values in a fixed-size hash table sized from the statement count; this class uses a
 * map and grows its constant tables, which gives the same numbers.
 */
final class BlockPass {
    private final Optimizer opt;
    private final Gen gen;
    /** The value number of each (operation, operand values) seen this pass; 0 means unknown. */
    private final Map<VKey, Integer> valueTable = new HashMap<>();
    private int curval;
    /** libpcap's vmap: which value numbers are constants, and their values. */
    private boolean[] isConst = new boolean[256];
    private int[] constVal = new int[256];

    BlockPass(Optimizer opt, Gen gen) {
        this.opt = opt;
        this.gen = gen;
    }

    /** init_val: forgets the value numbers of the previous pass. */
    void initVal() {
        curval = 0;
        valueTable.clear();
        Arrays.fill(isConst, false);
    }

    private record VKey(int code, int v0, int v1) {
    }

    /**
     * F: the value number of an operation on operand values, a new one the first time; an immediate load's
     * number is recorded as that constant.
     */
    int value(int code, int v0, int v1) {
        VKey key = new VKey(code, v0, v1);
        Integer found = valueTable.get(key);
        if (found != null) {
            return found;
        }
        int val = ++curval;
        if (val >= isConst.length) {
            isConst = Arrays.copyOf(isConst, val * 2);
            constVal = Arrays.copyOf(constVal, val * 2);
        }
        int cls = Bpf.instructionClass(code);
        if (Bpf.mode(code) == Bpf.IMM && (cls == Bpf.LD || cls == Bpf.LDX)) {
            constVal[val] = v0;
            isConst[val] = true;
        } else {
            isConst[val] = false;
        }
        valueTable.put(key, val);
        return val;
    }

    /** K: the value number of a constant. */
    private int konst(int k) {
        return value(Bpf.LD | Bpf.IMM | Bpf.W, k, 0);
    }

    /**
     * vstore: records an atom's new value, or removes the statement when the atom already holds it. Two
     * unknown values (0) are not the same value, so a load of an unknown value is never removed.
     */
    private void vstore(Stmt s, int[] val, int atom, int newval, boolean alter) {
        if (alter && newval != 0 && val[atom] == newval) {
            s.code = NOP;
        } else {
            val[atom] = newval;
        }
    }

    /**
     * fold_op: computes a binary operation on two constants, unsigned as BPF does, and turns the statement
     * into an immediate load of the result; shifts of 32 or more give zero.
     */
    private int foldOp(Stmt s, int v0, int v1) throws FilterSyntaxException {
        int a = constVal[v0];
        int b = constVal[v1];
        switch (Bpf.operation(s.code)) {
            case Bpf.ADD -> a += b;
            case Bpf.SUB -> a -= b;
            case Bpf.MUL -> a *= b;
            case Bpf.DIV -> {
                if (b == 0) {
                    throw gen.error("division by zero");
                }
                a = Integer.divideUnsigned(a, b);
            }
            case Bpf.MOD -> {
                if (b == 0) {
                    throw gen.error("modulus by zero");
                }
                a = Integer.remainderUnsigned(a, b);
            }
            case Bpf.AND -> a &= b;
            case Bpf.OR -> a |= b;
            case Bpf.XOR -> a ^= b;
            case Bpf.LSH -> a = Integer.compareUnsigned(b, 32) < 0 ? a << b : 0;
            case Bpf.RSH -> a = Integer.compareUnsigned(b, 32) < 0 ? a >>> b : 0;
            default -> throw new IllegalStateException();
        }
        s.k = a;
        s.code = Bpf.LD | Bpf.IMM;
        opt.changed();
        return a;
    }

    /**
     * opt_stmt: the value a statement leaves in the atom it writes; with {@code alter}, also the rewrites
     * that value numbering allows (an indexed load at a known X becomes absolute, arithmetic on constants is
     * folded, operations that leave A unchanged or zero are simplified, loads from scratch words holding a
     * constant become immediate).
     */
    private void optStmt(Stmt s, int[] val, boolean alter) throws FilterSyntaxException {
        int v;
        switch (s.code) {
            case Bpf.LD | Bpf.ABS | Bpf.W, Bpf.LD | Bpf.ABS | Bpf.H, Bpf.LD | Bpf.ABS | Bpf.B -> {
                v = value(s.code, s.k, 0);
                vstore(s, val, A_ATOM, v, alter);
            }
            case Bpf.LD | Bpf.IND | Bpf.W, Bpf.LD | Bpf.IND | Bpf.H, Bpf.LD | Bpf.IND | Bpf.B -> {
                v = val[X_ATOM];
                if (alter && isConst[v]) {
                    s.code = Bpf.LD | Bpf.ABS | Bpf.size(s.code);
                    s.k += constVal[v];
                    v = value(s.code, s.k, 0);
                    opt.changed();
                } else {
                    v = value(s.code, s.k, v);
                }
                vstore(s, val, A_ATOM, v, alter);
            }
            case Bpf.LD | Bpf.LEN -> {
                v = value(s.code, 0, 0);
                vstore(s, val, A_ATOM, v, alter);
            }
            case Bpf.LD | Bpf.IMM -> vstore(s, val, A_ATOM, konst(s.k), alter);
            case Bpf.LDX | Bpf.IMM -> vstore(s, val, X_ATOM, konst(s.k), alter);
            case Bpf.LDX | Bpf.MSH | Bpf.B -> vstore(s, val, X_ATOM, value(s.code, s.k, 0), alter);
            case Bpf.ALU | Bpf.NEG -> {
                if (alter && isConst[val[A_ATOM]]) {
                    s.code = Bpf.LD | Bpf.IMM;
                    s.k = -constVal[val[A_ATOM]];
                    val[A_ATOM] = konst(s.k);
                } else {
                    val[A_ATOM] = value(s.code, val[A_ATOM], 0);
                }
            }
            case Bpf.ALU | Bpf.ADD | Bpf.K, Bpf.ALU | Bpf.SUB | Bpf.K, Bpf.ALU | Bpf.MUL | Bpf.K,
                    Bpf.ALU | Bpf.DIV | Bpf.K, Bpf.ALU | Bpf.MOD | Bpf.K, Bpf.ALU | Bpf.AND | Bpf.K,
                    Bpf.ALU | Bpf.OR | Bpf.K, Bpf.ALU | Bpf.XOR | Bpf.K, Bpf.ALU | Bpf.LSH | Bpf.K,
                    Bpf.ALU | Bpf.RSH | Bpf.K -> {
                int op = Bpf.operation(s.code);
                if (alter) {
                    if (s.k == 0) {
                        if (op == Bpf.ADD || op == Bpf.LSH || op == Bpf.RSH || op == Bpf.OR || op == Bpf.XOR) {
                            s.code = NOP;
                            return;
                        }
                        if (op == Bpf.MUL || op == Bpf.AND) {
                            s.code = Bpf.LD | Bpf.IMM;
                            val[A_ATOM] = konst(s.k);
                            return;
                        }
                    }
                    if (isConst[val[A_ATOM]]) {
                        foldOp(s, val[A_ATOM], konst(s.k));
                        val[A_ATOM] = konst(s.k);
                        return;
                    }
                }
                val[A_ATOM] = value(s.code, val[A_ATOM], konst(s.k));
            }
            case Bpf.ALU | Bpf.ADD | Bpf.X, Bpf.ALU | Bpf.SUB | Bpf.X, Bpf.ALU | Bpf.MUL | Bpf.X,
                    Bpf.ALU | Bpf.DIV | Bpf.X, Bpf.ALU | Bpf.MOD | Bpf.X, Bpf.ALU | Bpf.AND | Bpf.X,
                    Bpf.ALU | Bpf.OR | Bpf.X, Bpf.ALU | Bpf.XOR | Bpf.X, Bpf.ALU | Bpf.LSH | Bpf.X,
                    Bpf.ALU | Bpf.RSH | Bpf.X -> {
                int op = Bpf.operation(s.code);
                if (alter && isConst[val[X_ATOM]]) {
                    if (isConst[val[A_ATOM]]) {
                        foldOp(s, val[A_ATOM], val[X_ATOM]);
                        val[A_ATOM] = konst(s.k);
                    } else {
                        s.code = Bpf.ALU | Bpf.K | op;
                        s.k = constVal[val[X_ATOM]];
                        if ((op == Bpf.LSH || op == Bpf.RSH) && Integer.compareUnsigned(s.k, 31) > 0) {
                            throw gen.error("shift by more than 31 bits");
                        }
                        opt.changed();
                        val[A_ATOM] = value(s.code, val[A_ATOM], konst(s.k));
                    }
                    return;
                }
                if (alter && isConst[val[A_ATOM]] && constVal[val[A_ATOM]] == 0) {
                    if (op == Bpf.ADD || op == Bpf.OR || op == Bpf.XOR) {
                        s.code = Bpf.MISC | Bpf.TXA;
                        vstore(s, val, A_ATOM, val[X_ATOM], alter);
                        return;
                    } else if (op == Bpf.MUL || op == Bpf.DIV || op == Bpf.MOD || op == Bpf.AND
                            || op == Bpf.LSH || op == Bpf.RSH) {
                        s.code = Bpf.LD | Bpf.IMM;
                        s.k = 0;
                        vstore(s, val, A_ATOM, konst(s.k), alter);
                        return;
                    }
                }
                val[A_ATOM] = value(s.code, val[A_ATOM], val[X_ATOM]);
            }
            case Bpf.MISC | Bpf.TXA -> vstore(s, val, A_ATOM, val[X_ATOM], alter);
            case Bpf.LD | Bpf.MEM -> loadScratch(s, val, A_ATOM, Bpf.LD | Bpf.IMM, alter);
            case Bpf.MISC | Bpf.TAX -> vstore(s, val, X_ATOM, val[A_ATOM], alter);
            case Bpf.LDX | Bpf.MEM -> loadScratch(s, val, X_ATOM, Bpf.LDX | Bpf.IMM, alter);
            case Bpf.ST -> vstore(s, val, s.k, val[A_ATOM], alter);
            case Bpf.STX -> vstore(s, val, s.k, val[X_ATOM], alter);
            default -> {
            }
        }
    }

    /** A load from a scratch word into A or X: one that holds a known constant becomes an immediate load. */
    private void loadScratch(Stmt s, int[] val, int atom, int immediate, boolean alter) {
        int v = val[s.k];
        if (alter && isConst[v]) {
            s.code = immediate;
            s.k = constVal[v];
            opt.changed();
        }
        vstore(s, val, atom, v, alter);
    }

    /** this_op: the first statement from {@code s} on that is not a no-op. */
    private static Stmt thisOp(Stmt s) {
        while (s != null && s.code == NOP) {
            s = s.next;
        }
        return s;
    }

    /**
     * opt_peep: rewrites of adjacent statements ({@code st M[k]; ldx M[k]} to {@code st; tax}, {@code ld #k;
     * tax} to {@code ldx #k; txa}, a constant added to X before an indexed load folded into the load's
     * offset), then of the block's closing test (a subtraction or an and before {@code jeq} folded into it,
     * {@code jset} with no or all bits, a test of X or of A when the value is a known constant).
     */
    private void optPeep(Block b) {
        Stmt s = b.stmts;
        if (s == null) {
            return;
        }
        Stmt last = s;
        Stmt next;
        for (;; s = next) {
            s = thisOp(s);
            if (s == null) {
                break;
            }
            next = thisOp(s.next);
            if (next == null) {
                break;
            }
            last = next;
            if (s.code == Bpf.ST && next.code == (Bpf.LDX | Bpf.MEM) && s.k == next.k) {
                opt.changed();
                next.code = Bpf.MISC | Bpf.TAX;
            }
            if (s.code == (Bpf.LD | Bpf.IMM) && next.code == (Bpf.MISC | Bpf.TAX)) {
                s.code = Bpf.LDX | Bpf.IMM;
                next.code = Bpf.MISC | Bpf.TXA;
                opt.changed();
            }
            if (s.code == (Bpf.LD | Bpf.IMM)) {
                if ((b.outUse & (1 << X_ATOM)) != 0) {
                    continue;
                }
                Stmt add = next.code != (Bpf.LDX | Bpf.MSH | Bpf.B) ? next : thisOp(next.next);
                if (add == null || add.code != (Bpf.ALU | Bpf.ADD | Bpf.X)) {
                    continue;
                }
                Stmt tax = thisOp(add.next);
                if (tax == null || tax.code != (Bpf.MISC | Bpf.TAX)) {
                    continue;
                }
                Stmt ild = thisOp(tax.next);
                if (ild == null || Bpf.instructionClass(ild.code) != Bpf.LD || Bpf.mode(ild.code) != Bpf.IND) {
                    continue;
                }
                ild.k += s.k;
                s.code = NOP;
                add.code = NOP;
                tax.code = NOP;
                opt.changed();
            }
        }
        if (b.code == (Bpf.JMP | Bpf.JEQ | Bpf.K) && (b.outUse & (1 << A_ATOM)) == 0) {
            if (last.code == (Bpf.ALU | Bpf.SUB | Bpf.X)) {
                int val = b.val[X_ATOM];
                if (isConst[val]) {
                    b.k += constVal[val];
                    last.code = NOP;
                    opt.changed();
                } else if (b.k == 0) {
                    last.code = NOP;
                    b.code = Bpf.JMP | Bpf.JEQ | Bpf.X;
                    opt.changed();
                }
            } else if (last.code == (Bpf.ALU | Bpf.SUB | Bpf.K)) {
                last.code = NOP;
                b.k += last.k;
                opt.changed();
            } else if (last.code == (Bpf.ALU | Bpf.AND | Bpf.K) && b.k == 0) {
                b.k = last.k;
                b.code = Bpf.JMP | Bpf.K | Bpf.JSET;
                last.code = NOP;
                opt.changed();
                Block tmp = b.jt();
                b.jt(b.jf());
                b.jf(tmp);
            }
        }
        if (b.code == (Bpf.JMP | Bpf.K | Bpf.JSET)) {
            if (b.k == 0) {
                b.jt(b.jf());
            }
            if (b.k == 0xffffffff) {
                b.jf(b.jt());
            }
        }
        int val = b.val[X_ATOM];
        if (isConst[val] && Bpf.source(b.code) == Bpf.X) {
            b.code &= ~Bpf.X;
            b.k = constVal[val];
        }
        val = b.val[A_ATOM];
        if (isConst[val] && Bpf.source(b.code) == Bpf.K) {
            int v = constVal[val];
            boolean r = switch (Bpf.operation(b.code)) {
                case Bpf.JEQ -> v == b.k;
                case Bpf.JGT -> Integer.compareUnsigned(v, b.k) > 0;
                case Bpf.JGE -> Integer.compareUnsigned(v, b.k) >= 0;
                case Bpf.JSET -> (v & b.k) != 0;
                default -> throw new IllegalStateException();
            };
            if (b.jf() != b.jt()) {
                opt.changed();
            }
            if (r) {
                b.jf(b.jt());
            } else {
                b.jt(b.jf());
            }
        }
    }

    /** deadstmt: a write to an atom that was written and not read since makes that earlier write a no-op. */
    private void deadstmt(Stmt s, Stmt[] last) {
        int atom = atomUse(s.code, s.k);
        if (atom >= 0) {
            if (atom == AX_ATOM) {
                last[X_ATOM] = null;
                last[A_ATOM] = null;
            } else {
                last[atom] = null;
            }
        }
        atom = atomDef(s.code, s.k);
        if (atom >= 0) {
            if (last[atom] != null) {
                opt.changed();
                last[atom].code = NOP;
            }
            last[atom] = s;
        }
    }

    /**
     * opt_deadstores: removes writes overwritten within the block before being read, and the block's last
     * write to any atom no successor reads.
     */
    private void optDeadstores(Block b) {
        Stmt[] last = new Stmt[N_ATOMS];
        for (Stmt s = b.stmts; s != null; s = s.next) {
            deadstmt(s, last);
        }
        Stmt branch = new Stmt(b.code, b.k);
        deadstmt(branch, last);
        for (int atom = 0; atom < N_ATOMS; ++atom) {
            if (last[atom] != null && last[atom] != branch && (b.outUse & (1 << atom)) == 0) {
                last[atom].code = NOP;
                opt.changed();
            }
        }
    }

    /**
     * opt_blk: takes the atoms' values on entry from the predecessors (unknown where they disagree), runs
     * {@link #optStmt} over the statements, drops the statements of a block that returns (BPF has no side
     * effects) or that leaves A and X as it found them with nothing used after it, else runs the peephole and
     * dead-store passes; then records what the branch optimizer compares: the value tested against, and the
     * opcode on each edge (negated on the false one).
     */
    void optBlk(Block b, boolean doStmts) throws FilterSyntaxException {
        Edge p = b.inEdges;
        if (p == null) {
            Arrays.fill(b.val, 0);
        } else {
            System.arraycopy(p.pred.val, 0, b.val, 0, N_ATOMS);
            while ((p = p.next) != null) {
                for (int i = 0; i < N_ATOMS; ++i) {
                    if (b.val[i] != p.pred.val[i]) {
                        b.val[i] = 0;
                    }
                }
            }
        }
        int aval = b.val[A_ATOM];
        int xval = b.val[X_ATOM];
        for (Stmt s = b.stmts; s != null; s = s.next) {
            optStmt(s, b.val, doStmts);
        }
        if (doStmts && ((b.outUse == 0 && aval != 0 && b.val[A_ATOM] == aval && xval != 0
                && b.val[X_ATOM] == xval) || Bpf.instructionClass(b.code) == Bpf.RET)) {
            if (b.stmts != null) {
                b.stmts = null;
                opt.changed();
            }
        } else {
            optPeep(b);
            optDeadstores(b);
        }
        b.oval = Bpf.source(b.code) == Bpf.K ? konst(b.k) : b.val[X_ATOM];
        b.et.code = b.code;
        b.ef.code = -b.code;
    }
}
