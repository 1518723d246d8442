package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Q933;

/**
 * Q.933 signalling (Frame Relay call control and LMI) after the NLPID 0x08, as tcpdump's {@code q933_print}
 * writes it: {@code Q.933, CCITT, codeset 0, Status Enquiry, length 14} and, with {@code -v}, the message type
 * in hex and each information element on a line of its own; the LMI elements (report type, link verification,
 * PVC status) are spelled out, the others dumped in hex. Not thread-safe.
 */
final class Q933Printer {
    private static final int[] MESSAGE_TYPES = {0x00, 0x01, 0x02, 0x07, 0x0f, 0x03, 0x05, 0x45, 0x4d, 0x5a, 0x46,
        0x4e, 0x7d, 0x75};
    private static final String[] MESSAGE_NAMES = {"ESC to National", "Alert", "Call proceeding", "Connect",
        "Connect ACK", "Progress", "Setup", "Disconnect", "Release", "Release Complete", "Restart", "Restart ACK",
        "Status Reply", "Status Enquiry"};
    /** Codeset 5 marks ANSI T1.617 Annex D; it and codeset 0 share the LMI elements. */
    private static final int ANSI_CODESET = 5;

    private final Q933 view = new Q933();

    /**
     * Prints the message whose protocol discriminator is at absolute index {@code at}; {@code length} counts the
     * bytes on the wire after the discriminator.
     */
    void print(PrintContext c, int at, int length) {
        DecodedPacket p = c.packet();
        Q933 m = view.wrap(p.buffer(), at, Math.max(0, p.end() - at));
        Out out = c.out();
        boolean e = c.linkHeader();
        int v = c.verbose();
        if (!e) {
            out.ascii("Q.933");
        }
        int rest = length;
        if (rest <= 0 || !m.has(Q933.CALL_REFERENCE_LENGTH, 1)) {
            shortHeader(c, e, Math.max(0, length));
            return;
        }
        int callReferenceLength = m.callReferenceLength();
        int pos = Q933.CALL_REFERENCE_LENGTH + 1;
        rest--;
        for (int i = 0; i < callReferenceLength; i++, pos++, rest--) {
            if (rest == 0 || !m.has(pos, 1)) {
                shortHeader(c, e, length);
                return;
            }
        }
        if (rest == 0 || !m.has(pos, 1)) {
            shortHeader(c, e, length);
            return;
        }
        int messageType = m.byteAt(pos);
        pos++;
        rest--;
        int codeset = 0;
        int unshiftCodeset = 0;
        int nonLockingShift = 0;
        boolean ansi = false;
        if (rest != 0) {
            if (!m.has(pos, 1)) {
                shortHeader(c, e, length);
                return;
            }
            int first = m.byteAt(pos);
            if (Q933.shift(first)) {
                pos++;
                rest--;
                codeset = Q933.shiftCodeset(first);
                if (Q933.lockingShift(first)) {
                    ansi = codeset == ANSI_CODESET;
                } else {
                    nonLockingShift = 1;
                }
            }
        }
        if (!e) {
            out.ascii(", ");
        }
        out.ascii(ansi ? "ANSI" : "CCITT").ascii(", codeset ").num(codeset);
        if (callReferenceLength != 0) {
            // tcpdump tests the octet after the message type, not the reference's, for a dummy reference
            if (!m.has(pos, 1)) {
                c.truncatedRead("q.933");
                return;
            }
            if (callReferenceLength > 1 || m.byteAt(pos) != 0) {
                out.ascii(", Call Ref: 0x");
                for (int i = 0; i < callReferenceLength; i++) {
                    out.hex2(m.callReferenceOctet(i));
                }
            }
        }
        String name = messageName(messageType);
        if (v > 0) {
            out.ascii(", ").ascii(name == null ? "unknown message" : name).ascii(" (0x").hex2(messageType)
                    .ascii("), length ").num(length);
        } else if (name != null) {
            out.ascii(", ").ascii(name);
        } else {
            out.ascii(", unknown message 0x").hex2(messageType);
        }
        while (rest != 0) {
            if (nonLockingShift == 1) {
                nonLockingShift = 2;
            } else if (nonLockingShift == 2) {
                codeset = unshiftCodeset;
                nonLockingShift = 0;
            }
            if (!m.has(pos, 1)) {
                trailer(c, v, length);
                return;
            }
            int id = m.byteAt(pos);
            pos++;
            rest--;
            if (Q933.singleOctet(id)) {
                if (Q933.shift(id)) {
                    if (Q933.lockingShift(id)) {
                        nonLockingShift = 0;
                    } else {
                        nonLockingShift = 1;
                        unshiftCodeset = codeset;
                    }
                    codeset = Q933.shiftCodeset(id);
                }
                continue;
            }
            if (rest == 0 || !m.has(pos, 1)) {
                trailer(c, v, length);
                return;
            }
            int elementLength = m.byteAt(pos);
            pos++;
            rest--;
            boolean lmiCodeset = codeset == 0 || codeset == ANSI_CODESET;
            if (v > 0) {
                String element = lmiCodeset ? elementName(id) : null;
                out.ascii("\n\t").ascii(element == null ? "unknown" : element).ascii(" IE (0x").hex2(id)
                        .ascii("), length ").num(elementLength).ascii(": ");
            }
            if (id == 0 || elementLength == 0) {
                return;
            }
            if (rest < elementLength || !m.has(pos, elementLength)) {
                trailer(c, v, length);
                return;
            }
            boolean known = lmiCodeset && element(out, m, id, pos, elementLength, v);
            if (known ? v > 1 : v > 0) {
                TlvText.dump(out, m, pos, elementLength, known ? "\n\t  " : "\n\t");
            }
            rest -= elementLength;
            pos += elementLength;
        }
        if (v == 0) {
            out.ascii(", length ").num(length);
        }
    }

