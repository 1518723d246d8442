package dev.trawl.cli.print;

import dev.trawl.decode.layer.Isakmp;

import java.util.Arrays;

/**
 * The payloads of an ISAKMP message as tcpdump prints them with {@code -v}: IKEv1's SA with its proposals,
 * transforms and their attributes, KE, ID with each identity type, CERT, CR, HASH, SIG, NONCE, notify, delete
 * and vendor ID, and IKEv2's SA, KE, IDi/IDr, AUTH, nonce, notify, vendor ID, encrypted and the payloads it
 * shows by length only, one payload a line and nested ones indented. Where a payload's length runs past the
 * captured bytes it stops with the payload's marker ({@code [|id]}); where a field itself is not captured the
 * whole message stops with {@code [|isakmp]}, as tcpdump does.
 *
 * <p>Positions are relative to the message's first byte; a method that cannot go on returns {@link #STOP}.
 * Not thread-safe: one instance serves its printer one packet at a time.
 */
final class IsakmpDetail {
    /** What tcpdump's walkers return when the rest of the message is not to be printed. */
    private static final int STOP = -1;
    private static final int GENERIC = 4;
    private static final int NP_P = 2;
    private static final int NP_T = 3;
    private static final int NP_V2E = 46;
    private static final int IPSEC_DOI = 1;
    private static final int FLAG_E = 0x01;

    private static final String[] PAYLOADS = {"none", "sa", "p", "t", "ke", "id", "cert", "cr", "hash", "sig",
        "nonce", "n", "d", "vid", "pay14", "pay15", "pay16", "pay17", "pay18", "pay19", "pay20", "pay21", "pay22",
        "pay23", "pay24", "pay25", "pay26", "pay27", "pay28", "pay29", "pay30", "pay31", "pay32", "v2sa", "v2ke",
        "v2IDi", "v2IDr", "v2cert", "v2cr", "v2auth", "v2nonce", "v2n", "v2d", "v2vid", "v2TSi", "v2TSr", "v2e",
        "v2cp", "v2eap"};
    private static final String[] PROTOCOLS = {null, "isakmp", "ipsec-ah", "ipsec-esp", "ipcomp"};
    private static final String[] IKEV1_IDS = {null, "ike"};
    private static final String[] AH_IDS = {null, "(reserved)", "md5", "sha", "1des", "sha2-256", "sha2-384",
        "sha2-512"};
    private static final String[] ESP_IDS = {null, "1des-iv64", "1des", "3des", "rc5", "idea", "cast",
        "blowfish", "3idea", "1des-iv32", "rc4", "null", "aes"};
    private static final String[] IPCOMP_IDS = {null, "oui", "deflate", "lzs"};
    private static final String[] V2_TRANSFORM_TYPES = {null, "encr", "prf", "integ", "dh", "esn"};
    private static final String[] PRF_IDS = {null, "hmac-md5", "hmac-sha", "hmac-tiger", "aes128_xcbc"};
    private static final String[] INTEG_IDS = {null, "hmac-md5", "hmac-sha", "dec-mac", "kpdk-md5", "aes-xcbc"};
    private static final String[] ESN_IDS = {"no-esn", "esn"};
    private static final String[] DH_GROUPS = {null, "modp768", "modp1024", "EC2N 2^155", "EC2N 2^185",
        "modp1536", "iana-grp06", "iana-grp07", "iana-grp08", "iana-grp09", "iana-grp10", "iana-grp11",
        "iana-grp12", "iana-grp13", "modp2048", "modp3072", "modp4096", "modp6144", "modp8192"};
    /** The groups an attribute value names: tcpdump's table stops short of group 18. */
    private static final String[] ATTRIBUTE_GROUPS = Arrays.copyOf(DH_GROUPS, 18);
    private static final String[] IPSEC_ID_TYPES = {null, "IPv4", "FQDN", "user FQDN", "IPv4net", "IPv6",
        "IPv6net", "IPv4range", "IPv6range", "ASN1 DN", "ASN1 GN", "keyid"};
    private static final String[] CERT_TYPES = {"none", "pkcs7", "pgp", "dns", "x509sign", "x509ke", "kerberos",
        "crl", "arl", "spki", "x509attr"};
    private static final String[] NOTIFY_ERRORS = {null, "INVALID-PAYLOAD-TYPE", "DOI-NOT-SUPPORTED",
        "SITUATION-NOT-SUPPORTED", "INVALID-COOKIE", "INVALID-MAJOR-VERSION", "INVALID-MINOR-VERSION",
        "INVALID-EXCHANGE-TYPE", "INVALID-FLAGS", "INVALID-MESSAGE-ID", "INVALID-PROTOCOL-ID", "INVALID-SPI",
        "INVALID-TRANSFORM-ID", "ATTRIBUTES-NOT-SUPPORTED", "NO-PROPOSAL-CHOSEN", "BAD-PROPOSAL-SYNTAX",
        "PAYLOAD-MALFORMED", "INVALID-KEY-INFORMATION", "INVALID-ID-INFORMATION", "INVALID-CERT-ENCODING",
        "INVALID-CERTIFICATE", "CERT-TYPE-UNSUPPORTED", "INVALID-CERT-AUTHORITY", "INVALID-HASH-INFORMATION",
        "AUTHENTICATION-FAILED", "INVALID-SIGNATURE", "ADDRESS-NOTIFICATION", "NOTIFY-SA-LIFETIME",
        "CERTIFICATE-UNAVAILABLE", "UNSUPPORTED-EXCHANGE-TYPE", "UNEQUAL-PAYLOAD-LENGTHS"};
    private static final String[] IPSEC_NOTIFY_ERRORS = {"RESERVED"};
    private static final String[] NOTIFY_STATUSES = {"CONNECTED"};
    private static final String[] IPSEC_NOTIFY_STATUSES = {"RESPONDER-LIFETIME", "REPLAY-STATUS",
        "INITIAL-CONTACT"};
    private static final int V2_NOTIFY_COOKIE = 16390;
    private static final int[] V2_NOTIFY_TYPES = {1, 4, 5, 7, 9, 11, 14, 17, 24, 34, 35, 36, 37, 39, 16384, 16385,
        16386, 16387, 16388, 16389, 16390, 16391, 16392, 16393, 16394, 16395};
    /** tcpdump's names of the IKEv2 notify types above; a leading '-' marks those it shows no SPI for. */
    private static final String[] V2_NOTIFY_NAMES = {"-unsupported_critical_payload", "invalid_ike_spi",
        "-invalid_major_version", "invalid_syntax", "invalid_message_id", "invalid_spi", "no_protocol_chosen",
        "invalid_ke_payload", "authentication_failed", "single_pair_required", "-no_additional_sas",
        "-internal_address_failure", "-failed:cp_required", "-invalid_selectors", "-initial_contact",
        "-set_window_size", "-additional_ts_possible", "-ipcomp_supported", "nat_detection_source_ip",
        "nat_detection_destination_ip", "cookie", "-use_transport_mode", "-http_cert_lookup_supported", "rekey_sa",
        "-tfc_padding_not_supported", "-non_first_fragment_also"};
    /** The IKEv2 identity types tcpdump labels; FQDN and RFC 822 print as text, the others in hex. */
    private static final String[] V2_ID_TYPES = {null, "ipv4", "fqdn", "rfc822", null, "ipv6", null, null, null,
        "dn", "gn", "keyid"};
    private static final String[] V2_AUTH_METHODS = {"invalid", "rsasig", "shared-secret", "dsssig"};

