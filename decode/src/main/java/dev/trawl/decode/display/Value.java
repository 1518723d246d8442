package dev.trawl.decode.display;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.display.Token.Kind;
import dev.trawl.decode.field.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A compiled value of a display filter: what one part of the expression is worth in one packet, as a list
 * of values of one type ({@link Vals}, reused for every packet). Field and protocol values read the decoded
 * packet; the others compute from the values of their parts.
 */
abstract class Value {
    final FType type;
    final Vals out;

    Value(FType type) {
        this.type = type;
        this.out = new Vals(type);
    }

    /** Fills and returns {@link #out} with this value's values in {@code frame}. */
    abstract Vals eval(Frame frame);

    /** Whether the value is the same for every packet (a literal, or computed from literals alone). */
    boolean isConstant() {
        return false;
    }

    /** A literal, parsed once. */
    static final class Constant extends Value {
        private final Vals value;

        Constant(Vals value) {
            super(value.type);
            this.value = value;
        }

        @Override
        Vals eval(Frame frame) {
            return value;
        }

        @Override
        boolean isConstant() {
            return true;
        }
    }

    /** A value no packet has: a field the decoder does not produce, or a GUI field reference. */
    static final class Absent extends Value {
        Absent(FType type) {
            super(type);
        }

        @Override
        Vals eval(Frame frame) {
            out.clear();
            return out;
        }
    }

    /**
     * Wireshark's {@code _ws.malformed}: present in a packet a layer of which breaks its protocol's rules (a
     * wrong version, an impossible length) or declares more bytes than the frame had on the wire; a frame the
     * capture cut short is not malformed. One empty value.
     */
    static final class Malformed extends Value {
        private static final int BROKEN = LayerFlags.MALFORMED | LayerFlags.BAD_LENGTH;

        Malformed() {
            super(FType.PROTOCOL);
        }

        @Override
        Vals eval(Frame frame) {
            out.clear();
            DecodedPacket p = frame.packet;
            boolean whole = p.capturedLength() >= p.originalLength();
            for (int i = 0, n = p.layerCount(); i < n; i++) {
                int flags = p.flags(i);
                int protocol = p.protocol(i);
                if (protocol == Protocols.IP || protocol == Protocols.IPV6 && (flags & LayerFlags.UNLISTED) == 0) {
                    continue; // a wrong IPv4 version or length, and an IP length past the frame, are mere warnings
                }
                if ((flags & LayerFlags.QUOTED) == 0
                        && ((flags & BROKEN) != 0 || whole && (flags & LayerFlags.TRUNCATED) != 0)) {
                    out.addSpan(p.buffer(), p.offset(i), 0, 0);
                    break;
                }
            }
            return out;
        }
    }

    /**
     * A frame's capture time ({@code frame.time}, {@code frame.time_epoch}), or its time since the first or the
     * previous frame, as tshark 4.0's filters see them: with the seconds cut to a signed 32-bit number, so that
     * a time past January 2038 compares as one before 1970 (and a difference from it accordingly), although
     * tshark prints it whole.
     */
    static final class FrameTime extends Value {
        /** What the value is: the capture time, or the time since the first or the previous frame. */
        enum Kind { ABSOLUTE, SINCE_FIRST, SINCE_PREVIOUS }

        private final Kind kind;

        /** @param type the field's type: {@code frame.time}'s is a date, {@code frame.time_epoch}'s a duration */
        FrameTime(Kind kind, FType type) {
            super(type);
            this.kind = kind;
        }

        @Override
        Vals eval(Frame frame) {
            out.clear();
            DecodedPacket p = frame.packet;
            if (!p.hasTimestamp()) {
                return out;
            }
            long now = p.timestampSeconds() * 1_000_000_000L + p.timestampNanos();
            switch (kind) {
                case ABSOLUTE -> out.addLong(cut(now));
                case SINCE_FIRST -> out.addLong(cut(now) - cut(now - p.nanosSinceFirstFrame()));
                case SINCE_PREVIOUS -> out.addLong(cut(now) - cut(now - p.nanosSincePreviousFrame()));
            }
            return out;
        }

        /** A time in nanoseconds with its whole seconds taken as a signed 32-bit number. */
        private static long cut(long nanos) {
            long seconds = Math.floorDiv(nanos, 1_000_000_000L);
            return (int) seconds * 1_000_000_000L + Math.floorMod(nanos, 1_000_000_000L);
        }
    }

