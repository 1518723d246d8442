package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Ieee80211;
import dev.trawl.decode.layer.Ieee80211Elements;
import dev.trawl.decode.layer.Prism;
import dev.trawl.decode.layer.Radiotap;

/**
 * IEEE 802.11 frames as tcpdump prints them, with the radiotap header before them: the radio fields
 * ({@code 1.0 Mb/s 2412 MHz 11b -42dBm signal antenna 0 }), then the frame. A management frame prints its
 * subtype and a summary of its body ({@code Beacon (ssid) [1.0* 2.0* Mbit] ESS CH: 6, PRIVACY},
 * {@code DeAuthentication (sa): reason}); a control frame its subtype and addresses; a data frame hands its
 * LLC payload to the next printer. With {@code -e} the MAC header's addresses come first
 * ({@code BSSID:.. DA:.. SA:.. }), with {@code -ev} also its flags and duration. Not thread-safe; it keeps no
 * state between packets.
 */
final class Ieee80211Printer implements LayerPrinter {
    private static final int MANAGEMENT = 0;
    private static final int CONTROL = 1;
    private static final int DATA = 2;

    /** Channel flags of radiotap's Channel and XChannel fields. */
    private static final int CHAN_TURBO = 0x0010;
    private static final int CHAN_CCK = 0x0020;
    private static final int CHAN_OFDM = 0x0040;
    private static final int CHAN_2GHZ = 0x0080;
    private static final int CHAN_5GHZ = 0x0100;
    private static final int CHAN_GFSK = 0x0800;
    private static final int CHAN_DYN = 0x0400;
    private static final int CHAN_HALF = 0x4000;
    private static final int CHAN_QUARTER = 0x8000;
    private static final int CHAN_HT20 = 0x10000;
    private static final int CHAN_HT40U = 0x20000;
    private static final int CHAN_HT40D = 0x40000;

    private static final String[] HT_BANDWIDTH = {"20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)"};
    private static final String[] VHT_BANDWIDTH = {
            "20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)", "80 MHz", "80 MHz (L)", "80 MHz (U)", "80 MHz (LL)",
            "80 MHz (LU)", "80 MHz (UL)", "80 MHz (UU)", "160 MHz", "160 MHz (L)", "160 MHz (U)", "160 MHz (LL)",
            "160 MHz (LU)", "160 MHz (UL)", "160 MHz (UU)", "160 MHz (LLL)", "160 MHz (LLU)", "160 MHz (LUL)",
            "160 MHz (UUU)", "160 MHz (ULL)", "160 MHz (ULU)", "160 MHz (UUL)", "160 MHz (UUU)", "unknown (26)",
            "unknown (27)", "unknown (28)", "unknown (29)", "unknown (30)", "unknown (31)",
    };

    private final Radiotap radiotap = new Radiotap();
    private final Prism prism = new Prism();
    private final Ieee80211 frame = new Ieee80211();
    private final Ieee80211Elements elements = new Ieee80211Elements();

    @Override
    public void print(PrintContext c, int layer) {
        int protocol = c.packet().protocol(layer);
        if (protocol == Protocols.RADIOTAP) {
            printRadiotap(c, layer);
        } else if (protocol != Protocols.WLAN) {
            printPrism(c, layer);
        } else {
            printFrame(c, layer, c.wireLength(layer), c.capturedLength(layer), false, 0);
        }
    }

