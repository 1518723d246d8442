package dev.trawl.cli.print;

import dev.trawl.decode.layer.Tcp;

/**
 * The Multipath TCP option (RFC 8684, and RFC 6824's version 0) inside a TCP header's option list, as tcpdump
 * prints it after {@code mptcp}: its length, its subtype's name and the subtype's fields ({@code mptcp 12
 * capable v1 {0x1a2b...}}). Stateless.
 */
final class Mptcp {
    private static final String[] SUBTYPES = {"capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail",
        "fast-close", "unknown"};

    private Mptcp() {
    }

    /**
     * Writes the option of {@code len} bytes at {@code off} of the TCP header, whose bytes the caller checked
     * were captured.
     *
     * @param flags the segment's TCP flags, which tell which form of an option is valid
     * @return false when the option is malformed for its subtype (tcpdump then writes {@code [bad opt]})
     */
    static boolean print(Out out, PrintContext c, Tcp tcp, int off, int len, int flags) {
        if (len < 3) {
            return false;
        }
        int subtype = Math.min(tcp.u8At(off + 2) >> 4, SUBTYPES.length - 1);
        out.ch(' ').num(len).ch(' ').ascii(SUBTYPES[subtype]);
        return switch (subtype) {
            case 0 -> capable(out, tcp, off, len, flags);
            case 1 -> join(out, tcp, off, len, flags);
            case 2 -> dss(out, tcp, off, len, flags);
            case 3 -> addAddress(out, c, tcp, off, len);
            case 4 -> {
                if (len < 4) {
                    yield false;
                }
                out.ascii(" id");
                for (int i = 3; i < len; i++) {
                    out.ch(' ').num(tcp.u8At(off + i));
                }
                yield true;
            }
            case 5 -> {
                if (len != 3 && len != 4) {
                    yield false;
                }
                out.ascii((tcp.u8At(off + 2) & 1) != 0 ? " backup" : " non-backup");
                if (len == 4) {
                    out.ascii(" id ").num(tcp.u8At(off + 3));
                }
                yield true;
            }
            case 6, 7 -> {
                if (len != 12) {
                    yield false;
                }
                out.ascii(subtype == 6 ? " seq " : " key 0x");
                long v = u64(tcp, off + 4);
                if (subtype == 6) {
                    out.ascii(Long.toUnsignedString(v));
                } else {
                    out.ascii(Long.toHexString(v));
                }
                yield true;
            }
            default -> true;
        };
    }

    private static long u64(Tcp tcp, int at) {
        return tcp.u32At(at) << 32 | tcp.u32At(at + 4);
    }

    private static boolean capable(Out out, Tcp tcp, int off, int len, int flags) {
        boolean syn = (flags & Tcp.SYN) != 0;
        boolean ackOnly = (flags & (Tcp.SYN | Tcp.ACK)) == Tcp.ACK;
        if (!((len == 12 || len == 4) && syn) && !((len == 20 || len == 22) && ackOnly)) {
            return false;
        }
        int version = tcp.u8At(off + 2) & 0xf;
        if (version > 1) {
            out.ascii(" Unknown Version (").num(version).ch(')');
            return true;
        }
        out.ascii(" v").num(version);
        if ((tcp.u8At(off + 3) & 0x80) != 0) {
            out.ascii(" csum");
        }
        if (len == 12 || len >= 20) {
            out.ascii(" {0x").ascii(Long.toHexString(u64(tcp, off + 4)));
            if (len >= 20) {
                out.ascii(",0x").ascii(Long.toHexString(u64(tcp, off + 12)));
            }
            out.ch('}');
        }
        return true;
    }

