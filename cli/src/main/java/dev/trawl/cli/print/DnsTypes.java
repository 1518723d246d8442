package dev.trawl.cli.print;

/**
 * DNS resource record type mnemonics as tcpdump 4.99 names them: its table stops at DNSKEY among the low types, so
 * later ones (NSEC3, TLSA, CAA...) print as {@code TypeN}.
 */
final class DnsTypes {
    private static final String[] LOW = {null, "A", "NS", "MD", "MF", "CNAME", "SOA", "MB", "MG", "MR", "NULL",
        "WKS", "PTR", "HINFO", "MINFO", "MX", "TXT", "RP", "AFSDB", "X25", "ISDN", "RT", "NSAP", "NSAP_PTR", "SIG",
        "KEY", "PX", "GPOS", "AAAA", "LOC", "NXT", "EID", "NIMLOC", "SRV", "ATMA", "NAPTR", "KX", "CERT", "A6",
        "DNAME", "SINK", "OPT", "APL", "DS", "SSHFP", "IPSECKEY", "RRSIG", "NSEC", "DNSKEY"};

    private DnsTypes() {
    }

    /** The mnemonic, or {@code null} for a type without one. */
    static String name(int type) {
        if (type < LOW.length) {
            return LOW[type];
        }
        return switch (type) {
            case 99 -> "SPF";
            case 100 -> "UINFO";
            case 101 -> "UID";
            case 102 -> "GID";
            case 103 -> "UNSPEC";
            case 104 -> "UNSPECA";
            case 249 -> "TKEY";
            case 250 -> "TSIG";
            case 251 -> "IXFR";
            case 252 -> "AXFR";
            case 253 -> "MAILB";
            case 254 -> "MAILA";
            case 255 -> "ANY";
            case 256 -> "URI";
            default -> null;
        };
    }
}
