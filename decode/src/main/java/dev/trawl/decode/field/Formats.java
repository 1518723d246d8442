package dev.trawl.decode.field;

import java.nio.ByteBuffer;

/**
 * Text forms of field values, as {@code tshark -T fields} prints them. Methods append to a
 * {@link StringBuilder} and allocate nothing else. Stateless and thread-safe.
 */
public final class Formats {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Formats() {
    }

    /** Appends an integer value of {@code type}. */
    public static StringBuilder appendInteger(StringBuilder out, FieldType type, long value) {
        switch (type) {
            case BOOLEAN:
                return out.append(value != 0 ? '1' : '0');
            case EPOCH_NANOS:
                return seconds(out, Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
            case RELATIVE_NANOS: {
                long abs = Math.abs(value); // a duration never reaches Long.MIN_VALUE nanoseconds
                return seconds(value < 0 ? out.append('-') : out, abs / 1_000_000_000L, abs % 1_000_000_000L);
            }
            case INT:
                return out.append(value);
            case UINT:
                return value >= 0 ? out.append(value) : out.append(Long.toUnsignedString(value));
            default:
                int digits = type.hexDigits();
                if (digits == 0) {
                    return out.append(value);
                }
                out.append("0x");
                int needed = Math.max(digits, (64 - Long.numberOfLeadingZeros(value) + 3) / 4);
                for (int shift = (needed - 1) * 4; shift >= 0; shift -= 4) {
                    out.append(HEX[(int) (value >>> shift) & 0xF]);
                }
                return out;
        }
    }

    /** Appends {@code seconds.nanos} with nine decimals. */
    private static StringBuilder seconds(StringBuilder out, long seconds, long nanos) {
        out.append(seconds).append('.');
        for (long scale = 100_000_000L; scale > nanos && scale > 1; scale /= 10) {
            out.append('0');
        }
        return out.append(nanos);
    }

    /** Appends a bytes value of {@code type} ({@link FieldType#MAC}, IPV4, IPV6, BYTES or PLAIN_BYTES). */
    public static StringBuilder appendBytes(StringBuilder out, FieldType type, ByteBuffer buf, int index,
            int length) {
        switch (type) {
            case IPV4:
                for (int i = 0; i < length; i++) {
                    if (i > 0) {
                        out.append('.');
                    }
                    octet(out, buf.get(index + i) & 0xFF);
                }
                return out;
            case IPV6:
                return length == 16 ? appendIpv6(out, buf, index) : appendHex(out, buf, index, length, ':');
            case PLAIN_BYTES:
                return appendHex(out, buf, index, length, (char) 0);
            default:
                return appendHex(out, buf, index, length, ':');
        }
    }

    /** Appends bytes as hex pairs separated by {@code separator} (none when it is 0). */
    public static StringBuilder appendHex(StringBuilder out, ByteBuffer buf, int index, int length,
            char separator) {
        for (int i = 0; i < length; i++) {
            if (i > 0 && separator != 0) {
                out.append(separator);
            }
            int b = buf.get(index + i) & 0xFF;
            out.append(HEX[b >>> 4]).append(HEX[b & 0xF]);
        }
        return out;
    }

    /** Appends a MAC address given as a 48-bit number. */
    public static StringBuilder appendMac(StringBuilder out, long mac) {
        for (int shift = 40; shift >= 0; shift -= 8) {
            int b = (int) (mac >>> shift) & 0xFF;
            out.append(HEX[b >>> 4]).append(HEX[b & 0xF]);
            if (shift > 0) {
                out.append(':');
            }
        }
        return out;
    }

    /** Appends an IPv4 address given as an int (first octet in the high byte). */
    public static StringBuilder appendIpv4(StringBuilder out, int address) {
        octet(out, address >>> 24).append('.');
        octet(out, (address >>> 16) & 0xFF).append('.');
        octet(out, (address >>> 8) & 0xFF).append('.');
        return octet(out, address & 0xFF);
    }

    /**
     * Appends a number from 0 to 255 in decimal: digit by digit, which costs a fraction of the general
     * {@code append(int)} for the four numbers of every IPv4 address printed.
     */
    private static StringBuilder octet(StringBuilder out, int value) {
        if (value >= 100) {
            out.append((char) ('0' + value / 100));
            value %= 100;
            out.append((char) ('0' + value / 10));
        } else if (value >= 10) {
            out.append((char) ('0' + value / 10));
        }
        return out.append((char) ('0' + value % 10));
    }

    /**
     * Appends a 16-byte IPv6 address in RFC 5952 form: lower-case hex, leading zeros dropped, the longest run
     * of two or more zero groups (the first, on a tie) as {@code ::}, and IPv4-mapped or -compatible
     * addresses with a dotted tail, as inet_ntop prints them.
     */
    public static StringBuilder appendIpv6(StringBuilder out, ByteBuffer buf, int index) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (buf.get(index + 2 * i) & 0xFF) << 8 | (buf.get(index + 2 * i + 1) & 0xFF);
        }
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8;) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xFFFF))) {
                out.append(w[6] >>> 8).append('.').append(w[6] & 0xFF).append('.')
                        .append(w[7] >>> 8).append('.').append(w[7] & 0xFF);
                return out;
            }
            out.append(Integer.toHexString(w[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            out.append(':');
        }
        return out;
    }
}
