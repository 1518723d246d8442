package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Eapol;

/**
 * IEEE 802.1X as tcpdump prints it: {@code EAP packet (0) v1, len 5}, and with {@code -v} the EAP message,
 * {@code , Response (2), id 1, len 17} and on the next line its type and data ({@code Type Identity (1),
 * Identity: john}). Not thread-safe.
 */
final class EapolPrinter implements LayerPrinter {
    private static final String[] FRAME_TYPES = {"EAP packet", "EAPOL start", "EAPOL logoff", "EAPOL key",
        "Encapsulated ASF alert"};
    private static final String[] CODES = {null, "Request", "Response", "Success", "Failure"};
    private static final int BODY = Eapol.HEADER_LENGTH;

    private final Eapol view = new Eapol();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Eapol e = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        if (!e.has(0, BODY)) {
            c.truncated("eap");
            return;
        }
        int type = e.type();
        out.ascii(type < FRAME_TYPES.length ? FRAME_TYPES[type] : "unknown").ascii(" (").num(type).ascii(") v")
                .num(e.version()).ascii(", len ").num(e.bodyLength());
        if (c.verbose() == 0 || type != 0) {
            return;
        }
        int length = e.bodyLength();
        if (length == 0) {
            c.truncated("eap");
            return;
        }
        out.ascii(", ");
        eap(c, e, length);
    }

    /** Prints the EAP message of {@code length} bytes that starts the body. */
    static void eap(PrintContext c, Eapol e, int length) {
        Out out = c.out();
        if (!e.has(BODY, 4)) {
            c.truncated("eap");
            return;
        }
        int code = e.byteAt(BODY);
        int len = e.shortAt(BODY + 2);
        if (len != length) {
            out.ascii("EAP fragment?");
            return;
        }
        out.ascii(code < CODES.length && CODES[code] != null ? CODES[code] : "unknown").ascii(" (").num(code)
                .ascii("), id ").num(e.byteAt(BODY + 1)).ascii(", len ").num(len);
        if (len < 4) {
            out.ascii(" (too short for EAP header)");
            return;
        }
        if (!e.has(BODY, len)) {
            c.truncated("eap");
            return;
        }
        if (code != 1 && code != 2) {
            return;
        }
        if (len < 5) {
            out.ascii(" (too short for EAP request/response)");
            return;
        }
        int subtype = e.byteAt(BODY + 4);
        out.ascii("\n\t\t Type ").ascii(typeName(subtype)).ascii(" (").num(subtype).ch(')');
        int data = BODY + 5;
        switch (subtype) {
            case 1 -> {
                if (len > 5) {
                    out.ascii(", Identity: ");
                    TlvText.textToNul(out, e, data, len - 5);
                }
            }
            case 2 -> {
                if (len < 6) {
                    out.ascii(" (too short for EAP Notification request/response)");
                    return;
                }
                out.ascii(", Notification: ");
                TlvText.textToNul(out, e, data, len - 5);
            }
            case 3 -> {
                if (len < 6) {
                    out.ascii(" (too short for EAP Legacy NAK request/response)");
                    return;
                }
                String sep = "";
                for (int i = 5; i < len; i++) {
                    int t = e.byteAt(BODY + i);
                    out.ascii(sep).ch(' ').ascii(typeName(t)).ascii(" (").num(t).ch(')');
                    sep = ",";
                }
            }
            case 13, 21, 43 -> {
                String what = subtype == 43 ? "FAST" : "TLS/TTLS";
                if (len < 6) {
                    out.ascii(" (too short for EAP ").ascii(what).ascii(" request/response)");
                    return;
                }
                int flags = e.byteAt(data);
                if (subtype != 13) {
                    out.ascii(subtype == 21 ? " TTLSv" : " FASTv").num(flags & 0x07);
                }
                out.ascii(" flags [");
                String sep = "";
                String[] names = {"L bit", "More fragments bit", "Start bit"};
                for (int i = 0; i < names.length; i++) {
                    if ((flags & (0x80 >> i)) != 0) {
                        out.ascii(sep).ascii(names[i]);
                        sep = ", ";
                    }
                }
                out.ascii(sep.isEmpty() ? "none" : "").ascii("] 0x").hex2(flags);
                if ((flags & 0x80) != 0) {
                    if (len < 10) {
                        out.ascii(" (too short for EAP ").ascii(what).ascii(" request/response with length)");
                        return;
                    }
                    out.ascii(", len ").num(e.intAt(data + 1));
                }
            }
            case 18, 23 -> {
                if (len < 6) {
                    out.ascii(" (too short for EAP SIM/AKA request/response)");
                    return;
                }
                int simSubtype = e.byteAt(data);
                out.ascii(" subtype [").ascii(simSubtypeName(simSubtype)).ascii("] 0x").hex2(simSubtype);
            }
            default -> {
            }
        }
    }

    /** The EAP-SIM and EAP-AKA subtypes (RFC 4186, RFC 4187), one list as tcpdump keeps them. */
    private static String simSubtypeName(int subtype) {
        return switch (subtype) {
            case 1, 11 -> "Challenge";
            case 2 -> "Auth reject";
            case 4 -> "Sync failure";
            case 5 -> "Identity";
            case 10 -> "Start";
            case 12 -> "Notification";
            case 13 -> "Reauth";
            case 14 -> "Client error";
            default -> "unknown";
        };
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0 -> "No proposed";
            case 1 -> "Identity";
            case 2 -> "Notification";
            case 3 -> "Nak";
            case 4 -> "MD5-challenge";
            case 5 -> "OTP";
            case 6 -> "GTC";
            case 13 -> "TLS";
            case 18 -> "SIM";
            case 21 -> "TTLS";
            case 23 -> "AKA";
            case 43 -> "FAST";
            case 254 -> "Expanded types";
            case 255 -> "Experimental";
            default -> "unknown";
        };
    }
}
