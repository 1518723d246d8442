package dev.trawl.cli.print;

import dev.trawl.decode.layer.TlvMessage;

/**
 * How tcpdump writes the values of records it walks: its dump of bytes it does not decode further
 * ({@code print_unknown_data}), text with control characters escaped, and flag names. Stateless.
 */
final class TlvText {
    private TlvText() {
    }

    /**
     * Dumps {@code length} bytes of {@code m} from {@code rel} as tcpdump's {@code print_unknown_data}: after
     * {@code indent}, lines of sixteen bytes as {@code 0x0010:  4369 7363 ...}, the captured ones only.
     */
    static void dump(Out out, TlvMessage m, int rel, int length, String indent) {
        dump(out, i -> m.byteAt(rel + i), Math.min(length, m.remaining(rel)), indent);
    }

    /** Dumps {@code n} bytes, the {@code i}th of which {@code byteAt} gives, as {@link #dump(Out, TlvMessage,
     * int, int, String)} does. */
    static void dump(Out out, java.util.function.IntUnaryOperator byteAt, int n, String indent) {
        for (int i = 0; i < n; i += 2) {
            if (i % 16 == 0) {
                out.ascii(indent).ascii("0x").hex(i, 4).ascii(": ");
            }
            out.ch(' ');
            out.hex2(byteAt.applyAsInt(i));
            if (i + 1 < n) {
                out.hex2(byteAt.applyAsInt(i + 1));
            }
        }
    }

    /** Writes {@code length} bytes of text as tcpdump's {@code nd_printjn} does (controls as {@code ^@}). */
    static void text(Out out, TlvMessage m, int rel, int length) {
        for (int i = 0; i < length; i++) {
            VrrpPrinter.printable(out, m.byteAt(rel + i));
        }
    }

    /** Writes text as tcpdump's {@code nd_printjnp} does: like {@link #text}, up to the first NUL byte. */
    static void textToNul(Out out, TlvMessage m, int rel, int length) {
        for (int i = 0; i < length; i++) {
            int b = m.byteAt(rel + i);
            if (b == 0) {
                return;
            }
            VrrpPrinter.printable(out, b);
        }
    }

    /**
     * Writes the names of the bits set in {@code value} as tcpdump's {@code bittok2str} does: bit {@code i} is
     * {@code names[i]} (a null name is skipped), separated by commas, {@code none} when no named bit is set.
     */
    static void bitNames(Out out, long value, String[] names, String none) {
        String sep = "";
        for (int bit = 0; bit < names.length; bit++) {
            if ((value & (1L << bit)) != 0 && names[bit] != null) {
                out.ascii(sep).ascii(names[bit]);
                sep = ", ";
            }
        }
        if (sep.isEmpty()) {
            out.ascii(none);
        }
    }

    /** Writes the IPv4 ({@code size} 4) or IPv6 ({@code size} 16) address at {@code rel} of {@code m}. */
    static void address(PrintContext c, TlvMessage m, int rel, int size) {
        if (size == 4) {
            c.ipv4((int) m.intAt(rel));
            return;
        }
        byte[] a = c.addressScratch();
        for (int i = 0; i < 16; i++) {
            a[i] = (byte) m.byteAt(rel + i);
        }
        c.ipv6(a);
    }
}
