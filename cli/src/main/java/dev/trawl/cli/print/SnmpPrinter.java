package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Snmp;

/**
 * SNMP as tcpdump prints a datagram to or from ports 161 and 162, as far as its malformed and truncated forms go:
 * the outer element must be a SEQUENCE (else {@code [!init SEQ]} and that element's value, an integer or an
 * object identifier in dotted form), then a version of 0, 1 or 3 (else {@code SNMP [version = N]}), with BER's
 * notes where an element's encoding is bad ({@code [len12<asnlen40]}, {@code [asnlen=0]}, ...) and
 * {@code [|snmp]} where the capture ends inside one. A well-formed message of a known version is left to the
 * datagram's length, as before. Not thread-safe (the view and parse state are kept in the instance).
 */
final class SnmpPrinter implements LayerPrinter {
    private static final String[] UNIVERSAL = {"U-0", "Boolean", "Integer", "Bitstring", "String", "Null", "ObjID",
        "ObjectDes", "U-8", "U-9", "U-10", "U-11", "U-12", "U-13", "U-14", "U-15", "Sequence", "Set"};
    private static final String[] APPLICATION = {"IpAddress", "Counter", "Gauge", "TimeTicks", "Opaque", "C-5",
        "Counter64"};
    private static final String[] CONTEXT = {"GetRequest", "GetNextRequest", "GetResponse", "SetRequest", "Trap",
        "GetBulk", "Inform", "V2Trap", "Report"};
    private static final String[] PRIVATE = {"P-0"};
    private static final String[] EXCEPTIONS = {"noSuchObject", "noSuchInstance", "endOfMibView"};
    private static final String[][] CLASSES = {UNIVERSAL, APPLICATION, CONTEXT, PRIVATE};
    private static final String[] VERSIONS = {"SNMPv1", "SNMPv2c", "SNMPv2u", "SNMPv3"};

    /** What an element holds, as tcpdump sorts BER elements. */
    private enum Kind { ANY, NULL, OCTETS, OID, INT, UNSIGNED, UNSIGNED64, STRING, SEQUENCE, ADDRESS, PDU,
        EXCEPTION }

    private final Snmp view = new Snmp();
    private Snmp m;
    private Out out;
    /** Where the notes of the first pass go. */
    private final Out discard = new Out(java.io.OutputStream.nullOutputStream());
    /** Whether notes are held back: a first pass that only finds out whether the message is printed. */
    private boolean silent;

    // the element the last parse read
    private Kind kind;
    private int id;
    private int contents;
    private long asnLength;
    private int integer;
    private long unsigned;