    /** An attribute table: the attribute's name and the names of its basic values, by number. */
    private record AttributeMap(String type, String[] values) {
        static final AttributeMap NONE = new AttributeMap(null, new String[0]);

        static AttributeMap of(String type, String... values) {
            return new AttributeMap(type, values);
        }
    }

    private static final AttributeMap[] IPSEC_ATTRIBUTES = {AttributeMap.NONE,
        AttributeMap.of("lifetype", null, "sec", "kb"), AttributeMap.of("life"),
        new AttributeMap("group desc", ATTRIBUTE_GROUPS), AttributeMap.of("enc mode", null, "tunnel", "transport"),
        AttributeMap.of("auth", null, "hmac-md5", "hmac-sha1", "1des-mac", "keyed"), AttributeMap.of("keylen"),
        AttributeMap.of("rounds"), AttributeMap.of("dictsize"), AttributeMap.of("privalg")};
    private static final AttributeMap[] ENCR_ATTRIBUTES = encrAttributes();
    private static final AttributeMap[] OAKLEY_ATTRIBUTES = {AttributeMap.NONE,
        AttributeMap.of("enc", null, "1des", "idea", "blowfish", "rc5", "3des", "cast", "aes"),
        AttributeMap.of("hash", null, "md5", "sha1", "tiger", "sha2-256", "sha2-384", "sha2-512"),
        AttributeMap.of("auth", null, "preshared", "dss", "rsa sig", "rsa enc", "rsa enc revised"),
        new AttributeMap("group desc", ATTRIBUTE_GROUPS), AttributeMap.of("group type", null, "MODP", "ECP", "EC2N"),
        AttributeMap.of("group prime"), AttributeMap.of("group gen1"), AttributeMap.of("group gen2"),
        AttributeMap.of("group curve A"), AttributeMap.of("group curve B"),
        AttributeMap.of("lifetype", null, "sec", "kb"), AttributeMap.of("lifeduration"), AttributeMap.of("prf"),
        AttributeMap.of("keylen"), AttributeMap.of("field"), AttributeMap.of("order")};

    private static AttributeMap[] encrAttributes() {
        AttributeMap[] map = new AttributeMap[15];
        Arrays.fill(map, AttributeMap.NONE);
        map[14] = AttributeMap.of("keylen");
        return map;
    }

