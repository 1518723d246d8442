package dev.trawl.decode.display;

/**
 * The type of a display-filter value, named as Wireshark names its field types ({@code FT_UINT16},
 * {@code FT_IPv4}...). A type decides how literals are read, which operators apply, and how values compare.
 */
enum FType {
    UINT8(Family.INTEGER, 8, false, "Unsigned integer (1 byte)"),
    UINT16(Family.INTEGER, 16, false, "Unsigned integer (2 bytes)"),
    UINT24(Family.INTEGER, 24, false, "Unsigned integer (3 bytes)"),
    UINT32(Family.INTEGER, 32, false, "Unsigned integer (4 bytes)"),
    UINT40(Family.INTEGER, 40, false, "Unsigned integer (5 bytes)"),
    UINT48(Family.INTEGER, 48, false, "Unsigned integer (6 bytes)"),
    UINT56(Family.INTEGER, 56, false, "Unsigned integer (7 bytes)"),
    UINT64(Family.INTEGER, 64, false, "Unsigned integer (8 bytes)"),
    INT8(Family.INTEGER, 8, true, "Signed integer (1 byte)"),
    INT16(Family.INTEGER, 16, true, "Signed integer (2 bytes)"),
    INT24(Family.INTEGER, 24, true, "Signed integer (3 bytes)"),
    INT32(Family.INTEGER, 32, true, "Signed integer (4 bytes)"),
    INT40(Family.INTEGER, 40, true, "Signed integer (5 bytes)"),
    INT48(Family.INTEGER, 48, true, "Signed integer (6 bytes)"),
    INT56(Family.INTEGER, 56, true, "Signed integer (7 bytes)"),
    INT64(Family.INTEGER, 64, true, "Signed integer (8 bytes)"),
    CHAR(Family.INTEGER, 8, false, "Character, 1 byte"),
    FRAMENUM(Family.INTEGER, 32, false, "Frame number"),
    IPXNET(Family.INTEGER, 32, false, "IPX network number"),
    BOOLEAN(Family.BOOLEAN, 64, false, "Boolean"),
    FLOAT(Family.FLOAT, 32, true, "Floating point (single-precision)"),
    DOUBLE(Family.FLOAT, 64, true, "Floating point (double-precision)"),
    ABSOLUTE_TIME(Family.TIME, 64, true, "Date and time"),
    RELATIVE_TIME(Family.TIME, 64, true, "Time offset"),
    IPV4(Family.IPV4, 32, false, "IPv4 address"),
    IPV6(Family.IPV6, 128, false, "IPv6 address"),
    ETHER(Family.BYTES, 48, false, "Ethernet or other MAC address"),
    EUI64(Family.BYTES, 64, false, "EUI64 address"),
    BYTES(Family.BYTES, 0, false, "Byte sequence"),
    UINT_BYTES(Family.BYTES, 0, false, "Byte sequence"),
    GUID(Family.BYTES, 128, false, "Globally Unique Identifier"),
    OID(Family.BYTES, 0, false, "ASN.1 object identifier"),
    REL_OID(Family.BYTES, 0, false, "ASN.1 relative object identifier"),
    SYSTEM_ID(Family.BYTES, 0, false, "OSI System-ID"),
    FCWWN(Family.BYTES, 64, false, "Fibre Channel WWN"),
    AX25(Family.BYTES, 56, false, "AX.25 address"),
    VINES(Family.BYTES, 48, false, "VINES address"),
    PROTOCOL(Family.PROTOCOL, 0, false, "Protocol"),
    STRING(Family.STRING, 0, false, "Character string"),
    NONE(Family.NONE, 0, false, "Label"),
    /** Wireshark's IEEE 11073 floats and other types this engine keeps only by name. */
    OTHER(Family.NONE, 0, false, "Other");

    /** How values of a type are held and compared. */
    enum Family {
        /** Integers held as {@code long}, signed or unsigned by the type. */
        INTEGER,
        /** Booleans held as 0 or 1. */
        BOOLEAN,
        /** Floating point held as {@code double}. */
        FLOAT,
        /** Times held as nanoseconds in a {@code long}. */
        TIME,
        /** IPv4 addresses held as an unsigned 32-bit number, with a prefix length for literals. */
        IPV4,
        /** IPv6 addresses held as 16 bytes, with a prefix length for literals. */
        IPV6,
        /** Byte sequences. */
        BYTES,
        /** A protocol: the bytes its layer spans. */
        PROTOCOL,
        /** Text, held as UTF-8 bytes. */
        STRING,
        /** A label with no value: it can only be tested for presence. */
        NONE
    }

    final Family family;
    final int bits;
    final boolean signed;
    final String description;

    FType(Family family, int bits, boolean signed, String description) {
        this.family = family;
        this.bits = bits;
        this.signed = signed;
        this.description = description;
    }

    /** The type for one of Wireshark's names without {@code FT_} ({@code UINT16}, {@code IPv4}, ...). */
    static FType ofWiresharkName(String name) {
        return switch (name) {
            case "IPv4" -> IPV4;
            case "IPv6" -> IPV6;
            case "STRINGZ", "UINT_STRING", "STRINGZPAD", "STRINGZTRUNC" -> STRING;
            case "IEEE_11073_SFLOAT", "IEEE_11073_FLOAT" -> OTHER;
            default -> {
                try {
                    yield valueOf(name);
                } catch (IllegalArgumentException e) {
                    yield OTHER;
                }
            }
        };
    }

    /** Wireshark's name of the type, as its messages show it ({@code FT_UINT16}). */
    String wiresharkName() {
        return switch (this) {
            case IPV4 -> "FT_IPv4";
            case IPV6 -> "FT_IPv6";
            default -> "FT_" + name();
        };
    }

    boolean isInteger() {
        return family == Family.INTEGER || family == Family.BOOLEAN;
    }

    /** Whether values of this type are ordered by number (integers, booleans, floats, times, IPv4). */
    boolean isNumeric() {
        return family == Family.INTEGER || family == Family.BOOLEAN || family == Family.FLOAT
                || family == Family.TIME || family == Family.IPV4;
    }

    /** Whether values of this type are byte sequences (bytes, addresses, strings, protocols). */
    boolean isByteLike() {
        return family == Family.BYTES || family == Family.STRING || family == Family.PROTOCOL
                || family == Family.IPV6;
    }

    /** Whether a value of this type can be sliced into bytes. */
    boolean isSliceable() {
        return family == Family.BYTES || family == Family.STRING || family == Family.PROTOCOL
                || family == Family.IPV4 || family == Family.IPV6;
    }

    /** The largest unsigned value, or for a signed type the largest positive one. */
    long max() {
        if (bits >= 64) {
            return signed ? Long.MAX_VALUE : -1L;
        }
        return signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
    }

    /** The smallest value of a signed type (0 for unsigned). */
    long min() {
        if (!signed) {
            return 0;
        }
        return bits >= 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
    }
}
