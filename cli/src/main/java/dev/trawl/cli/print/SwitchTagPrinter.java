package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.BroadcomTag;
import dev.trawl.decode.layer.Ethernet;
import dev.trawl.decode.layer.MarvellDsaTag;

/**
 * Frames of an Ethernet switch's management port as tcpdump prints them: the switch's tag (Marvell DSA or EDSA,
 * Broadcom) after the addresses with {@code -e} and in place of them without, as in {@code DSA Forward port 0.1,
 * VLAN 0u, }, then the frame's payload; Broadcom's prepended tag only with {@code -e}, before the Ethernet
 * header. Not thread-safe.
 */
final class SwitchTagPrinter implements LayerPrinter {
    /** Which tag a printer prints. */
    enum Kind {
        DSA("dsa", MarvellDsaTag.DSA_LENGTH),
        EDSA("edsa", MarvellDsaTag.EDSA_LENGTH),
        BRCM("brcm-tag", BroadcomTag.LENGTH),
        BRCM_PREPEND("brcm-tag-prepend", BroadcomTag.LENGTH);

        final String name;
        final int length;

        Kind(String name, int length) {
            this.name = name;
            this.length = length;
        }
    }

    private static final int MACS = 12;
    private static final String[] MODES = {"To CPU", "From CPU", "To Sniffer", "Forward"};
    private static final String[] CODES = {
        "BPDU (MGMT) Trap", "Frame2Reg", "IGMP/MLD Trap", "Policy Trap", "ARP Mirror", "Policy Mirror"};
    private static final String[] TAG_ENFORCEMENT = {"None", "Untag", "Header", "Reserved"};

    private final Kind kind;
    private final MarvellDsaTag marvell = new MarvellDsaTag();
    private final BroadcomTag broadcom = new BroadcomTag();

