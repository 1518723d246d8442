package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Krb4Message;

/**
 * Kerberos over UDP as tcpdump prints it: the version ({@code  v5} and no more for version 5), and for version 4
 * the byte order, the message type and, for requests, replies and errors, the principal's name, instance and
 * realm ({@code  v4 be KDC_REQUEST: alice.@ATHENA 680min krbtgt.ATHENA}). A name that runs past the capture
 * ends the line with {@code [|krb]}. Not thread-safe.
 */
final class KrbPrinter implements LayerPrinter {
    private static final int KDC_REQUEST = 2;
    private static final int KDC_REPLY = 4;
    private static final int APPL_REQUEST = 6;
    private static final int ERR_REPLY = 10;
    private static final String[] ERRORS = {"OK", "NAME_EXP", "SERVICE_EXP", "AUTH_EXP", "PKT_VER",
        "NAME_MAST_KEY_VER", "SERV_MAST_KEY_VER", "BYTE_ORDER", "PRINCIPAL_UNKNOWN", "PRINCIPAL_NOT_UNIQUE",
        "NULL_KEY"};

    private final Krb4Message view = new Krb4Message();
    /** Where the next field starts; -1 once the capture ended inside a name. */
    private int at;

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        Krb4Message m = view.wrap(p.buffer(), p.offset(layer), UdpPortPrinters.captured(c, layer));
        if (!m.has(0, 1)) {
            c.truncated("krb");
            return;
        }
        int version = m.version();
        switch (version) {
            case 1, 2, 3 -> out.ascii(" v").num(version);
            case 4 -> {
                out.ascii(" v4");
                if (!version4(c, m)) {
                    c.truncated("krb");
                }
            }
            case 106, 107 -> out.ascii(" v5");
            default -> {
                // tcpdump prints nothing for other first bytes
            }
        }
    }

    /** @return false when the capture ended inside the message */
    private boolean version4(PrintContext c, Krb4Message m) {
        Out out = c.out();
        if (!m.has(1, 1)) {
            return false;
        }
        int type = m.type();
        out.ch(' ').ascii(m.littleEndian() ? "le" : "be").ch(' ').ascii(typeName(type)).ascii(": ");
        switch (type) {
            case KDC_REQUEST -> {
                at = 2;
                if (!principal(out, m)) {
                    return false;
                }
                at += 4; // the client's time
                if (!m.has(at, 1)) {
                    return false;
                }
                out.ch(' ').num(m.byteAt(at) * 5L).ascii("min ");
                at++;
                return name(out, m) && name(out.ch('.'), m);
            }
            case APPL_REQUEST -> {
                at = 2;
                if (!m.has(at, 1)) {
                    return false;
                }
                out.ch('v').num(m.byteAt(at)).ch(' ');
                at++;
                if (!name(out, m) || !m.has(at, 1)) {
                    return false;
                }
                out.ascii(" (").num(m.byteAt(at)).ch(')');
                at++;
                if (!m.has(at, 1)) {
                    return false;
                }
                out.ascii(" (").num(m.byteAt(at)).ch(')');
                return true;
            }
            case KDC_REPLY -> {
                at = 2;
                if (!principal(out, m)) {
                    return false;
                }
                at += 10; // timestamp, ticket count, expiry and key version
                if (!m.has(at, 2)) {
                    return false;
                }
                out.ascii(" (").num(m.shortInOrder(at)).ch(')');
                return true;
            }
            case ERR_REPLY -> {
                at = 2;
                if (!principal(out, m)) {
                    return false;
                }
                at += 4; // timestamp
                if (!m.has(at, 2)) {
                    return false;
                }
                int code = m.shortInOrder(at);
                out.ch(' ').ascii(code < ERRORS.length ? ERRORS[code] : "#" + code).ch(' ');
                at += 4;
                return name(out, m);
            }
            default -> {
                out.ascii("(unknown)");
                return true;
            }
        }
    }

    private static String typeName(int type) {
        return switch (type) {
            case 2 -> "KDC_REQUEST";
            case 4 -> "KDC_REPLY";
            case 6 -> "APPL_REQUEST";
            case 8 -> "APPL_REQUEST_MUTUAL";
            case 10 -> "ERR_REPLY";
            case 12 -> "PRIVATE";
            case 14 -> "SAFE";
            case 16 -> "APPL_ERR";
            case 126 -> "DIE";
            default -> "#" + type;
        };
    }

    /** The name, instance and realm: {@code name.instance@realm}. */
    private boolean principal(Out out, Krb4Message m) {
        return name(out, m) && name(out.ch('.'), m) && name(out.ch('@'), m);
    }

    /** A NUL-terminated name from {@link #at}, escaped as tcpdump escapes text; false when no NUL was captured. */
    private boolean name(Out out, Krb4Message m) {
        while (m.has(at, 1)) {
            int b = m.byteAt(at++);
            if (b == 0) {
                return true;
            }
            VrrpPrinter.printable(out, b);
        }
        return false;
    }
}
