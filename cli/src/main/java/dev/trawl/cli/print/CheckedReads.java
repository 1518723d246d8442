package dev.trawl.cli.print;

import dev.trawl.decode.layer.TlvMessage;

/**
 * Reads of a message's fields that throw {@link Truncated} when the bytes were not captured, as tcpdump's
 * {@code GET_} macros end a packet's text with {@code [|proto]}: a printer that walks records at offsets it
 * computes reads through these and catches {@link Truncated} once. Stateless.
 */
final class CheckedReads {
    private CheckedReads() {
    }

    /** Throws {@link Truncated} unless the {@code n} bytes at {@code at} were captured. */
    static void need(TlvMessage m, int at, int n) {
        if (!m.has(at, n)) {
            throw Truncated.INSTANCE;
        }
    }

    static int u8(TlvMessage m, int at) {
        need(m, at, 1);
        return m.byteAt(at);
    }

    static int u16(TlvMessage m, int at) {
        need(m, at, 2);
        return m.shortAt(at);
    }

    static int u24(TlvMessage m, int at) {
        need(m, at, 3);
        return m.byteAt(at) << 16 | m.shortAt(at + 1);
    }

    static long u32(TlvMessage m, int at) {
        need(m, at, 4);
        return m.intAt(at);
    }

    /**
     * Text of up to {@code n} bytes, ended early by a NUL, controls escaped (tcpdump's {@code nd_printjnp});
     * what was captured is written before {@link Truncated} is thrown.
     */
    static void textToNul(Out out, TlvMessage m, int at, int n) {
        for (int i = 0; i < n; i++) {
            int b = u8(m, at + i);
            if (b == 0) {
                return;
            }
            VrrpPrinter.printable(out, b);
        }
    }
}