    /** Thrown when a field tcpdump reads is not captured: the message ends with {@code [|isakmp]}. */
    private static final class Truncated extends Exception {
        private static final long serialVersionUID = 1L;
        private static final Truncated INSTANCE = new Truncated();

        private Truncated() {
            super(null, null, false, false);
        }
    }

    private PrintContext c;
    private Out out;
    private Isakmp m;
    /** The captured end of the message, relative to its start. */
    private int ep;
    private int verbose;

    /**
     * Prints, after the exchange and its flags, the colon, the payloads and a note when the header's length is
     * not {@code length}, the bytes the UDP datagram holds for the message.
     */
    void print(PrintContext context, Isakmp message, int length) {
        c = context;
        out = context.out();
        m = message;
        ep = message.regionLength();
        verbose = context.verbose();
        try {
            out.ch(':');
            int np = m.nextPayload();
            if ((m.flags() & FLAG_E) != 0) {
                out.ascii(" [encrypted ").ascii(payload(np)).ch(']');
            } else {
                walk(m.majorVersion() == 2, np, Isakmp.HEADER_LENGTH, m.messageId() == 0 ? 1 : 2, 0, 0);
            }
            if (m.length() != length) {
                out.ascii(" (len mismatch: isakmp ").num(m.length()).ascii("/ip ").num(length).ch(')');
            }
        } catch (Truncated t) {
            c.truncated("isakmp");
        }
    }

    // ---- reading, as tcpdump's bounds checks do

    private boolean has(long at, long n) {
        return at >= 0 && n >= 0 && at + n <= ep;
    }

    private int u8(int at) throws Truncated {
        if (!has(at, 1)) {
            throw Truncated.INSTANCE;
        }
        return m.byteAt(at);
    }

    private int u16(int at) throws Truncated {
        if (!has(at, 2)) {
            throw Truncated.INSTANCE;
        }
        return m.shortAt(at);
    }

    private long u32(int at) throws Truncated {
        if (!has(at, 4)) {
            throw Truncated.INSTANCE;
        }
        return m.intAt(at);
    }

    /** Hex of {@code n} bytes, or false (printing nothing) when they are not all captured. */
    private boolean raw(int at, long n) {
        if (!has(at, n)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            out.hex2(m.byteAt(at + i));
        }
        return true;
    }

    /** The first ten and the last twenty bytes up to the captured end, as tcpdump shows a long value. */
    private boolean someData(int at) {
        int end = ep - 20;
        int tail = 20;
        int len = ep - at;
        if (len < 0 || len > 10) {
            len = 10;
        }
        if (end < at + len) {
            end = at + len;
            tail = ep - end;
        }
        out.ascii(" data=(");
        if (!raw(at, len)) {
            return false;
        }
        out.ascii("...");
        if (tail != 0 && !raw(end, tail)) {
            return false;
        }
        out.ch(')');
        return true;
    }

    private int stop(String name) {
        out.ascii(" [|").ascii(name).ch(']');
        return STOP;
    }

    private static String name(int v, String[] table) {
        return v >= 0 && v < table.length && table[v] != null ? table[v] : "#" + v;
    }

    private static String payload(int np) {
        return name(np, PAYLOADS);
    }

    private void indent(int depth) {
        out.ch('\n');
        for (int i = 0; i < depth; i++) {
            out.ascii("    ");
        }
    }

    // ---- the payload chain

    private int walk(boolean v2, int np, int ext, int phase, int doi, int proto) throws Truncated {
        return walk(v2, np, ext, phase, doi, proto, 0);
    }

    /** A chain of payloads, each naming the type of the next, until type 0. */
    private int walk(boolean v2, int np, int ext, int phase, int doi, int proto, int depth) throws Truncated {
        int cp = ext;
        while (np != 0) {
            if (!has(ext, GENERIC)) {
                return stop(payload(np));
            }
            if (!has(ext, u16(ext + 2))) {
                return stop(payload(np));
            }
            indent(depth + 1);
            out.ch('(');
            cp = one(v2, np, ext, phase, doi, proto, depth + 1);
            out.ch(')');
            if (cp == STOP) {
                return STOP;
            }
            np = u8(ext);
            ext = cp;
        }
        return cp;
    }

