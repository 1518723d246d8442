package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Ieee802154;

/**
 * IEEE 802.15.4 frames as tcpdump prints them: {@code IEEE 802.15.4 Data packet v2 seq 01 ab4d:0001 < -:0002 },
 * then the payload's bytes. Frames cut short inside the addresses end with tcpdump's
 * {@code [ERROR: Truncated before ...]}. The auxiliary security header, information elements, the beacon's
 * superframe fields and command parameters are not printed: such a frame ends after its addresses (or command
 * name). Not thread-safe; it keeps no state between packets.
 */
final class Ieee802154Printer implements LayerPrinter {
    private static final String[] TYPES = {
            "Beacon", "Data", "ACK", "Command", "Reserved", "Multipurpose", "Fragment", "Extended",
    };
    private static final String[] COMMANDS = {
            null, "Association Request command", "Association Response command",
            "Disassociation Notification command", "Data Request command", "PAN ID Conflict Notification command",
            "Orphan Notification command", "Beacon Request command", "Coordinator realignment command",
            "GTS request command", "TRLE Management Request command", "TRLE Management Response command", null,
            null, null, null, null, null, null, "DSME Association Request command",
            "DSME Association Response command", "DSME GTS Request command", "DSME GTS Response command",
            "DSME GTS Notify command", "DSME Information Request command", "DSME Information Response command",
            "DSME Beacon Allocation Notification command", "DSME Beacon Collision Notification command",
            "DSME Link Report command", null, null, null, "RIT Data Request command", "DBS Request command",
            "DBS Response command", "RIT Data Response command", "Vendor Specific command",
    };

    private final Ieee802154 frame = new Ieee802154();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        int caplen = c.capturedLength(layer);
        Ieee802154 f = frame.wrap(p.buffer(), p.offset(layer), caplen);
        if (caplen < 2) {
            c.truncated("802.15.4");
            return;
        }
        int type = f.frameType();
        out.ascii("IEEE 802.15.4 ").ascii(TYPES[type]).ascii(" packet ");
        if (type <= 3) {
            standard(c, f, caplen, type);
        }
    }

    private static void standard(PrintContext c, Ieee802154 f, int caplen, int type) {
        Out out = c.out();
        int fc = f.frameControl();
        caplen -= f.fcsLength();
        int version = f.frameVersion();
        out.ascii("v").num(version).ch(' ');
        if (c.verbose() > 2) {
            flag(out, fc, 3, "Security Enabled, ");
            flag(out, fc, 4, "Frame Pending, ");
            flag(out, fc, 5, "AR, ");
            flag(out, fc, 6, "PAN ID Compression, ");
            flag(out, fc, 8, "Sequence Number Suppression, ");
            flag(out, fc, 9, "IE present, ");
        }
        int at;
        if ((fc & 0x100) != 0) {
            if (version < 2) {
                out.ascii("[ERROR: Sequence number suppressed on frames where version < 2]");
            }
            if (c.verbose() > 0) {
                out.ascii("seq suppressed ");
            }
            if (caplen < 2) {
                c.truncated("802.15.4");
                return;
            }
            at = 2;
        } else {
            if (c.verbose() > 0) {
                out.ascii("seq ").hex(f.u8At(2), 2).ch(' ');
            }
            if (caplen < 3) {
                c.truncated("802.15.4");
                return;
            }
            at = 3;
        }
        int dstLength = f.destinationAddressLength();
        int srcLength = f.sourceAddressLength();
        if (srcLength < 0) {
            out.ascii("[ERROR: Invalid src address mode]");
            return;
        }
        if (dstLength < 0) {
            out.ascii("[ERROR: Invalid dst address mode]");
            return;
        }
        boolean compressed = (fc & 0x40) != 0;
        boolean dstPan = dstLength > 0;
        boolean srcPan = !compressed && srcLength > 0;
        if (version < 2) {
            if (compressed && (dstLength <= 0 || srcLength <= 0)) {
                out.ascii("[ERROR: PAN ID Compression != 0, and only one address with frame version < 2]");
            }
        } else if (compressed) {
            if (srcLength == 0 && dstLength == 0) {
                dstPan = true;
            } else if (srcLength == 0 || dstLength == 0 || (srcLength == 8 && dstLength == 8)) {
                dstPan = false;
                srcPan = false;
            }
        } else if (srcLength == 8 && dstLength == 8) {
            dstPan = true;
            srcPan = false;
        } else if (srcLength == 8 && dstLength == 2) {
            srcPan = false; // as tcpdump reads the frames of early 6TiSCH implementations
        }
        at = panAndAddress(out, f, at, caplen, dstPan, dstLength);
        if (at < 0) {
            return;
        }
        out.ascii(" < ");
        at = panAndAddress(out, f, at, caplen, srcPan, srcLength);
        if (at < 0) {
            return;
        }
        out.ch(' ');
        int left = caplen - at;
        if ((fc & 0x208) != 0 || (type == 0 && version < 2)) {
            return; // security header, information elements, superframe: not printed
        }
        if (type == 3) {
            if (left < 1) {
                out.ascii("[ERROR: Truncated before Command ID]");
                return;
            }
            int command = f.u8At(at);
            String name = command < COMMANDS.length ? COMMANDS[command] : null;
            out.ascii("Command ID = ");
            if (name != null) {
                out.ascii(name);
            } else {
                out.ascii("Reserved 0x").hex2(command);
            }
            out.ch(' ');
            return;
        }
        if (left > 0) {
            c.rawDump(f.offset() + at, f.offset() + at + left);
        }
    }

    /**
     * Writes a PAN identifier ({@code -:} when absent) and an address of {@code length} bytes from {@code at}.
     *
     * @return the offset after them, or -1 when the capture ends first (tcpdump's error then printed; it names
     *     the destination's fields for the source's too)
     */
    private static int panAndAddress(Out out, Ieee802154 f, int at, int caplen, boolean pan, int length) {
        if (pan) {
            if (caplen - at < 2) {
                out.ascii("[ERROR: Truncated before dst_pan]");
                return -1;
            }
            out.hex(f.u16leAt(at), 4).ch(':');
            at += 2;
        } else {
            out.ascii("-:");
        }
        if (caplen - at < length) {
            out.ascii("[ERROR: Truncated before dst_addr]");
            return -1;
        }
        address(out, f, at, length);
        return at + length;
    }

    private static void flag(Out out, int fc, int bit, String text) {
        if ((fc & (1 << bit)) != 0) {
            out.ascii(text);
        }
    }

    /** A short address as 4 hex digits, an extended one as 8 colon-separated bytes, last byte first. */
    private static void address(Out out, Ieee802154 f, int at, int length) {
        switch (length) {
            case 0 -> out.ascii("none");
            case 2 -> out.hex(f.u16leAt(at), 4);
            default -> {
                for (int i = 7; i >= 0; i--) {
                    out.hex2(f.u8At(at + i));
                    if (i > 0) {
                        out.ch(':');
                    }
                }
            }
        }
    }
}