    /**
     * Whether tcpdump's text for SNMP layer {@code layer} is one this printer gives in full; when false the UDP
     * printer prints the datagram's length, as for a protocol it has no printer for.
     */
    boolean claims(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        m = view.wrap(p.buffer(), p.offset(layer), UdpPortPrinters.captured(c, layer));
        long length = ApplicationPrinters.udpPayload(c, layer);
        silent = true;
        try {
            if (parse(0, length) < 0 || kind != Kind.SEQUENCE || parse(contents, asnLength) < 0 || kind != Kind.INT) {
                return true;
            }
            return integer != 0 && integer != 1 && integer != 3;
        } catch (Truncated e) {
            return true;
        } finally {
            silent = false;
        }
    }

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        m = view.wrap(p.buffer(), p.offset(layer), UdpPortPrinters.captured(c, layer));
        out = c.out();
        int length = ApplicationPrinters.udpPayload(c, layer);
        out.ch(' ');
        try {
            int used = parse(0, length);
            if (used < 0) {
                return;
            }
            if (kind != Kind.SEQUENCE) {
                out.ascii("[!init SEQ]");
                value();
                return;
            }
            int inner = contents;
            int innerLength = (int) asnLength;
            if (parse(inner, innerLength) < 0) {
                return;
            }
            if (kind != Kind.INT) {
                out.ascii("[version!=INT]");
                value();
                return;
            }
            if (integer != 0 && integer != 1 && integer != 3) {
                out.ascii("SNMP [version = ").num(integer).ch(']');
                return;
            }
            if (used < length) {
                out.ascii("[").num(length - used).ascii(" extra after iSEQ]");
            }
            out.ascii("UDP, length ").num(length); // not reached: claims() leaves these to the UDP printer
        } catch (Truncated e) {
            c.truncated("snmp");
        }
    }

    /**
     * Reads the element at {@code at} with {@code length} bytes left into the fields; returns its whole length,
     * or -1 having printed tcpdump's note on what is wrong with it.
     */
    private int parse(int at, long length) {
        kind = Kind.ANY;
        asnLength = 0;
        Out notes = out;
        if (silent) {
            out = discard;
        }
        try {
            return parseElement(at, length);
        } finally {
            out = notes;
        }
    }

    private int parseElement(int at, long length) {
        if (length < 1) {
            out.ascii("[nothing to parse]");
            return -1;
        }
        int first = CheckedReads.u8(m, at);
        id = first & 0x1f;
        int form = (first & 0x20) >> 5;
        int cls = (first & 0xc0) >> 6;
        int p = at + 1;
        length--;
        if (id == 0x1f) {
            int tag = 0;
            while ((CheckedReads.u8(m, p) & 0x80) != 0) {
                if (length < 1) {
                    out.ascii("[Xtagfield?]");
                    return -1;
                }
                tag = tag << 7 | CheckedReads.u8(m, p) & 0x7f;
                length--;
                p++;
            }
            if (length < 1) {
                out.ascii("[Xtagfield?]");
                return -1;
            }
            id = (tag << 7 | CheckedReads.u8(m, p)) & 0xffff; // tcpdump keeps the tag in 16 bits
            length--;
            p++;
        }
        if (length < 1) {
            out.ascii("[no asnlen]");
            return -1;
        }
        long len = CheckedReads.u8(m, p);
        p++;
        length--;
        if ((len & 0x80) != 0) {
            int octets = (int) (len & 0x7f);
            len = 0;
            if (length < octets) {
                out.ascii("[asnlen? ").num(length).ch('<').num(octets).ch(']');
                return -1;
            }
            CheckedReads.need(m, p, octets);
            for (; octets != 0; octets--, length--, p++) {
                len = (len << 8 | CheckedReads.u8(m, p)) & 0xffffffffL;
            }
        }
        asnLength = len;
        if (length < len) {
            out.ascii("[len").num(length).ascii("<asnlen").num(len).ch(']');
            return -1;
        }
        String[] ids = cls < CLASSES.length ? CLASSES[cls] : EXCEPTIONS;
        if (id >= ids.length) {
            out.ascii("[id?").ch(form == 0 ? 'P' : 'C').ascii("/x/").num(id).ch(']');
            return -1;
        }
        CheckedReads.need(m, p, (int) len);
        contents = p;
        if (form == 0 && cls == 0 && id == 2 && len == 0) {
            out.ascii("[asnlen=0]");
            return -1;
        }
        classify(form, cls, p, (int) len);
        return (int) (p - at + len);
    }

    /** Sorts the element whose contents are at {@code p} as tcpdump does, with its notes on unusual tags. */
    private void classify(int form, int cls, int p, int len) {
        kind = Kind.OCTETS;
        if (form == 1) {
            if (cls == 0 && id == 16) {
                kind = Kind.SEQUENCE;
            } else if (cls == 2) {
                kind = Kind.PDU;
            } else {
                out.ascii(cls == 0 ? "C/U/" : "C/x/").ascii(CLASSES[cls][id]);
            }
            return;
        }
        switch (cls) {
            case 0 -> {
                switch (id) {
                    case 4 -> kind = Kind.STRING;
                    case 2 -> {
                        kind = Kind.INT;
                        int v = (CheckedReads.u8(m, p) & 0x80) != 0 ? -1 : 0;
                        for (int i = 0; i < len; i++) {
                            v = v << 8 | CheckedReads.u8(m, p + i);
                        }
                        integer = v;
                    }
                    case 6 -> kind = Kind.OID;
                    case 5 -> kind = Kind.NULL;
                    default -> out.ascii("[P/U/").ascii(UNIVERSAL[id]).ch(']');
                }
            }
            case 1 -> {
                switch (id) {
                    case 0 -> kind = Kind.ADDRESS;
                    case 1, 2, 3, 6 -> {
                        kind = id == 6 ? Kind.UNSIGNED64 : Kind.UNSIGNED;
                        long v = 0;
                        for (int i = 0; i < len; i++) {
                            v = (v << 8) + CheckedReads.u8(m, p + i);
                        }
                        unsigned = id == 6 ? v : v & 0xffffffffL;
                    }
                    default -> out.ascii("[P/A/").ascii(APPLICATION[id]).ch(']');
                }
            }
            case 2 -> kind = id <= 2 ? Kind.EXCEPTION : Kind.ANY;
            default -> out.ascii("[P/x/").ascii(CLASSES[cls][id]).ch(']');
        }
    }

    /** Prints the value of the element the last parse read. */
    private void value() {
        int len = (int) asnLength;
        switch (kind) {
            case OCTETS -> {
                CheckedReads.need(m, contents, len);
                for (int i = 0; i < len; i++) {
                    out.ch('_').hex2(CheckedReads.u8(m, contents + i));
                }
            }
            case NULL -> { }
            case OID -> oid(len);
            case INT -> out.num(integer);
            case UNSIGNED -> out.num(unsigned);
            case UNSIGNED64 -> out.ascii(Long.toUnsignedString(unsigned));
            case STRING -> string(len);
            case SEQUENCE -> out.ascii("Seq(").num(len).ch(')');
            case ADDRESS -> {
                if (len != 4) {
                    out.ascii("[inetaddr len!=4]");
                }
                CheckedReads.need(m, contents, len);
                for (int i = 0; i < len; i++) {
                    if (i > 0) {
                        out.ch('.');
                    }
                    out.num(CheckedReads.u8(m, contents + i));
                }
            }
            case EXCEPTION -> out.ch('[').ascii(EXCEPTIONS[id]).ch(']');
            case PDU -> out.ascii(CONTEXT[id]).ch('(').num(len).ch(')');
            case ANY -> out.ascii("[BE_ANY!?]");
            default -> out.ascii("[be!?]");
        }
    }

    /** An object identifier in dotted numbers (the first byte holds two of them). */
    private void oid(int len) {
        int o = 0;
        boolean first = true;
        for (int i = 0; i < len; i++) {
            int b = CheckedReads.u8(m, contents + i);
            o = (o << 7) + (b & 0x7f);
            if ((b & 0x80) != 0) {
                continue;
            }
            if (first) {
                first = false;
                int s = Math.min(o / 40, 2);
                out.ch('.').ascii(Integer.toUnsignedString(s));
                o -= s * 40;
            }
            out.ch('.').ascii(Integer.toUnsignedString(o));
            o = 0;
        }
    }

    /** A string in quotes when every byte is printable, else its bytes in hex joined by underscores. */
    private void string(int len) {
        CheckedReads.need(m, contents, len);
        boolean printable = true;
        for (int i = 0; i < len && printable; i++) {
            int b = CheckedReads.u8(m, contents + i);
            printable = b >= 0x20 && b < 0x7f;
        }
        if (printable) {
            out.ch('"');
            for (int i = 0; i < len; i++) {
                out.ch((char) CheckedReads.u8(m, contents + i));
            }
            out.ch('"');
            return;
        }
        for (int i = 0; i < len; i++) {
            if (i > 0) {
                out.ch('_');
            }
            out.hex2(CheckedReads.u8(m, contents + i));
        }
    }
}
