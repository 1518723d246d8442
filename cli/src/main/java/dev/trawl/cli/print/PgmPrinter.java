package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Pgm;

/**
 * PGM as tcpdump prints it: the ports (with the addresses when IP carries PGM directly) and
 * {@code PGM, length 0}, the length being the header's TSDU length; with {@code -v} the global source id, the
 * message's fields by type (SPM, POLL, POLR, ODATA, RDATA, NAK, NULL NAK, NCF, ACK, SPMR), the options, and the
 * PGM length in brackets. Like tcpdump, a malformed option ends the text with a note in brackets, and a message
 * the capture ends in with {@code [|pgm]}. Not thread-safe.
 */
final class PgmPrinter implements LayerPrinter {
    private static final int OPTIONS_PRESENT = 0x01;
    private static final int OPT_LENGTH = 0x00;
    private static final int OPT_END = 0x80;
    private static final int AFNUM_INET = 1;
    private static final int AFNUM_INET6 = 2;
    /** The length each option type up to CRQST must have, 0 where it varies or tcpdump does not check it. */
    private static final int[] FIXED_LENGTHS = {4, 16, 0, 8, 12, 12, 0, 0, 8, 8, 8, 4, 0, 4, 4, 4, 0, 4};
    private static final String[] OPTION_NAMES = {"OPT_LENGTH", "OPT_FRAGMENT", null, "OPT_JOIN", "OPT_NAK_BO_IVL",
        "OPT_NAK_BO_RNG", null, null, "OPT_PARITY_PRM", "OPT_PARITY_GRP", "OPT_CURR_TGSIZE", "OPT_NBR_UNREACH",
        null, "OPT_SYN", "OPT_FIN", "OPT_RST", null, "OPT_CRQST"};

