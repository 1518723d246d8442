package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Zephyr;
import java.nio.charset.StandardCharsets;

/**
 * Zephyr notices as tcpdump prints them: {@code zephyr unacked user to <message,personal,bob> op PERSONAL}, with
 * the shorter forms tcpdump keeps for its control classes (locate, subscriptions, host manager). A notice whose
 * fields run past the datagram prints {@code (invalid)}, one past the capture {@code [|zephyr]}; text that is
 * not {@code ZEPH} prints nothing. decode does not dissect Zephyr (Wireshark has no dissector for it), so
 * {@link UdpPortPrinters} hands the payload of UDP ports 2103 and 2104 here. Not thread-safe.
 */
final class ZephyrPrinter implements LayerPrinter {
    private static final String[] KINDS = {"unsafe", "unacked", "acked", "hm-ack", "hm-ctl", "serv-ack",
        "serv-nak", "client-ack", "stat"};
    private static final int SERVACK = 5;
    /** tcpdump's field buffer: lower-cased and bracketed text is cut to this many characters. */
    private static final int BUFFER = 255;

    private final Zephyr view = new Zephyr();
    /** The fields of the notice being printed, in order; null once the datagram ran out. */
    private final String[] fields = new String[17];
    private int at;
    private int left;
    private boolean truncated;

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        Zephyr m = view.wrap(p.buffer(), p.offset(layer), UdpPortPrinters.captured(c, layer));
        at = 0;
        left = BabelPrinter.datagramLength(c, layer);
        truncated = false;
        String version = field(m);
        if (truncated) {
            c.truncated("zephyr");
            return;
        }
        if (version == null) {
            out.ascii(" (invalid)");
            return;
        }
        if (!version.startsWith("ZEPH")) {
            return;
        }
        boolean lose = false;
        for (int i = 1; i < fields.length; i++) {
            fields[i] = field(m);
            if (truncated) {
                c.truncated("zephyr");
                return;
            }
            lose |= fields[i] == null;
        }
        if (lose) {
            out.ascii(" (invalid)");
            return;
        }
        out.ascii(" zephyr");
        if (!version.startsWith("0.2", 4)) {
            text(out.ascii(" v"), version.substring(4));
            return;
        }
        int kind = (int) hex(fields[2]);
        out.ch(' ').ascii(kind >= 0 && kind < KINDS.length ? KINDS[kind] : "type " + kind);
        if (kind == SERVACK) {
            String ack = field(m);
            if (truncated) {
                c.truncated("zephyr");
                return;
            }
            if (ack != null && !ack.equals("SENT")) {
                text(out.ch('/'), lower(ack));
            }
        }
        String zclass = fields[8];
        String instance = fields[9];
        String opcode = fields[10];
        String sender = fields[11];
        String recipient = fields[12];
        if (!sender.isEmpty()) {
            text(out.ch(' '), sender);
        }
        if (notice(c, m, kind, zclass, instance, opcode)) {
            return;
        }
        text(out.ascii(" to "), triple(zclass, instance, recipient));
        if (!opcode.isEmpty()) {
            text(out.ascii(" op "), opcode);
        }
    }

    /** The forms tcpdump keeps for the control classes; false when the notice prints in the general form. */
    private boolean notice(PrintContext c, Zephyr m, int kind, String zclass, String instance, String opcode) {
        Out out = c.out();
        switch (zclass) {
            case "USER_LOCATE" -> {
                if (opcode.equals("USER_HIDE")) {
                    out.ascii(" hide");
                } else if (opcode.equals("USER_UNHIDE")) {
                    out.ascii(" unhide");
                } else {
                    text(out.ascii(" locate "), instance);
                }
                return true;
            }
            case "ZEPHYR_ADMIN" -> {
                text(out.ascii(" zephyr-admin "), lower(opcode));
                return true;
            }
            case "ZEPHYR_CTL" -> {
                return control(c, m, kind, instance, opcode);
            }
            case "HM_CTL" -> {
                text(out.ascii(" hm_ctl "), lower(instance));
                text(out.ch(' '), lower(opcode));
                return true;
            }
            case "HM_STAT" -> {
                if (instance.equals("HMST_CLIENT") && opcode.equals("GIMMESTATS")) {
                    out.ascii(" get-client-stats");
                    return true;
                }
                return false;
            }
            case "WG_CTL" -> {
                text(out.ascii(" wg_ctl "), lower(instance));
                text(out.ch(' '), lower(opcode));
                return true;
            }
            case "LOGIN" -> {
                if (opcode.equals("USER_FLUSH")) {
                    out.ascii(" flush_locs");
                    return true;
                }
                switch (opcode) {
                    case "NONE", "OPSTAFF", "REALM-VISIBLE", "REALM-ANNOUNCED", "NET-VISIBLE", "NET-ANNOUNCED" -> {
                        text(out.ascii(" set-exposure "), lower(opcode));
                        return true;
                    }
                    default -> {
                        return false;
                    }
                }
            }
            default -> {
                return false;
            }
        }
    }

    private boolean control(PrintContext c, Zephyr m, int kind, String instance, String opcode) {
        Out out = c.out();
        switch (instance) {
            case "CLIENT" -> {
                switch (opcode) {
                    case "SUBSCRIBE", "SUBSCRIBE_NODEFS", "UNSUBSCRIBE" -> {
                        out.ch(' ').ascii(opcode.equals("SUBSCRIBE") ? "" : "un").ascii("sub")
                                .ascii(opcode.equals("SUBSCRIBE_NODEFS") ? "-nodefs" : "");
                        if (kind != SERVACK) {
                            String zclass = field(m);
                            String inst = truncated ? null : field(m);
                            String recipient = truncated ? null : field(m);
                            if (truncated) {
                                c.truncated("zephyr");
                            } else if (zclass != null && inst != null && recipient != null) {
                                text(out.ch(' '), triple(zclass, inst, recipient));
                            }
                        }
                    }
                    case "GIMME" -> out.ascii(" ret");
                    case "GIMMEDEFS" -> out.ascii(" gimme-defs");
                    case "CLEARSUB" -> out.ascii(" clear-subs");
                    default -> text(out.ch(' '), lower(opcode));
                }
                return true;
            }
            case "HM" -> {
                text(out.ch(' '), lower(opcode));
                return true;
            }
            case "REALM" -> {
                switch (opcode) {
                    case "ADD_SUBSCRIBE" -> out.ascii(" realm add-subs");
                    case "REQ_SUBSCRIBE" -> out.ascii(" realm req-subs");
                    case "RLM_SUBSCRIBE" -> out.ascii(" realm rlm-sub");
                    case "RLM_UNSUBSCRIBE" -> out.ascii(" realm rlm-unsub");
                    default -> {
                        // tcpdump prints nothing more for other realm opcodes
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * The next NUL-terminated field, or null when the datagram ends first; sets {@link #truncated} when the
     * capture ends before the datagram does.
     */
    private String field(Zephyr m) {
        int start = at;
        while (true) {
            if (left == 0) {
                return null;
            }
            if (!m.has(at, 1)) {
                truncated = true;
                return null;
            }
            if (m.byteAt(at) == 0) {
                break;
            }
            at++;
            left--;
        }
        byte[] b = new byte[at - start];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) m.byteAt(start + i);
        }
        at++;
        left--;
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** The value of a field as C's {@code strtol(s, 0, 16)} reads it, cut to an {@code int}. */
    private static long hex(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if ((s.startsWith("0x", i) || s.startsWith("0X", i)) && i + 2 < s.length()
                && Character.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
        }
        long v = 0;
        for (; i < s.length() && Character.digit(s.charAt(i), 16) >= 0; i++) {
            v = Math.min(Long.MAX_VALUE / 32, v * 16 + Character.digit(s.charAt(i), 16));
        }
        return negative ? -v : v;
    }

    private static String lower(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), BUFFER));
        for (int i = 0; i < s.length() && i < BUFFER; i++) {
            char ch = s.charAt(i);
            b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch);
        }
        return b.toString();
    }

    private static String triple(String zclass, String instance, String recipient) {
        String t = "<" + zclass + "," + instance + "," + (recipient.isEmpty() ? "*" : recipient) + ">";
        return t.length() > BUFFER ? t.substring(0, BUFFER) : t;
    }

    /** Text as tcpdump's {@code fn_print_str} writes it: controls and high bytes escaped. */
    private static void text(Out out, String s) {
        for (int i = 0; i < s.length(); i++) {
            VrrpPrinter.printable(out, s.charAt(i) & 0xFF);
        }
    }
}