    SwitchTagPrinter(Kind kind) {
        this.kind = kind;
    }

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        int start = p.offset(layer);
        int captured = p.end() - start;
        if (kind == Kind.BRCM_PREPEND) {
            if (captured < kind.length) {
                c.truncated(kind.name);
                return;
            }
            if (layer == 0) {
                c.linkHeaderEnd(start + kind.length + Ethernet.HEADER_LENGTH);
            }
            if (c.linkHeader()) {
                broadcom(c.out(), broadcom.wrap(p.buffer(), start, kind.length));
            }
            if (!c.next(layer)) {
                c.truncated("ether");
            }
            return;
        }
        if (captured < MACS + kind.length + 2) {
            if (layer == 0) {
                c.linkHeaderEnd(p.end()); // tcpdump counts what it has as the link header: no bytes to dump
            }
            c.truncated(kind.name);
            return;
        }
        Ethernet e = p.ethernet(layer); // the addresses; the tag stands where Ethernet's type would
        int type = e.u16At(MACS + kind.length);
        int payload = start + MACS + kind.length + 2;
        if (layer == 0) {
            c.linkHeaderEnd(payload);
        }
        Out out = c.out();
        if (c.linkHeader()) {
            c.mac(e.source());
            out.ascii(" > ");
            c.mac(e.destination());
            out.ascii(", ");
        }
        if (kind == Kind.BRCM) {
            broadcom(out, broadcom.wrap(p.buffer(), start + MACS, kind.length));
        } else {
            marvell(c, marvell.wrap(p.buffer(), start + MACS, kind.length, kind == Kind.EDSA));
        }
        int next = c.after(layer);
        boolean printable = c.printable(next);
        // tcpdump reads a type up to 1500 after the tag as an 802.3 length and the payload as LLC, where
        // Wireshark decodes an ethertype and leaves the payload as data
        boolean llc = type <= Ethernet.MAX_LENGTH && !printable;
        // the length field, unless it overstates the frame
        int llcLength = Math.min(type, Math.max(0, c.wireLength(layer) - (payload - start)));
        if (c.linkHeader()) {
            if (llc) {
                out.ascii("802.3, length ").num(llcLength).ascii(": ");
            } else {
                EthernetPrinter.etherType(out, type, c.quiet());
                out.ascii(", length ").num(c.wireLength(layer)).ascii(": ");
            }
        }
        if (printable) {
            c.print(next);
        } else if (llc) {
            if (!c.printAfterLength(payload - 2, Math.min(p.end(), payload + llcLength), llcLength)) {
                c.rawDump(payload);
            }
        } else if (!EthernetPrinter.knownToTcpdump(type, true)) {
            c.rawDump(payload);
        }
    }

    /** Writes the Marvell tag: with {@code -e} every field, without it the mode, ports and VLAN in brief. */
    private static void marvell(PrintContext c, MarvellDsaTag t) {
        Out out = c.out();
        boolean edsa = t.tagLength() == MarvellDsaTag.EDSA_LENGTH;
        int mode = t.mode();
        if (c.linkHeader()) {
            if (edsa) {
                int type = t.edsaEtherType();
                out.ascii("Marvell EDSA ethertype 0x").hex(type, 4).ascii(" (").ascii(Names.etherType(type))
                        .ascii("), rsvd ").num(t.edsaReserved1()).ch(' ').num(t.edsaReserved2()).ascii(", ");
            } else {
                out.ascii("Marvell DSA ");
            }
            out.ascii("mode ").ascii(MODES[mode]).ascii(", ");
            switch (mode) {
                case MarvellDsaTag.MODE_FORWARD -> out.ascii("dev ").num(t.device())
                        .ascii(t.trunkOrRxSniff() ? ", trunk " : ", port ").num(t.port()).ascii(", ");
                case MarvellDsaTag.MODE_FROM_CPU -> out.ascii("target dev ").num(t.device()).ascii(", port ")
                        .num(t.port()).ascii(", ");
                case MarvellDsaTag.MODE_TO_CPU -> out.ascii("source dev ").num(t.device()).ascii(", port ")
                        .num(t.port()).ascii(", code ").ascii(t.code() < CODES.length ? CODES[t.code()] : "reserved")
                        .ascii(", ");
                default -> out.ascii("source dev ").num(t.device()).ascii(", port ").num(t.port()).ascii(", ")
                        .ascii(t.trunkOrRxSniff() ? "ingress" : "egress").ascii(" sniff, ");
            }
            out.ascii(t.tagged() ? "tagged, " : "untagged, ");
            if (t.cfi()) {
                out.ascii("CFI, ");
            }
            out.ascii("VID ").num(t.vid()).ascii(", FPri ").num(t.priority()).ascii(", ");
            return;
        }
        if (edsa) {
            out.ascii("EDSA 0x").hex(t.edsaEtherType(), 4).ascii(", ");
        } else {
            out.ascii("DSA ");
        }
        String at = t.device() + "." + t.port();
        switch (mode) {
            case MarvellDsaTag.MODE_FORWARD -> out.ascii("Forward ").ascii(t.trunkOrRxSniff() ? "trunk " : "port ")
                    .ascii(at);
            case MarvellDsaTag.MODE_FROM_CPU -> out.ascii("CPU > port ").ascii(at);
            case MarvellDsaTag.MODE_TO_CPU -> out.ascii("port ").ascii(at).ascii(" > CPU");
            default -> out.ascii("port ").ascii(at).ascii(t.trunkOrRxSniff() ? " > Rx Sniffer" : " > Tx Sniffer");
        }
        out.ascii(", VLAN ").num(t.vid()).ch(t.tagged() ? 't' : 'u').ascii(", ");
    }

    /** Writes the Broadcom tag, as {@code BRCM tag OP: IG, TC: 0, TE: None, TS: 0, DST map: 0x0080, }. */
    private static void broadcom(Out out, BroadcomTag t) {
        out.ascii("BRCM tag OP: ").ascii(t.opcodeByte() != 0 ? "IG" : "EG");
        if (t.ingress()) {
            out.ascii(", TC: ").num(t.ingressTrafficClass()).ascii(", TE: ")
                    .ascii(TAG_ENFORCEMENT[t.tagEnforcement()]).ascii(", TS: ").num(t.timestampRequest())
                    .ascii(", DST map: 0x").hex(t.destinationMap(), 4);
        } else {
            out.ascii(", CID: ").num(t.classificationId()).ascii(", RC: ").ascii(reason(t.reasonCode()))
                    .ascii(", TC: ").num(t.egressTrafficClass()).ascii(", port: ").num(t.sourcePort());
        }
        out.ascii(", ");
    }

    /** tcpdump names a reason code only when exactly one of its six defined bits is set. */
    private static String reason(int code) {
        return switch (code) {
            case 1 -> "mirror";
            case 2 -> "MAC learning";
            case 4 -> "switching";
            case 8 -> "prot term";
            case 16 -> "prot snoop";
            case 32 -> "exception";
            default -> "reserved";
        };
    }
}