    private void printRadiotap(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        int caplen = c.capturedLength(layer);
        Radiotap r = radiotap.wrap(p.buffer(), p.offset(layer), caplen);
        int len = r.headerLength();
        if (caplen < 8 || len < 8 || caplen < len || !r.start()) {
            c.truncated("802.11_radio");
            return;
        }
        int flags = 0;
        for (int bit = r.nextField(); bit != Radiotap.END; bit = r.nextField()) {
            if (bit == Radiotap.UNKNOWN) {
                out.ascii("[bit ").num(r.bit()).ascii("] ");
                break;
            }
            if (bit == Radiotap.TRUNCATED) {
                c.truncated("802.11_radio");
                break;
            }
            if (bit == Radiotap.FLAGS) {
                flags = r.u8Value();
            }
            field(c, r, bit);
        }
        int at = p.offset(layer) + len;
        c.linkHeaderEnd(at);
        int wire = c.wireLength(layer) - len;
        int next = c.after(layer);
        if (next >= 0 && p.protocol(next) == Protocols.WLAN && p.offset(next) == at) {
            printFrame(c, next, wire, caplen - len, (flags & Radiotap.F_DATAPAD) != 0,
                    (flags & Radiotap.F_FCS) != 0 ? 4 : 0);
        } else {
            c.truncated("802.11");
        }
    }

    /** A Prism or AVS header, of which tcpdump prints nothing, then the frame after it. */
    private void printPrism(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        int caplen = c.capturedLength(layer);
        Prism h = prism.wrap(p.buffer(), p.offset(layer), caplen);
        long length = Prism.PRISM_LENGTH;
        if (caplen >= 4 && h.isAvs()) {
            length = caplen >= 8 ? h.avsLength() : 0;
            if (length < 8) {
                c.truncated("prism");
                return;
            }
        }
        if (caplen < 4 || caplen < length) {
            c.truncated("prism");
            return;
        }
        int at = p.offset(layer) + (int) length;
        c.linkHeaderEnd(at);
        int next = c.after(layer);
        if (next >= 0 && p.protocol(next) == Protocols.WLAN && p.offset(next) == at) {
            printFrame(c, next, c.wireLength(layer) - (int) length, caplen - (int) length, false, 0);
        } else {
            c.truncated("802.11");
        }
    }

    /** One radiotap field, as tcpdump words it, with its trailing space. */
    private static void field(PrintContext c, Radiotap r, int bit) {
        Out out = c.out();
        switch (bit) {
            case Radiotap.TSFT -> out.ascii(Long.toUnsignedString(r.tsft())).ascii("us tsft ");
            case Radiotap.FLAGS -> {
                int f = r.u8Value();
                if ((f & Radiotap.F_CFP) != 0) {
                    out.ascii("cfp ");
                }
                if ((f & Radiotap.F_SHORT_PREAMBLE) != 0) {
                    out.ascii("short preamble ");
                }
                if ((f & Radiotap.F_WEP) != 0) {
                    out.ascii("wep ");
                }
                if ((f & Radiotap.F_FRAGMENTED) != 0) {
                    out.ascii("fragmented ");
                }
                if ((f & Radiotap.F_BAD_FCS) != 0) {
                    out.ascii("bad-fcs ");
                }
            }
            case Radiotap.RATE -> {
                int rate = r.u8Value();
                if (rate >= 0x80 && rate <= 0x8f) {
                    out.ascii("MCS ").num(rate & 0x7f).ch(' ');
                } else {
                    halves(out, rate).ascii(" Mb/s ");
                }
            }
            case Radiotap.CHANNEL -> {
                if ((r.presentWord() & (1L << Radiotap.XCHANNEL)) == 0) {
                    channel(out, r);
                }
            }
            case Radiotap.XCHANNEL -> channel(out, r);
            case Radiotap.FHSS -> out.ascii("fhset ").num(r.hopSet()).ascii(" fhpat ").num(r.hopPattern()).ch(' ');
            case Radiotap.DBM_ANTSIGNAL -> out.num(r.s8Value()).ascii("dBm signal ");
            case Radiotap.DBM_ANTNOISE -> out.num(r.s8Value()).ascii("dBm noise ");
            case Radiotap.LOCK_QUALITY -> out.num(r.u16Value()).ascii(" sq ");
            case Radiotap.TX_ATTENUATION -> out.num(-r.s16Value()).ascii(" tx power ");
            case Radiotap.DB_TX_ATTENUATION -> out.num(-r.s8Value()).ascii("dB tx attenuation ");
            case Radiotap.DBM_TX_POWER -> out.num(r.s8Value()).ascii("dBm tx power ");
            case Radiotap.ANTENNA -> out.ascii("antenna ").num(r.u8Value()).ch(' ');
            case Radiotap.DB_ANTSIGNAL -> out.num(r.u8Value()).ascii("dB signal ");
            case Radiotap.DB_ANTNOISE -> out.num(r.u8Value()).ascii("dB noise ");
            case Radiotap.MCS -> mcs(out, r);
            case Radiotap.VHT -> vht(out, r);
            default -> {
                // RX flags and A-MPDU status: tcpdump reads them and prints nothing
            }
        }
    }