    private int one(boolean v2, int np, int ext, int phase, int doi, int proto, int depth) throws Truncated {
        if (!has(ext, GENERIC)) {
            return stop("isakmp");
        }
        int len = u16(ext + 2);
        if (len <= GENERIC) {
            return STOP;
        }
        if (v2 && np == NP_V2E) {
            return v2Encrypted(np, ext, len);
        }
        return switch (np) {
            case 1 -> v1Sa(ext, phase, proto, depth);
            case 2 -> v1Proposal(ext, phase, doi, depth);
            case 3 -> v1Transform(ext, len, proto);
            case 4 -> v1Data(np, ext, len, " key len=", 4);
            case 5 -> v1Id(ext, len);
            case 6, 7 -> v1Cert(np, ext, len);
            case 8, 9, 13 -> v1Data(np, ext, len, " len=", 4);
            case 10 -> v1Nonce(ext, len);
            case 11 -> v1Notify(ext, len);
            case 12 -> v1Delete(ext);
            case 33 -> v2Sa(np, ext, depth);
            case 34 -> v2Ke(np, ext, len);
            case 35, 36 -> v2Id(np, ext, len);
            case 39 -> v2Auth(np, ext, len);
            case 40 -> v2Nonce(np, ext, len);
            case 41 -> v2Notify(ext, len);
            case 43 -> v2Vid(np, ext, len);
            case 37, 38, 42, 44, 45, 47, 48 -> v2Generic(np, ext, len);
            default -> {
                out.ascii(payload(np));
                yield ext + len;
            }
        };
    }

    // ---- IKEv1

    private int v1Sa(int ext, int phase, int proto, int depth) throws Truncated {
        out.ascii("sa:");
        if (!has(ext, 12)) {
            return stop("sa");
        }
        long doi = u32(ext + 4);
        long situation = u32(ext + 8);
        if (doi != IPSEC_DOI) {
            out.ascii(" doi=").num(doi).ascii(" situation=").num(situation);
            return ext + 12;
        }
        out.ascii(" doi=ipsec situation=");
        boolean any = false;
        if ((situation & 0x01) != 0) {
            out.ascii("identity");
            any = true;
        }
        if ((situation & 0x02) != 0) {
            out.ascii(any ? "+" : "").ascii("secrecy");
            any = true;
        }
        if ((situation & 0x04) != 0) {
            out.ascii(any ? "+" : "").ascii("integrity");
        }
        int next = ext + 12;
        if (situation != 0x01) {
            // tcpdump reads the labelled identity one word in, where the DOI is
            out.ascii(" ident=").num(u32(ext + 4));
            next += 4;
        }
        if (!has(next, GENERIC)) {
            return stop("sa");
        }
        return walk(false, NP_P, next, phase, (int) doi, proto, depth);
    }

    private int v1Proposal(int ext, int phase, int doi, int depth) throws Truncated {
        out.ascii("p:");
        if (!has(ext, 8)) {
            return stop("p");
        }
        int protocol = u8(ext + 5);
        out.ascii(" #").num(u8(ext + 4)).ascii(" protoid=").ascii(name(protocol, PROTOCOLS)).ascii(" transform=")
                .num(u8(ext + 7));
        int spi = u8(ext + 6);
        if (spi != 0) {
            out.ascii(" spi=");
            if (!raw(ext + 8, spi)) {
                return stop("p");
            }
        }
        int next = ext + 8 + spi;
        if (!has(next, GENERIC)) {
            return stop("p");
        }
        return walk(false, NP_T, next, phase, doi, protocol, depth);
    }

    private int v1Transform(int ext, int len, int proto) throws Truncated {
        out.ascii("t:");
        if (!has(ext, 8)) {
            return stop("t");
        }
        int id = u8(ext + 5);
        String[] ids;
        AttributeMap[] map;
        switch (proto) {
            case 1 -> {
                ids = IKEV1_IDS;
                map = OAKLEY_ATTRIBUTES;
            }
            case 2 -> {
                ids = AH_IDS;
                map = IPSEC_ATTRIBUTES;
            }
            case 3 -> {
                ids = ESP_IDS;
                map = IPSEC_ATTRIBUTES;
            }
            case 4 -> {
                ids = IPCOMP_IDS;
                map = IPSEC_ATTRIBUTES;
            }
            default -> {
                ids = null;
                map = null;
            }
        }
        out.ascii(" #").num(u8(ext + 4)).ascii(" id=");
        if (ids != null) {
            out.ascii(name(id, ids));
        } else {
            out.num(id);
        }
        out.ch(' ');
        int cp = attributes(ext + 8, ext + len, map);
        return cp == STOP ? stop("t") : cp;
    }

    /** A transform's attributes up to {@code end} or the captured end; "..." when the capture ends first. */
    private int attributes(int at, int end, AttributeMap[] map) throws Truncated {
        int cp = at;
        while (cp < ep && cp < end) {
            cp = attribute(cp, end, map);
            if (cp == STOP) {
                return STOP;
            }
        }
        if (ep < end) {
            out.ascii("...");
        }
        return cp;
    }

