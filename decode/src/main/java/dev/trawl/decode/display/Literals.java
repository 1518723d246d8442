package dev.trawl.decode.display;

import dev.trawl.decode.display.Syntax.Chr;
import dev.trawl.decode.display.Syntax.Node;
import dev.trawl.decode.display.Syntax.Str;
import dev.trawl.decode.display.Syntax.Word;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Reads a literal as a value of the type it is compared with, as Wireshark does: the same word is a number
 * beside a port, an address beside {@code ip.src}, bytes beside {@code frame[0:2]}. Refusals carry tshark's
 * messages ({@code "70000" too big for this field, maximum 65535.}).
 */
final class Literals {
    private final String expression;
    private final Catalogue catalogue;

    Literals(String expression, Catalogue catalogue) {
        this.expression = expression;
        this.catalogue = catalogue;
    }

    /**
     * The value of {@code literal} (a word, string or character constant) as {@code type}.
     *
     * @param field the field the literal is compared with, for its value strings; null for none
     */
    Vals parse(Node literal, FType type, String field) {
        Vals out = new Vals(type);
        if (literal instanceof Word w) {
            word(w, type, field, out);
        } else if (literal instanceof Str s) {
            string(s, type, field, out);
        } else if (literal instanceof Chr c) {
            character(c, type, out);
        } else {
            throw new IllegalStateException("not a literal: " + literal);
        }
        return out;
    }

    private DisplayFilterException error(Node at, String description) {
        return DisplayFilterException.at(expression, at.start(), at.end(), description);
    }

    private void word(Word w, FType type, String field, Vals out) {
        String text = w.text();
        switch (type.family) {
            case INTEGER -> out.addLong(integer(w, text, type, field));
            case BOOLEAN -> out.addLong(bool(w, text, field));
            case FLOAT -> out.addDouble(floating(w, text));
            case TIME -> {
                if (type == FType.ABSOLUTE_TIME) {
                    throw error(w, "\"" + text + "\" is not a valid absolute time. Example: \"Nov 12, 1999 08:55:44.123\" or \"2011-07-04 12:34:56\"");
                }
                out.addLong(relativeTime(w, text));
            }
            case IPV4 -> ipv4(w, text, out);
            case IPV6 -> ipv6(w, text, out);
            case BYTES, PROTOCOL -> out.addBytes(bytes(w, text, type));
            case STRING -> out.addText(text);
            case NONE -> throw error(w, "\"" + text + "\" cannot be compared with a field of type " + type.description + ".");
            default -> throw new IllegalStateException(type.toString());
        }
    }

    private void string(Str s, FType type, String field, Vals out) {
        String text = new String(s.value(), StandardCharsets.UTF_8);
        switch (type.family) {
            case STRING, BYTES, PROTOCOL -> out.addBytes(s.value());
            case INTEGER, BOOLEAN -> {
                Long value = field == null ? null : catalogue.valueOf(field, text);
                if (value == null) {
                    if (field != null && catalogue.hasValueStrings(field)) {
                        throw error(s, "\"" + text + "\" cannot be found among the possible values for " + field + ".");
                    }
                    throw error(s, type.description + " cannot be converted from a string (" + s.text() + ").");
                }
                out.addLong(value);
            }
            case TIME -> {
                if (type != FType.ABSOLUTE_TIME) {
                    throw error(s, type.description + " cannot be converted from a string (" + s.text() + ").");
                }
                out.addLong(absoluteTime(s, text));
            }
            case IPV4 -> ipv4(s, text, out);
            case IPV6 -> ipv6(s, text, out);
            default -> throw error(s, type.description + " cannot be converted from a string (" + s.text() + ").");
        }
    }

    private void character(Chr c, FType type, Vals out) {
        switch (type.family) {
            case INTEGER, BOOLEAN -> out.addLong(c.value());
            case BYTES, PROTOCOL, STRING -> out.addBytes(new byte[] {(byte) c.value()});
            case FLOAT -> out.addDouble(c.value());
            default -> throw error(c, type.description + " cannot be converted from a character constant.");
        }
    }

