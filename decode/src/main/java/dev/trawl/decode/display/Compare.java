package dev.trawl.decode.display;

/**
 * How two values compare, by the family of their type: integers as numbers (unsigned unless the type is
 * signed), floating point and times as numbers, IPv4 addresses as unsigned numbers within the prefix a literal
 * gives, IPv6 addresses and everything else as unsigned bytes, shorter first when one is a prefix of the
 * other. Stateless.
 */
final class Compare {
    private Compare() {
    }

    /** Negative, zero or positive as value {@code i} of {@code a} is below, equal to or above value {@code j} of {@code b}. */
    static int order(Vals a, int i, Vals b, int j) {
        switch (a.type.family) {
            case INTEGER, BOOLEAN -> {
                if (b.type.family == FType.Family.FLOAT) {
                    return Double.compare(a.numbers[i], b.doubles[j]);
                }
                return a.type.signed || b.type.signed ? Long.compare(a.numbers[i], b.numbers[j])
                        : Long.compareUnsigned(a.numbers[i], b.numbers[j]);
            }
            case FLOAT -> {
                return Double.compare(a.doubles[i], b.type.family == FType.Family.FLOAT ? b.doubles[j] : b.numbers[j]);
            }
            case TIME -> {
                return Long.compare(a.numbers[i], b.numbers[j]);
            }
            case IPV4 -> {
                return Long.compare(a.numbers[i], b.numbers[j]);
            }
            default -> {
                if (a.type.family == FType.Family.PROTOCOL || b.type.family == FType.Family.PROTOCOL) {
                    // Wireshark orders protocols by length first, then by their bytes
                    int byLength = Integer.compare(a.length(i), b.length(j));
                    if (byLength != 0) {
                        return byLength;
                    }
                }
                int n = Math.min(a.length(i), b.length(j));
                for (int k = 0; k < n; k++) {
                    int c = a.byteAt(i, k) - b.byteAt(j, k);
                    if (c != 0) {
                        return c;
                    }
                }
                return a.length(i) - b.length(j);
            }
        }
    }

    /** Whether value {@code i} of {@code a} equals value {@code j} of {@code b}; an address literal's prefix makes a subnet. */
    static boolean equal(Vals a, int i, Vals b, int j) {
        switch (a.type.family) {
            case IPV4 -> {
                int prefix = Math.max(a.prefixes[i], b.type.family == FType.Family.IPV4 ? b.prefixes[j] : -1);
                if (prefix < 0 || prefix >= 32) {
                    return a.numbers[i] == b.numbers[j];
                }
                long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
                return (a.numbers[i] & mask) == (b.numbers[j] & mask);
            }
            case IPV6 -> {
                int prefix = Math.max(a.prefixes[i], b.type.family == FType.Family.IPV6 ? b.prefixes[j] : -1);
                if (prefix < 0) {
                    return order(a, i, b, j) == 0;
                }
                if (a.length(i) != 16 || b.length(j) != 16) {
                    return false;
                }
                for (int bit = 0; bit < prefix; bit += 8) {
                    int mask = prefix - bit >= 8 ? 0xff : (0xff << (8 - (prefix - bit))) & 0xff;
                    if ((a.byteAt(i, bit / 8) & mask) != (b.byteAt(j, bit / 8) & mask)) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                return order(a, i, b, j) == 0;
            }
        }
    }

    /** Whether value {@code i} of {@code a} (a protocol: all it carries) holds the bytes of value {@code j} of {@code b}. */
    static boolean contains(Vals a, int i, Vals b, int j) {
        int n = a.extent(i);
        int m = b.length(j);
        if (m == 0) {
            return true;
        }
        int first = b.byteAt(j, 0);
        outer:
        for (int k = 0; k + m <= n; k++) {
            if (a.byteAt(i, k) != first) {
                continue;
            }
            for (int q = 1; q < m; q++) {
                if (a.byteAt(i, k + q) != b.byteAt(j, q)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