    private int attribute(int p, int end, AttributeMap[] map) throws Truncated {
        boolean basic = (u8(p) & 0x80) != 0;
        int total = basic ? 4 : 4 + u16(p + 2);
        if (end < p + total) {
            out.ascii("[|attr]");
            return end + 1;
        }
        out.ch('(');
        int t = u16(p) & 0x7FFF;
        AttributeMap named = map != null && t < map.length && map[t].type() != null ? map[t] : null;
        if (named != null) {
            out.ascii("type=").ascii(named.type()).ch(' ');
        } else {
            out.ascii("type=#").num(t).ch(' ');
        }
        if (basic) {
            out.ascii("value=");
            int v = map != null ? u16(p + 2) : u8(p + 2);
            String value = named != null && v < named.values().length ? named.values()[v] : null;
            if (map != null && value != null) {
                out.ascii(value);
            } else if (!raw(p + 2, 2)) {
                out.ch(')');
                return STOP;
            }
        } else {
            out.ascii("len=").num(total - 4).ascii(" value=");
            if (!raw(p + 4, total - 4)) {
                out.ch(')');
                return STOP;
            }
        }
        out.ch(')');
        return p + total;
    }

    /** KE, HASH, SIG and VID: the data's length, and with {@code -vvv} the data. */
    private int v1Data(int np, int ext, int len, String label, int header) {
        out.ascii(payload(np)).ch(':');
        if (!has(ext, GENERIC)) {
            return stop(payload(np));
        }
        out.ascii(label).num(len - header);
        if (verbose > 2 && len > header) {
            out.ch(' ');
            if (!raw(ext + header, len - header)) {
                return stop(payload(np));
            }
        }
        return ext + len;
    }

    private int v1Id(int ext, int itemLen) throws Truncated {
        out.ascii("id:");
        if (!has(ext, 8)) {
            return stop("id");
        }
        int data = itemLen > 8 ? ext + 8 : STOP;
        int len = itemLen > 8 ? itemLen - 8 : 0;
        int type = u8(ext + 4);
        out.ascii(" idtype=").ascii(name(type, IPSEC_ID_TYPES));
        int protocol = u8(ext + 5);
        String protocolName = c.options().numeric() == 0 && protocol != 0 ? Names.netdbProtocol(protocol) : null;
        out.ascii(" protoid=");
        if (protocolName != null) {
            out.ascii(protocolName);
        } else {
            out.num(protocol);
        }
        out.ascii(" port=").num(u16(ext + 6));
        if (len != 0) {
            if (!has(data, len)) {
                return stop("id");
            }
            len = idData(type, data, len);
        }
        if (data != STOP && len != 0) {
            out.ascii(" len=").num(len);
            if (verbose > 2) {
                out.ch(' ');
                if (!raw(data, len)) {
                    return stop("id");
                }
            }
        }
        return ext + itemLen;
    }

    /** An identity's value; returns the length left to print as opaque data (0 when printed). */
    private int idData(int type, int data, int len) throws Truncated {
        switch (type) {
            case 1 -> {
                if (len < 4) {
                    bad(len, 4);
                } else {
                    out.ascii(" len=").num(len).ch(' ');
                    c.ipv4((int) u32(data));
                }
            }
            case 2, 3 -> {
                out.ascii(" len=").num(len).ch(' ');
                for (int i = 0; i < len; i++) {
                    VrrpPrinter.printable(out, u8(data + i));
                }
            }
            case 4 -> {
                if (len < 8) {
                    bad(len, 8);
                } else {
                    out.ascii(" len=").num(len).ch(' ');
                    c.ipv4((int) u32(data));
                    out.ch('/').num(u8(data + 4)).ch('.').num(u8(data + 5)).ch('.').num(u8(data + 6)).ch('.')
                            .num(u8(data + 7));
                }
            }
            case 5 -> {
                if (len < 16) {
                    bad(len, 16);
                } else {
                    out.ascii(" len=").num(len).ch(' ');
                    ipv6(data);
                }
            }
            case 6 -> {
                if (len < 32) {
                    bad(len, 32);
                } else {
                    out.ascii(" len=").num(len).ch(' ');
                    ipv6(data);
                    out.ascii("/0x");
                    for (int i = 0; i < 16; i++) {
                        out.hex2(u8(data + 16 + i));
                    }
                }
            }
            case 7 -> {
                if (len < 8) {
                    bad(len, 8);
                } else {
                    out.ascii(" len=").num(len).ch(' ');
                    c.ipv4((int) u32(data));
                    out.ch('-');
                    c.ipv4((int) u32(data + 4));
                }
            }
            case 8 -> {
                if (len < 32) {
                    bad(len, 32);
                } else {
                    out.ascii(" len=").num(len).ch(' ');
                    ipv6(data);
                    out.ch('-');
                    ipv6(data + 16);
                }
            }
            default -> {
                return len;
            }
        }
        return 0;
    }

    private void bad(int len, int least) {
        out.ascii(" len=").num(len).ascii(" [bad: < ").num(least).ch(']');
    }

    private void ipv6(int at) throws Truncated {
        if (!has(at, 16)) {
            throw Truncated.INSTANCE;
        }
        byte[] a = c.addressScratch();
        for (int i = 0; i < 16; i++) {
            a[i] = (byte) m.byteAt(at + i);
        }
        c.ipv6(a);
    }

