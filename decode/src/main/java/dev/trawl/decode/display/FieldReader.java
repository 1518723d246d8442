package dev.trawl.decode.display;

import dev.trawl.decode.field.FieldSink;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Receives a decoder field's occurrences and adds them to a {@link Vals} as values of the field's Wireshark
 * type: the decoder reports a field as an integer, a span of bytes, or text (its tshark print form), and the
 * filter needs it typed (a time as nanoseconds, an address as a number, a string as bytes). Bytes are not
 * copied: a span points into the packet's buffer. Not thread-safe.
 */
final class FieldReader implements FieldSink {
    private Vals out;

    FieldReader into(Vals vals) {
        this.out = vals;
        return this;
    }

    @Override
    public void integer(long value) {
        switch (out.type.family) {
            case INTEGER -> out.addLong(out.type.signed && out.type.bits < 64
                    ? value << (64 - out.type.bits) >> (64 - out.type.bits) : value);
            case TIME -> out.addLong(value);
            case BOOLEAN -> out.addLong(value != 0 ? 1 : 0);
            case FLOAT -> out.addDouble(value);
            case IPV4 -> out.addAddress(value & 0xFFFF_FFFFL, -1);
            case STRING -> out.addText(Long.toString(value));
            default -> {
                // a number where Wireshark has bytes: its big-endian bytes, as long as the type is
                byte[] b = new byte[Math.max(1, out.type.bits / 8)];
                for (int k = b.length - 1, v = 0; k >= 0; k--, v += 8) {
                    b[k] = (byte) (value >>> v);
                }
                out.addBytes(b);
            }
        }
    }

    @Override
    public void bytes(ByteBuffer buf, int index, int length) {
        switch (out.type.family) {
            case IPV4 -> {
                if (length == 4) {
                    out.addAddress(buf.getInt(index) & 0xFFFF_FFFFL, -1);
                }
            }
            case INTEGER, BOOLEAN, TIME -> {
                long value = 0;
                for (int k = 0; k < Math.min(8, length); k++) {
                    value = value << 8 | (buf.get(index + k) & 0xff);
                }
                out.addLong(out.type.family == FType.Family.BOOLEAN ? (value != 0 ? 1 : 0) : value);
            }
            case IPV6 -> {
                if (length == 16) {
                    out.addSpan(buf, index, length);
                    out.prefixes[out.size - 1] = -1;
                }
            }
            case FLOAT -> out.addDouble(length == 8 ? buf.getDouble(index) : length == 4 ? buf.getFloat(index) : 0);
            default -> out.addSpan(buf, index, length);
        }
    }

    @Override
    public void text(CharSequence text) {
        switch (out.type.family) {
            case TIME -> {
                long nanos = seconds(text);
                if (nanos == Long.MIN_VALUE) {
                    nanos = arrivalTime(text);
                }
                if (nanos != Long.MIN_VALUE) {
                    out.addLong(nanos);
                }
            }
            case FLOAT -> {
                try {
                    out.addDouble(Double.parseDouble(text.toString()));
                } catch (NumberFormatException e) {
                    // not a number: no value
                }
            }
            case INTEGER, BOOLEAN -> {
                Long value = Literals.number(text.toString());
                if (value != null) {
                    out.addLong(value);
                }
            }
            case IPV4 -> {
                long address = Literals.dottedQuad(text.toString());
                if (address >= 0) {
                    out.addAddress(address, -1);
                }
            }
            case IPV6 -> {
                byte[] address = Literals.ipv6Bytes(text.toString());
                if (address != null) {
                    out.addIpv6(address, -1);
                }
            }
            case BYTES, PROTOCOL -> {
                byte[] bytes = Literals.hexBytes(text.toString());
                if (bytes != null) {
                    out.addBytes(bytes);
                } else {
                    out.addText(text);
                }
            }
            default -> out.addText(text);
        }
    }

    private static final DateTimeFormatter ARRIVAL = DateTimeFormatter.ofPattern("MMM ppd, yyyy HH:mm:ss.n zzz",
            Locale.US);

    /**
     * A date as tshark shows an arrival time ({@code Jun 10, 2020 09:19:54.000000000 UTC}) as nanoseconds since
     * the epoch, or {@link Long#MIN_VALUE} when it is not one.
     */
    static long arrivalTime(CharSequence text) {
        try {
            Instant t = ZonedDateTime.parse(text, ARRIVAL).toInstant();
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (DateTimeException | ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }

    /** {@code [-]seconds[.fraction]} as nanoseconds, or {@link Long#MIN_VALUE} when it is not one. */
    static long seconds(CharSequence text) {
        int i = 0;
        boolean negative = text.length() > 0 && text.charAt(0) == '-';
        if (negative) {
            i++;
        }
        long seconds = 0;
        int digits = 0;
        for (; i < text.length() && Character.isDigit(text.charAt(i)); i++, digits++) {
            seconds = seconds * 10 + (text.charAt(i) - '0');
        }
        long nanos = 0;
        int scale = 100_000_000;
        if (i < text.length() && text.charAt(i) == '.') {
            for (i++; i < text.length() && Character.isDigit(text.charAt(i)); i++, digits++) {
                nanos += (text.charAt(i) - '0') * (long) scale;
                scale /= 10;
            }
        }
        if (digits == 0 || i != text.length()) {
            return Long.MIN_VALUE;
        }
        long value = seconds * 1_000_000_000L + nanos;
        return negative ? -value : value;
    }
}