    private static void channel(Out out, Radiotap r) {
        long flags = r.channelFlags();
        out.num(r.frequency()).ascii(" MHz");
        if ((r.presentWord() & (1L << Radiotap.MCS)) != 0) {
            out.ascii(" 11n");
        } else {
            if (all(flags, CHAN_2GHZ | CHAN_GFSK)) {
                out.ascii(" FHSS");
            }
            if (all(flags, CHAN_5GHZ | CHAN_OFDM)) {
                out.ascii(width(flags, " 11a"));
            }
            if (all(flags, CHAN_2GHZ | CHAN_OFDM) || all(flags, CHAN_2GHZ | CHAN_DYN)) {
                out.ascii(width(flags, " 11g"));
            } else if (all(flags, CHAN_2GHZ | CHAN_CCK)) {
                out.ascii(" 11b");
            }
            if ((flags & CHAN_TURBO) != 0) {
                out.ascii(" Turbo");
            }
        }
        if ((flags & CHAN_HT20) != 0) {
            out.ascii(" ht/20");
        } else if ((flags & CHAN_HT40D) != 0) {
            out.ascii(" ht/40-");
        } else if ((flags & CHAN_HT40U) != 0) {
            out.ascii(" ht/40+");
        }
        out.ch(' ');
    }

    private static String width(long flags, String standard) {
        if ((flags & CHAN_HALF) != 0) {
            return standard + "/10Mhz";
        }
        return (flags & CHAN_QUARTER) != 0 ? standard + "/5Mhz" : standard;
    }

    private static boolean all(long flags, int bits) {
        return (flags & bits) == bits;
    }

    private static void mcs(Out out, Radiotap r) {
        int known = r.mcsKnown();
        int flags = r.mcsFlags();
        int index = r.mcsIndex();
        if ((known & 0x02) != 0) {
            int rate = (known & 0x05) != 0
                    ? Ieee80211Text.htRate(index, (flags & 0x03) == 1, (flags & 0x04) != 0) : 0;
            if (rate != 0) {
                tenths(out, rate).ascii(" Mb/s ");
            }
            out.ascii("MCS ").num(index).ch(' ');
        }
        if ((known & 0x01) != 0) {
            out.ascii(HT_BANDWIDTH[flags & 0x03]).ch(' ');
        }
        if ((known & 0x04) != 0) {
            out.ascii((flags & 0x04) != 0 ? "short" : "long").ascii(" GI ");
        }
        if ((known & 0x08) != 0) {
            out.ascii((flags & 0x08) != 0 ? "greenfield" : "mixed").ch(' ');
        }
        if ((known & 0x10) != 0) {
            out.ascii((flags & 0x10) != 0 ? "LDPC" : "BCC").ascii(" FEC ");
        }
        if ((known & 0x20) != 0) {
            out.ascii("RX-STBC").num((flags & 0x60) >> 5).ch(' ');
        }
    }

