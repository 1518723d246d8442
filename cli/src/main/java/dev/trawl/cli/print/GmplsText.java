package dev.trawl.cli.print;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Names GMPLS signalling shares between RSVP-TE and LMP as tcpdump prints them (switching capabilities,
 * LSP encodings, generalized payload ids, address families), and C's {@code %g} formatting of the IEEE floats
 * those protocols carry bandwidths in. Stateless.
 */
final class GmplsText {
    private GmplsText() {
    }

    private static final String[] ENCODINGS = {null, "Packet", "Ethernet V2/DIX", "ANSI/ETSI PDH", "Reserved",
        "SDH ITU-T G.707/SONET ANSI T1.105", "Reserved", "Digital Wrapper", "Lambda (photonic)", "Fiber", "Reserved",
        "FiberChannel"};

    private static final String[] PAYLOADS = {"Unknown", "Reserved", "Reserved", "Reserved", "Reserved",
        "Asynchronous mapping of E4", "Asynchronous mapping of DS3/T3", "Asynchronous mapping of E3",
        "Bit synchronous mapping of E3", "Byte synchronous mapping of E3", "Asynchronous mapping of DS2/T2",
        "Bit synchronous mapping of DS2/T2", "Reserved", "Asynchronous mapping of E1",
        "Byte synchronous mapping of E1", "Byte synchronous mapping of 31 * DS0", "Asynchronous mapping of DS1/T1",
        "Bit synchronous mapping of DS1/T1", "Byte synchronous mapping of DS1/T1", "VC-11 in VC-12", "Reserved",
        "Reserved", "DS1 SF Asynchronous", "DS1 ESF Asynchronous", "DS3 M23 Asynchronous",
        "DS3 C-Bit Parity Asynchronous", "VT/LOVC", "STS SPE/HOVC", "POS - No Scrambling, 16 bit CRC",
        "POS - No Scrambling, 32 bit CRC", "POS - Scrambling, 16 bit CRC", "POS - Scrambling, 32 bit CRC",
        "ATM mapping", "Ethernet PHY", "SONET/SDH", "Reserved (SONET deprecated)", "Digital Wrapper", "Lambda",
        "ANSI/ETSI PDH", "Reserved", "Link Access Protocol SDH (X.85 and X.86)", "FDDI", "DQDB (ETSI ETS 300 216)",
        "FiberChannel-3 (Services)", "HDLC", "Ethernet V2/DIX (only)", "Ethernet 802.3 (only)", "G.709 ODUj",
        "G.709 OTUk(v)", "CBR/CBRa", "CBRb", "BSOT", "BSNT", "IP/PPP (GFP)", "Ethernet MAC (framed GFP)",
        "Ethernet PHY (transparent GFP)", "ESCON", "FICON", "Fiber Channel"};

    private static final String[] FAMILIES = {"Reserved", "IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163",
        "E.164", "F.69", "X.121", "Novell IPX", "Appletalk", "Decnet IV", "Banyan Vines",
        "E.164 with NSAP subaddress"};

    /** An interface switching capability (RFC 3471), or {@code Unknown}. */
    static String switchingCapability(int v) {
        return switch (v) {
            case 1, 2, 3, 4 -> "Packet-Switch Capable-" + v;
            case 51 -> "Layer-2 Switch Capable";
            case 100 -> "Time-Division-Multiplex";
            case 150 -> "Lambda-Switch Capable";
            case 200 -> "Fiber-Switch Capable";
            default -> "Unknown";
        };
    }

    /** An LSP encoding type (RFC 3471), or {@code Unknown}. */
    static String encoding(int v) {
        return v > 0 && v < ENCODINGS.length ? ENCODINGS[v] : "Unknown";
    }

    /** A generalized payload id (RFC 3471), or {@code Unknown}. */
    static String payload(int v) {
        return v < PAYLOADS.length ? PAYLOADS[v] : "Unknown";
    }

    /** An IANA address family number, or {@code Unknown}. */
    static String addressFamily(int v) {
        if (v >= 0 && v < FAMILIES.length) {
            return FAMILIES[v];
        }
        return switch (v) {
            case 25 -> "VPLS";
            case 196 -> "Layer-2 VPN";
            default -> "Unknown";
        };
    }

    /**
     * {@code v} as C's {@code printf("%.<digits>g")} writes it: the shorter of fixed and exponent notation for that
     * many significant digits, trailing zeros dropped.
     */
    static String g(double v, int digits) {
        if (Double.isNaN(v)) {
            return Double.doubleToRawLongBits(v) < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(v)) {
            return v < 0 ? "-inf" : "inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= digits) {
            String mantissa = strip(d.movePointLeft(exponent).toPlainString());
            int e = Math.abs(exponent);
            return mantissa + (exponent < 0 ? "e-" : "e+") + (e < 10 ? "0" : "") + e;
        }
        return strip(d.setScale(Math.max(0, digits - 1 - exponent), RoundingMode.HALF_EVEN).toPlainString());
    }

    private static String strip(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Writes the names of the flags set in {@code value} as tcpdump's {@code bittok2str} does, in the order of
     * {@code names}, the {@code i}th of which names the bit {@code bits[i]} ({@code bits} may be longer),
     * separated by {@code ", "}; {@code none} when none is set.
     */
    static void flags(Out out, long value, long[] bits, String[] names, String none) {
        String sep = "";
        for (int i = 0; i < names.length; i++) {
            if ((value & bits[i]) != 0) {
                out.ascii(sep).ascii(names[i]);
                sep = ", ";
            }
        }
        if (sep.isEmpty()) {
            out.ascii(none);
        }
    }
}
