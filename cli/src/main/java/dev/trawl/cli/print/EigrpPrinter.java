package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Eigrp;

/**
 * EIGRP as tcpdump prints it: without {@code -v} the summary {@code EIGRP Hello, length: 40}; with it the
 * header on two lines and each TLV (parameters, software version, IPv4 and AppleTalk routes) with its values,
 * the TLVs it does not decode as a hex dump. Not thread-safe.
 */
final class EigrpPrinter implements LayerPrinter {
    private static final int TLV_HEADER = 4;
    private static final String[] FLAGS = {"Init", "Conditionally Received", "Restart", "End-of-Table"};

    private final Eigrp view = new Eigrp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Eigrp e = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = UdpPrinter.ipPayloadLength(c, layer, c.network(layer));
        if (!e.has(0, 2)) {
            c.truncated("eigrp");
            return;
        }
        if (e.version() != 2) {
            out.ascii("EIGRP version ").num(e.version()).ascii(" packet not supported");
            return;
        }
        if (c.verbose() < 1) {
            out.ascii("EIGRP ").ascii(opcode(e.opcode(), "unknown (")).ascii(", length: ").num(length);
            return;
        }
        if (length < Eigrp.HEADER_LENGTH) {
            out.ascii("EIGRP ").ascii(opcode(e.opcode(), "unknown (")).ascii(", length: ").num(length)
                    .ascii(" (too short, < 20)");
            return;
        }
        if (!e.has(0, Eigrp.HEADER_LENGTH)) {
            c.truncated("eigrp");
            return;
        }
        int remaining = length - Eigrp.HEADER_LENGTH;
        out.ascii("\n\tEIGRP v").num(e.version()).ascii(", opcode: ").ascii(opcode(e.opcode(), "unknown, type: "))
                .ascii(" (").num(e.opcode()).ascii("), chksum: 0x").hex(e.checksum(), 4).ascii(", Flags: [");
        TlvText.bitNames(out, e.flags(), FLAGS, "none");
        out.ascii("]\n\tseq: 0x").hex(e.sequence(), 8).ascii(", ack: 0x").hex(e.acknowledgment(), 8)
                .ascii(", VRID: ").num(e.virtualRouterId()).ascii(", AS: ").num(e.autonomousSystem())
                .ascii(", length: ").num(remaining);
        int at = Eigrp.HEADER_LENGTH;
        while (remaining > 0) {
            if (!e.has(at, TLV_HEADER)) {
                c.truncated("eigrp");
                return;
            }
            int type = e.shortAt(at);
            int tlvLength = e.shortAt(at + 2);
            if (tlvLength < TLV_HEADER || tlvLength > remaining) {
                TlvText.dump(out, e, at + TLV_HEADER, remaining, "\n\t    ");
                return;
            }
            out.ascii("\n\t  ").ascii(tlvName(type)).ascii(" TLV (0x").hex(type, 4).ascii("), length: ")
                    .num(tlvLength);
            if (!e.has(at, tlvLength)) {
                c.truncated("eigrp");
                return;
            }
            int v = at + TLV_HEADER;
            int n = tlvLength - TLV_HEADER;
            if (!value(c, e, type, v, n)) {
                if (c.verbose() <= 1) {
                    TlvText.dump(out, e, v, n, "\n\t    ");
                }
            }
            if (c.verbose() > 1) {
                TlvText.dump(out, e, v, n, "\n\t    ");
            }
            at += tlvLength;
            remaining -= tlvLength;
        }
    }

    /** Prints a TLV tcpdump decodes; false for the ones it dumps. */
    private static boolean value(PrintContext c, Eigrp e, int type, int v, int n) {
        Out out = c.out();
        switch (type) {
            case 0x0001 -> {
                if (tooShort(out, n, 8)) {
                    return true;
                }
                out.ascii("\n\t    holdtime: ").num(e.shortAt(v + 6)).ascii("s, k1 ").num(e.byteAt(v))
                        .ascii(", k2 ").num(e.byteAt(v + 1)).ascii(", k3 ").num(e.byteAt(v + 2))
                        .ascii(", k4 ").num(e.byteAt(v + 3)).ascii(", k5 ").num(e.byteAt(v + 4));
            }
            case 0x0004 -> {
                if (tooShort(out, n, 4)) {
                    return true;
                }
                out.ascii("\n\t    IOS version: ").num(e.byteAt(v)).ch('.').num(e.byteAt(v + 1))
                        .ascii(", EIGRP version ").num(e.byteAt(v + 2)).ch('.').num(e.byteAt(v + 3));
            }
            case 0x0102 -> {
                if (tooShort(out, n, 22)) {
                    return true;
                }
                if (prefix(c, e, v + 20, n - 20, e.intAt(v))) {
                    metric(out, e, v + 4);
                }
            }
            case 0x0103 -> {
                if (tooShort(out, n, 42)) {
                    return true;
                }
                if (!prefix(c, e, v + 40, n - 40, e.intAt(v))) {
                    return true;
                }
                out.ascii("\n\t      origin-router ");
                c.ipv4((int) e.intAt(v + 4));
                out.ascii(", origin-as ").num(e.intAt(v + 8)).ascii(", origin-proto ")
                        .ascii(externalProtocol(e.byteAt(v + 22))).ascii(", flags [0x").hex(e.byteAt(v + 23), 2)
                        .ascii("], tag 0x").hex(e.intAt(v + 12), 8).ascii(", metric ").num(e.intAt(v + 16));
                metric(out, e, v + 24);
            }
            case 0x0204 -> {
                if (tooShort(out, n, 8)) {
                    return true;
                }
                out.ascii("\n\t    Cable-range: ").num(e.shortAt(v)).ch('-').num(e.shortAt(v + 2))
                        .ascii(", Router-ID ").num(e.intAt(v + 4));
            }
            case 0x0202 -> {
                if (tooShort(out, n, 24)) {
                    return true;
                }
                appleTalk(out, e, v, v + 20);
                metric(out, e, v + 4);
            }
            case 0x0203 -> {
                if (tooShort(out, n, 44)) {
                    return true;
                }
                appleTalk(out, e, v, v + 40);
                out.ascii("\n\t      origin-router ").num(e.intAt(v + 4)).ascii(", origin-as ").num(e.intAt(v + 8))
                        .ascii(", origin-proto ").ascii(externalProtocol(e.byteAt(v + 16))).ascii(", flags [0x")
                        .hex(e.byteAt(v + 17), 2).ascii("], tag 0x").hex(e.intAt(v + 12), 8).ascii(", metric ")
                        .num(e.shortAt(v + 18));
                metric(out, e, v + 20);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean tooShort(Out out, int n, int need) {
        if (n < need) {
            out.ascii(" (too short, < ").num(need + TLV_HEADER).ch(')');
            return true;
        }
        return false;
    }

    /** The destination prefix (its significant bytes only) and next hop; false when the length is illegal. */
    private static boolean prefix(PrintContext c, Eigrp e, int at, int n, long nextHop) {
        Out out = c.out();
        int bits = e.byteAt(at);
        if (bits > 32) {
            out.ascii("\n\t    illegal prefix length ").num(bits);
            return false;
        }
        int bytes = (bits + 7) / 8;
        int address = 0;
        for (int i = 0; i < 4; i++) {
            address = address << 8 | (i < bytes ? e.byteAt(at + 1 + i) : 0);
        }
        String text = (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
        out.ascii("\n\t    IPv4 prefix: ");
        for (int i = text.length(); i < 15; i++) {
            out.ch(' ');
        }
        out.ascii(text).ch('/').num(bits).ascii(", nexthop: ");
        if (nextHop == 0) {
            out.ascii("self");
        } else {
            c.ipv4((int) nextHop);
        }
        return true;
    }

    private static void appleTalk(Out out, Eigrp e, int nextHop, int cable) {
        out.ascii("\n\t     Cable-Range: ").num(e.shortAt(cable)).ch('-').num(e.shortAt(cable + 2))
                .ascii(", nexthop: ");
        if (e.intAt(nextHop) == 0) {
            out.ascii("self");
        } else {
            out.num(e.shortAt(nextHop)).ch('.').num(e.shortAt(nextHop + 2));
        }
    }

    /** The composite metric's parts, from the delay field on. */
    private static void metric(Out out, Eigrp e, int at) {
        out.ascii("\n\t      delay ").num(e.intAt(at) / 100).ascii(" ms, bandwidth ").num(e.intAt(at + 4))
                .ascii(" Kbps, mtu ").num(e.byteAt(at + 8) << 16 | e.shortAt(at + 9)).ascii(", hop ")
                .num(e.byteAt(at + 11)).ascii(", reliability ").num(e.byteAt(at + 12)).ascii(", load ")
                .num(e.byteAt(at + 13));
    }

    private static String tlvName(int type) {
        return switch (type) {
            case 0x0001 -> "General Parameters";
            case 0x0002 -> "Authentication";
            case 0x0003 -> "Sequence";
            case 0x0004 -> "Software Version";
            case 0x0005 -> "Next Multicast Sequence";
            case 0x0102 -> "IP Internal routes";
            case 0x0103 -> "IP External routes";
            case 0x0202 -> "AppleTalk Internal routes";
            case 0x0203 -> "AppleTalk External routes";
            case 0x0204 -> "AppleTalk Cable setup";
            case 0x0302 -> "IPX Internal routes";
            case 0x0303 -> "IPX External routes";
            default -> "Unknown";
        };
    }

    private static String externalProtocol(int id) {
        return switch (id) {
            case 1 -> "IGRP";
            case 2 -> "EIGRP";
            case 3 -> "Static";
            case 4 -> "RIP";
            case 5 -> "Hello";
            case 6 -> "OSPF";
            case 7 -> "IS-IS";
            case 8 -> "EGP";
            case 9 -> "BGP";
            case 10 -> "IDRP";
            case 11 -> "Connected";
            default -> "unknown";
        };
    }

    private static String opcode(int opcode, String unknown) {
        return switch (opcode) {
            case 1 -> "Update";
            case 3 -> "Query";
            case 4 -> "Reply";
            case 5 -> "Hello";
            case 6 -> "IPX SAP";
            case 7 -> "Probe";
            default -> unknown + opcode + (unknown.endsWith("(") ? ")" : "");
        };
    }
}
