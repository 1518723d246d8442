package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.L2tp;

/**
 * L2TP version 2 over UDP as tcpdump prints it: {@code  l2tp:[TLS](1/2)Ns=0,Nr=1} with the header's flags, ids and
 * sequence numbers, then a control message's attribute-value pairs ({@code *MSGTYPE(SCCRQ) *PROTO_VER(1.0)
 * *HOST_NAME(lns)}, a vendor's as {@code VENDOR0009:ATTR0001(...)}), {@code ZLB} for an empty one, or a data
 * message's PPP frame in braces. Where a pair is shorter than its header or runs past the message or the capture,
 * tcpdump stops with {@code [|l2tp]}. Not thread-safe.
 */
final class L2tpPrinter implements LayerPrinter {
    private static final String[] MESSAGE_TYPES = {null, "SCCRQ", "SCCRP", "SCCCN", "StopCCN", null, "HELLO",
        "OCRQ", "OCRP", "OCCN", "ICRQ", "ICRP", "ICCN", null, "CDN", "WEN", "SLI"};
    private static final String[] AVP_NAMES = {"MSGTYPE", "RESULT_CODE", "PROTO_VER", "FRAMING_CAP", "BEARER_CAP",
        "TIE_BREAKER", "FIRM_VER", "HOST_NAME", "VENDOR_NAME", "ASSND_TUN_ID", "RECV_WIN_SIZE", "CHALLENGE",
        "Q931_CC", "CHALLENGE_RESP", "ASSND_SESS_ID", "CALL_SER_NUM", "MINIMUM_BPS", "MAXIMUM_BPS", "BEARER_TYPE",
        "FRAMING_TYPE", "PACKET_PROC_DELAY", "CALLED_NUMBER", "CALLING_NUMBER", "SUB_ADDRESS", "TX_CONN_SPEED",
        "PHY_CHANNEL_ID", "INI_RECV_LCP", "LAST_SENT_LCP", "LAST_RECV_LCP", "PROXY_AUTH_TYPE", "PROXY_AUTH_NAME",
        "PROXY_AUTH_CHAL", "PROXY_AUTH_ID", "PROXY_AUTH_RESP", "CALL_ERRORS", "ACCM", "RANDOM_VECTOR",
        "PRIVATE_GRP_ID", "RX_CONN_SPEED", "SEQ_REQUIRED", null, null, null, null, null, null, "PPP_DISCON_CC"};
    private static final String[] AUTH_TYPES = {"Reserved", "Textual", "CHAP", "PAP", "No Auth", "MS-CHAPv1"};
    private static final String[] CALL_ERRORS = {"CRCErr", "FrameErr", "HardOver", "BufOver", "Timeout",
        "AlignErr"};
    private static final String[] ACCM_MAPS = {"send", "recv"};
    private static final String TOO_SHORT = "AVP too short";