    private int v1Cert(int np, int ext, int len) throws Truncated {
        String name = payload(np);
        out.ascii(name).ch(':');
        if (!has(ext, 6)) {
            return stop(name);
        }
        out.ascii(" len=").num(len - 4).ascii(" type=").ascii(name(u8(ext + 4), CERT_TYPES));
        if (verbose > 2 && len > 4) {
            out.ch(' ');
            if (!raw(ext + 4, len - 4)) {
                return stop(name);
            }
        }
        return ext + len;
    }

    private int v1Nonce(int ext, int len) {
        out.ascii("nonce:");
        if (!has(ext, GENERIC)) {
            return stop("nonce");
        }
        out.ascii(" n len=").num(len - 4);
        if (len > 4) {
            if (verbose > 2) {
                out.ch(' ');
                if (!raw(ext + 4, len - 4)) {
                    return stop("nonce");
                }
            } else if (verbose > 1) {
                out.ch(' ');
                if (!someData(ext + 4)) {
                    return stop("nonce");
                }
            }
        }
        return ext + len;
    }

    private int v1Notify(int ext, int len) throws Truncated {
        out.ascii("n:");
        if (!has(ext, 12)) {
            return stop("n");
        }
        long doi = u32(ext + 4);
        int protocol = u8(ext + 8);
        if (doi != IPSEC_DOI) {
            out.ascii(" doi=").num(doi).ascii(" proto=").num(protocol);
            int type = u16(ext + 10);
            out.ascii(" type=");
            if (type < 8192) {
                out.ascii(name(type, NOTIFY_ERRORS));
            } else if (type >= 16384 && type < 24576) {
                out.ascii(name(type - 16384, NOTIFY_STATUSES));
            } else {
                out.ch('#').num(type);
            }
            int spi = u8(ext + 9);
            if (spi != 0) {
                out.ascii(" spi=");
                if (!raw(ext + 12, spi)) {
                    return stop("n");
                }
            }
            return ext + 12 + spi;
        }
        out.ascii(" doi=ipsec proto=").ascii(name(protocol, PROTOCOLS));
        int type = u16(ext + 10);
        out.ascii(" type=");
        if (type < 8192) {
            out.ascii(name(type, NOTIFY_ERRORS));
        } else if (type < 16384) {
            out.ascii(name(type - 8192, IPSEC_NOTIFY_ERRORS));
        } else if (type < 24576) {
            out.ascii(name(type - 16384, NOTIFY_STATUSES));
        } else if (type < 32768) {
            out.ascii(name(type - 24576, IPSEC_NOTIFY_STATUSES));
        } else {
            out.ch('#').num(type);
        }
        int spi = u8(ext + 9);
        if (spi != 0) {
            out.ascii(" spi=");
            if (!raw(ext + 12, spi)) {
                return stop("n");
            }
        }
        int cp = ext + 12 + spi;
        int end = ext + len;
        if (cp < ep) {
            if (type == 24576) {
                out.ascii(" attrs=(");
                while (cp < ep && cp < end) {
                    cp = attribute(cp, end, OAKLEY_ATTRIBUTES);
                    if (cp == STOP) {
                        out.ch(')');
                        return stop("n");
                    }
                }
                out.ch(')');
            } else if (type == 24577) {
                out.ascii(" status=(");
                boolean enabled = u32(cp) != 0;
                out.ascii("replay detection ").ascii(enabled ? "en" : "dis").ascii("abled)");
            } else if (verbose > 3) {
                out.ascii(" data=(");
                if (!raw(cp, ep - cp)) {
                    return stop("n");
                }
                out.ch(')');
            } else if (!someData(cp)) {
                return stop("n");
            }
        }
        return ext + len;
    }

    private int v1Delete(int ext) throws Truncated {
        out.ascii("d:");
        if (!has(ext, 12)) {
            return stop("d");
        }
        long doi = u32(ext + 4);
        int protocol = u8(ext + 8);
        if (doi != IPSEC_DOI) {
            out.ascii(" doi=").num(doi).ascii(" proto=").num(protocol);
        } else {
            out.ascii(" doi=ipsec proto=").ascii(name(protocol, PROTOCOLS));
        }
        int spi = u8(ext + 9);
        out.ascii(" spilen=").num(spi);
        int count = u16(ext + 10);
        out.ascii(" nspi=").num(count).ascii(" spi=");
        int q = ext + 12;
        for (int i = 0; i < count; i++) {
            if (i != 0) {
                out.ch(',');
            }
            if (!raw(q, spi)) {
                return stop("d");
            }
            q += spi;
        }
        return q;
    }

    // ---- IKEv2

    private void title(String name, int critical) {
        out.ascii(name);
        if ((critical & 0x80) != 0) {
            out.ascii("[C]");
        }
        out.ch(':');
    }

