package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Esis;
import dev.trawl.decode.layer.TlvMessage;

/**
 * ES-IS (ISO 9542) as tcpdump prints it: {@code ES-IS, ESH, length 40}; with {@code -v} the fixed header with its
 * checksum's verdict, then what the PDU type carries (a redirect's destination, SNPA and network entity title, the
 * addresses of an end or intermediate system hello) and the options, each on a line of its own. A header tcpdump
 * rejects prints its complaint; where the captured bytes end it prints {@code [|esis]}. Not thread-safe.
 */
final class EsisPrinter implements LayerPrinter {
    private static final int NLPID_ESIS = 0x82;
    private static final int REDIRECT = 6;
    private static final int ESH = 2;
    private static final int ISH = 4;
    private static final int VERSION = 1;
    private static final int OPTION_PROTOCOLS = 129;
    private static final int OPTION_CONFIGURATION_TIME = 198;
    private static final int MAC_LENGTH = 6;

    private final Esis view = new Esis();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Esis m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        OsiPrinter.linkHeader(c, layer, NLPID_ESIS);
        try {
            pdu(c, m, LlcPrinter.frameLength(c, layer));
        } catch (Truncated t) {
            c.truncated("esis");
        }
    }

    private static void pdu(PrintContext c, Esis m, int length) {
        Out out = c.out();
        if (!c.linkHeader()) {
            out.ascii("ES-IS");
        }
        if (length <= 2) {
            out.ascii(c.quiet() ? "bad pkt!" : "no header at all!");
            return;
        }
        need(m, 0, Esis.HEADER_LENGTH);
        int li = m.lengthIndicator();
        int version = m.version();
        if (version != VERSION) {
            out.ascii(" version ").num(version).ascii(" packet not supported");
            return;
        }
        if (li > length) {
            out.ascii(" length indicator(").num(li).ascii(") > PDU size (").num(length).ascii(")!");
            return;
        }
        if (li < Esis.HEADER_LENGTH + 2) {
            tooShort(out, m, li);
            return;
        }
        int type = m.pduType();
        String sep = c.linkHeader() ? "" : ", ";
        if (c.verbose() < 1) {
            out.ascii(sep).ascii(typeName(type, "unknown type (")).ascii(", length ").num(length);
            return;
        }
        out.ascii(sep).ascii("length ").num(length).ascii("\n\t").ascii(typeName(type, "unknown type: "))
                .ascii(" (").num(type).ascii("), v: ").num(version).ascii(", checksum: 0x").hex(m.checksum(), 4);
        checksum(out, m.checksum(), m.expectedChecksum());
        out.ascii(", holding time: ").num(m.holdingTime()).ascii("s, length indicator: ").num(li);
        if (c.verbose() > 1) {
            TlvText.dump(out, m, 0, Esis.HEADER_LENGTH, "\n\t");
        }
        int at = Esis.HEADER_LENGTH;
        li -= Esis.HEADER_LENGTH;
        switch (type) {
            case REDIRECT -> {
                need(m, at, 1);
                if (li < 1) {
                    out.ascii(", bad redirect/li");
                    return;
                }
                int dstLength = m.byteAt(at++);
                li--;
                need(m, at, dstLength);
                if (li < dstLength) {
                    out.ascii(", bad redirect/li");
                    return;
                }
                out.ascii("\n\t  ");
                IsisDetail.nsap(out, m, at, dstLength);
                at += dstLength;
                li -= dstLength;
                need(m, at, 1);
                if (li < 1) {
                    out.ascii(", bad redirect/li");
                    return;
                }
                int snpaLength = m.byteAt(at++);
                li--;
                need(m, at, snpaLength);
                if (li < snpaLength) {
                    out.ascii(", bad redirect/li");
                    return;
                }
                int snpa = at;
                at += snpaLength;
                li -= snpaLength;
                need(m, at, 1);
                if (li < 1) {
                    out.ascii(", bad redirect/li");
                    return;
                }
                // tcpdump does not count the NET's length byte against the length indicator
                int netLength = m.byteAt(at++);
                need(m, at, netLength);
                if (li < netLength) {
                    out.ascii(", bad redirect/li");
                    return;
                }
                int net = at;
                at += netLength;
                li -= netLength;
                out.ascii("\n\t  SNPA (length: ").num(snpaLength).ascii("): ");
                if (snpaLength == MAC_LENGTH) {
                    c.mac(m.macAt(snpa));
                } else {
                    linkAddress(out, m, snpa, snpaLength);
                }
                if (netLength != 0) {
                    out.ascii("\n\t  NET (length: ").num(netLength).ascii(") ");
                    IsisDetail.nsap(out, m, net, netLength);
                }
            }
            case ESH -> {
                need(m, at, 1);
                if (li < 1) {
                    out.ascii(", bad esh/li");
                    return;
                }
                int count = m.byteAt(at++);
                li--;
                out.ascii("\n\t  Number of Source Addresses: ").num(count);
                for (; count > 0; count--) {
                    need(m, at, 1);
                    if (li < 1) {
                        out.ascii(", bad esh/li");
                        return;
                    }
                    int n = m.byteAt(at++);
                    li--;
                    need(m, at, n);
                    if (li < n) {
                        out.ascii(", bad esh/li");
                        return;
                    }
                    out.ascii("\n\t  NET (length: ").num(n).ascii("): ");
                    IsisDetail.nsap(out, m, at, n);
                    at += n;
                    li -= n;
                }
            }
            case ISH -> {
                need(m, at, 1);
                if (li < 1) {
                    out.ascii(", bad ish/li");
                    return;
                }
                int n = m.byteAt(at++);
                li--;
                need(m, at, n);
                if (li < n) {
                    out.ascii(", bad ish/li");
                    return;
                }
                out.ascii("\n\t  NET (length: ").num(n).ascii("): ");
                IsisDetail.nsap(out, m, at, n);
                at += n;
                li -= n;
            }
            default -> {
                if (c.verbose() <= 1 && m.has(at, 1)) {
                    TlvText.dump(out, m, at, m.remaining(at), "\n\t  ");
                }
                return;
            }
        }
        options(c, m, at, li);
    }

    /** The options after the PDU type's part, as tcpdump walks them (its quirks kept: see the comments). */
    private static void options(PrintContext c, Esis m, int at, int li) {
        Out out = c.out();
        while (li != 0) {
            if (li < 2) {
                out.ascii(", bad opts/li");
                return;
            }
            need(m, at, 2);
            int op = m.byteAt(at);
            int length = m.byteAt(at + 1);
            at += 2;
            li -= 2;
            if (length > li) {
                out.ascii(", opt (").num(op).ascii(") too long");
                return;
            }
            li -= length;
            out.ascii("\n\t  ").ascii(optionName(op)).ascii(" Option #").num(op).ascii(", length ").num(length)
                    .ascii(", value: ");
            switch (op) {
                case OPTION_CONFIGURATION_TIME -> {
                    if (length == 2) {
                        need(m, at, 2);
                        out.num(m.shortAt(at)).ch('s');
                    } else {
                        out.ascii("(bad length)");
                    }
                }
                case OPTION_PROTOCOLS -> {
                    // tcpdump counts the option's length down while listing it, so neither its -vv dump nor
                    // the step to the next option covers the list
                    for (int t = at; length > 0; t++, length--) {
                        need(m, t, 1);
                        int nlpid = m.byteAt(t);
                        out.ascii(OsiPrinter.nlpidName(nlpid, "unknown")).ascii(" (0x").hex2(nlpid).ch(')');
                        if (length > 1) {
                            out.ascii(", ");
                        }
                    }
                }
                default -> TlvText.dump(out, m, at, length, "\n\t  ");
            }
            if (c.verbose() > 1) {
                TlvText.dump(out, m, at, length, "\n\t  ");
            }
            at += length;
        }
    }

    /** Throws {@link Truncated} unless the {@code n} bytes at {@code at} were captured. */
    static void need(TlvMessage m, int at, int n) {
        if (!m.has(at, n)) {
            throw Truncated.INSTANCE;
        }
    }

    /** tcpdump's complaint about a length indicator below the fixed header's, with the captured bytes in hex. */
    static void tooShort(Out out, TlvMessage m, int li) {
        out.ascii(" length indicator ").num(li).ascii(" < min PDU size:");
        for (int i = 0; m.has(i, 1); i++) {
            String hex = Integer.toHexString(0x100 | m.byteAt(i)).substring(1);
            out.ascii(hex.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Writes tcpdump's verdict on an OSI header checksum: correct, incorrect (and what it should be), unverified. */
    static void checksum(Out out, int checksum, int expected) {
        if (checksum == 0 || expected < 0) {
            out.ascii(" (unverified)");
        } else if (expected == checksum) {
            out.ascii(" (correct)");
        } else {
            out.ascii(" (incorrect should be 0x").hex(expected, 4).ch(')');
        }
    }

    /** A link address other than a MAC as tcpdump writes it: bytes joined with colons, {@code <empty>} for none. */
    private static void linkAddress(Out out, Esis m, int at, int n) {
        if (n == 0) {
            out.ascii("<empty>");
            return;
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.ch(':');
            }
            out.hex2(m.byteAt(at + i));
        }
    }

    private static String typeName(int type, String unknown) {
        return switch (type) {
            case REDIRECT -> "redirect";
            case ESH -> "ESH";
            case ISH -> "ISH";
            default -> unknown.endsWith("(") ? unknown + type + ")" : unknown + type;
        };
    }

    private static String optionName(int op) {
        return switch (op) {
            case OPTION_PROTOCOLS -> "Protocols supported";
            case 195 -> "QoS Maintenance";
            case 197 -> "Security";
            case OPTION_CONFIGURATION_TIME -> "ES Configuration Time";
            case 205 -> "Priority";
            case 225 -> "Addressk Mask";
            case 226 -> "SNPA Mask";
            default -> "Unknown";
        };
    }
}