    /** A decoder field's occurrences, optionally only those of some layers of its protocol. */
    static final class FieldValue extends Value {
        private final Field field;
        private final Ranges layers;
        /** Which of the filter's row fields this is ({@code Compiler#rowFields}), or -1 for some layers' only. */
        private final int rowField;

        FieldValue(Field field, FType type, Ranges layers, int rowField) {
            super(type);
            this.field = field;
            this.layers = layers;
            this.rowField = rowField;
        }

        @Override
        Vals eval(Frame frame) {
            out.clear();
            FieldReader reader = frame.reader.into(out);
            if (frame.row != null) {
                frame.row.replay(frame.columns[rowField], reader);
                return out;
            }
            DecodedPacket p = frame.packet;
            if (field.isFrameField()) {
                if (layers == null || layers.containsLayer(1, 1)) {
                    field.extract(p, -1, reader);
                }
                return out;
            }
            if (layers == null) {
                field.extract(p, reader);
                return out;
            }
            int total = 0;
            for (int i = 0, n = p.layerCount(); i < n; i++) {
                total += field.carriedBy(p.protocol(i)) ? 1 : 0;
            }
            for (int i = 0, n = p.layerCount(), k = 0; i < n; i++) {
                if (field.carriedBy(p.protocol(i)) && layers.containsLayer(++k, total)) {
                    field.extract(p, i, reader);
                }
            }
            return out;
        }
    }

    /**
     * A protocol: one value per layer of it, the bytes its item spans (its header, as Wireshark's tree shows
     * it) and, for {@code contains} and {@code matches}, all it carries. {@code frame} is the whole packet.
     */
    static final class ProtocolValue extends Value {
        private final int protocol;
        private final Ranges layers;
        private final int minimum;

        /**
         * @param protocol the decoder's protocol id, or -1 for {@code frame}
         * @param minimum how many bytes of a layer must have been captured for Wireshark to show its item
         */
        ProtocolValue(int protocol, Ranges layers, int minimum) {
            super(FType.PROTOCOL);
            this.protocol = protocol;
            this.layers = layers;
            this.minimum = minimum;
        }

        @Override
        Vals eval(Frame frame) {
            out.clear();
            DecodedPacket p = frame.packet;
            ByteBuffer buf = p.buffer();
            if (protocol < 0) {
                if (layers == null || layers.containsLayer(1, 1)) {
                    // the frame as captured, also when the decoder has put a datagram or message together
                    out.addSpan(p.frameBuffer(), p.frameStart(), p.capturedLength());
                }
                return out;
            }
            int total = 0;
            if (layers != null) {
                for (int i = p.find(protocol, LayerFlags.UNSHOWN); i >= 0; i = p.findNext(protocol, i + 1,
                        LayerFlags.UNSHOWN)) {
                    total += shown(p, i) ? 1 : 0;
                }
            }
            int n = p.layerCount();
            for (int i = p.find(protocol, LayerFlags.UNSHOWN), k = 0; i >= 0; i = p.findNext(protocol, i + 1,
                    LayerFlags.UNSHOWN)) {
                if (shown(p, i) && (layers == null || layers.containsLayer(++k, total))) {
                    int offset = p.offset(i);
                    int end = Math.max(offset, Math.min(p.layerEnd(i), p.end()));
                    // a protocol that carries another spans its header; the last one, all it holds
                    int item = i == n - 1 ? end - offset : Math.min(p.headerLength(i), end - offset);
                    out.addSpan(buf, offset, Math.max(0, item), end - offset);
                }
            }
            return out;
        }

        /** Whether enough of layer {@code i}, one of this protocol that Wireshark shows, was captured for its item. */
        private boolean shown(DecodedPacket p, int i) {
            return minimum == 0 || Math.min(p.layerEnd(i), p.end()) - p.offset(i) >= minimum;
        }
    }

    /** {@code value[ranges]}: the bytes of each value within the ranges, joined; none where they reach outside. */
    static final class Slice extends Value {
        private final Value inner;
        private final Ranges ranges;
        private final int[] bounds;

        Slice(Value inner, Ranges ranges) {
            super(FType.BYTES);
            this.inner = inner;
            this.ranges = ranges;
            this.bounds = new int[2 * ranges.count()];
        }

