package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Ptp;

/**
 * The Precision Time Protocol as tcpdump prints it: {@code PTPv2, v1 compat : no, msg type : sync msg, length :
 * 44, ...} with every field of the version 2 header and the body of each message type, read through decode's
 * {@link Ptp} view. tcpdump reads the body of a management message at the same place for each of its fields,
 * and prints a version octet with a minor version as the whole octet ({@code PTPv18}); so does this printer.
 * Not thread-safe.
 */
final class PtpPrinter implements LayerPrinter {
    private static final String[] MESSAGE_TYPES = {"sync msg", "delay req msg", "peer delay req msg",
        "peer delay resp msg", null, null, null, null, "follow up msg", "delay resp msg", "pdelay resp fup msg",
        "announce msg", "signalling msg", "management msg", null, null};
    private static final String[] CONTROLS = {"Sync", "Delay_Req", "Follow_Up", "Delay_Resp", "Management", "Other"};
    private static final int[] FLAG_BITS = {0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x100, 0x200, 0x400, 0x1000, 0x2000,
        0x4000, 0x18C0};
    private static final String[] FLAG_NAMES = {"l1 61", "l1 59", "utc reasonable", "timescale", "time tracable",
        "frequency tracable", "alternate master", "two step", "unicast", "profile specific 1",
        "profile specific 2", "security mask", "unknown"};
    private static final String ORIGIN = "originTimeStamp";
    private static final String PRECISE_ORIGIN = "preciseOriginTimeStamp";
    private static final String RECEIVE = "receiveTimeStamp";
    private static final int BODY = Ptp.HEADER_LENGTH;

