package dev.trawl.cli.print;

import dev.trawl.decode.layer.Arp;

/**
 * ARP, RARP and inverse ARP, as {@code ARP, Request who-has 10.0.0.1 tell 10.0.0.2, length 28}; with
 * {@code -v}, or for address formats other than IPv4, the hardware and protocol types and sizes first
 * ({@code Ethernet (len 6), IPv4 (len 4), Request ...}). Not thread-safe.
 */
final class ArpPrinter implements LayerPrinter {
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_TRAILER = 0x1000;

    @Override
    public void print(PrintContext c, int layer) {
        Arp a = c.packet().arp(layer);
        Out out = c.out();
        int length = c.wireLength(layer);
        if (!a.has(0, Arp.FIXED_LENGTH)) {
            c.truncatedRead("arp");
            return;
        }
        int hardware = a.hardwareType();
        int protocol = a.protocolType();
        int hlen = a.hardwareSize();
        int plen = a.protocolSize();
        int op = a.opcode();
        if (!a.has(0, Arp.FIXED_LENGTH + 2 * hlen + 2 * plen)) {
            c.truncatedRead("arp");
            return;
        }
        if (!c.linkHeader()) {
            out.ascii("ARP, ");
        }
        boolean ipv4 = protocol == ETHERTYPE_IPV4 || protocol == ETHERTYPE_TRAILER;
        boolean verbose = c.verbose() > 0;
        if (!ipv4 || plen != 4 || hlen == 0 || verbose) {
            String hardwareName = switch (hardware) {
                case 1 -> "Ethernet";
                case 6 -> "TokenRing";
                case 7 -> "ArcNet";
                case 15 -> "FrameRelay";
                case 23 -> "Strip";
                case 24 -> "IEEE 1394";
                case 19 -> "ATM";
                case 32 -> "InfiniBand";
                default -> null;
            };
            if (hardwareName != null) {
                out.ascii(hardwareName);
            } else {
                out.ascii("Unknown Hardware (").num(hardware).ch(')');
            }
            out.ascii(" (len ").num(hlen).ascii("), ");
            String protocolName = Names.etherType(protocol);
            if (!protocolName.equals("Unknown")) {
                out.ascii(protocolName);
            } else {
                out.ascii("Unknown Protocol (0x").hex(protocol, 4).ch(')');
            }
            out.ascii(" (len ").num(plen).ch(')');
            if (!verbose) {
                out.ascii(", length ").num(length);
                return;
            }
        }
        if (verbose) {
            out.ascii(", ");
        }
        String opName = switch (op) {
            case 1 -> "Request";
            case 2 -> "Reply";
            case 3 -> "Reverse Request";
            case 4 -> "Reverse Reply";
            case 8 -> "Inverse Request";
            case 9 -> "Inverse Reply";
            case 10 -> "NACK Reply";
            default -> null;
        };
        if (opName != null) {
            out.ascii(opName);
        } else {
            out.ascii("Unknown (").num(op).ch(')');
        }
        out.ch(' ');
        switch (op) {
            case 1 -> {
                out.ascii("who-has ");
                protocolAddress(c, a, a.targetProtocolOffset(), ipv4, plen);
                if (a.hasNonZeroTargetHardware()) {
                    out.ascii(" (");
                    hardware(c, a, a.targetHardwareOffset(), hlen);
                    out.ch(')');
                }
                out.ascii(" tell ");
                protocolAddress(c, a, a.senderProtocolOffset(), ipv4, plen);
            }
            case 2 -> {
                protocolAddress(c, a, a.senderProtocolOffset(), ipv4, plen);
                out.ascii(" is-at ");
                hardware(c, a, a.senderHardwareOffset(), hlen);
            }
            case 3, 8 -> {
                out.ascii("who-is ");
                hardware(c, a, a.targetHardwareOffset(), hlen);
                out.ascii(" tell ");
                hardware(c, a, a.senderHardwareOffset(), hlen);
            }
            case 4 -> {
                hardware(c, a, a.targetHardwareOffset(), hlen);
                out.ascii(" at ");
                protocolAddress(c, a, a.targetProtocolOffset(), ipv4, plen);
            }
            case 9 -> {
                hardware(c, a, a.senderHardwareOffset(), hlen);
                out.ascii(" at ");
                protocolAddress(c, a, a.senderProtocolOffset(), ipv4, plen);
            }
            default -> {
                // tcpdump dumps the message's captured bytes instead, in hex and ASCII
                PrintContext.hexLines(out, c.packet().buffer(), c.packet().offset(layer), c.packet().layerEnd(layer),
                        true);
                return;
            }
        }
        out.ascii(", length ").num(length);
    }

    private static void protocolAddress(PrintContext c, Arp a, int rel, boolean ipv4, int plen) {
        if (!ipv4) {
            c.out().ascii("<wrong proto type>");
        } else if (plen != 4) {
            c.out().ascii("<wrong len>");
        } else {
            c.ipv4(a.addressByte(rel) << 24 | a.addressByte(rel + 1) << 16 | a.addressByte(rel + 2) << 8
                    | a.addressByte(rel + 3));
        }
    }

    /** Writes a hardware address of {@code length} bytes at {@code rel}, colon-separated; none as {@code <empty>}. */
    private static void hardware(PrintContext c, Arp a, int rel, int length) {
        Out out = c.out();
        if (length == 0) {
            out.ascii("<empty>"); // tcpdump's word for an address of no bytes
            return;
        }
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.ch(':');
            }
            out.hex2(a.addressByte(rel + i));
        }
    }
}
