package dev.trawl.cli.print;

import static dev.trawl.cli.print.EsisPrinter.need;

import dev.trawl.decode.layer.Isis;

/**
 * The sub-TLVs of IS-IS's shortest path bridging TLVs (RFC 6329) as tcpdump prints them with {@code -v}: those of
 * the multi-topology-aware port capability TLV (MCIDs, digest, base VLAN identifiers) and of the multi-topology
 * capability TLV (SPB instance with its VLAN tuples, SPBM service identifiers). A sub-TLV longer than its TLV, too
 * short for its kind or not wholly captured ends the walk with tcpdump's note; the TLVs after it still print.
 * Where the captured bytes end mid-header a {@link Truncated} ends the PDU. Stateless.
 */
final class IsisSpb {
    private static final int MCID = 4;
    private static final int DIGEST = 5;
    private static final int BVID = 6;
    private static final int INSTANCE = 1;
    private static final int SERVICE_IDENTIFIER = 3;
    private static final int MCID_LENGTH = 51;
    private static final int DIGEST_LENGTH = 33;
    private static final int INSTANCE_LENGTH = 19;
    private static final int VLAN_TUPLE_LENGTH = 8;

    private IsisSpb() {
    }

    /** The port capability TLV's sub-TLVs, {@code len} bytes from {@code at}. */
    static void portCapability(PrintContext c, Isis m, int at, int len) {
        Out out = c.out();
        while (len > 2) {
            need(m, at, 2);
            int type = m.byteAt(at);
            int n = m.byteAt(at + 1);
            out.ascii("\n\t       ").ascii(switch (type) {
                case MCID -> "SPB MCID";
                case DIGEST -> "SPB Digest";
                case BVID -> "SPB BVID";
                default -> "unknown";
            }).ascii(" subTLV #").num(type).ascii(", length: ").num(n);
            at += 2;
            len -= 2;
            if (!fits(c, m, at, n, len)) {
                return;
            }
            switch (type) {
                case MCID -> {
                    if (n < 2 * MCID_LENGTH) {
                        out.ascii(" (too short)");
                        return;
                    }
                    out.ascii("\n\t         MCID: ");
                    mcid(out, m, at);
                    out.ascii("\n\t         AUX-MCID: ");
                    mcid(out, m, at + MCID_LENGTH);
                    at += 2 * MCID_LENGTH;
                    len -= 2 * MCID_LENGTH;
                    n -= 2 * MCID_LENGTH;
                }
                case DIGEST -> {
                    if (n < DIGEST_LENGTH) {
                        out.ascii(" (too short)");
                        return;
                    }
                    int b = m.byteAt(at);
                    out.ascii("\n\t        RES: ").num(b >> 5).ascii(" V: ").num(b >> 4 & 1).ascii(" A: ")
                            .num(b >> 2 & 3).ascii(" D: ").num(b & 3).ascii("\n\t         Digest: ");
                    for (int i = 1; i <= 8; i++) {
                        out.hex(m.intAt(at + 1 + 4 * (i - 1)), 8).ch(' ');
                        if (i == 4) {
                            out.ascii("\n\t                 ");
                        }
                    }
                    at += DIGEST_LENGTH;
                    len -= DIGEST_LENGTH;
                    n -= DIGEST_LENGTH;
                }
                case BVID -> {
                    while (n != 0) {
                        if (n < 4) {
                            out.ascii(" (too short)");
                            return;
                        }
                        out.ascii("\n\t           ECT: ").hex(m.intAt(at), 8);
                        at += 4;
                        len -= 4;
                        n -= 4;
                        if (n < 2) {
                            out.ascii(" (too short)");
                            return;
                        }
                        int w = m.shortAt(at);
                        out.ascii(" BVID: ").num(w >> 4).ascii(", U:").hex(w >> 3 & 1).ascii(" M:").hex(w >> 2 & 1)
                                .ch(' ');
                        at += 2;
                        len -= 2;
                        n -= 2;
                    }
                }
                default -> {
                }
            }
            at += n;
            len -= n;
        }
    }