    private static void vht(Out out, Radiotap r) {
        int coding = r.vhtCoding();
        for (int user = 0; user < 4; user++) {
            int mcsNss = r.vhtMcsNss(user);
            if ((mcsNss & 0x0f) == 0) {
                continue;
            }
            out.ascii("User ").num(user).ascii(" MCS ").num(mcsNss >> 4).ch(' ')
                    .ascii((coding & (1 << user)) != 0 ? "LDPC" : "BCC").ascii(" FEC ");
        }
        int known = r.vhtKnown();
        if ((known & 0x40) != 0) {
            out.ascii(VHT_BANDWIDTH[r.vhtBandwidth() & 0x1f]).ch(' ');
        }
        if ((known & 0x04) != 0) {
            out.ascii((r.vhtFlags() & 0x04) != 0 ? "short" : "long").ascii(" GI ");
        }
    }

    /** Writes {@code v} halves as tcpdump's {@code %2.1f} does ({@code 5.5}, {@code 11.0}). */
    private static Out halves(Out out, int v) {
        return out.num(v / 2).ch('.').ch(v % 2 == 0 ? '0' : '5');
    }

    private static Out tenths(Out out, int v) {
        return out.num(v / 10).ch('.').num(v % 10);
    }

    /**
     * tcpdump's MAC header length for a frame control value, which differs from the frame's true length for a
     * QoS data frame with HT control; 0 for a frame it does not know.
     */
    private static int headerLength(int type, int subtype, int flags) {
        return switch (type) {
            case MANAGEMENT -> 24;
            case CONTROL -> switch (subtype) {
                case 7, 11, 14, 15 -> 16;
                case 8 -> 20;
                case 9, 12, 13 -> 10;
                case 10 -> 16;
                default -> 0;
            };
            case DATA -> ((flags & 3) == 3 ? 30 : 24) + ((subtype & 8) != 0 ? 2 : 0);
            default -> 0;
        };
    }

