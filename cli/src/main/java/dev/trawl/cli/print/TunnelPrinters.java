package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Geneve;
import dev.trawl.decode.layer.Gre;
import dev.trawl.decode.layer.Vxlan;

/** The tunnel headers tcpdump prints before the frame or packet they carry: VXLAN, Geneve and GRE. */
final class TunnelPrinters {
    private TunnelPrinters() {
    }

    /** VXLAN: {@code VXLAN, flags [I] (0x08), vni 100} and the inner frame on the next line. Not thread-safe. */
    static final class VxlanPrinter implements LayerPrinter {
        private final Vxlan view = new Vxlan();

        @Override
        public void print(PrintContext c, int layer) {
            DecodedPacket p = c.packet();
            Vxlan v = view.wrap(p.buffer(), p.offset(layer), p.layerLength(layer));
            Out out = c.out();
            out.ascii("VXLAN, ");
            if (!v.has(0, Vxlan.HEADER_LENGTH)) {
                c.truncated("vxlan");
                return;
            }
            int flags = v.flags();
            // tcpdump names the I bit, and says "invalid" when it is clear, whatever the other bits
            out.ascii("flags [").ascii(v.vniValid() ? "I" : "invalid").ascii("] (0x").hex2(flags).ascii("), vni ").num(v.vni())
                    .nl();
            c.next(layer);
        }
    }

    /**
     * Geneve: {@code Geneve, Flags [C], vni 0xa, options [8 bytes]: } and the inner packet on the same line; with
     * {@code -v} the options one by one and the inner packet on the next line. Not thread-safe.
     */
    static final class GenevePrinter implements LayerPrinter {
        private static final String[] FLAGS = {"O", "C", "R1", "R2", "R3", "R4", "R5", "R6"};
        private final Geneve view = new Geneve();

        @Override
        public void print(PrintContext c, int layer) {
            DecodedPacket p = c.packet();
            Geneve g = view.wrap(p.buffer(), p.offset(layer), p.layerLength(layer));
            Out out = c.out();
            out.ascii("Geneve");
            int len = ApplicationPrinters.udpPayload(c, layer);
            if (len < 8) {
                out.ascii(" [length ").num(len).ascii(" < 8] (invalid)");
                return;
            }
            if (!g.has(0, 8)) {
                c.truncated("geneve");
                return;
            }
            if (g.version() != 0) {
                out.ascii(" ERROR: unknown-version ").num(g.version());
                return;
            }
            int flags = g.byteAt(1);
            out.ascii(", Flags [");
            for (int bit = 0; bit < 8; bit++) {
                if ((flags & (0x80 >> bit)) != 0) {
                    out.ascii(FLAGS[bit]);
                }
            }
            out.ascii(flags == 0 ? "none]" : "]").ascii(", vni 0x").hex(g.vni());
            if (g.byteAt(7) != 0) {
                out.ascii(", rsvd 0x").hex(g.byteAt(7));
            }
            int type = g.protocolType();
            if (c.linkHeader()) {
                String name = Names.etherType(type);
                out.ascii(", proto ").ascii(name.equals("Unknown") ? "unknown" : name).ascii(" (0x").hex(type, 4)
                        .ch(')');
            }
            int options = g.optionsLength();
            len -= 8;
            if (len < options) {
                out.ascii(" truncated-geneve - ").num(options - len).ascii(" bytes missing");
                return;
            }
            if (!g.has(8, options)) {
                c.truncated("geneve");
                return;
            }
            if (options > 0) {
                out.ascii(", options [");
                if (c.verbose() > 0) {
                    options(c, g, options);
                } else {
                    out.num(options).ascii(" bytes");
                }
                out.ch(']');
            }
            out.ascii(c.verbose() > 0 ? "\n\t" : ": ");
            if (!c.next(layer)) {
                out.ascii("geneve-proto-0x").hex(type);
            }
        }

