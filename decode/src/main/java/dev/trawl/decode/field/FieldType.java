package dev.trawl.decode.field;

/**
 * How a field's values are represented and printed. Printing follows {@code tshark -T fields}: unsigned
 * decimal for counts and ports, {@code 0x}-prefixed zero-padded hex for flags and identifiers, colon-separated
 * MAC addresses, dotted IPv4, RFC 5952 IPv6, {@code 1}/{@code 0} for booleans.
 */
public enum FieldType {
    /** An unsigned integer printed in decimal. */
    UINT(0),
    /** A signed integer printed in decimal. */
    INT(0),
    /** An integer printed as {@code 0x} and two hex digits. */
    HEX8(2),
    /** An integer printed as {@code 0x} and four hex digits. */
    HEX16(4),
    /** An integer printed as {@code 0x} and six hex digits. */
    HEX24(6),
    /** An integer printed as {@code 0x} and eight hex digits. */
    HEX32(8),
    /** A flag printed as {@code 1} or {@code 0} (value non-zero or zero). */
    BOOLEAN(0),
    /** Six bytes printed as {@code aa:bb:cc:dd:ee:ff}. */
    MAC(0),
    /** Four bytes printed as a dotted quad. */
    IPV4(0),
    /** Sixteen bytes printed in RFC 5952 form. */
    IPV6(0),
    /** Text. */
    STRING(0),
    /** Bytes printed as lower-case hex pairs separated by colons. */
    BYTES(0),
    /** Bytes printed as lower-case hex pairs with nothing between them, as Wireshark prints payloads. */
    PLAIN_BYTES(0),
    /** A time in nanoseconds since the epoch, printed as seconds with nine decimals. */
    EPOCH_NANOS(0),
    /** A signed duration in nanoseconds, printed as seconds with nine decimals. */
    RELATIVE_NANOS(0);

    private final int hexDigits;

    FieldType(int hexDigits) {
        this.hexDigits = hexDigits;
    }

    /** The number of hex digits of a hex type, 0 otherwise. */
    public int hexDigits() {
        return hexDigits;
    }

    /** Whether values of this type are integers ({@link FieldSink#integer}). */
    public boolean isInteger() {
        return this == UINT || this == INT || hexDigits > 0 || this == BOOLEAN || this == EPOCH_NANOS
                || this == RELATIVE_NANOS;
    }
}
