package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A DNS message (RFC 1035): header, questions and resource records, with name compression.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              ID               |QR| Opcode |AA|TC|RD|RA| Z|RCODE|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            QDCOUNT            |            ANCOUNT            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            NSCOUNT            |            ARCOUNT            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Questions: QNAME, QTYPE(16), QCLASS(16) ...                   |
 * | Records: NAME, TYPE(16), CLASS(16), TTL(32), RDLENGTH(16),     |
 * |          RDATA ...                                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Sections are walked with relative cursors: {@link #firstQuestion()}, {@link #afterQuestion(int)},
 * {@link #afterRecord(int)}; -1 means the message ends or is malformed there. Name reading follows
 * compression pointers with a bound on the number of jumps, so a pointer loop ends the name instead of
 * looping. See {@link Flyweight}; not thread-safe.
 */
public final class Dns extends Flyweight {
    /** Where the last name {@link #spellPlain} spelled ends (relative); the chars {@link #spellQuestion} spelled. */
    private int plainEnd;
    private int spelled;
    /** Scratch space for {@link #appendName}, allocated on its first use and kept. */
    private char[] text;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Dns() {
    }

    /** The header length. */
    public static final int HEADER_LENGTH = 12;
    /** The most compression pointers followed in one name. */
    public static final int MAX_POINTERS = 64;
    /** The longest name, in bytes on the wire, that RFC 1035 allows. */
    public static final int MAX_NAME = 255;

    /** Points this view at a DNS message. */
    public Dns wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int id() {
        return u16(0);
    }

    public int flags() {
        return u16(2);
    }

    /** Whether this is a response (QR bit). */
    public boolean isResponse() {
        return (u16(2) & 0x8000) != 0;
    }

    public int opcode() {
        return (u16(2) >>> 11) & 0xF;
    }

    public int rcode() {
        return u16(2) & 0xF;
    }

    public int questionCount() {
        return u16(4);
    }

    public int answerCount() {
        return u16(6);
    }

    public int authorityCount() {
        return u16(8);
    }

    public int additionalCount() {
        return u16(10);
    }

    /** The relative offset of the first question, or -1 if the header is incomplete. */
    public int firstQuestion() {
        return has(0, HEADER_LENGTH) ? HEADER_LENGTH : -1;
    }

    /** The relative offset just past the name at {@code rel} (not following pointers), or -1. */
    public int skipName(int rel) {
        int p = rel;
        for (int guard = 0; guard <= MAX_NAME; guard++) {
            if (!has(p, 1)) {
                return -1;
            }
            int len = u8(p);
            if (len == 0) {
                return p + 1;
            }
            if ((len & 0xC0) == 0xC0) {
                return has(p, 2) ? p + 2 : -1;
            }
            if ((len & 0xC0) != 0) {
                return -1; // extended label types are not defined for names on the wire
            }
            p += 1 + len;
        }
        return -1;
    }

    /**
     * Appends the name at {@code rel} to {@code out} in dotted form ({@code <Root>} for the root), following
     * compression pointers.
     *
     * @return whether the name was complete and well formed; on false, what was read has been appended
     */
    public boolean appendName(int rel, StringBuilder out) {
        // The name is spelled into a scratch array and appended in one call: appending char by char costs a
        // capacity and encoding check per character.
        char[] t = text == null ? text = new char[4 * MAX_NAME + 128] : text;
        int fast = spellPlain(rel, t, 0);
        if (fast > 0) {
            out.append(t, 1, fast - 1);
            return true;
        }
        int n = 0;
        int p = rel;
        int pointers = 0;
        int labels = 0;
        int total = 0;
        boolean complete = false;
        while (true) {
            if (!has(p, 1)) {
                break;
            }
            int len = checkedU8(p);
            if (len == 0) {
                complete = true;
                break;
            }
            if ((len & 0xC0) == 0xC0) {
                if (!has(p, 2) || ++pointers > MAX_POINTERS) {
                    break;
                }
                p = u16(p) & 0x3FFF;
                continue;
            }
            if ((len & 0xC0) != 0 || !has(p + 1, len)) {
                break;
            }
            total += len + 1;
            if (total > MAX_NAME) {
                break;
            }
            if (labels++ > 0) {
                t[n++] = '.';
            }
            for (int i = p + 1, e = p + 1 + len; i < e; i++) {
                int c = checkedU8(i);
                if (c > 0x20 && c < 0x7F) {
                    t[n++] = (char) c;
                } else {
                    t[n++] = '\\';
                    t[n++] = (char) ('0' + c / 100);
                    t[n++] = (char) ('0' + c / 10 % 10);
                    t[n++] = (char) ('0' + c % 10);
                }
            }
            p += 1 + len;
        }
        if (complete && labels == 0) {
            out.append("<Root>");
        } else {
            out.append(t, 0, n);
        }
        return complete;
    }

    /**
     * Spells the name of the question at {@code rel} into {@code t} from index {@code at + 1} (writing a dot at
     * {@code at}), when it is of the common kind {@link #spellPlain} spells and the question is whole; returns the
     * relative offset just past the question, as {@link #afterQuestion} would, and the number of chars of the name
     * is then {@link #spelled}. Returns -1 (with {@code t} from {@code at} unspecified) when the name or question
     * needs {@link #appendName} and {@link #afterQuestion}. {@code t} must have {@code MAX_NAME + 2} chars
     * from {@code at}.
     */
    public int spellQuestion(int rel, char[] t, int at) {
        int n = spellPlain(rel, t, at);
        if (n == 0 || !has(plainEnd, 4)) {
            return -1;
        }
        spelled = n - 1;
        return plainEnd + 4;
    }

    /** The number of chars of the name the last {@link #spellQuestion} spelled. */
    public int spelled() {
        return spelled;
    }

    /**
     * Spells the common kind of name, uncompressed and printable, into {@code t} from {@code at} with a leading
     * dot, and returns the number of chars written, with the relative offset just past the name in
     * {@link #plainEnd}; or returns 0 when the name needs {@link #appendName}'s full treatment (pointers,
     * escapes, the root, too long, cut short, a buffer that hides its array). Works on the array directly: one
     * bounds check per label instead of one per byte.
     */
    private int spellPlain(int rel, char[] t, int at) {
        byte[] a = array();
        if (a == null || !has(rel, 1)) {
            return 0;
        }
        int base = arrayIndex(0);
        int lim = base + Math.min(limit - offset, rel + MAX_NAME + 1);
        int p = base + rel;
        int n = at;
        while (true) {
            if (p >= lim) {
                return 0;
            }
            int len = a[p] & 0xFF;
            if (len == 0) {
                plainEnd = p + 1 - base;
                return n - at;
            }
            if (len >= 0x40 || p + 1 + len > lim) {
                return 0;
            }
            t[n++] = '.';
            for (int i = p + 1, e = p + 1 + len; i < e; i++) {
                int c = a[i] & 0xFF;
                if (c <= 0x20 || c >= 0x7F) {
                    return 0;
                }
                t[n++] = (char) c;
            }
            p += 1 + len;
        }
    }

    /** The relative offset just past the question at {@code rel}, or -1. */
    public int afterQuestion(int rel) {
        int p = skipName(rel);
        return p >= 0 && has(p, 4) ? p + 4 : -1;
    }

    /** The QTYPE of the question at {@code rel}. */
    public int questionType(int rel) {
        int p = skipName(rel);
        return p >= 0 ? u16(p) : 0;
    }

    /** The QCLASS of the question at {@code rel}. */
    public int questionClass(int rel) {
        int p = skipName(rel);
        return p >= 0 ? u16(p + 2) : 0;
    }

    /** The relative offset of the fixed part (TYPE onwards) of the record at {@code rel}, or -1. */
    public int recordFixed(int rel) {
        int p = skipName(rel);
        return p >= 0 && has(p, 10) ? p : -1;
    }

    public int recordType(int rel) {
        int p = recordFixed(rel);
        return p >= 0 ? u16(p) : 0;
    }

    public int recordClass(int rel) {
        int p = recordFixed(rel);
        return p >= 0 ? u16(p + 2) : 0;
    }

    public long recordTtl(int rel) {
        int p = recordFixed(rel);
        return p >= 0 ? u32(p + 4) : 0;
    }

    public int recordDataLength(int rel) {
        int p = recordFixed(rel);
        return p >= 0 ? u16(p + 8) : 0;
    }

    /** The relative offset of the record's RDATA, or -1. */
    public int recordData(int rel) {
        int p = recordFixed(rel);
        return p >= 0 ? p + 10 : -1;
    }

    /** The relative offset just past the record at {@code rel}, or -1 when it does not fit. */
    public int afterRecord(int rel) {
        int p = recordFixed(rel);
        if (p < 0) {
            return -1;
        }
        int end = p + 10 + u16(p + 8);
        return has(p + 10, end - p - 10) ? end : -1;
    }

    /** The relative offset of the first answer record, or -1. */
    public int firstRecord() {
        int p = firstQuestion();
        for (int q = questionCount(); q > 0 && p >= 0; q--) {
            p = afterQuestion(p);
        }
        return p;
    }
}