        @Override
        Vals eval(Frame frame) {
            out.clear();
            Vals in = inner.eval(frame);
            for (int i = 0; i < in.size; i++) {
                boolean address = in.type.family == FType.Family.IPV4;
                if (!ranges.resolve(address ? 4 : in.length(i), bounds)) {
                    continue;
                }
                int total = 0;
                for (int r = 0; r < bounds.length; r += 2) {
                    total += bounds[r + 1] - bounds[r];
                }
                byte[] b = new byte[total];
                for (int r = 0, at = 0; r < bounds.length; r += 2) {
                    for (int k = bounds[r]; k < bounds[r + 1]; k++) {
                        b[at++] = (byte) (address ? in.numbers[i] >>> (24 - 8 * k) : in.byteAt(i, k));
                    }
                }
                out.addBytes(b);
            }
            out.emptySlice = in.size > 0 && out.size == 0;
            return out;
        }
    }

    /** Arithmetic and bitwise and on integers (and bitwise and on byte strings of equal length). */
    static final class Arith extends Value {
        private final Kind op;
        private final Value left;
        private final Value right;
        private final boolean constant;

        Arith(Kind op, Value left, Value right) {
            super(left.type);
            this.op = op;
            this.left = left;
            this.right = right;
            this.constant = left.isConstant() && right.isConstant();
        }

        @Override
        boolean isConstant() {
            return constant;
        }

        @Override
        Vals eval(Frame frame) {
            out.clear();
            Vals a = left.eval(frame);
            Vals b = right.eval(frame);
            for (int i = 0; i < a.size; i++) {
                for (int j = 0; j < b.size; j++) {
                    if (type.family == FType.Family.BYTES) {
                        and(a, i, b, j);
                    } else if (type.family == FType.Family.FLOAT) {
                        doubles(a.doubles[i], b.doubles[j]);
                    } else {
                        longs(a.numbers[i], b.numbers[j]);
                    }
                }
            }
            return out;
        }

        private void longs(long x, long y) {
            switch (op) {
                case PLUS -> out.addLong(x + y);
                case MINUS -> out.addLong(x - y);
                case STAR -> out.addLong(x * y);
                case SLASH -> {
                    if (y != 0) {
                        out.addLong(type.signed ? x / y : Long.divideUnsigned(x, y));
                    }
                }
                case PERCENT -> {
                    if (y != 0) {
                        out.addLong(type.signed ? x % y : Long.remainderUnsigned(x, y));
                    }
                }
                case BITWISE_AND -> out.addLong(x & y);
                default -> throw new IllegalStateException(op.toString());
            }
        }

        private void doubles(double x, double y) {
            switch (op) {
                case PLUS -> out.addDouble(x + y);
                case MINUS -> out.addDouble(x - y);
                case STAR -> out.addDouble(x * y);
                case SLASH -> out.addDouble(x / y);
                default -> throw new IllegalStateException(op.toString());
            }
        }

        private void and(Vals a, int i, Vals b, int j) {
            int n = a.length(i);
            if (b.length(j) != n) {
                return;
            }
            byte[] r = new byte[n];
            for (int k = 0; k < n; k++) {
                r[k] = (byte) (a.byteAt(i, k) & b.byteAt(j, k));
            }
            out.addBytes(r);
        }
    }

    /** {@code -value}. */
    static final class Negate extends Value {
        private final Value inner;

        Negate(Value inner) {
            super(inner.type);
            this.inner = inner;
        }

        @Override
        boolean isConstant() {
            return inner.isConstant();
        }

        @Override
        Vals eval(Frame frame) {
            out.clear();
            Vals in = inner.eval(frame);
            for (int i = 0; i < in.size; i++) {
                if (type.family == FType.Family.FLOAT) {
                    out.addDouble(-in.doubles[i]);
                } else {
                    out.addLong(-in.numbers[i]);
                }
            }
            return out;
        }
    }

    /** {@code len()}: the byte length of each value. */
    static final class Length extends Value {
        private final Value inner;

        Length(Value inner) {
            super(FType.UINT32);
            this.inner = inner;
        }

        @Override
        Vals eval(Frame frame) {
            out.clear();
            Vals in = inner.eval(frame);
            for (int i = 0; i < in.size; i++) {
                out.addLong(switch (in.type.family) {
                    case IPV4 -> 4;
                    case IPV6 -> 16;
                    case INTEGER, FLOAT, TIME -> Math.max(1, in.type.bits / 8);
                    case BOOLEAN -> 1;
                    default -> in.length(i);
                });
            }
            return out;
        }
    }

    /** {@code count()}: how many values there are, when there is at least one. */
    static final class Count extends Value {
        private final Value inner;

