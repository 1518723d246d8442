package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.spi.ProtocolDecoder;
import dev.trawl.decode.spi.ProtocolRegistrar;
import dev.trawl.pcap.LinkType;

/**
 * Bluetooth HCI in H4 framing (LINKTYPE_BLUETOOTH_HCI_H4, and _WITH_PHDR with a 4-byte direction header first):
 * one byte of packet type, then the HCI packet, under Wireshark's zero-length {@code bluetooth} layer. An ACL
 * data packet that starts a message starts L2CAP. Immutable.
 */
final class BluetoothHciDecoder implements ProtocolDecoder {
    /** The HCI packet types 1 to 5: command, ACL data, SCO data, event, ISO data. */
    private static final String[] TYPES = {null, "bthci_cmd", "bthci_acl", "bthci_sco", "bthci_evt", "bthci_iso"};
    private static final int ACL = 2;
    /** The packet-boundary flag of an ACL continuation fragment. */
    private static final int CONTINUATION = 1;

    private final int pseudoHeader;
    private final int bluetooth;
    private final int h4;
    private final int l2cap;
    private final int[] types;

    private BluetoothHciDecoder(int pseudoHeader, ProtocolRegistrar r) {
        this.pseudoHeader = pseudoHeader;
        this.bluetooth = r.protocol("bluetooth", null);
        this.h4 = r.protocol("hci_h4", null);
        this.l2cap = r.protocol("btl2cap", null);
        this.types = new int[TYPES.length];
        for (int type = 1; type < TYPES.length; type++) {
            types[type] = r.protocol(TYPES[type], null);
        }
    }

    static void register(ProtocolRegistrar r) {
        r.bind(Dispatch.LINKTYPE, LinkType.BLUETOOTH_HCI_H4.value(),
                r.protocol("bluetooth-h4", new BluetoothHciDecoder(0, r)));
        r.bind(Dispatch.LINKTYPE, LinkType.BLUETOOTH_HCI_H4_WITH_PHDR.value(),
                r.protocol("bluetooth-h4-phdr", new BluetoothHciDecoder(4, r)));
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        ctx.flag(ctx.addLayer(bluetooth, off, 0, end), LayerFlags.PSEUDO);
        int p = off + pseudoHeader;
        if (p >= end) {
            return Protocols.NONE; // the direction header was cut short
        }
        header(ctx, h4, p, 1, end);
        if (p + 1 >= end) {
            return Protocols.NONE;
        }
        int type = u8(buf, p);
        if (type < 1 || type >= types.length) {
            ctx.next(p + 1, end);
            return Protocols.DATA;
        }
        ctx.addLayer(types[type], p + 1, end - p - 1, end);
        // ACL data: a 4-byte header (handle and flags, length); the first fragment of a message starts L2CAP.
        if (type == ACL && p + 9 <= end && ((u8(buf, p + 2) >>> 4) & 3) != CONTINUATION) {
            ctx.addLayer(l2cap, p + 5, 4, end);
        }
        return Protocols.NONE;
    }
}
