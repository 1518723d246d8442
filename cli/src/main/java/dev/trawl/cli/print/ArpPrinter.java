package dev.trawl.cli.print;

import dev.trawl.decode.layer.Arp;

/** ARP and RARP, as {@code ARP, Request who-has 10.0.0.1 tell 10.0.0.2, length 28}. Not thread-safe. */
final class ArpPrinter implements LayerPrinter {
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_TRAILER = 0x1000;

    @Override
    public void print(PrintContext c, int layer) {
        Arp a = c.packet().arp(layer);
        Out out = c.out();
        int length = c.wireLength(layer);
        if (!c.linkHeader()) {
            out.ascii("ARP, ");
        }
        if (!a.has(0, Arp.FIXED_LENGTH)) {
            c.truncated("arp");
            return;
        }
        int hardware = a.hardwareType();
        int protocol = a.protocolType();
        int hlen = a.hardwareSize();
        int plen = a.protocolSize();
        int op = a.opcode();
        if ((protocol != ETHERTYPE_IPV4 && protocol != ETHERTYPE_TRAILER) || plen != 4 || hlen == 0) {
            out.ascii("Unknown Hardware (").num(hardware).ascii("), protocol 0x").hex(protocol, 4).ascii(", op ")
                    .num(op).ascii(", length ").num(length);
            return;
        }
        if (c.verbose() > 0) {
            out.ascii(hardware == 1 ? "Ethernet" : hardware == 6 ? "IEEE 802" : "Unknown Hardware").ascii(" (len ")
                    .num(hlen).ascii("), IPv4 (len ").num(plen).ascii("), ");
        }
        if (!a.has(0, Arp.FIXED_LENGTH + 2 * hlen + 2 * plen)) {
            c.truncated("arp");
            return;
        }
        switch (op) {
            case 1 -> {
                out.ascii("Request who-has ");
                c.ipv4(a.targetIpv4());
                if (a.hasNonZeroTargetHardware()) {
                    out.ascii(" (");
                    hardware(c, a, a.targetHardwareOffset(), hlen);
                    out.ch(')');
                }
                out.ascii(" tell ");
                c.ipv4(a.senderIpv4());
            }
            case 2 -> {
                out.ascii("Reply ");
                c.ipv4(a.senderIpv4());
                out.ascii(" is-at ");
                hardware(c, a, a.senderHardwareOffset(), hlen);
            }
            case 3 -> {
                out.ascii("Reverse Request who-is ");
                hardware(c, a, a.targetHardwareOffset(), hlen);
                out.ascii(" tell ");
                hardware(c, a, a.senderHardwareOffset(), hlen);
            }
            case 4 -> {
                out.ascii("Reverse Reply ");
                hardware(c, a, a.targetHardwareOffset(), hlen);
                out.ascii(" at ");
                c.ipv4(a.targetIpv4());
            }
            default -> out.ascii("Unknown (").num(op).ch(')');
        }
        out.ascii(", length ").num(length);
    }

    /** Writes a hardware address of {@code length} bytes at {@code rel}, colon-separated. */
    private static void hardware(PrintContext c, Arp a, int rel, int length) {
        Out out = c.out();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.ch(':');
            }
            out.hex2(a.addressByte(rel + i));
        }
    }
}
