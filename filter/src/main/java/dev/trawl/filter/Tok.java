package dev.trawl.filter;

import java.util.HashMap;
import java.util.Map;

/**
 * Token kinds of the pcap-filter language, with the keyword spellings the scanner knows. Syntax tree nodes
 * ({@link Ast}) use them to name protocols, directions and operators. Immutable.
 */
public enum Tok {
    // Operands.
    NUM, ID, HID, HID6, EID, AID,
    // Punctuation and operators.
    LPAREN, RPAREN, LBRACKET, RBRACKET, COLON, PLUS, MINUS, STAR, SLASH, PERCENT, AMP, PIPE, CARET,
    LSH, RSH, GT, GEQ, LT, LEQ, EQ, NEQ, NOT, AND, OR, EOF,
    // Direction and address qualifiers.
    DST, SRC, HOST, NET, NETMASK, PORT, PORTRANGE, GATEWAY, PROTO, PROTOCHAIN,
    ADDR1, ADDR2, ADDR3, ADDR4, RA, TA,
    // Protocol names.
    LINK, IP, ARP, RARP, SCTP, TCP, UDP, ICMP, IGMP, IGRP, PIM, VRRP, CARP, RADIO, IPV6, ICMPV6, AH, ESP,
    ATALK, AARP, DECNET, LAT, SCA, MOPRC, MOPDL, ISO, ESIS, ISIS, L1, L2, IIH, LSP, SNP, CSNP, PSNP, CLNP,
    STP, IPX, NETBEUI,
    // Primitives.
    TYPE, SUBTYPE, DIR, LESS, GREATER, BYTE, BROADCAST, MULTICAST, LEN, INBOUND, OUTBOUND, IFINDEX,
    VLAN, MPLS, PPPOED, PPPOES, GENEVE, LANE, LLC, METAC, BCC, OAM, OAMF4, OAMF4EC, OAMF4SC, SC, ILMIC,
    VPI, VCI, CONNECTMSG, METACONNECT, PF_IFNAME, PF_RNR, PF_SRNR, PF_REASON, PF_RSET, PF_ACTION,
    FISU, LSSU, MSU, HFISU, HLSSU, HMSU, SIO, OPC, DPC, SLS, HSIO, HOPC, HDPC, HSLS;

    /** Keyword spellings, as libpcap's scanner recognises them (case-sensitive). */
    static final Map<String, Tok> KEYWORDS = new HashMap<>();

    private static void kw(Tok t, String... words) {
        for (String w : words) {
            KEYWORDS.put(w, t);
        }
    }

    static {
        kw(DST, "dst"); kw(SRC, "src");
        kw(LINK, "link", "ether", "ppp", "slip", "fddi", "tr", "wlan");
        kw(ARP, "arp"); kw(RARP, "rarp"); kw(IP, "ip"); kw(SCTP, "sctp"); kw(TCP, "tcp"); kw(UDP, "udp");
        kw(ICMP, "icmp"); kw(IGMP, "igmp"); kw(IGRP, "igrp"); kw(PIM, "pim"); kw(VRRP, "vrrp"); kw(CARP, "carp");
        kw(RADIO, "radio"); kw(IPV6, "ip6"); kw(ICMPV6, "icmp6"); kw(AH, "ah"); kw(ESP, "esp");
        kw(ATALK, "atalk"); kw(AARP, "aarp"); kw(DECNET, "decnet"); kw(LAT, "lat"); kw(SCA, "sca");
        kw(MOPRC, "moprc"); kw(MOPDL, "mopdl"); kw(ISO, "iso"); kw(ESIS, "esis", "es-is");
        kw(ISIS, "isis", "is-is"); kw(L1, "l1"); kw(L2, "l2"); kw(IIH, "iih"); kw(LSP, "lsp"); kw(SNP, "snp");
        kw(CSNP, "csnp"); kw(PSNP, "psnp"); kw(CLNP, "clnp"); kw(STP, "stp"); kw(IPX, "ipx");
        kw(NETBEUI, "netbeui");
        kw(HOST, "host"); kw(NET, "net"); kw(NETMASK, "mask"); kw(PORT, "port"); kw(PORTRANGE, "portrange");
        kw(PROTO, "proto"); kw(PROTOCHAIN, "protochain"); kw(GATEWAY, "gateway");
        kw(TYPE, "type"); kw(SUBTYPE, "subtype"); kw(DIR, "direction", "dir");
        kw(ADDR1, "address1", "addr1"); kw(ADDR2, "address2", "addr2"); kw(ADDR3, "address3", "addr3");
        kw(ADDR4, "address4", "addr4"); kw(RA, "ra"); kw(TA, "ta");
        kw(LESS, "less"); kw(GREATER, "greater"); kw(BYTE, "byte"); kw(BROADCAST, "broadcast");
        kw(MULTICAST, "multicast"); kw(AND, "and"); kw(OR, "or"); kw(NOT, "not"); kw(LEN, "len", "length");
        kw(INBOUND, "inbound"); kw(OUTBOUND, "outbound"); kw(IFINDEX, "ifindex");
        kw(VLAN, "vlan"); kw(MPLS, "mpls"); kw(PPPOED, "pppoed"); kw(PPPOES, "pppoes"); kw(GENEVE, "geneve");
        kw(LANE, "lane"); kw(LLC, "llc"); kw(METAC, "metac"); kw(BCC, "bcc"); kw(OAM, "oam"); kw(OAMF4, "oamf4");
        kw(OAMF4EC, "oamf4ec"); kw(OAMF4SC, "oamf4sc"); kw(SC, "sc"); kw(ILMIC, "ilmic"); kw(VPI, "vpi");
        kw(VCI, "vci"); kw(CONNECTMSG, "connectmsg"); kw(METACONNECT, "metaconnect");
        kw(PF_IFNAME, "on", "ifname"); kw(PF_RSET, "rset", "ruleset"); kw(PF_RNR, "rnr", "rulenum");
        kw(PF_SRNR, "srnr", "subrulenum"); kw(PF_REASON, "reason"); kw(PF_ACTION, "action");
        kw(FISU, "fisu"); kw(LSSU, "lssu", "lsu"); kw(MSU, "msu"); kw(HFISU, "hfisu"); kw(HLSSU, "hlssu");
        kw(HMSU, "hmsu"); kw(SIO, "sio"); kw(OPC, "opc"); kw(DPC, "dpc"); kw(SLS, "sls"); kw(HSIO, "hsio");
        kw(HOPC, "hopc"); kw(HDPC, "hdpc"); kw(HSLS, "hsls");
    }

    /** Whether this token names a protocol ({@code pname} in libpcap's grammar). */
    boolean isProtocolName() {
        return ordinal() >= LINK.ordinal() && ordinal() <= NETBEUI.ordinal();
    }
}