    /** A number as C writes it: decimal, 0x hex, 0b binary, or octal with a leading 0; null if it is not one. */
    static Long number(String text) {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return text.length() > 2 ? Long.parseUnsignedLong(text.substring(2), 16) : null;
            }
            if (text.startsWith("0b") || text.startsWith("0B")) {
                return text.length() > 2 ? Long.parseUnsignedLong(text.substring(2), 2) : null;
            }
            if (text.length() > 1 && text.startsWith("0")) {
                return Long.parseUnsignedLong(text.substring(1), 8);
            }
            return Long.parseUnsignedLong(text, 10);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private long integer(Word w, String text, FType type, String field) {
        Long value = number(text);
        if (value == null) {
            Long named = field == null ? null : catalogue.valueOf(field, text);
            if (named != null) {
                return named;
            }
            if (field != null && catalogue.hasValueStrings(field)) {
                throw error(w, "\"" + text + "\" cannot be found among the possible values for " + field + ".");
            }
            throw error(w, "\"" + text + "\" is not a valid number.");
        }
        if (type.bits < 64 && Long.compareUnsigned(value, type.max()) > 0) {
            throw error(w, "\"" + text + "\" too big for this field, maximum " + type.max() + ".");
        }
        if (type.bits == 64 && type.signed && value < 0) {
            throw error(w, "\"" + text + "\" too big for this field, maximum " + Long.MAX_VALUE + ".");
        }
        return value;
    }

    private long bool(Word w, String text, String field) {
        switch (text) {
            case "True", "TRUE" -> {
                return 1;
            }
            case "False", "FALSE" -> {
                return 0;
            }
            default -> {
            }
        }
        Long value = number(text);
        if (value != null) {
            return value != 0 ? 1 : 0;
        }
        Long named = field == null ? null : catalogue.valueOf(field, text);
        if (named != null) {
            return named;
        }
        if (field != null && catalogue.hasValueStrings(field)) {
            throw error(w, "\"" + text + "\" cannot be found among the possible values for " + field + ".");
        }
        throw error(w, "\"" + text + "\" is not a valid boolean.");
    }

