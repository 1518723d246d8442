package dev.trawl.decode.display;

import java.util.regex.Pattern;

/**
 * A compiled test of a display filter: true or false for one packet. A comparison is false whenever either
 * side has no value, whatever the operator, as in Wireshark (except that {@code !=} and {@code ~=} hold when a
 * slice reaches outside a field the packet has: they negate an {@code ==} or {@code ===} that found nothing); with several values, {@code ==} and the
 * orderings hold when any pair does, {@code !=} when every pair differs, {@code ===} when every pair is equal,
 * {@code !==} (and {@code ~=}) when any pair differs; {@code all} and {@code any} before a comparison choose.
 */
abstract class Test {
    abstract boolean test(Frame frame);

    static final class Or extends Test {
        private final Test left;
        private final Test right;

        Or(Test left, Test right) {
            this.left = left;
            this.right = right;
        }

        @Override
        boolean test(Frame frame) {
            return left.test(frame) || right.test(frame);
        }
    }

    static final class And extends Test {
        private final Test left;
        private final Test right;

        And(Test left, Test right) {
            this.left = left;
            this.right = right;
        }

        @Override
        boolean test(Frame frame) {
            return left.test(frame) && right.test(frame);
        }
    }

    static final class Not extends Test {
        private final Test inner;

        Not(Test inner) {
            this.inner = inner;
        }

        @Override
        boolean test(Frame frame) {
            return !inner.test(frame);
        }
    }

    /** A value standing alone: it has a value (a field or protocol is present). */
    static final class Present extends Test {
        private final Value value;

        Present(Value value) {
            this.value = value;
        }

        @Override
        boolean test(Frame frame) {
            return value.eval(frame).size > 0;
        }
    }

    /** A bitwise and standing alone: some value is not zero. */
    static final class NonZero extends Test {
        private final Value value;

        NonZero(Value value) {
            this.value = value;
        }

        @Override
        boolean test(Frame frame) {
            Vals v = value.eval(frame);
            for (int i = 0; i < v.size; i++) {
                if (v.type.family == FType.Family.BYTES) {
                    for (int k = 0; k < v.length(i); k++) {
                        if (v.byteAt(i, k) != 0) {
                            return true;
                        }
                    }
                } else if (v.numbers[i] != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** How a comparison combines the pairs of values of its two sides. */
    enum Mode {
        /** Some pair satisfies the operator. */
        ANY,
        /** Every pair satisfies it. */
        ALL
    }

    /** The operator of a comparison. */
    enum Op {
        EQ, NE, GT, GE, LT, LE;

        boolean holds(Vals a, int i, Vals b, int j) {
            return switch (this) {
                case EQ -> Compare.equal(a, i, b, j);
                case NE -> !Compare.equal(a, i, b, j);
                case GT -> Compare.order(a, i, b, j) > 0;
                case GE -> Compare.order(a, i, b, j) >= 0;
                case LT -> Compare.order(a, i, b, j) < 0;
                case LE -> Compare.order(a, i, b, j) <= 0;
            };
        }
    }

    static final class Comparison extends Test {
        private final Value left;
        private final Op op;
        private final Mode mode;
        private final Value right;

        Comparison(Value left, Op op, Mode mode, Value right) {
            this.left = left;
            this.op = op;
            this.mode = mode;
            this.right = right;
        }

        @Override
        boolean test(Frame frame) {
            Vals a = left.eval(frame);
            if (a.size == 0 && !(op == Op.NE && a.emptySlice)) {
                return false;
            }
            Vals b = right.eval(frame);
            if (b.size == 0 && !(op == Op.NE && b.emptySlice)) {
                return false;
            }
            if (a.size == 0 || b.size == 0) {
                return true; // a slice outside a present field: tshark's != and ~= negate an == that found nothing
            }
            for (int i = 0; i < a.size; i++) {
                for (int j = 0; j < b.size; j++) {
                    boolean holds = op.holds(a, i, b, j);
                    if (mode == Mode.ANY && holds) {
                        return true;
                    }
                    if (mode == Mode.ALL && !holds) {
                        return false;
                    }
                }
            }
            return mode == Mode.ALL;
        }
    }

    /** {@code contains}: some value holds some right-hand value's bytes (all, with {@code all}). */
    static final class Contains extends Test {
        private final Value left;
        private final Value right;
        private final Mode mode;

        Contains(Value left, Value right, Mode mode) {
            this.left = left;
            this.right = right;
            this.mode = mode;
        }

        @Override
        boolean test(Frame frame) {
            Vals a = left.eval(frame);
            Vals b = a.size == 0 ? a : right.eval(frame);
            if (a.size == 0 || b.size == 0) {
                return false;
            }
            for (int i = 0; i < a.size; i++) {
                for (int j = 0; j < b.size; j++) {
                    boolean holds = Compare.contains(a, i, b, j);
                    if (mode == Mode.ANY && holds) {
                        return true;
                    }
                    if (mode == Mode.ALL && !holds) {
                        return false;
                    }
                }
            }
            return mode == Mode.ALL;
        }
    }

    /** {@code matches}: some value, as text, matches a regular expression (case-insensitive unless it says otherwise). */
    static final class Matches extends Test {
        private final Value left;
        private final Pattern pattern;
        private final Mode mode;
        private final StringBuilder text = new StringBuilder();

        Matches(Value left, Pattern pattern, Mode mode) {
            this.left = left;
            this.pattern = pattern;
            this.mode = mode;
        }

        @Override
        boolean test(Frame frame) {
            Vals a = left.eval(frame);
            if (a.size == 0) {
                return false;
            }
            for (int i = 0; i < a.size; i++) {
                boolean holds;
                if (a.type.family == FType.Family.STRING) {
                    holds = pattern.matcher(a.text(i)).find();
                } else {
                    text.setLength(0);
                    a.appendLatin1(i, true, text);
                    holds = pattern.matcher(text).find();
                }
                if (mode == Mode.ANY && holds) {
                    return true;
                }
                if (mode == Mode.ALL && !holds) {
                    return false;
                }
            }
            return mode == Mode.ALL;
        }
    }

    /** {@code in {...}}: some value equals a member or lies within a member range. */
    static final class In extends Test {
        private final Value value;
        private final Value[] lows;
        /** The upper bound of each member range, or null for a single value. */
        private final Value[] highs;
        private final Mode mode;

        In(Value value, Value[] lows, Value[] highs, Mode mode) {
            this.value = value;
            this.lows = lows;
            this.highs = highs;
            this.mode = mode;
        }

        @Override
        boolean test(Frame frame) {
            Vals a = value.eval(frame);
            if (a.size == 0) {
                return false;
            }
            for (int i = 0; i < a.size; i++) {
                boolean holds = member(frame, a, i);
                if (mode == Mode.ANY && holds) {
                    return true;
                }
                if (mode == Mode.ALL && !holds) {
                    return false;
                }
            }
            return mode == Mode.ALL;
        }

        private boolean member(Frame frame, Vals a, int i) {
            for (int m = 0; m < lows.length; m++) {
                Vals low = lows[m].eval(frame);
                if (highs[m] == null) {
                    for (int j = 0; j < low.size; j++) {
                        if (Compare.equal(a, i, low, j)) {
                            return true;
                        }
                    }
                    continue;
                }
                Vals high = highs[m].eval(frame);
                for (int j = 0; j < low.size; j++) {
                    for (int k = 0; k < high.size; k++) {
                        if (Compare.order(a, i, low, j) >= 0 && Compare.order(a, i, high, k) <= 0) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
