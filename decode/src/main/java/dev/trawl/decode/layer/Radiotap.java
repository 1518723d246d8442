package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The radiotap header that monitor-mode captures put before an 802.11 frame, read as a cursor over its fields.
 * All values are little-endian; each field is aligned to its natural size counted from the header's start.
 *
 * <pre>
 * | version (8) | pad (8) | length (16) | present (32) [| present (32) ...while bit 31 is set] |
 * | fields, in the order of their present bits ... |
 * </pre>
 *
 * <p>Bit 29 of a present word switches back to the radiotap namespace, bit 30 to a vendor namespace (whose
 * fields, announced by a 6-byte header, are skipped). Iterate with {@link #start()} and {@link #nextField()};
 * the typed accessors read the field the cursor is on. Fields whose size is not known here stop the iteration
 * ({@link #UNKNOWN}), as the position of the fields after them cannot be found.
 *
 * <p>See {@link Flyweight}; not thread-safe.
 */
public final class Radiotap extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Radiotap() {
    }

    public static final int TSFT = 0;
    public static final int FLAGS = 1;
    public static final int RATE = 2;
    public static final int CHANNEL = 3;
    public static final int FHSS = 4;
    public static final int DBM_ANTSIGNAL = 5;
    public static final int DBM_ANTNOISE = 6;
    public static final int LOCK_QUALITY = 7;
    public static final int TX_ATTENUATION = 8;
    public static final int DB_TX_ATTENUATION = 9;
    public static final int DBM_TX_POWER = 10;
    public static final int ANTENNA = 11;
    public static final int DB_ANTSIGNAL = 12;
    public static final int DB_ANTNOISE = 13;
    public static final int RX_FLAGS = 14;
    public static final int XCHANNEL = 18;
    public static final int MCS = 19;
    public static final int AMPDU_STATUS = 20;
    public static final int VHT = 21;

    /** {@link #nextField()}: no more fields. */
    public static final int END = -1;
    /** {@link #nextField()}: a field of unknown size ({@link #bit()} says which); iteration stops. */
    public static final int UNKNOWN = -2;
    /** {@link #nextField()}: the field runs past the header's length; iteration stops. */
    public static final int TRUNCATED = -3;

    /** Flags field bits. */
    public static final int F_CFP = 0x01;
    public static final int F_SHORT_PREAMBLE = 0x02;
    public static final int F_WEP = 0x04;
    public static final int F_FRAGMENTED = 0x08;
    public static final int F_FCS = 0x10;
    public static final int F_DATAPAD = 0x20;
    public static final int F_BAD_FCS = 0x40;

    private static final int NAMESPACE = 29;
    private static final int VENDOR_NAMESPACE = 30;
    private static final int EXTENDED = 31;

    private int headerEnd;
    private int lastWord;
    private int word;
    private int bit0;
    private long remaining;
    private boolean vendor;
    private int skip;
    private int pos;
    private int field;
    private int fieldAt;
    private boolean stopped;

    /** Points this view at a radiotap header (and what follows it). */
    public Radiotap wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The header's length field, covering the whole header with its fields. */
    public int headerLength() {
        return u16le(2);
    }

    /**
     * Puts the cursor before the first field.
     *
     * @return false when the present words run past the header's length (nothing can be read)
     */
    public boolean start() {
        headerEnd = Math.min(headerLength(), regionLength());
        int at = 4;
        while (at + 4 <= headerEnd && (u32le(at) & (1L << EXTENDED)) != 0) {
            at += 4;
        }
        if (at + 4 > headerEnd) {
            return false;
        }
        lastWord = at;
        word = 4;
        pos = at + 4;
        bit0 = 0;
        vendor = false;
        skip = 0;
        remaining = u32le(4);
        stopped = false;
        return true;
    }

    /** The present word the cursor's field belongs to. */
    public long presentWord() {
        return u32le(word);
    }

    /**
     * Moves to the next field of the radiotap namespace, skipping vendor namespaces.
     *
     * @return the field's radiotap bit number, or {@link #END}, {@link #UNKNOWN} or {@link #TRUNCATED}
     */
    public int nextField() {
        if (stopped) {
            return END;
        }
        while (true) {
            if (!vendor && remaining != 0) {
                long lowest = remaining & -remaining;
                remaining &= remaining - 1;
                int bitno = Long.numberOfTrailingZeros(lowest);
                if (bitno < NAMESPACE) {
                    field = bit0 + bitno;
                    return place(field);
                }
                remaining = 0;
            }
            // this word is done: follow its namespace bits to the next one
            long present = u32le(word);
            if (vendor) {
                if (pos + skip > headerEnd) {
                    stopped = true;
                    return END;
                }
                pos += skip;
                skip = 0;
            }
            long switches = present & (1L << NAMESPACE | 1L << VENDOR_NAMESPACE);
            if (switches == 0) {
                bit0 += 32;
            } else if (switches == 1L << NAMESPACE) {
                bit0 = 0;
                vendor = false;
                skip = 0;
            } else if (switches == 1L << VENDOR_NAMESPACE) {
                bit0 = 0;
                vendor = true;
                pos = (pos + 1) & ~1;
                if (pos + 6 > headerEnd) {
                    stopped = true;
                    return TRUNCATED;
                }
                skip = u16le(pos + 4);
                pos += 6;
            }
            if (word >= lastWord) {
                stopped = true;
                return END;
            }
            word += 4;
            remaining = vendor ? 0 : u32le(word);
        }
    }

    private int place(int bit) {
        int align;
        int size;
        switch (bit) {
            case TSFT -> { align = 8; size = 8; }
            case FLAGS, RATE, DBM_ANTSIGNAL, DBM_ANTNOISE, DBM_TX_POWER, ANTENNA, DB_ANTSIGNAL, DB_ANTNOISE,
                 DB_TX_ATTENUATION -> { align = 1; size = 1; }
            case CHANNEL -> { align = 2; size = 4; }
            case FHSS -> { align = 1; size = 2; }
            case LOCK_QUALITY, TX_ATTENUATION, RX_FLAGS -> { align = 2; size = 2; }
            case XCHANNEL, AMPDU_STATUS -> { align = 4; size = 8; }
            case MCS -> { align = 1; size = 3; }
            case VHT -> { align = 2; size = 12; }
            default -> {
                stopped = true;
                return UNKNOWN;
            }
        }
        int at = (pos + align - 1) & -align;
        if (at + size > headerEnd) {
            stopped = true;
            return TRUNCATED;
        }
        fieldAt = at;
        pos = at + size;
        return bit;
    }

    /** The radiotap bit number of the field the cursor is on (also of an {@link #UNKNOWN} one). */
    public int bit() {
        return field;
    }

    /** The offset of the current field, relative to the header's start. */
    public int fieldOffset() {
        return fieldAt;
    }

    /** The current field's first byte, unsigned (Flags, Rate, Antenna, dB signal and noise). */
    public int u8Value() {
        return u8(fieldAt);
    }

    /** The current field's first byte, signed (dBm signal, noise and power). */
    public int s8Value() {
        return (byte) u8(fieldAt);
    }

    /** The current field's first 16-bit value, unsigned (lock quality, RX flags). */
    public int u16Value() {
        return u16le(fieldAt);
    }

    /** The current field's first 16-bit value, signed (TX attenuation). */
    public int s16Value() {
        return (short) u16le(fieldAt);
    }

    /** TSFT: the MAC timestamp in microseconds (unsigned 64 bits, in a long). */
    public long tsft() {
        return u32le(fieldAt) | u32le(fieldAt + 4) << 32;
    }

    /** Channel or XChannel: the frequency in MHz. */
    public int frequency() {
        return field == XCHANNEL ? u16le(fieldAt + 4) : u16le(fieldAt);
    }

    /** Channel or XChannel: the channel flags (16 bits for Channel, 32 for XChannel). */
    public long channelFlags() {
        return field == XCHANNEL ? u32le(fieldAt) : u16le(fieldAt + 2);
    }

    /** FHSS: the hop set. */
    public int hopSet() {
        return u8(fieldAt);
    }

    /** FHSS: the hop pattern. */
    public int hopPattern() {
        return u8(fieldAt + 1);
    }

    /** MCS: the known bits. */
    public int mcsKnown() {
        return u8(fieldAt);
    }

    /** MCS: the flags. */
    public int mcsFlags() {
        return u8(fieldAt + 1);
    }

    /** MCS: the index. */
    public int mcsIndex() {
        return u8(fieldAt + 2);
    }

    /** VHT: the known bits. */
    public int vhtKnown() {
        return u16le(fieldAt);
    }

    /** VHT: the flags. */
    public int vhtFlags() {
        return u8(fieldAt + 2);
    }

    /** VHT: the bandwidth code. */
    public int vhtBandwidth() {
        return u8(fieldAt + 3);
    }

    /** VHT: user {@code user}'s MCS (high nibble) and number of spatial streams (low nibble). */
    public int vhtMcsNss(int user) {
        return u8(fieldAt + 4 + user);
    }

    /** VHT: the coding bits (LDPC per user). */
    public int vhtCoding() {
        return u8(fieldAt + 8);
    }

    private long u32le(int rel) {
        return has(rel, 4) ? (long) u16le(rel + 2) << 16 | u16le(rel) : 0;
    }
}
