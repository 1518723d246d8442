package dev.trawl.spark;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A pushed-down filter, evaluated by a reader on a row's values (Spark's internal representations, indexed
 * by {@link Column} ordinal) before the row is built. SQL's three-valued logic: only a true result keeps
 * the row.
 */
abstract class RowPredicate implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Keeps every row. */
    static final RowPredicate ALWAYS = new RowPredicate() {
        private static final long serialVersionUID = 1L;

        @Override
        Boolean eval(Object[] values) {
            return Boolean.TRUE;
        }

        @Override
        void columns(BitSet used) {
        }
    };

    /** The result: TRUE, FALSE or null for unknown. */
    abstract Boolean eval(Object[] values);

    /** Marks the columns this predicate reads. */
    abstract void columns(BitSet used);

    final boolean test(Object[] values) {
        return Boolean.TRUE.equals(eval(values));
    }

    /** The conjunction of predicates. */
    static RowPredicate all(List<RowPredicate> predicates) {
        if (predicates.isEmpty()) {
            return ALWAYS;
        }
        RowPredicate result = predicates.get(0);
        for (int i = 1; i < predicates.size(); i++) {
            result = new Logical(result, predicates.get(i), true);
        }
        return result;
    }

    /** Translates a Spark filter, or returns null when this source cannot evaluate it. */
    static RowPredicate of(Filter filter) {
        if (filter instanceof And and) {
            RowPredicate l = of(and.left());
            RowPredicate r = of(and.right());
            return l == null || r == null ? null : new Logical(l, r, true);
        }
        if (filter instanceof Or or) {
            RowPredicate l = of(or.left());
            RowPredicate r = of(or.right());
            return l == null || r == null ? null : new Logical(l, r, false);
        }
        if (filter instanceof Not not) {
            RowPredicate inner = of(not.child());
            return inner == null ? null : new Negation(inner);
        }
        if (filter instanceof IsNull f) {
            Column c = comparable(f.attribute());
            return c == null ? null : new NullCheck(c, true);
        }
        if (filter instanceof IsNotNull f) {
            Column c = comparable(f.attribute());
            return c == null ? null : new NullCheck(c, false);
        }
        if (filter instanceof EqualTo f) {
            return comparison(f.attribute(), f.value(), Comparison.EQ);
        }
        if (filter instanceof GreaterThan f) {
            return comparison(f.attribute(), f.value(), Comparison.GT);
        }
        if (filter instanceof GreaterThanOrEqual f) {
            return comparison(f.attribute(), f.value(), Comparison.GE);
        }
        if (filter instanceof LessThan f) {
            return comparison(f.attribute(), f.value(), Comparison.LT);
        }
        if (filter instanceof LessThanOrEqual f) {
            return comparison(f.attribute(), f.value(), Comparison.LE);
        }
        if (filter instanceof In f) {
            List<RowPredicate> options = new ArrayList<>();
            for (Object value : f.values()) {
                RowPredicate p = comparison(f.attribute(), value, Comparison.EQ);
                if (p == null) {
                    return null;
                }
                options.add(p);
            }
            if (options.isEmpty()) {
                return null;
            }
            RowPredicate any = options.get(0);
            for (int i = 1; i < options.size(); i++) {
                any = new Logical(any, options.get(i), false);
            }
            return any;
        }
        return null;
    }

    private static Column comparable(String attribute) {
        Column c = Column.named(attribute);
        return c == null || c == Column.DATA ? null : c;
    }

    private static RowPredicate comparison(String attribute, Object literal, Comparison op) {
        Column c = comparable(attribute);
        if (c == null || literal == null) {
            return null;
        }
        Object internal = internal(c, literal);
        return internal == null ? null : new Compare(c, op, internal);
    }

    /** The literal in the column's internal representation, or null if it does not fit. */
    private static Object internal(Column c, Object literal) {
        if (c == Column.TIMESTAMP) {
            if (literal instanceof Timestamp t) {
                return Math.floorDiv(t.getTime(), 1000L) * 1_000_000L + t.getNanos() / 1000;
            }
            if (literal instanceof Instant i) {
                return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
            }
            return null;
        }
        if (c.type == org.apache.spark.sql.types.DataTypes.StringType) {
            return literal instanceof String s ? UTF8String.fromString(s) : null;
        }
        return literal instanceof Number n && !(literal instanceof Float) && !(literal instanceof Double)
                ? n.longValue() : null;
    }

    private enum Comparison { EQ, GT, GE, LT, LE }

    private static final class Compare extends RowPredicate {
        private static final long serialVersionUID = 1L;
        private final Column column;
        private final Comparison op;
        private final Object literal;

        Compare(Column column, Comparison op, Object literal) {
            this.column = column;
            this.op = op;
            this.literal = literal;
        }

        @Override
        Boolean eval(Object[] values) {
            Object value = values[column.ordinal()];
            if (value == null) {
                return null;
            }
            int cmp = value instanceof UTF8String s
                    ? s.compareTo((UTF8String) literal)
                    : Long.compare(((Number) value).longValue(), (Long) literal);
            return switch (op) {
                case EQ -> cmp == 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
            };
        }

        @Override
        void columns(BitSet used) {
            used.set(column.ordinal());
        }
    }

    private static final class NullCheck extends RowPredicate {
        private static final long serialVersionUID = 1L;
        private final Column column;
        private final boolean isNull;

        NullCheck(Column column, boolean isNull) {
            this.column = column;
            this.isNull = isNull;
        }

        @Override
        Boolean eval(Object[] values) {
            return (values[column.ordinal()] == null) == isNull;
        }

        @Override
        void columns(BitSet used) {
            used.set(column.ordinal());
        }
    }

    private static final class Logical extends RowPredicate {
        private static final long serialVersionUID = 1L;
        private final RowPredicate left;
        private final RowPredicate right;
        private final boolean and;

        Logical(RowPredicate left, RowPredicate right, boolean and) {
            this.left = left;
            this.right = right;
            this.and = and;
        }

        @Override
        Boolean eval(Object[] values) {
            Boolean l = left.eval(values);
            if (l != null && l != and) {
                return l; // false for AND, true for OR: decided
            }
            Boolean r = right.eval(values);
            if (r != null && r != and) {
                return r;
            }
            return l == null || r == null ? null : and;
        }

        @Override
        void columns(BitSet used) {
            left.columns(used);
            right.columns(used);
        }
    }

    private static final class Negation extends RowPredicate {
        private static final long serialVersionUID = 1L;
        private final RowPredicate inner;

        Negation(RowPredicate inner) {
            this.inner = inner;
        }

        @Override
        Boolean eval(Object[] values) {
            Boolean v = inner.eval(values);
            return v == null ? null : !v;
        }

        @Override
        void columns(BitSet used) {
            inner.columns(used);
        }
    }
}
