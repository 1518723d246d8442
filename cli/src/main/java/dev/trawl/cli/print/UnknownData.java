package dev.trawl.cli.print;

import dev.trawl.decode.layer.TlvMessage;

/**
 * tcpdump's dump of bytes it does not decode further ({@code print_unknown_data}): after {@code indent}, lines of
 * sixteen bytes as {@code 0x0010:  4369 7363 ...}, the captured ones only. Stateless.
 */
final class UnknownData {
    private UnknownData() {
    }

    /** Dumps {@code length} bytes of {@code m} from {@code rel}, each line after {@code indent}. */
    static void dump(Out out, TlvMessage m, int rel, int length, String indent) {
        int n = Math.min(length, m.remaining(rel));
        for (int i = 0; i < n; i += 2) {
            if (i % 16 == 0) {
                out.ascii(indent).ascii("0x").hex(i, 4).ascii(": ");
            }
            out.ch(' ');
            out.hex2(m.byteAt(rel + i));
            if (i + 1 < n) {
                out.hex2(m.byteAt(rel + i + 1));
            }
        }
    }

    /** Writes {@code length} bytes of text as tcpdump's {@code nd_printjn} does (controls as {@code ^@}). */
    static void text(Out out, TlvMessage m, int rel, int length) {
        for (int i = 0; i < length; i++) {
            VrrpPrinter.printable(out, m.byteAt(rel + i));
        }
    }
}