        private static void options(PrintContext c, Geneve g, int length) {
            Out out = c.out();
            int at = 8;
            int left = length;
            String sep = "";
            while (left > 0) {
                out.ascii(sep);
                sep = ", ";
                int optionClass = g.shortAt(at);
                int type = g.byteAt(at + 2);
                int optionLength = 4 + (g.byteAt(at + 3) & 0x1f) * 4;
                String className = switch (optionClass) {
                    case 0x0100 -> "Linux";
                    case 0x0101 -> "Open vSwitch";
                    case 0x0102 -> "Open Virtual Networking (OVN)";
                    case 0x0103 -> "In-band Network Telemetry (INT)";
                    case 0x0104 -> "VMware";
                    default -> optionClass <= 0xff ? "Standard" : optionClass >= 0xfff0 ? "Experimental" : "Unknown";
                };
                out.ascii("class ").ascii(className).ascii(" (0x").hex(optionClass).ascii(") type 0x").hex(type)
                        .ascii((type & 0x80) != 0 ? "(C)" : "").ascii(" len ").num(optionLength);
                if (optionLength > left) {
                    out.ascii(" [bad length]");
                    return;
                }
                if (c.verbose() > 1 && optionLength > 4) {
                    out.ascii(" data");
                    for (int i = 4; i < optionLength; i += 4) {
                        out.ch(' ').hex(g.intAt(at + i), 8);
                    }
                }
                at += optionLength;
                left -= optionLength;
            }
        }
    }

    /** Whether tcpdump's printer of GRE version 0 goes on into a payload of this protocol type. */
    static boolean carriesKnown(int type) {
        return type == 0x0800 || type == 0x86dd || type == 0x6558 || type == 0x8847 || type == 0x8137
                || type == 0x809b || type == 0x00fe;
    }

    /**
     * GRE: {@code GREv0, key=0x28, length 44: } and the packet it carries; with {@code -v} the flags first
     * ({@code GREv0, Flags [key present], key=0x28, length 44}) and the packet on the next line. Version 1 is
     * PPTP's enhanced GRE ({@code GREv1, call 6016, seq 1, length 40: }). Not thread-safe.
     */
    static final class GrePrinter implements LayerPrinter {
        private static final int SOURCE_ROUTE = 0x0800;
        private final Gre view = new Gre();