    /** A message that ends inside its header: its length, then the truncation marker. */
    private static void shortHeader(PrintContext c, boolean e, int length) {
        if (!e) {
            c.out().ascii(", ");
        }
        c.out().ascii("length ").num(length);
        c.truncated("q.933");
    }

    /** A message that ends inside an element: without {@code -v} its length, then the truncation marker. */
    private static void trailer(PrintContext c, int v, int length) {
        if (v == 0) {
            c.out().ascii(", length ").num(length);
        }
        c.truncated("q.933");
    }

    /**
     * Prints an LMI element of codeset 0 or 5 at {@code pos}, {@code n} bytes, all captured.
     *
     * @return false, having printed nothing, for an element that is not one of them
     */
    private static boolean element(Out out, Q933 m, int id, int pos, int n, int v) {
        switch (id) {
            case 0x01, 0x51 -> {
                if (v > 0) {
                    int type = m.byteAt(pos);
                    out.ascii(switch (type) {
                        case 0 -> "Full Status";
                        case 1 -> "Link verify";
                        case 2 -> "Async PVC Status";
                        default -> "unknown";
                    }).ascii(" (").num(type).ch(')');
                }
                return true;
            }
            case 0x03, 0x53, 0x19 -> {
                if (v == 0) {
                    out.ascii(", ");
                }
                if (n < 2) {
                    out.ascii("Invalid LINK VERIFY IE");
                } else {
                    out.ascii("TX Seq: ");
                    padded(out, m.byteAt(pos));
                    out.ascii(", RX Seq: ");
                    padded(out, m.byteAt(pos + 1));
                }
                return true;
            }
            case 0x07, 0x57 -> {
                if (v == 0) {
                    out.ascii(", ");
                }
                if (!validDlci(m, pos, n)) {
                    out.ascii("Invalid DLCI in PVC STATUS IE");
                    return true;
                }
                int dlci = (m.byteAt(pos) & 0x3f) << 4 | (m.byteAt(pos + 1) & 0x78) >> 3;
                if (n == 4) {
                    dlci = dlci << 6 | (m.byteAt(pos + 2) & 0x7e) >> 1;
                } else if (n == 5) {
                    dlci = dlci << 13 | (m.byteAt(pos + 2) & 0x7f) | (m.byteAt(pos + 3) & 0x7e) >> 1;
                }
                int status = m.byteAt(pos + n - 1);
                out.ascii("DLCI ").num(dlci).ascii(": status ").ascii((status & 0x08) != 0 ? "New, " : "")
                        .ascii((status & 0x02) != 0 ? "Active" : "Inactive");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Whether a PVC status element's DLCI octets end where their extension bits say, in 3 to 5 octets. */
    private static boolean validDlci(Q933 m, int pos, int n) {
        if (n < 3 || n > 5 || (m.byteAt(pos) & 0x80) != 0) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            boolean last = i == n - 2;
            // the octet before the status ends the address: its extension bit is set, the others' clear
            if (((m.byteAt(pos + i) & 0x80) != 0) != last) {
                return false;
            }
        }
        return (m.byteAt(pos + n - 1) & 0x80) != 0;
    }

    /** Writes a number right-aligned in three columns, as {@code %3d}. */
    private static void padded(Out out, int value) {
        if (value < 100) {
            out.ch(' ');
        }
        if (value < 10) {
            out.ch(' ');
        }
        out.num(value);
    }

    private static String messageName(int type) {
        for (int i = 0; i < MESSAGE_TYPES.length; i++) {
            if (MESSAGE_TYPES[i] == type) {
                return MESSAGE_NAMES[i];
            }
        }
        return null;
    }

    private static String elementName(int id) {
        return switch (id) {
            case 0x01 -> "ANSI Report Type";
            case 0x19, 0x03 -> "ANSI Link Verify";
            case 0x07 -> "ANSI PVC Status";
            case 0x51 -> "CCITT Report Type";
            case 0x53 -> "CCITT Link Verify";
            case 0x57 -> "CCITT PVC Status";
            default -> null;
        };
    }
}