    /**
     * Prints the 802.11 frame of layer {@code layer}: {@code length} bytes on the wire and {@code caplen}
     * captured from its start, FCS included when {@code fcs} is 4.
     */
    private void printFrame(PrintContext c, int layer, int length, int caplen, boolean pad, int fcs) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        if (length < fcs) {
            c.truncated("802.11");
            return;
        }
        length -= fcs;
        caplen = Math.min(caplen, length);
        if (caplen < 2) {
            c.truncated("802.11");
            return;
        }
        Ieee80211 f = frame.wrap(p.buffer(), p.offset(layer), caplen);
        int type = f.type();
        int subtype = f.subtype();
        int fcFlags = f.flags();
        int hl = headerLength(type, subtype, fcFlags);
        if (hl == 0) {
            if (type == CONTROL) {
                out.ascii("unknown 802.11 ctrl frame subtype (").num(subtype).ch(')');
            } else {
                out.ascii("unknown 802.11 frame type (").num(type).ch(')');
            }
            return;
        }
        if (pad) {
            hl = (hl + 3) & ~3;
        }
        if (caplen < hl) {
            c.truncated("802.11");
            return;
        }
        if (layer == 0) {
            c.linkHeaderEnd(f.offset() + hl);
        }
        if (c.linkHeader()) {
            header(c, f, type, subtype, fcFlags);
        }
        switch (type) {
            case MANAGEMENT -> {
                if (!management(c, f, subtype, fcFlags, hl, length)) {
                    c.truncated("802.11");
                }
            }
            case CONTROL -> control(c, f, subtype);
            default -> {
                if ((subtype & 4) != 0) {
                    return; // no body
                }
                if ((fcFlags & 0x40) != 0) {
                    out.ascii("Data");
                    if (!wep(c, f, hl)) {
                        c.truncated("802.11");
                    }
                } else if (!c.next(layer)) {
                    c.truncated("llc");
                }
            }
        }
    }

    /** The {@code -e} MAC header: flags and duration with {@code -v}, then the addresses by frame kind. */
    private static void header(PrintContext c, Ieee80211 f, int type, int subtype, int fcFlags) {
        Out out = c.out();
        if (c.verbose() > 0) {
            if ((fcFlags & 0x20) != 0) {
                out.ascii("More Data ");
            }
            if ((fcFlags & 0x04) != 0) {
                out.ascii("More Fragments ");
            }
            if ((fcFlags & 0x10) != 0) {
                out.ascii("Pwr Mgmt ");
            }
            if ((fcFlags & 0x08) != 0) {
                out.ascii("Retry ");
            }
            if ((fcFlags & 0x80) != 0) {
                out.ascii("Strictly Ordered ");
            }
            if ((fcFlags & 0x40) != 0) {
                out.ascii("Protected ");
            }
            if (type != CONTROL || subtype != 10) {
                out.num(f.duration()).ascii("us ");
            }
        }
        switch (type) {
            case MANAGEMENT -> {
                address(c, "BSSID:", f.address3());
                address(c, " DA:", f.address1());
                address(c, " SA:", f.address2());
                out.ch(' ');
            }
            case CONTROL -> controlAddresses(c, f, subtype);
            default -> dataAddresses(c, f, subtype, fcFlags);
        }
    }

    private static void address(PrintContext c, String label, long mac) {
        c.out().ascii(label);
        c.mac(mac);
    }

    private static void controlAddresses(PrintContext c, Ieee80211 f, int subtype) {
        Out out = c.out();
        switch (subtype) {
            case 8 -> {
                address(c, " RA:", f.address1());
                address(c, " TA:", f.address2());
                out.ascii(" CTL(").hex(f.fixed16(16)).ascii(") SEQ(").num(f.fixed16(18)).ascii(") ");
            }
            case 9, 12, 13 -> {
                address(c, "RA:", f.address1());
                out.ch(' ');
            }
            case 10 -> {
                address(c, "BSSID:", f.address1());
                address(c, " TA:", f.address2());
                out.ch(' ');
            }
            case 11 -> {
                address(c, "RA:", f.address1());
                address(c, " TA:", f.address2());
                out.ch(' ');
            }
            case 14, 15 -> {
                address(c, "RA:", f.address1());
                address(c, " BSSID:", f.address2());
                out.ch(' ');
            }
            default -> {
            }
        }
    }

    private static void dataAddresses(PrintContext c, Ieee80211 f, int subtype, int fcFlags) {
        Out out = c.out();
        boolean cfAck = (subtype & 1) != 0;
        boolean cfPoll = (subtype & 2) != 0;
        boolean qos = (subtype & 8) != 0;
        if (cfAck || cfPoll || qos) {
            out.ascii("CF ");
            if (cfAck) {
                out.ascii(cfPoll ? "Ack/Poll" : "Ack");
            } else if (cfPoll) {
                out.ascii("Poll");
            }
            if (qos) {
                out.ascii("+QoS");
            }
            out.ch(' ');
        }
        switch (fcFlags & 3) {
            case 0 -> {
                address(c, "DA:", f.address1());
                address(c, " SA:", f.address2());
                address(c, " BSSID:", f.address3());
            }
            case 2 -> {
                address(c, "DA:", f.address1());
                address(c, " BSSID:", f.address2());
                address(c, " SA:", f.address3());
            }
            case 1 -> {
                address(c, "BSSID:", f.address1());
                address(c, " SA:", f.address2());
                address(c, " DA:", f.address3());
            }
            default -> {
                address(c, "RA:", f.address1());
                address(c, " TA:", f.address2());
                address(c, " DA:", f.address3());
                address(c, " SA:", f.address4());
            }
        }
        out.ch(' ');
    }

    /** A control frame's subtype and, without {@code -e}, its addresses. */
    private static void control(PrintContext c, Ieee80211 f, int subtype) {
        Out out = c.out();
        out.ascii(Ieee80211Text.control(subtype));
        boolean e = c.linkHeader();
        switch (subtype) {
            case 8 -> {
                if (!e) {
                    address(c, " RA:", f.address1());
                    address(c, " TA:", f.address2());
                    out.ascii(" CTL(").hex(f.fixed16(16)).ascii(") SEQ(").num(f.fixed16(18)).ascii(") ");
                }
            }
            case 10 -> out.ascii(" AID(").hex(f.fixed16(2)).ch(')');
            case 11 -> {
                if (!e) {
                    address(c, " TA:", f.address2());
                    out.ch(' ');
                }
            }
            case 9, 12, 13, 14, 15 -> {
                if (!e) {
                    address(c, " RA:", f.address1());
                    out.ch(' ');
                }
            }
            default -> {
            }
        }
    }

    /** A protected body's WEP/TKIP/CCMP header: {@code  IV:  1 Pad 0 KeyID 0}; false when cut short. */
    private static boolean wep(PrintContext c, Ieee80211 f, int at) {
        if (!f.has(at, 4)) {
            return false;
        }
        long iv = f.fixed32(at);
        Out out = c.out();
        out.ascii(" IV:");
        String hex = Long.toHexString(iv & 0xFFFFFF);
        for (int i = hex.length(); i < 3; i++) {
            out.ch(' ');
        }
        out.ascii(hex).ascii(" Pad ").hex((iv >>> 24) & 0x3F).ascii(" KeyID ").hex((iv >>> 30) & 0x03);
        return true;
    }

    /**
     * A management frame's subtype and body summary.
     *
     * @return false when the body is cut short or malformed (tcpdump then adds its truncation marker)
     */
    private boolean management(PrintContext c, Ieee80211 f, int subtype, int fcFlags, int at, int length) {
        Out out = c.out();
        out.ascii(Ieee80211Text.management(subtype));
        if ((fcFlags & 0x40) != 0) {
            return wep(c, f, at);
        }
        int body = length - at;
        switch (subtype) {
            case 0 -> { // association request: capability, listen interval
                if (!fixed(f, at, body, 4)) {
                    return false;
                }
                boolean ok = elements.parse(f, at + 4, length);
                ssid(out);
                rates(out);
                return ok;
            }
            case 1, 3 -> { // (re)association response: capability, status, association ID
                if (!fixed(f, at, body, 6)) {
                    return false;
                }
                boolean ok = elements.parse(f, at + 6, length);
                out.ascii(" AID(").hex(f.fixed16(at + 4) & 0x3FFF).ascii(") :")
                        .ascii(privacy(f, at) ? " PRIVACY " : "").ascii(": ")
                        .ascii(Ieee80211Text.status(f.fixed16(at + 2)));
                return ok;
            }
            case 2 -> { // reassociation request: capability, listen interval, current AP
                if (!fixed(f, at, body, 10)) {
                    return false;
                }
                boolean ok = elements.parse(f, at + 10, length);
                ssid(out);
                out.ascii(" AP : ");
                c.mac(f.addressAt(at + 4));
                return ok;
            }
            case 4 -> {
                boolean ok = elements.parse(f, at, length);
                ssid(out);
                rates(out);
                return ok;
            }
            case 5, 8 -> { // probe response, beacon: timestamp, interval, capability
                if (!fixed(f, at, body, 12)) {
                    return false;
                }
                boolean ok = elements.parse(f, at + 12, length);
                ssid(out);
                rates(out);
                if (subtype == 8) {
                    out.ascii((f.fixed16(at + 10) & 1) != 0 ? " ESS" : " IBSS");
                }
                if (elements.channel() >= 0) {
                    out.ascii(" CH: ").num(elements.channel());
                }
                if (privacy(f, at + 10)) {
                    out.ascii(", PRIVACY");
                }
                return ok;
            }
            case 10 -> {
                if (!fixed(f, at, body, 2)) {
                    return false;
                }
                out.ascii(": ").ascii(Ieee80211Text.reason(f.fixed16(at)));
                return true;
            }
            case 11 -> {
                if (!fixed(f, at, body, 6)) {
                    return false;
                }
                boolean ok = elements.parse(f, at + 6, length);
                authentication(out, f.fixed16(at), f.fixed16(at + 2), f.fixed16(at + 4));
                return ok;
            }
            case 12 -> {
                if (!fixed(f, at, body, 2)) {
                    return false;
                }
                source(c, f);
                out.ascii(Ieee80211Text.reason(f.fixed16(at)));
                return true;
            }
            case 13 -> {
                if (!fixed(f, at, body, 2)) {
                    return false;
                }
                source(c, f);
                action(out, f.byteAt(at), f.byteAt(at + 1));
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    /** Whether the body's first {@code n} bytes were sent and captured. */
    private static boolean fixed(Ieee80211 f, int at, int body, int n) {
        return f.has(at, n) && body >= n;
    }

    /** The capability field at {@code at} has the privacy bit. */
    private static boolean privacy(Ieee80211 f, int at) {
        return (f.fixed16(at) & 0x0010) != 0;
    }

    /** {@code ": "} with {@code -e}, else {@code " (sa): "}, before a deauthentication's reason or an action. */
    private static void source(PrintContext c, Ieee80211 f) {
        if (c.linkHeader()) {
            c.out().ascii(": ");
        } else {
            c.out().ascii(" (");
            c.mac(f.address2());
            c.out().ascii("): ");
        }
    }

    private static void authentication(Out out, int algorithm, int sequence, int status) {
        out.ascii(" (").ascii(Ieee80211Text.authentication(algorithm)).ascii(")-").hex(sequence);
        String text = sequence % 2 != 0 ? Ieee80211Text.status(status) : "";
        if (algorithm == 1 && (sequence == 2 || sequence == 3)) {
            out.ascii(" [Challenge Text] ").ascii(text);
        } else {
            out.ascii(": ").ascii(text);
        }
    }

    private void ssid(Out out) {
        if (!elements.hasSsid()) {
            return;
        }
        out.ascii(" (");
        for (int i = 0; i < elements.ssidLength(); i++) {
            int b = elements.ssidByte(i);
            if (b == 0) {
                break;
            }
            VrrpPrinter.printable(out, b);
        }
        out.ch(')');
    }

    private void rates(Out out) {
        int n = elements.rateCount();
        if (n == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            int r = elements.rate(i);
            out.ascii(i == 0 ? " [" : " ");
            halves(out, r & 0x7f);
            if ((r & 0x80) != 0) {
                out.ch('*');
            }
        }
        out.ascii(" Mbit]");
    }

    private static void action(Out out, int category, int action) {
        switch (category) {
            case 0 -> out.ascii("Spectrum Management Act#").num(action);
            case 1 -> out.ascii("QoS Act#").num(action);
            case 2 -> out.ascii("DLS Act#").num(action);
            case 3 -> out.ascii("BA ").ascii(name(action, "ADDBA Request", "ADDBA Response", "DELBA"));
            case 7 -> out.ascii("HT ").ascii(name(action, "TxChWidth", "MIMOPwrSave"));
            case 13 -> out.ascii("MeshAction ").ascii(name(action, "MeshLink", "HWMP", "Gate Announcement",
                    "Congestion Control", "MCCA Setup Request", "MCCA Setup Reply", "MCCA Advertisement Request",
                    "MCCA Advertisement", "MCCA Teardown", "TBTT Adjustment Request", "TBTT Adjustment Response"));
            case 14 -> out.ascii("MultiohopAction ")
                    .ascii(name(action, "Proxy Update", "Proxy Update Confirmation"));
            case 15 -> out.ascii("SelfprotectAction ").ascii(switch (action) {
                case 1 -> "Peering Open";
                case 2 -> "Peering Confirm";
                case 3 -> "Peering Close";
                case 4 -> "Group Key Inform";
                case 5 -> "Group Key Acknowledge";
                default -> "Act#" + action;
            });
            case 127 -> out.ascii("Vendor Act#").num(action);
            default -> out.ascii("Reserved(").num(category).ascii(") Act#").num(action);
        }
    }

    private static String name(int value, String... names) {
        return value < names.length ? names[value] : "Act#" + value;
    }
}