        @Override
        public void print(PrintContext c, int layer) {
            DecodedPacket p = c.packet();
            Gre g = view.wrap(p.buffer(), p.offset(layer), p.layerLength(layer));
            Out out = c.out();
            int length = UdpPrinter.ipPayloadLength(c, layer, c.network(layer));
            if (!g.has(0, 2) || length < 2) {
                c.truncated("gre");
                return;
            }
            int flags = g.shortAt(0);
            int version = flags & 7;
            out.ascii("GREv").num(version);
            if (version > 1) {
                out.ascii(" ERROR: unknown-version");
                return;
            }
            if (c.verbose() > 0) {
                out.ascii(", Flags [");
                int[] bits = {Gre.CHECKSUM_PRESENT, Gre.ROUTING_PRESENT, Gre.KEY_PRESENT, Gre.SEQUENCE_PRESENT,
                    SOURCE_ROUTE, Gre.ACK_PRESENT};
                String[] names = {"checksum present", "routing present", "key present", "sequence# present",
                    "source routing present", "ack present"};
                String sep = "";
                for (int i = 0; i < bits.length; i++) {
                    if ((flags & bits[i]) != 0) {
                        out.ascii(sep).ascii(names[i]);
                        sep = ", ";
                    }
                }
                out.ascii(sep.isEmpty() ? "none]" : "]");
            }
            int at = 2;
            int left = length - 2;
            if (!g.has(at, 2) || left < 2) {
                c.truncated("gre");
                return;
            }
            int type = g.shortAt(at);
            at += 2;
            left -= 2;
            if (version == 0 && (flags & (Gre.CHECKSUM_PRESENT | Gre.ROUTING_PRESENT)) != 0) {
                if (!g.has(at, 4) || left < 4) {
                    if (g.has(at, 2) && left >= 2 && c.verbose() > 0) {
                        out.ascii(", sum 0x").hex(g.shortAt(at));
                    }
                    c.truncated("gre");
                    return;
                }
                if (c.verbose() > 0) {
                    out.ascii(", sum 0x").hex(g.shortAt(at));
                }
                out.ascii(", off 0x").hex(g.shortAt(at + 2));
                at += 4;
                left -= 4;
            }
            if ((flags & Gre.KEY_PRESENT) != 0) {
                if (!g.has(at, 4) || left < 4) {
                    c.truncated("gre");
                    return;
                }
                long key = g.intAt(at);
                if (version == 0) {
                    out.ascii(", key=0x").hex(key);
                } else {
                    out.ascii(", call ").num(key & 0xffff);
                }
                at += 4;
                left -= 4;
            }
            if ((flags & Gre.SEQUENCE_PRESENT) != 0) {
                if (!g.has(at, 4) || left < 4) {
                    c.truncated("gre");
                    return;
                }
                out.ascii(", seq ").num(g.intAt(at));
                at += 4;
                left -= 4;
            }
            if (version == 1 && (flags & Gre.ACK_PRESENT) != 0) {
                if (!g.has(at, 4) || left < 4) {
                    c.truncated("gre");
                    return;
                }
                out.ascii(", ack ").num(g.intAt(at));
                at += 4;
                left -= 4;
            }
            if (version == 0 && (flags & Gre.ROUTING_PRESENT) != 0) {
                int end = sourceRoutes(c, g, at, left);
                if (end < 0) {
                    c.truncated("gre");
                    return;
                }
                left -= end - at;
                at = end;
            }
            if (version == 1 && (flags & Gre.SEQUENCE_PRESENT) == 0) {
                out.ascii(", no-payload");
            }
            if (c.linkHeader()) {
                String name = Names.etherType(type);
                out.ascii(", proto ").ascii(name.equals("Unknown") ? "unknown" : name).ascii(" (0x").hex(type, 4)
                        .ch(')');
            }
            out.ascii(", length ").num(length);
            if (version == 1 && (flags & Gre.SEQUENCE_PRESENT) == 0) {
                return;
            }
            out.ascii(c.verbose() > 0 ? "\n\t" : ": ");
            boolean known = version == 0 ? carriesKnown(type) : type == 0x880b;
            if (!known || !c.next(layer)) {
                out.ascii("gre-proto-0x").hex(type);
            }
        }

        /** The source route entries of RFC 1701; returns where they end, or -1 when they run past the data. */
        private static int sourceRoutes(PrintContext c, Gre g, int from, int length) {
            Out out = c.out();
            int at = from;
            int left = length;
            while (true) {
                if (!g.has(at, 4) || left < 4) {
                    return -1;
                }
                int family = g.shortAt(at);
                int offset = g.byteAt(at + 2);
                int size = g.byteAt(at + 3);
                at += 4;
                left -= 4;
                if (family == 0 && size == 0) {
                    return at;
                }
                int unit = family == 0x0800 ? 4 : family == 0xfffe ? 2 : 0;
                if (unit == 0) {
                    out.ascii(", (rtaf=0x").hex(family).ch(')');
                } else {
                    out.ascii(unit == 4 ? ", (rtaf=ip" : ", (rtaf=asn");
                    boolean ok = true;
                    if ((offset & (unit - 1)) != 0) {
                        out.ascii(", badoffset=").num(offset);
                    } else if ((size & (unit - 1)) != 0) {
                        out.ascii(", badlength=").num(size);
                    } else if (offset >= size) {
                        out.ascii(", badoff/len=").num(offset).ch('/').num(size);
                    } else {
                        for (int i = 0; i < size; i += unit) {
                            if (!g.has(at + i, unit) || left - i < unit) {
                                ok = false;
                                break;
                            }
                            out.ch(' ').ascii(i == offset ? "*" : "");
                            if (unit == 4) {
                                c.ipv4((int) g.intAt(at + i));
                            } else {
                                out.hex(g.shortAt(at + i));
                            }
                        }
                    }
                    out.ch(')');
                    if (!ok) {
                        return -1;
                    }
                }
                if (left < size) {
                    return -1;
                }
                at += size;
                left -= size;
            }
        }
    }
}