        Count(Value inner) {
            super(FType.UINT32);
            this.inner = inner;
        }

        @Override
        Vals eval(Frame frame) {
            out.clear();
            int n = inner.eval(frame).size;
            if (n > 0) {
                out.addLong(n);
            }
            return out;
        }
    }

    /** {@code upper()} and {@code lower()} of strings. */
    static final class Case extends Value {
        private final Value inner;
        private final boolean upper;

        Case(Value inner, boolean upper) {
            super(FType.STRING);
            this.inner = inner;
            this.upper = upper;
        }

        @Override
        Vals eval(Frame frame) {
            out.clear();
            Vals in = inner.eval(frame);
            for (int i = 0; i < in.size; i++) {
                String s = in.text(i);
                out.addText(upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT));
            }
            return out;
        }
    }

    /** {@code string()}: each value as the text Wireshark shows for it. */
    static final class Text extends Value {
        private final Value inner;
        private final StringBuilder sb = new StringBuilder();

        Text(Value inner) {
            super(FType.STRING);
            this.inner = inner;
        }

        @Override
        Vals eval(Frame frame) {
            out.clear();
            Vals in = inner.eval(frame);
            for (int i = 0; i < in.size; i++) {
                sb.setLength(0);
                switch (in.type.family) {
                    case INTEGER, BOOLEAN -> sb.append(in.type.signed ? Long.toString(in.numbers[i])
                            : Long.toUnsignedString(in.numbers[i]));
                    case FLOAT -> sb.append(in.doubles[i]);
                    case IPV4 -> {
                        long a = in.numbers[i];
                        sb.append(a >>> 24 & 0xff).append('.').append(a >>> 16 & 0xff).append('.')
                                .append(a >>> 8 & 0xff).append('.').append(a & 0xff);
                    }
                    case IPV6 -> sb.append(ipv6(in.bytes(i)));
                    default -> {
                        for (int k = 0; k < in.length(i); k++) {
                            if (k > 0) {
                                sb.append(':');
                            }
                            sb.append(Character.forDigit(in.byteAt(i, k) >> 4, 16))
                                    .append(Character.forDigit(in.byteAt(i, k) & 15, 16));
                        }
                    }
                }
                out.addText(sb);
            }
            return out;
        }

        private static String ipv6(byte[] b) {
            try {
                return java.net.InetAddress.getByAddress(b).getHostAddress().replaceAll("(^|:)0(:0)+(:|$)", "::")
                        .replaceFirst(":::", "::");
            } catch (java.net.UnknownHostException e) {
                return "";
            }
        }
    }

    /** {@code max()} and {@code min()} over every value of every argument. */
    static final class Extreme extends Value {
        private final Value[] arguments;
        private final boolean max;

        Extreme(Value[] arguments, boolean max) {
            super(arguments[0].type);
            this.arguments = arguments;
            this.max = max;
        }

        @Override
        Vals eval(Frame frame) {
            out.clear();
            Vals best = null;
            int at = -1;
            for (Value argument : arguments) {
                Vals v = argument.eval(frame);
                for (int i = 0; i < v.size; i++) {
                    int c = best == null ? 0 : Compare.order(v, i, best, at);
                    if (best == null || (max ? c > 0 : c < 0)) {
                        best = v;
                        at = i;
                        copy(v, i);
                    }
                }
            }
            return out;
        }

        private void copy(Vals v, int i) {
            out.clear();
            switch (type.family) {
                case FLOAT -> out.addDouble(v.doubles[i]);
                case INTEGER, BOOLEAN, TIME -> out.addLong(v.numbers[i]);
                case IPV4 -> out.addAddress(v.numbers[i], -1);
                default -> out.addBytes(v.bytes(i));
            }
        }
    }

    /** {@code abs()} of numbers. */
    static final class Abs extends Value {
        private final Value inner;

        Abs(Value inner) {
            super(inner.type);
            this.inner = inner;
        }

        @Override
        Vals eval(Frame frame) {
            out.clear();
            Vals in = inner.eval(frame);
            for (int i = 0; i < in.size; i++) {
                if (type.family == FType.Family.FLOAT) {
                    out.addDouble(Math.abs(in.doubles[i]));
                } else {
                    out.addLong(type.signed ? Math.abs(in.numbers[i]) : in.numbers[i]);
                }
            }
            return out;
        }
    }

    /** The UTF-8 bytes of a Java string. */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