    private double floating(Word w, String text) {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseUnsignedLong(text.substring(2), 16);
            }
            if (!text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '.')) {
                return Double.parseDouble(text);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw error(w, "\"" + text + "\" is not a valid floating-point number.");
    }

    /** Seconds, with up to nine decimals, as nanoseconds. */
    private long relativeTime(Word w, String text) {
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        if ((whole.isEmpty() && fraction.isEmpty()) || !digits(whole) || !digits(fraction) || fraction.length() > 9) {
            throw error(w, "\"" + text + "\" is not a valid time.");
        }
        try {
            long seconds = whole.isEmpty() ? 0 : Long.parseLong(whole);
            long nanos = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000000").substring(0, 9));
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        } catch (ArithmeticException | NumberFormatException e) {
            throw error(w, "\"" + text + "\" is not a valid time.");
        }
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static final DateTimeFormatter LEGACY = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM d, yyyy HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd().toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd().optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    /** A date and time, ISO 8601 or {@code "Sep 26, 2004 23:18:04.954975"}, local unless it says UTC or an offset. */
    private long absoluteTime(Node at, String text) {
        String t = text.trim();
        try {
            if (t.endsWith("Z")) {
                return nanos(LocalDateTime.parse(t.substring(0, t.length() - 1), ISO).toInstant(ZoneOffset.UTC));
            }
            if (t.endsWith(" UTC")) {
                String local = t.substring(0, t.length() - 4);
                return nanos(localDateTime(local).toInstant(ZoneOffset.UTC));
            }
            int sign = Math.max(t.lastIndexOf('+'), t.lastIndexOf('-'));
            if (sign > 10 && t.indexOf(':', sign) > 0) {
                OffsetDateTime odt = OffsetDateTime.of(LocalDateTime.parse(t.substring(0, sign), ISO),
                        ZoneOffset.of(t.substring(sign)));
                return nanos(odt.toInstant());
            }
            return nanos(localDateTime(t).atZone(ZoneId.systemDefault()).toInstant());
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw error(at, "\"" + text + "\" is not a valid absolute time. Example: \"Nov 12, 1999 08:55:44.123\" or \"2011-07-04 12:34:56\"");
        }
    }

    private static LocalDateTime localDateTime(String t) {
        try {
            return LocalDateTime.parse(t, ISO);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t, LEGACY);
            } catch (DateTimeParseException again) {
                return LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay();
            }
        }
    }

    private static long nanos(java.time.Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private void ipv4(Node at, String text, Vals out) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        long value = dottedQuad(address);
        if (value < 0) {
            throw error(at, "\"" + address + "\" is not a valid hostname or IPv4 address.");
        }
        int prefix = -1;
        if (slash >= 0) {
            Long bits = number(text.substring(slash + 1));
            if (bits == null) {
                throw error(at, "\"" + text.substring(slash + 1) + "\" is not a valid number.");
            }
            if (bits > 32) {
                throw error(at, "Netmask bits in a CIDR IPv4 address should be <= 32, not " + bits);
            }
            prefix = bits.intValue();
        }
        out.addAddress(value, prefix);
    }

    /** An IPv4 address in dotted-quad form as an unsigned number, or -1. */
    static long dottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !digits(part)) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            value = value << 8 | octet;
        }
        return value;
    }

    private void ipv6(Node at, String text, Vals out) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = ipv6Bytes(address);
        if (bytes == null) {
            throw error(at, "\"" + address + "\" is not a valid hostname or IPv6 address.");
        }
        int prefix = -1;
        if (slash >= 0) {
            Long bits = number(text.substring(slash + 1));
            if (bits == null || bits > 128) {
                throw error(at, "Prefix in a IPv6 address should be <= 128, not " + text.substring(slash + 1));
            }
            prefix = bits.intValue();
        }
        out.addIpv6(bytes, prefix);
    }

    /** The 16 bytes of an IPv6 address in text form (RFC 4291, with an IPv4 tail), or null. */
    static byte[] ipv6Bytes(String text) {
        if (text.isEmpty() || text.indexOf(':') < 0) {
            return null;
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap < 0 ? text : text.substring(0, gap);
        String tail = gap < 0 ? "" : text.substring(gap + 2);
        int[] headGroups = groups(head);
        int[] tailGroups = groups(tail);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int total = headGroups.length + tailGroups.length;
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < headGroups.length; i++) {
            out[2 * i] = (byte) (headGroups[i] >> 8);
            out[2 * i + 1] = (byte) headGroups[i];
        }
        for (int i = 0; i < tailGroups.length; i++) {
            int at = 8 - tailGroups.length + i;
            out[2 * at] = (byte) (tailGroups[i] >> 8);
            out[2 * at + 1] = (byte) tailGroups[i];
        }
        return out;
    }

    /** The 16-bit groups of one side of an IPv6 address (an IPv4 tail counts as two), or null. */
    private static int[] groups(String side) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        int n = parts.length;
        boolean v4 = parts[n - 1].indexOf('.') >= 0;
        int[] out = new int[v4 ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            String part = parts[i];
            if (v4 && i == n - 1) {
                long quad = dottedQuad(part);
                if (quad < 0) {
                    return null;
                }
                out[i] = (int) (quad >> 16);
                out[i + 1] = (int) (quad & 0xFFFF);
                break;
            }
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            try {
                out[i] = Integer.parseInt(part, 16);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    /** A byte string: hex pairs separated by {@code :}, {@code .} or {@code -}, or run together; one hex digit or two alone. */
    private byte[] bytes(Word w, String text, FType type) {
        byte[] value = hexBytes(text);
        if (value == null && (text.startsWith("0x") || text.startsWith("0X"))) {
            Long number = number(text);
            if (number != null && number >= 0 && number <= 0xFF) {
                value = new byte[] {number.byteValue()};
            }
        }
        if (value == null) {
            if (type == FType.ETHER) {
                throw error(w, "\"" + text + "\" is not a valid Ethernet address.");
            }
            throw error(w, "\"" + text + "\" is not a valid byte string.");
        }
        int wanted = type.bits / 8;
        if (wanted > 0 && value.length != wanted && type != FType.BYTES && type != FType.UINT_BYTES) {
            String what = type == FType.ETHER ? "Ethernet address" : type.description;
            throw error(w, "\"" + text + "\" contains too " + (value.length < wanted ? "few" : "many")
                    + " bytes to be a valid " + what + ".");
        }
        return value;
    }

    /** Hex bytes with or without separators ({@code 00:11}, {@code 00-11}, {@code 0011.2233}, {@code 0011}), or null. */
    static byte[] hexBytes(String text) {
        if (text.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        char separator = 0;
        int i = 0;
        while (i < text.length()) {
            int run = 0;
            while (i + run < text.length() && Character.digit(text.charAt(i + run), 16) >= 0) {
                run++;
            }
            if (run == 0) {
                return null;
            }
            if (run == 1 || run % 2 != 0) {
                if (run != 1) {
                    return null;
                }
                out.write(Character.digit(text.charAt(i), 16));
            } else {
                for (int k = 0; k < run; k += 2) {
                    out.write(Character.digit(text.charAt(i + k), 16) << 4 | Character.digit(text.charAt(i + k + 1), 16));
                }
            }
            i += run;
            if (i < text.length()) {
                char c = text.charAt(i);
                if (c != ':' && c != '-' && c != '.') {
                    return null;
                }
                if (separator != 0 && c != separator) {
                    return null;
                }
                separator = c;
                i++;
                if (i == text.length()) {
                    return null;
                }
            }
        }
        return out.toByteArray();
    }
}
