package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Rip;

/**
 * RIP versions 1 and 2 as tcpdump prints them: {@code RIPv2, Response, length: 64}, and with {@code -v} the
 * route entries (and authentication) one per line; with {@code -vv} a hex dump of the message follows. Not
 * thread-safe.
 */
final class RipPrinter implements LayerPrinter {
    private static final String[] COMMANDS = {null, "Request", "Response", "Trace on", "Trace off", "Poll",
        "Poll Entry"};
    private static final int AF_INET = 2;
    private static final String INDENT = "\n\t  ";

    private final Rip view = new Rip();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Rip r = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = ApplicationPrinters.udpPayload(c, layer);
        int len = Math.min(r.regionLength(), length);
        if (len < Rip.HEADER_LENGTH) {
            c.truncated("rip");
            return;
        }
        len -= Rip.HEADER_LENGTH;
        int version = r.version();
        out.ascii(c.verbose() > 0 ? "\n\tRIPv" : "RIPv").num(version);
        if (version == 0) {
            TlvText.dump(out, r, 0, length, "\n\t");
            return;
        }
        int cmd = r.command();
        out.ascii(", ");
        if (cmd > 0 && cmd < COMMANDS.length) {
            out.ascii(COMMANDS[cmd]);
        } else {
            out.ascii("unknown command (").num(cmd).ch(')');
        }
        out.ascii(", length: ").num(length);
        if (c.verbose() == 0) {
            return;
        }
        if (cmd == 1 || cmd == 2) {
            if (version == 1 || version == 2) {
                out.ascii(", routes: ").num(length / Rip.ENTRY_LENGTH).ascii(version == 2 ? " or less" : "");
                int at = Rip.HEADER_LENGTH;
                while (len != 0) {
                    int size = version == 1 ? entryV1(c, r, at, len) : entryV2(c, r, at, len);
                    if (size == 0) {
                        c.truncated("rip");
                        break;
                    }
                    if (len < size) {
                        out.ascii(" [remaining entries length ").num(len).ascii(" < ").num(size).ascii("] (invalid)");
                        break;
                    }
                    at += size;
                    len -= size;
                }
            } else {
                out.ascii(", unknown version");
            }
        } else if (cmd == 0 || cmd == 3 || cmd > 6) {
            if (c.verbose() <= 1) {
                TlvText.dump(out, r, 0, length, "\n\t");
            }
        }
        if (c.verbose() > 1) {
            TlvText.dump(out, r, 0, length, "\n\t");
        }
    }

    /** Prints a version 1 entry; its size, or 0 when it is cut short. */
    private static int entryV1(PrintContext c, Rip r, int at, int remaining) {
        Out out = c.out();
        if (remaining < Rip.ENTRY_LENGTH || !r.has(at, Rip.ENTRY_LENGTH)) {
            return 0;
        }
        int family = r.shortAt(at);
        if (family != AF_INET && family != 0) {
            out.ascii("\n\t AFI ").ascii(family(family)).ascii(", ");
            TlvText.dump(out, r, at + 4, Rip.ENTRY_LENGTH - 4, INDENT);
            return Rip.ENTRY_LENGTH;
        }
        if (r.shortAt(at + 2) != 0 || r.intAt(at + 8) != 0 || r.intAt(at + 12) != 0) {
            TlvText.dump(out, r, at, Rip.ENTRY_LENGTH, INDENT);
            return Rip.ENTRY_LENGTH;
        }
        out.ascii(family == 0 ? "\n\t  AFI 0, " : INDENT);
        c.ipv4((int) r.intAt(at + 4));
        out.ascii(", metric: ").num(r.intAt(at + 16));
        return Rip.ENTRY_LENGTH;
    }

    /** Prints a version 2 entry or authentication record; its size, or 0 when it is cut short. */
    private static int entryV2(PrintContext c, Rip r, int at, int remaining) {
        Out out = c.out();
        if (remaining < 4 || !r.has(at, 4)) {
            return 0;
        }
        int family = r.shortAt(at);
        if (family == 0xffff) {
            int auth = r.shortAt(at + 2);
            int v = at + 4;
            int left = remaining - 4;
            if (auth == 2) {
                out.ascii("\n\t  Simple Text Authentication data: ");
                TlvText.textToNul(out, r, v, 16);
            } else if (auth == 3) {
                if (!r.has(v, 16) || left < 16) {
                    return 0;
                }
                out.ascii("\n\t  Auth header: Packet Len ").num(r.shortAt(v)).ascii(", Key-ID ").num(r.byteAt(v + 2))
                        .ascii(", Auth Data Len ").num(r.byteAt(v + 3)).ascii(", SeqNo ").num(r.intAt(v + 4))
                        .ascii(", MBZ ").num(r.intAt(v + 8)).ascii(", MBZ ").num(r.intAt(v + 12));
            } else {
                if (auth == 1) {
                    out.ascii("\n\t  Auth trailer:");
                } else {
                    out.ascii("\n\t  Unknown (").num(auth).ascii(") Authentication data:");
                }
                TlvText.dump(out, r, v, left, INDENT);
                return remaining;
            }
        } else if (family != AF_INET && family != 0) {
            out.ascii("\n\t  AFI ").ascii(family(family));
            TlvText.dump(out, r, at + 4, Rip.ENTRY_LENGTH - 4, INDENT);
        } else {
            if (!r.has(at, Rip.ENTRY_LENGTH) || remaining < Rip.ENTRY_LENGTH) {
                return 0;
            }
            out.ascii("\n\t  AFI ").ascii(family == 0 ? "0" : "IPv4").ascii(", ");
            // tcpdump's "%15s/%-2d"
            String address = dotted((int) r.intAt(at + 4));
            spaces(out, 15 - address.length());
            String plen = Integer.toString(prefixLength(r.intAt(at + 8)));
            out.ascii(address).ch('/').ascii(plen);
            spaces(out, 2 - plen.length());
            out.ascii(", tag 0x").hex(r.shortAt(at + 2), 4).ascii(", metric: ").num(r.intAt(at + 16))
                    .ascii(", next-hop: ");
            long hop = r.intAt(at + 12);
            if (hop != 0) {
                c.ipv4((int) hop);
            } else {
                out.ascii("self");
            }
        }
        return Rip.ENTRY_LENGTH;
    }

    private static void spaces(Out out, int n) {
        for (int i = 0; i < n; i++) {
            out.ch(' ');
        }
    }

    private static String dotted(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }

    /** The length of a contiguous netmask, or -1 for one that is not. */
    static int prefixLength(long mask) {
        int bits = Long.numberOfLeadingZeros(~mask << 32 & 0xffffffff00000000L);
        int n = (int) Math.min(32, bits);
        long contiguous = n == 0 ? 0 : (0xffffffffL << (32 - n)) & 0xffffffffL;
        return contiguous == mask ? n : -1;
    }

    private static String family(int family) {
        return switch (family) {
            case 2 -> "IPv4";
            case 6 -> "NS";
            case 7 -> "ISO";
            case 16 -> "Appletalk";
            case 23 -> "IPX";
            case 24, 28, 30 -> "IPv6";
            default -> "Unknown (" + family + ")";
        };
    }
}