    private final Pgm view = new Pgm();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Pgm m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int below = c.below(layer);
        boolean overIp = below >= 0 && (p.protocol(below) == Protocols.IP || p.protocol(below) == Protocols.IPV6);
        int ip = c.innermostIp(layer);
        if (!m.has(0, 4)) {
            if (ip >= 0) {
                c.source(ip);
                out.ascii(" > ");
                c.destination(ip);
                out.ch(':');
            }
            c.truncated("pgm");
            return;
        }
        if (overIp) {
            c.source(ip);
            out.ch('.');
        }
        c.port(m.sourcePort(), true);
        out.ascii(" > ");
        if (overIp) {
            c.destination(ip);
            out.ch('.');
        }
        c.port(m.destinationPort(), true);
        out.ascii(": ");
        if (!m.has(0, Pgm.HEADER_LENGTH)) {
            c.truncated("pgm");
            return;
        }
        out.ascii("PGM, length ").num(m.tsduLength());
        if (c.verbose() == 0) {
            return;
        }
        int length = below >= 0 && p.protocol(below) == Protocols.UDP ? ApplicationPrinters.udpPayload(c, layer)
                : UdpPrinter.ipPayloadLength(c, layer, ip);
        try {
            detail(c, m, length);
        } catch (Truncated e) {
            c.truncated("pgm");
        }
    }

    private static void detail(PrintContext c, Pgm m, int length) {
        Out out = c.out();
        int type = m.type();
        out.ascii(" 0x");
        for (int i = 8; i < 14; i++) {
            out.hex2(m.byteAt(i));
        }
        out.ch(' ');
        int at = Pgm.HEADER_LENGTH;
        switch (type) {
            case 0 -> {
                CheckedReads.need(m, at, 16);
                int nla = at + 16;
                int size = address(m, m.shortAt(at + 12), nla);
                out.ascii("SPM seq ").num(m.intAt(at)).ascii(" trail ").num(m.intAt(at + 4)).ascii(" lead ")
                        .num(m.intAt(at + 8)).ascii(" nla ");
                printAddress(c, m, nla, size);
                at = nla + size;
            }
            case 1 -> {
                CheckedReads.need(m, at, 12);
                int nla = at + 12;
                int size = address(m, m.shortAt(at + 8), nla);
                CheckedReads.need(m, nla + size, 12);
                out.ascii("POLL seq ").num(m.intAt(at)).ascii(" round ").num(m.shortAt(at + 4)).ascii(" nla ");
                printAddress(c, m, nla, size);
                out.ascii(" ivl ").num(m.intAt(nla + size)).ascii(" rnd 0x").hex(m.intAt(nla + size + 4), 8)
                        .ascii(" mask 0x").hex(m.intAt(nla + size + 8), 8);
                at = nla + size + 12;
            }
            case 2 -> {
                CheckedReads.need(m, at, 8);
                out.ascii("POLR seq ").num(m.intAt(at)).ascii(" round ").num(m.shortAt(at + 4));
                at += 8;
            }
            case 4, 5 -> {
                CheckedReads.need(m, at, 8);
                out.ascii(type == 4 ? "ODATA" : "RDATA").ascii(" trail ").num(m.intAt(at + 4)).ascii(" seq ")
                        .num(m.intAt(at));
                at += 8;
            }
            case 8, 9, 10 -> {
                CheckedReads.need(m, at, 8);
                int source = at + 8;
                int sourceSize = address(m, m.shortAt(at + 4), source);
                // tcpdump steps over the group's family and reserved field, then takes the family from the
                // two bytes after them
                int group = source + sourceSize + 4;
                int groupSize = address(m, CheckedReads.u16(m, group), group);
                out.ascii(type == 8 ? "NAK " : type == 9 ? "NNAK " : "NCF ").ch('(');
                printAddress(c, m, source, sourceSize);
                out.ascii(" -> ");
                printAddress(c, m, group, groupSize);
                out.ascii("), seq ").num(m.intAt(at));
                at = group + groupSize;
            }
            case 11 -> {
                CheckedReads.need(m, at, 8);
                out.ascii("ACK seq ").num(m.intAt(at));
                at += 8;
            }
            // tcpdump reads the options of these from the start of the header, not from after it
            case 12 -> {
                out.ascii("SPMR");
                at = 0;
            }
            default -> {
                out.ascii("UNKNOWN type 0x").hex2(type);
                at = 0;
            }
        }
        if ((CheckedReads.u8(m, 5) & OPTIONS_PRESENT) != 0 && !options(c, m, at)) {
            return;
        }
        out.ascii(" [").num(length).ch(']');
    }

    /** Prints the options from {@code at}; false when a malformed one ended the text. */
    private static boolean options(PrintContext c, Pgm m, int at) {
        Out out = c.out();
        CheckedReads.need(m, at, 4);
        int first = m.byteAt(at);
        if ((first & 0x7F) != OPT_LENGTH) {
            out.ascii("[First option bad, should be PGM_OPT_LENGTH, is ").num(first & 0x7F).ch(']');
            return false;
        }
        if (m.byteAt(at + 1) != 4) {
            out.ascii("[Bad OPT_LENGTH option, length ").num(m.byteAt(at + 1)).ascii(" != 4]");
            return false;
        }
        long total = m.shortAt(at + 2);
        if (total < 4) {
            out.ascii("[Bad total option length ").num(total).ascii(" < 4]");
            return false;
        }
        out.ascii(" OPTS LEN ").num(total);
        long left = total - 4; // tcpdump's unsigned 32-bit count, which a NAK list can wrap
        at += 4;
        while (left != 0) {
            if (left < 4) {
                out.ascii("[Total option length leaves no room for final option]");
                return false;
            }
            int type = CheckedReads.u8(m, at);
            int len = CheckedReads.u8(m, at + 1);
            at += 2;
            if (len < 4) {
                out.ascii("[Bad option, length ").num(len).ascii(" < 4]");
                break;
            }
            if (left < len) {
                out.ascii("[Total option length leaves no room for final option]");
                return false;
            }
            CheckedReads.need(m, at, len - 2);
            int t = type & 0x7F;
            int fixed = t < FIXED_LENGTHS.length ? FIXED_LENGTHS[t] : 0;
            if (fixed > 0 && len != fixed) {
                out.ascii("[Bad ").ascii(OPTION_NAMES[t]).ascii(" option, length ").num(len).ascii(" != ")
                        .num(fixed).ch(']');
                return false;
            }
            switch (type & 0x7F) {
                case OPT_LENGTH -> out.ascii(" OPTS LEN (extra?) ").num(m.shortAt(at));
                case 0x01 -> out.ascii(" FRAG seq ").num(m.intAt(at + 2)).ascii(" off ").num(m.intAt(at + 6))
                        .ascii(" len ").num(m.intAt(at + 10));
                case 0x02 -> {
                    out.ascii(" NAK LIST");
                    for (int n = len - 4, e = at + 2; n != 0; n -= 4, e += 4) {
                        if (n < 4) {
                            out.ascii("[Option length not a multiple of 4]");
                            return false;
                        }
                        out.ch(' ').num(CheckedReads.u32(m, e));
                        left = (left - 4) & 0xFFFFFFFFL;
                    }
                }
                case 0x03 -> out.ascii(" JOIN ").num(m.intAt(at + 2));
                case 0x04 -> out.ascii(" BACKOFF ivl ").num(m.intAt(at + 2)).ascii(" ivlseq ").num(m.intAt(at + 6));
                case 0x05 -> out.ascii(" BACKOFF max ").num(m.intAt(at + 2)).ascii(" min ").num(m.intAt(at + 6));
                case 0x07, 0x12, 0x13 -> {
                    if (!addressOption(c, m, type & 0x7F, at, len)) {
                        return false;
                    }
                }
                case 0x08 -> out.ascii(" PARITY MAXTGS ").num(m.intAt(at + 2));
                case 0x09 -> out.ascii(" PARITY GROUP ").num(m.intAt(at + 2));
                case 0x0A -> out.ascii(" PARITY ATGS ").num(m.intAt(at + 2));
                case 0x0B -> out.ascii(" NBR_UNREACH");
                case 0x0C -> out.ascii(" PATH_NLA [").num(len).ch(']');
                case 0x0D -> out.ascii(" SYN");
                case 0x0E -> out.ascii(" FIN");
                case 0x0F -> out.ascii(" RST");
                case 0x10 -> out.ascii(" CR");
                case 0x11 -> out.ascii(" CRQST");
                default -> out.ascii(" OPT_").ascii(String.format("%02X", type)).ascii(" [").num(len).ascii("] ");
            }
            // tcpdump steps over PATH_NLA, CR and unknown options by their length counted from after their type
            // and length bytes, two bytes too far; a NAK list counts its entries but not its header
            at += t == 0x0C || t == 0x10 || t == 0x06 || t >= 0x14 ? len : len - 2;
            if (t != 0x02) {
                left = (left - len) & 0xFFFFFFFFL;
            }
            if ((type & OPT_END) != 0) {
                break;
            }
        }
        return true;
    }

    /** REDIRECT, PGMCC DATA and PGMCC FEEDBACK: a fixed part, then an address of the family it states. */
    private static boolean addressOption(PrintContext c, Pgm m, int type, int at, int len) {
        Out out = c.out();
        int fixed = type == 0x07 ? 8 : 12;
        String name = type == 0x07 ? "OPT_REDIRECT" : type == 0x12 ? "OPT_PGMCC_DATA" : "OPT_PGMCC_FEEDBACK";
        if (len < fixed) {
            out.ascii("[Bad ").ascii(type == 0x13 ? "PGM_OPT_PGMCC_FEEDBACK" : name).ascii(" option, length ")
                    .num(len).ascii(" < ").num(fixed).ch(']');
            return false;
        }
        int familyAt = at + fixed - 6;
        int family = m.shortAt(familyAt);
        int size = family == AFNUM_INET ? 4 : family == AFNUM_INET6 ? 16 : 0;
        if (size == 0) {
            throw Truncated.INSTANCE;
        }
        if (len != fixed + size) {
            out.ascii("[Bad ").ascii(name).ascii(" option, length ").num(len).ascii(" != ").num(fixed)
                    .ascii(" + address size]");
            return false;
        }
        CheckedReads.need(m, familyAt + 4, size);
        out.ascii(type == 0x07 ? " REDIRECT " : type == 0x12 ? " PGMCC DATA " : " PGMCC FEEDBACK ");
        if (type != 0x07) {
            out.num(m.intAt(at + 2)).ch(' ');
        }
        printAddress(c, m, familyAt + 4, size);
        return true;
    }

    /** The size of an address of family {@code family} at {@code at}, checked as captured; throws otherwise. */
    private static int address(Pgm m, int family, int at) {
        int size = family == AFNUM_INET ? 4 : family == AFNUM_INET6 ? 16 : 0;
        if (size == 0) {
            throw Truncated.INSTANCE; // tcpdump gives up on a family it does not know as on a truncation
        }
        CheckedReads.need(m, at, size);
        return size;
    }

    private static void printAddress(PrintContext c, Pgm m, int at, int size) {
        if (size == 4) {
            c.ipv4((int) m.intAt(at));
        } else {
            byte[] a = c.addressScratch();
            for (int i = 0; i < 16; i++) {
                a[i] = (byte) m.byteAt(at + i);
            }
            c.ipv6(a);
        }
    }
}