    private final L2tp view = new L2tp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        int below = c.below(layer);
        if (below < 0 || p.protocol(below) != Protocols.UDP) {
            c.out().ascii("ip-proto-115 ").num(c.wireLength(layer)); // L2TPv3 straight over IP: tcpdump's demux
            return;
        }
        L2tp m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = ApplicationPrinters.udpPayload(c, layer);
        if (!m.has(0, 2)) {
            c.truncatedRead("l2tp");
            return;
        }
        int flags = m.flags();
        if (m.version() == 1) {
            out.ascii(" l2f:");
            return;
        }
        if (m.version() != 2) {
            out.ascii(" Unknown Version, neither L2F(1) nor L2TP(2)");
            return;
        }
        out.ascii(" l2tp:[");
        flag(out, flags, L2tp.TYPE, 'T');
        flag(out, flags, L2tp.LENGTH, 'L');
        flag(out, flags, L2tp.SEQUENCE, 'S');
        flag(out, flags, L2tp.OFFSET, 'O');
        flag(out, flags, L2tp.PRIORITY, 'P');
        out.ch(']');
        int at = 2;
        int stated = 0;
        if ((flags & L2tp.LENGTH) != 0) {
            if (!m.has(at, 2)) {
                c.truncatedRead("l2tp");
                return;
            }
            stated = m.shortAt(at);
            at += 2;
        }
        if (!m.has(at, 2)) {
            c.truncatedRead("l2tp");
            return;
        }
        out.ch('(').num(m.shortAt(at)).ch('/');
        if (!m.has(at + 2, 2)) {
            c.truncatedRead("l2tp");
            return;
        }
        out.num(m.shortAt(at + 2)).ch(')');
        at += 4;
        if ((flags & L2tp.SEQUENCE) != 0) {
            if (!m.has(at, 2)) {
                c.truncatedRead("l2tp");
                return;
            }
            out.ascii("Ns=").num(m.shortAt(at)).ch(',');
            if (!m.has(at + 2, 2)) {
                c.truncatedRead("l2tp");
                return;
            }
            out.ascii("Nr=").num(m.shortAt(at + 2));
            at += 4;
        }
        if ((flags & L2tp.OFFSET) != 0) {
            if (!m.has(at, 2)) {
                c.truncatedRead("l2tp");
                return;
            }
            int pad = m.shortAt(at);
            if (!m.has(at + 2, pad)) {
                c.truncated("l2tp");
                return;
            }
            at += 2 + pad;
        }
        if ((flags & L2tp.LENGTH) != 0) {
            if (length < stated) {
                out.ascii(" Length ").num(stated).ascii(" larger than packet");
                return;
            }
            length = stated;
        }
        if (length < at) {
            out.ascii(" Length ").num(length).ascii(" smaller than header length");
            return;
        }
        if ((flags & L2tp.TYPE) == 0) {
            out.ascii(" {");
            if (!c.next(layer)) {
                c.truncated("ppp");
            }
            out.ch('}');
            return;
        }
        if ((flags & L2tp.LENGTH) == 0) {
            out.ascii(" No length");
            return;
        }
        if (length == at) {
            out.ascii(" ZLB");
            return;
        }
        while (length > at) {
            int len = avp(c, m, at, length - at);
            if (len == 0) {
                return;
            }
            at += len;
        }
    }

    private static void flag(Out out, int flags, int bit, char letter) {
        if ((flags & bit) != 0) {
            out.ch(letter);
        }
    }

    /** One attribute-value pair; returns its length, or 0 having printed tcpdump's marker where it stops. */
    private static int avp(PrintContext c, L2tp m, int at, int left) {
        Out out = c.out();
        out.ch(' ');
        if (!m.has(at, 2)) {
            c.truncatedRead("l2tp");
            return 0;
        }
        int len = m.avpLength(at);
        if (len < L2tp.AVP_HEADER_LENGTH || len > left || !m.has(at, len)) {
            c.truncated("l2tp");
            return 0;
        }
        if (m.avpMandatory(at)) {
            out.ch('*');
        }
        boolean hidden = m.avpHidden(at);
        if (hidden) {
            out.ch('?');
        }
        int value = at + L2tp.AVP_HEADER_LENGTH;
        int n = len - L2tp.AVP_HEADER_LENGTH;
        int vendor = m.avpVendor(at);
        if (vendor != 0) {
            out.ascii("VENDOR").hex(vendor, 4).ascii(":ATTR").hex(m.avpType(at), 4).ch('(');
            octets(out, m, value, n);
            out.ch(')');
            return len;
        }
        int type = m.avpType(at);
        String name = type < AVP_NAMES.length ? AVP_NAMES[type] : null;
        if (name == null) {
            out.ascii("AVP-#").num(type);
        } else {
            out.ascii(name);
        }
        out.ch('(');
        if (hidden) {
            out.ascii("???");
        } else {
            value(out, m, type, value, n);
        }
        out.ch(')');
        return len;
    }

    /** The value of IETF attribute {@code type}, {@code n} bytes at {@code at}, all of them captured. */
    private static void value(Out out, L2tp m, int type, int at, int n) {
        switch (type) {
            case 0 -> {
                if (atLeast(out, n, 2)) {
                    int t = m.shortAt(at);
                    String name = t < MESSAGE_TYPES.length ? MESSAGE_TYPES[t] : null;
                    if (name == null) {
                        out.ascii("MSGTYPE-#").num(t);
                    } else {
                        out.ascii(name);
                    }
                }
            }
            case 1 -> resultCode(out, m, at, n);
            case 2 -> {
                if (atLeast(out, n, 2)) {
                    out.num(m.byteAt(at)).ch('.').num(m.byteAt(at + 1));
                }
            }
            case 3, 19 -> bits(out, m, at, n, 'A', 'S');
            case 4, 18 -> bits(out, m, at, n, 'A', 'D');
            case 5 -> {
                if (atLeast(out, n, 8)) {
                    octets(out, m, at, 8);
                }
            }
            case 6, 9, 10, 14 -> {
                if (atLeast(out, n, 2)) {
                    out.num(m.shortAt(at));
                }
            }
            case 7, 8, 21, 22, 23, 30, 37 -> TlvText.text(out, m, at, n);
            case 11, 26, 27, 28, 31, 33, 36 -> octets(out, m, at, n);
            case 12 -> {
                if (atLeast(out, n, 3)) {
                    out.num(m.shortAt(at)).ascii(", ").hex2(m.byteAt(at + 2));
                    if (n > 3) {
                        out.ch(' ');
                        TlvText.text(out, m, at + 3, n - 3);
                    }
                }
            }
            case 13 -> {
                if (atLeast(out, n, 16)) {
                    octets(out, m, at, 16);
                }
            }
            case 15, 16, 17, 24, 25, 38 -> {
                if (atLeast(out, n, 4)) {
                    out.num(m.intAt(at));
                }
            }
            case 20 -> out.ascii("obsolete");
            case 29 -> {
                if (atLeast(out, n, 2)) {
                    int t = m.shortAt(at);
                    if (t < AUTH_TYPES.length) {
                        out.ascii(AUTH_TYPES[t]);
                    } else {
                        out.ascii("AuthType-#").num(t);
                    }
                }
            }
            case 32 -> {
                if (atLeast(out, n, 2)) {
                    out.num(m.shortAt(at) & 0xff);
                }
            }
            case 34 -> counters(out, m, at, n, CALL_ERRORS, false);
            case 35 -> counters(out, m, at, n, ACCM_MAPS, true);
            case 46 -> disconnectCause(out, m, at, n);
            default -> {
            }
        }
    }

    private static boolean atLeast(Out out, int n, int need) {
        if (n < need) {
            out.ascii(TOO_SHORT);
            return false;
        }
        return true;
    }

    private static void octets(Out out, L2tp m, int at, int n) {
        for (int i = 0; i < n; i++) {
            out.hex2(m.byteAt(at + i));
        }
    }

    private static void resultCode(Out out, L2tp m, int at, int n) {
        if (!atLeast(out, n, 2)) {
            return;
        }
        out.num(m.shortAt(at));
        if (n == 2) {
            return;
        }
        if (n < 4) {
            out.ch(' ').ascii(TOO_SHORT);
            return;
        }
        out.ch('/').num(m.shortAt(at + 2));
        if (n > 4) {
            out.ch(' ');
            TlvText.text(out, m, at + 4, n - 4);
        }
    }

    /** A 32-bit capability or type word: {@code high} for bit 1, {@code low} for bit 0. */
    private static void bits(Out out, L2tp m, int at, int n, char high, char low) {
        if (!atLeast(out, n, 4)) {
            return;
        }
        long v = m.intAt(at);
        if ((v & 2) != 0) {
            out.ch(high);
        }
        if ((v & 1) != 0) {
            out.ch(low);
        }
    }

    /**
     * After two reserved bytes, 32-bit counters: the call errors as {@code CRCErr=0 }, the ACCM's two maps in hex
     * as {@code send=ffffffff } ({@code hex}).
     */
    private static void counters(Out out, L2tp m, int at, int n, String[] names, boolean hex) {
        if (!atLeast(out, n, 2)) {
            return;
        }
        int i = at + 2;
        int left = n - 2;
        for (String name : names) {
            if (!atLeast(out, left, 4)) {
                return;
            }
            out.ascii(name).ch('=');
            if (hex) {
                out.hex(m.intAt(i), 8);
            } else {
                out.num(m.intAt(i));
            }
            out.ch(' ');
            i += 4;
            left -= 4;
        }
    }

    /** RFC 3145's PPP disconnect cause: code, control protocol, direction and an optional message. */
    private static void disconnectCause(Out out, L2tp m, int at, int n) {
        if (!atLeast(out, n, 5)) {
            return;
        }
        out.hex(m.shortAt(at), 4).ascii(", ").hex(m.shortAt(at + 2), 4).ch(' ');
        int d = m.byteAt(at + 4);
        out.ascii(switch (d) {
            case 0 -> "global error";
            case 1 -> "at peer";
            case 2 -> "at local";
            default -> "Direction-#" + d;
        });
        if (n > 5) {
            out.ch(' ');
            TlvText.text(out, m, at + 5, n - 5);
        }
    }
}
