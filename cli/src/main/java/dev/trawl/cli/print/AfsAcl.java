package dev.trawl.cli.print;

/**
 * An AFS access control list as tcpdump prints it: the text {@code "<positive> <negative>\n"} then one
 * {@code "<name> <rights>\n"} line per entry, printed {@code +{name rlidwka}} and {@code -{name rl}}; parsing
 * stops quietly at the first line that does not scan. Not thread-safe.
 */
final class AfsAcl {
    private static final int OPAQUE_MAX = 1024;
    private static final int USER_MAX = 1024;

    private final String text;
    private int at;

    private AfsAcl(String text) {
        this.text = text;
    }

    /** Reads the counted ACL text at the cursor and prints its entries. */
    static void print(AfsReader r) {
        long n = r.word();
        r.check(n);
        int len = (int) Math.min(OPAQUE_MAX, n);
        StringBuilder s = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            int b = r.m.byteAt(r.at + i);
            if (b == 0) {
                break;
            }
            s.append((char) b);
        }
        new AfsAcl(s.toString()).entries(r.out);
    }

    private void entries(Out out) {
        long pos = integer();
        if (pos == Long.MIN_VALUE) {
            return;
        }
        long neg = integer();
        if (neg == Long.MIN_VALUE) {
            return;
        }
        spaces();
        int end = text.length();
        for (int i = 0; i < pos; i++) {
            if (!entry(out, '+') || at > end) {
                return;
            }
        }
        for (int i = 0; i < neg; i++) {
            if (!entry(out, '-') || at > end) {
                return;
            }
        }
    }

    private boolean entry(Out out, char sign) {
        spaces();
        int from = at;
        while (at < text.length() && at - from < USER_MAX && !Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (at == from) {
            return false;
        }
        String user = text.substring(from, at);
        long acl = integer();
        if (acl == Long.MIN_VALUE) {
            return false;
        }
        spaces();
        out.ch(' ').ch(sign).ch('{');
        for (int i = 0; i < user.length(); i++) {
            VrrpPrinter.printable(out, user.charAt(i) & 0xFF);
        }
        out.ch(' ');
        int a = (int) acl;
        out.ascii((a & 1) != 0 ? "r" : "").ascii((a & 8) != 0 ? "l" : "").ascii((a & 4) != 0 ? "i" : "")
            .ascii((a & 16) != 0 ? "d" : "").ascii((a & 2) != 0 ? "w" : "").ascii((a & 32) != 0 ? "k" : "")
            .ascii((a & 64) != 0 ? "a" : "");
        out.ch('}');
        return true;
    }

    private void spaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    /** A decimal integer after optional white space, or {@link Long#MIN_VALUE} when none scans. */
    private long integer() {
        spaces();
        int from = at;
        if (at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '+')) {
            at++;
        }
        int digits = at;
        long v = 0;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            v = v * 10 + (text.charAt(at) - '0');
            at++;
        }
        if (at == digits) {
            at = from;
            return Long.MIN_VALUE;
        }
        return text.charAt(from) == '-' ? -v : v;
    }
}