    private int v2Generic(int np, int ext, int len) throws Truncated {
        if (!has(ext, GENERIC)) {
            return stop(payload(np));
        }
        title(payload(np), u8(ext + 1));
        out.ascii(" len=").num(len - 4);
        if (verbose > 2 && len > 4) {
            out.ch(' ');
            if (!raw(ext + 4, len - 4)) {
                return stop(payload(np));
            }
        }
        return ext + len;
    }

    private int v2Sa(int np, int ext, int depth) throws Truncated {
        if (!has(ext, GENERIC)) {
            return stop(payload(np));
        }
        title("sa", u8(ext + 1));
        int remaining = u16(ext + 2) - 4;
        out.ascii(" len=").num(remaining);
        return substructures(ext + 4, remaining, NP_P, payload(np), depth);
    }

    /**
     * The proposals of an SA ({@code kind} 2) or the transforms of a proposal (3), {@code remaining} bytes as
     * the enclosing length counts them; {@code marker} names the enclosing structure when they overrun it.
     */
    private int substructures(int at, int remaining, int kind, String marker, int depth) throws Truncated {
        int cp = at;
        int count = 0;
        int item = cp;
        for (int next = kind; next != 0; next = u8(item)) {
            count++;
            item = cp;
            if (remaining < GENERIC) {
                return tooLong(cp + remaining, marker);
            }
            if (!has(item, GENERIC)) {
                return stop(marker);
            }
            int len = u16(item + 2);
            if (len <= GENERIC) {
                return stop(marker);
            }
            if (remaining < len) {
                return tooLong(cp + remaining, marker);
            }
            if (!has(cp, len)) {
                return stop(marker);
            }
            indent(depth + 1);
            out.ch('(');
            if (next == kind) {
                cp = kind == NP_P ? v2Proposal(item, len, depth + 1) : v2Transform(count, item, len);
                if (cp == STOP) {
                    return STOP;
                }
            } else {
                out.ascii(payload(next));
                cp += len;
            }
            out.ch(')');
            remaining -= len;
        }
        return cp;
    }

    private int tooLong(int resume, String name) {
        stop(name);
        return resume;
    }

    private int v2Proposal(int ext, int proposalLength, int depth) throws Truncated {
        if (!has(ext, 8)) {
            return stop("p");
        }
        title("p", u8(ext + 1));
        int remaining = proposalLength - 4;
        out.ascii(" #").num(u8(ext + 4)).ascii(" protoid=").ascii(name(u8(ext + 5), PROTOCOLS))
                .ascii(" transform=").num(u8(ext + 7)).ascii(" len=").num(proposalLength);
        int cp = ext + 8;
        int spi = u8(ext + 6);
        if (spi != 0) {
            if (remaining < spi) {
                return tooLong(cp + remaining, "p");
            }
            out.ascii(" spi=");
            if (!raw(cp, spi)) {
                return stop("p");
            }
            cp += spi;
            remaining -= spi;
        }
        return substructures(cp, remaining, NP_T, "p", depth);
    }

    private int v2Transform(int count, int ext, int len) throws Truncated {
        if (!has(ext, 8)) {
            return stop("t");
        }
        title("t", u8(ext + 1));
        int id = u16(ext + 6);
        int type = u8(ext + 4);
        String[] ids = switch (type) {
            case 1 -> ESP_IDS;
            case 2 -> PRF_IDS;
            case 3 -> INTEG_IDS;
            case 4 -> DH_GROUPS;
            case 5 -> ESN_IDS;
            default -> null;
        };
        out.ascii(" #").num(count).ascii(" type=").ascii(name(type, V2_TRANSFORM_TYPES)).ascii(" id=");
        if (ids != null) {
            out.ascii(name(id, ids));
        } else {
            out.num(id);
        }
        out.ch(' ');
        int cp = attributes(ext + 8, ext + len, type == 1 ? ENCR_ATTRIBUTES : null);
        return cp == STOP ? stop("t") : cp;
    }

    private int v2Ke(int np, int ext, int len) throws Truncated {
        if (!has(ext, 8)) {
            return stop(payload(np));
        }
        title(payload(np), u8(ext + 1));
        if (len < 8) {
            out.ascii(" len=").num(len).ascii(" < 8");
            return ext + len;
        }
        out.ascii(" len=").num(len - 8).ascii(" group=").ascii(name(u16(ext + 4), DH_GROUPS));
        if (verbose > 2 && len > 8) {
            out.ch(' ');
            if (!raw(ext + 8, len - 8)) {
                return stop(payload(np));
            }
        }
        return ext + len;
    }