    private static boolean join(Out out, Tcp tcp, int off, int len, int flags) {
        boolean syn = (flags & Tcp.SYN) != 0;
        boolean synAck = (flags & (Tcp.SYN | Tcp.ACK)) == (Tcp.SYN | Tcp.ACK);
        if (!(len == 12 && syn) && !(len == 16 && synAck) && !(len == 24 && (flags & Tcp.ACK) != 0)) {
            return false;
        }
        if (len != 24) {
            if ((tcp.u8At(off + 2) & 1) != 0) {
                out.ascii(" backup");
            }
            out.ascii(" id ").num(tcp.u8At(off + 3));
        }
        switch (len) {
            case 12 -> out.ascii(" token 0x").hex(tcp.u32At(off + 4)).ascii(" nonce 0x").hex(tcp.u32At(off + 8));
            case 16 -> out.ascii(" hmac 0x").ascii(Long.toHexString(u64(tcp, off + 4))).ascii(" nonce 0x")
                    .hex(tcp.u32At(off + 12));
            default -> {
                out.ascii(" hmac 0x");
                for (int i = 0; i < 20; i++) {
                    out.hex2(tcp.u8At(off + 4 + i));
                }
            }
        }
        return true;
    }

    private static boolean dss(Out out, Tcp tcp, int off, int len, int flags) {
        if (len < 4 || (flags & Tcp.SYN) != 0) {
            return false;
        }
        int dssFlags = tcp.u8At(off + 3);
        if ((dssFlags & 0x10) != 0) {
            out.ascii(" fin");
        }
        int at = off + 4;
        int left = len - 4;
        if ((dssFlags & 0x01) != 0) {
            out.ascii(" ack ");
            int size = (dssFlags & 0x02) != 0 ? 8 : 4;
            if (left < size) {
                return false;
            }
            out.ascii(size == 8 ? Long.toUnsignedString(u64(tcp, at)) : Long.toString(tcp.u32At(at)));
            at += size;
            left -= size;
        }
        if ((dssFlags & 0x04) != 0) {
            out.ascii(" seq ");
            int size = (dssFlags & 0x08) != 0 ? 8 : 4;
            if (left < size) {
                return false;
            }
            out.ascii(size == 8 ? Long.toUnsignedString(u64(tcp, at)) : Long.toString(tcp.u32At(at)));
            at += size;
            left -= size;
            if (left < 4) {
                return false;
            }
            out.ascii(" subseq ").num(tcp.u32At(at));
            at += 4;
            left -= 4;
            if (left < 2) {
                return false;
            }
            out.ascii(" len ").num(tcp.u16At(at));
            at += 2;
            left -= 2;
            if (left >= 2) {
                out.ascii(" csum 0x").hex(tcp.u16At(at));
                left -= 2;
            }
        }
        return left == 0;
    }

    private static boolean addAddress(Out out, PrintContext c, Tcp tcp, int off, int len) {
        boolean v4 = len == 8 || len == 10 || len == 16 || len == 18;
        boolean v6 = len == 20 || len == 22 || len == 28 || len == 30;
        if (!v4 && !v6) {
            return false;
        }
        String echo = switch (tcp.u8At(off + 2) & 0xf) {
            case 6 -> "v0-ip6";
            case 4 -> "v0-ip4";
            case 1 -> "v1-echo";
            case 0 -> "v1";
            default -> "[bad version/echo]";
        };
        out.ch(' ').ascii(echo).ascii(" id ").num(tcp.u8At(off + 3)).ch(' ');
        int at = off + 4;
        int size;
        if (v4) {
            c.ipv4((int) tcp.u32At(at));
            size = 4;
        } else {
            byte[] a = c.addressScratch();
            for (int i = 0; i < 16; i++) {
                a[i] = (byte) tcp.u8At(at + i);
            }
            c.ipv6(a);
            size = 16;
        }
        int base = v4 ? 8 : 20;
        boolean port = len == base + 2 || len == base + 10;
        if (port) {
            out.ch(':').num(tcp.u16At(at + size));
        }
        if (len >= base + 8) {
            out.ascii(" hmac 0x").ascii(Long.toHexString(u64(tcp, at + size + (port ? 2 : 0))));
        }
        return true;
    }
}