    private final Ptp view = new Ptp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Ptp ptp = view.wrap(p.buffer(), p.offset(layer), p.layerLength(layer));
        int below = c.below(layer);
        int length = below >= 0 && p.protocol(below) == Protocols.UDP ? ApplicationPrinters.udpPayload(c, layer)
                : c.wireLength(layer);
        Out out = c.out();
        if (length < Ptp.HEADER_LENGTH) {
            out.ascii(" (invalid)");
            return;
        }
        try {
            need(ptp, 0, 2);
            int version = ptp.versionOctet();
            out.ascii("PTPv").num(version);
            if (version == 1) {
                out.ascii(" (not implemented)");
            } else if (version == 2) {
                header(out, ptp);
                body(out, ptp);
            }
        } catch (Truncated e) {
            c.truncated("ptp");
        }
    }

    private static void header(Out out, Ptp ptp) {
        int type = ptp.typeOctet();
        out.ascii(", v1 compat : ").ascii((type & 0x10) != 0 ? "yes" : "no");
        String name = MESSAGE_TYPES[type & 0x0F];
        out.ascii(", msg type : ").ascii(name != null ? name : "Reserved");
        need(ptp, 2, 2);
        out.ascii(", length : ").num(ptp.messageLength());
        need(ptp, 4, 2);
        out.ascii(", domain : ").num(ptp.domainNumber()).ascii(", reserved1 : ").num(ptp.byteAt(5));
        need(ptp, 6, 2);
        out.ascii(", Flags [");
        flags(out, ptp.flags());
        out.ch(']');
        need(ptp, 8, 6);
        out.ascii(", NS correction : ").num(ptp.correctionNanoseconds());
        need(ptp, 14, 2);
        out.ascii(", sub NS correction : ").num(ptp.shortAt(14));
        need(ptp, 16, 4);
        out.ascii(", reserved2 : ").num(ptp.intAt(16));
        need(ptp, 20, 8);
        out.ascii(", clock identity : 0x").hex(ptp.clockIdentity());
        need(ptp, 28, 2);
        out.ascii(", port id : ").num(ptp.sourcePortId());
        need(ptp, 30, 2);
        out.ascii(", seq id : ").num(ptp.sequenceId());
        need(ptp, 32, 1);
        int control = ptp.control();
        out.ascii(", control : ").num(control).ascii(" (")
                .ascii(control < CONTROLS.length ? CONTROLS[control] : "Reserved").ch(')');
        need(ptp, 32, 2);
        out.ascii(", log message interval : ").num(ptp.logMessageInterval());
    }

    private static void flags(Out out, int flags) {
        String sep = "";
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((flags & FLAG_BITS[i]) == FLAG_BITS[i]) {
                out.ascii(sep).ascii(FLAG_NAMES[i]);
                sep = ", ";
            }
        }
        if (sep.isEmpty()) {
            out.ascii("none");
        }
    }

    private static void body(Out out, Ptp ptp) {
        switch (ptp.typeOctet() & 0x0F) {
            case 0x0, 0x1 -> timestamp(out, ptp, ORIGIN, true);
            case 0x2 -> timestampAndPort(out, ptp, PRECISE_ORIGIN);
            case 0x3, 0x9 -> timestampAndPort(out, ptp, RECEIVE);
            case 0x8 -> timestamp(out, ptp, PRECISE_ORIGIN, true);
            case 0xA -> timestampAndPort(out, ptp, PRECISE_ORIGIN);
            case 0xB -> announce(out, ptp);
            case 0xC -> portIdentity(out, ptp, BODY);
            case 0xD -> management(out, ptp);
            default -> {
            }
        }
    }

    /** {@code , originTimeStamp : 12 seconds, 34 nanoseconds}; an announce message has no comma inside. */
    private static void timestamp(Out out, Ptp ptp, String name, boolean comma) {
        out.ascii(", ").ascii(name).ascii(" :");
        need(ptp, BODY, 6);
        out.ch(' ').num(ptp.macAt(BODY)).ascii(comma ? " seconds," : " seconds");
        need(ptp, BODY + 6, 4);
        out.ch(' ').num(ptp.intAt(BODY + 6)).ascii(" nanoseconds");
    }

    private static void timestampAndPort(Out out, Ptp ptp, String name) {
        timestamp(out, ptp, name, true);
        portIdentity(out, ptp, BODY + 10);
    }

    private static void portIdentity(Out out, Ptp ptp, int at) {
        need(ptp, at, 8);
        out.ascii(", port identity : 0x").hex(ptp.longAt(at));
        need(ptp, at + 8, 2);
        out.ascii(", port id : ").num(ptp.shortAt(at + 8));
    }

    private static void announce(Out out, Ptp ptp) {
        timestamp(out, ptp, ORIGIN, false);
        need(ptp, BODY + 10, 2);
        out.ascii(", origin cur utc :").num(ptp.shortAt(BODY + 10));
        need(ptp, BODY + 12, 4);
        out.ascii(", rsvd : ").num(ptp.byteAt(BODY + 12)).ascii(", gm priority_1 : ").num(ptp.byteAt(BODY + 13))
                .ascii(", gm clock class : ").num(ptp.byteAt(BODY + 14)).ascii(", gm clock accuracy : ")
                .num(ptp.byteAt(BODY + 15));
        need(ptp, BODY + 16, 3);
        out.ascii(", gm clock variance : ").num(ptp.shortAt(BODY + 16)).ascii(", gm priority_2 : ")
                .num(ptp.byteAt(BODY + 18));
        need(ptp, BODY + 19, 8);
        out.ascii(", gm clock id : 0x").hex(ptp.longAt(BODY + 19));
        need(ptp, BODY + 27, 3);
        out.ascii(", steps removed : ").num(ptp.shortAt(BODY + 27)).ascii(", time source : 0x")
                .hex(ptp.byteAt(BODY + 29));
    }

    private static void management(Out out, Ptp ptp) {
        portIdentity(out, ptp, BODY);
        int value = ptp.byteAt(BODY);
        out.ascii(", , start boundary hops  ").num(value).ascii(", , boundary hops  ").num(value)
                .ascii(", , flags  0x").hex(value).ascii(", , reserved  0x").hex(value);
    }

    private static void need(Ptp ptp, int rel, int count) {
        if (!ptp.has(rel, count)) {
            throw Truncated.INSTANCE;
        }
    }
}