    private int v2Id(int np, int ext, int len) throws Truncated {
        if (!has(ext, 8)) {
            return stop(payload(np));
        }
        title(payload(np), u8(ext + 1));
        out.ascii(" len=").num(len - 4);
        if (verbose > 2 && len > 4) {
            out.ch(' ');
            if (!raw(ext + 4, len - 4)) {
                return stop(payload(np));
            }
        }
        // tcpdump takes the length as unsigned: a payload shorter than its header reads as huge
        long dataLength = len - 8 < 0 ? (len - 8) & 0xFFFFFFFFL : len - 8;
        int data = ext + 8;
        int type = u8(ext + 4);
        String label = type < V2_ID_TYPES.length ? V2_ID_TYPES[type] : null;
        boolean text = type == 2 || type == 3;
        boolean hex = label != null && !text;
        if (label != null) {
            out.ch(' ').ascii(label).ch(':');
        }
        if (text) {
            if (!has(data, dataLength)) {
                return stop(payload(np));
            }
            ascii(data, (int) dataLength);
        }
        if (hex && !raw(data, dataLength)) {
            return stop(payload(np));
        }
        return ext + len;
    }

    private void ascii(int at, int n) {
        for (int i = 0; i < n; i++) {
            int b = m.byteAt(at + i);
            out.ch(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
    }

    private int v2Auth(int np, int ext, int len) throws Truncated {
        if (!has(ext, 8)) {
            return stop(payload(np));
        }
        title(payload(np), u8(ext + 1));
        out.ascii(" len=").num(len - 4).ascii(" method=").ascii(name(u8(ext + 4), V2_AUTH_METHODS));
        if (len > 4) {
            if (verbose > 1) {
                out.ascii(" authdata=(");
                if (!raw(ext + 8, len - 8)) {
                    return stop(payload(np));
                }
                out.ascii(") ");
            } else if (verbose > 0 && !someData(ext + 8)) {
                return stop(payload(np));
            }
        }
        return ext + len;
    }

    private int v2Nonce(int np, int ext, int len) throws Truncated {
        if (!has(ext, GENERIC)) {
            return stop(payload(np));
        }
        title("nonce", u8(ext + 1));
        out.ascii(" len=").num(len - 4);
        if (verbose > 1 && len > 4) {
            out.ascii(" nonce=(");
            if (!raw(ext + 4, len - 4)) {
                return stop(payload(np));
            }
            out.ascii(") ");
        } else if (verbose > 0 && len > 4 && !someData(ext + 4)) {
            return stop(payload(np));
        }
        return ext + len;
    }

    private int v2Notify(int ext, int len) throws Truncated {
        if (!has(ext, 8)) {
            return stop("n");
        }
        title("n", u8(ext + 1));
        out.ascii(" prot_id=").ascii(name(u8(ext + 4), PROTOCOLS));
        int type = u16(ext + 6);
        int known = Arrays.binarySearch(V2_NOTIFY_TYPES, type);
        String name;
        boolean showSpi = true;
        if (known >= 0) {
            name = V2_NOTIFY_NAMES[known];
            showSpi = name.charAt(0) != '-';
            name = showSpi ? name : name.substring(1);
        } else {
            name = type < 8192 ? "error" : type < 16384 ? "private-error" : type < 40960 ? "status" : "private-status";
        }
        boolean showData = type == V2_NOTIFY_COOKIE;
        out.ascii(" type=").num(type).ch('(').ascii(name).ch(')');
        int spi = u8(ext + 5);
        if (showSpi && spi != 0) {
            out.ascii(" spi=");
            if (!raw(ext + 8, spi)) {
                return stop("n");
            }
        }
        int cp = ext + 8 + spi;
        if (cp < ep) {
            if (verbose > 3 || showData && ep - cp < 30) {
                out.ascii(" data=(");
                if (!raw(cp, ep - cp)) {
                    return stop("n");
                }
                out.ch(')');
            } else if (showData && !someData(cp)) {
                return stop("n");
            }
        }
        return ext + len;
    }

    private int v2Vid(int np, int ext, int len) throws Truncated {
        if (!has(ext, GENERIC)) {
            return stop(payload(np));
        }
        title(payload(np), u8(ext + 1));
        int n = len - 4;
        out.ascii(" len=").num(n).ascii(" vid=");
        if (!has(ext + 4, n)) {
            return stop(payload(np));
        }
        ascii(ext + 4, n);
        if (verbose > 2 && n > 4) {
            out.ch(' ');
            raw(ext + 4, n);
        }
        return ext + len;
    }

    /** The encrypted payload: its length only, as nothing can be decrypted; nothing follows it in the clear. */
    private int v2Encrypted(int np, int ext, int len) throws Truncated {
        if (!has(ext, GENERIC)) {
            return stop(payload(np));
        }
        title(payload(np), u8(ext + 1));
        int n = len - 4;
        out.ascii(" len=").num(n);
        if (verbose > 2 && n > 4) {
            out.ch(' ');
            if (!raw(ext + 4, n)) {
                return stop(payload(np));
            }
        }
        if (!has(ext + 4, n)) {
            return stop(payload(np));
        }
        return STOP;
    }
}