    /** The multi-topology capability TLV's sub-TLVs, {@code len} bytes from {@code at}. */
    static void capability(PrintContext c, Isis m, int at, int len) {
        Out out = c.out();
        while (len > 2) {
            need(m, at, 2);
            int type = m.byteAt(at);
            int n = m.byteAt(at + 1);
            at += 2;
            len -= 2;
            out.ascii("\n\t      ").ascii(switch (type) {
                case INSTANCE -> "SPB Instance";
                case SERVICE_IDENTIFIER -> "SPBM Service Identifier and Unicast Address";
                default -> "unknown";
            }).ascii(" subTLV #").num(type).ascii(", length: ").num(n);
            if (!fits(c, m, at, n, len)) {
                return;
            }
            switch (type) {
                case INSTANCE -> {
                    if (n < INSTANCE_LENGTH) {
                        out.ascii(" (too short)");
                        return;
                    }
                    out.ascii("\n\t        CIST Root-ID: ").hex(m.intAt(at), 8).ch(' ').hex(m.intAt(at + 4), 8)
                            .ascii(", Path Cost: ").hex(m.intAt(at + 8), 8).ascii(", Prio: ").num(m.shortAt(at + 12))
                            .ascii("\n\t        RES: ").num(m.shortAt(at + 14) >> 5).ascii(", V: ")
                            .num(m.shortAt(at + 14) >> 4 & 1).ascii(", SPSource-ID: ").num(m.intAt(at + 14) & 0xfffff)
                            .ascii(", No of Trees: ").hex(m.byteAt(at + 18));
                    int trees = m.byteAt(at + 18);
                    at += INSTANCE_LENGTH;
                    len -= INSTANCE_LENGTH;
                    n -= INSTANCE_LENGTH;
                    for (; trees > 0; trees--) {
                        if (n < VLAN_TUPLE_LENGTH) {
                            c.truncated("isis");
                            return;
                        }
                        int b = m.byteAt(at);
                        int vids = m.u24At(at + 5);
                        out.ascii("\n\t         U:").num(b >> 7).ascii(", M:").num(b >> 6 & 1).ascii(", A:")
                                .num(b >> 5 & 1).ascii(", RES:").num(b & 0x1f).ascii(", ECT: ").hex(m.intAt(at + 1), 8)
                                .ascii(", BVID: ").num(vids >> 12 & 0xfff).ascii(", SPVID: ").num(vids & 0xfff);
                        at += VLAN_TUPLE_LENGTH;
                        len -= VLAN_TUPLE_LENGTH;
                        n -= VLAN_TUPLE_LENGTH;
                    }
                }
                case SERVICE_IDENTIFIER -> {
                    if (n < 8) {
                        c.truncated("isis");
                        return;
                    }
                    int w = m.shortAt(at + 6);
                    out.ascii("\n\t        BMAC: ").hex(m.intAt(at), 8).hex(m.shortAt(at + 4), 4).ascii(", RES: ")
                            .num(w >> 12).ascii(", VID: ").num(w & 0xfff);
                    at += 8;
                    len -= 8;
                    n -= 8;
                    for (; n >= 4; n -= 4) {
                        long v = m.intAt(at);
                        out.ascii("\n\t        T: ").num(v >>> 31).ascii(", R: ").num(v >> 30 & 1).ascii(", RES: ")
                                .num(v >> 24 & 0x3f).ascii(", ISID: ").num(v & 0xffffff);
                        at += 4;
                        len -= 4;
                    }
                }
                default -> {
                }
            }
            at += n;
            len -= n;
        }
    }

    /**
     * Whether a sub-TLV of {@code n} bytes at {@code at} fits in the {@code left} bytes of its TLV and was captured;
     * if not, writes tcpdump's note on it.
     */
    private static boolean fits(PrintContext c, Isis m, int at, int n, int left) {
        if (left < n) {
            c.out().ascii(" (> containing TLV length)");
            return false;
        }
        if (!m.has(at, n)) {
            c.truncated("isis");
            return false;
        }
        return true;
    }

    /** An MST configuration identifier: format, name, revision level and digest. */
    private static void mcid(Out out, Isis m, int at) {
        out.ascii("ID: ").num(m.byteAt(at)).ascii(", Name: ");
        TlvText.textToNul(out, m, at + 1, 32);
        out.ascii("\n\t              Lvl: ").num(m.shortAt(at + 33)).ascii(", Digest: ");
        for (int i = 0; i < 16; i++) {
            out.hex2(m.byteAt(at + 35 + i)).ch(' ');
        }
    }
}
