package dev.trawl.decode.internal.wireless;

import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.HEX32;
import static dev.trawl.decode.field.FieldType.HEX8;
import static dev.trawl.decode.field.FieldType.MAC;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.bits;
import static dev.trawl.decode.internal.FieldSupport.byteAt;
import static dev.trawl.decode.internal.FieldSupport.bytesAt;
import static dev.trawl.decode.internal.FieldSupport.emitBytes;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.shortAt;
import static dev.trawl.decode.internal.FieldSupport.u8;

import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.internal.Bytes;

/** Fields of the 802.11 MAC header, of PPI and of radiotap, named as Wireshark names them. Stateless. */
public final class WirelessFields {
    private WirelessFields() {
    }

    /** Registers the fields of {@code wlan}, {@code ppi} and {@code radiotap}. */
    public static void register(FieldRegistrar r) {
        r.field("wlan.fc", "wlan", HEX16, "Frame control field", shortAt(0));
        r.field("wlan.fc.type", "wlan", UINT, "Type", bits(0, 1, 0x0C, 2));
        r.field("wlan.fc.subtype", "wlan", UINT, "Subtype", bits(0, 1, 0xF0, 4));
        r.field("wlan.duration", "wlan", UINT, "Duration", (p, i, s) -> {
            if (has(p, i, 2, 2)) {
                s.integer(Bytes.u16le(p.buffer(), p.offset(i) + 2));
            }
        });
        r.field("wlan.ra", "wlan", MAC, "Receiver address", bytesAt(4, 6));
        r.field("wlan.ta", "wlan", MAC, "Transmitter address", (p, i, s) -> {
            // CTS and ACK frames (control subtypes 12 and 13) carry only the receiver address.
            if (has(p, i, 0, 1) && !((u8(p, i, 0) & 0x0C) == 0x04 && (u8(p, i, 0) >>> 4) >= 12
                    && (u8(p, i, 0) >>> 4) <= 13)) {
                emitBytes(p, i, 10, 6, s);
            }
        });
        r.field("wlan.flags", "wlan", HEX8, "Flags", byteAt(1));
        r.field("ppi.version", "ppi", UINT, "Version", byteAt(0));
        r.field("ppi.flags", "ppi", HEX8, "Flags", byteAt(1));
        r.field("ppi.length", "ppi", UINT, "Header length", (p, i, s) -> {
            if (has(p, i, 2, 2)) {
                s.integer(Bytes.u16le(p.buffer(), p.offset(i) + 2));
            }
        });
        r.field("ppi.dlt", "ppi", UINT, "DLT", (p, i, s) -> {
            if (has(p, i, 4, 4)) {
                s.integer(Bytes.i32le(p.buffer(), p.offset(i) + 4) & 0xFFFFFFFFL);
            }
        });
        r.field("radiotap.length", "radiotap", UINT, "Header length", (p, i, s) -> {
            if (has(p, i, 2, 2)) {
                s.integer(Bytes.u16le(p.buffer(), p.offset(i) + 2));
            }
        });
        r.field("radiotap.present.word", "radiotap", HEX32, "Present flags",
                (p, i, s) -> {
                    if (has(p, i, 4, 4)) {
                        s.integer(Bytes.i32le(p.buffer(), p.offset(i) + 4) & 0xFFFFFFFFL);
                    }
                });
    }
}
