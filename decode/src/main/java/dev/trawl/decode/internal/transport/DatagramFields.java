package dev.trawl.decode.internal.transport;

import static dev.trawl.decode.field.FieldType.PLAIN_BYTES;
import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.HEX32;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.intAt;
import static dev.trawl.decode.internal.FieldSupport.needs;
import static dev.trawl.decode.internal.FieldSupport.shortAt;
import static dev.trawl.decode.internal.FieldSupport.u16;
import static dev.trawl.decode.internal.FieldSupport.u8;

import dev.trawl.decode.field.FieldRegistrar;

/** Fields of UDP and SCTP, named as Wireshark names them. Stateless. */
public final class DatagramFields {
    private DatagramFields() {
    }

    /** Registers the port fields of UDP or TCP ({@code protocol}): source, destination, and either. */
    static void portFields(FieldRegistrar r, String protocol) {
        r.field(protocol + ".srcport", protocol, UINT, "Source port", needs(4, shortAt(0)));
        r.field(protocol + ".dstport", protocol, UINT, "Destination port", shortAt(2));
        r.field(protocol + ".port", protocol, UINT, "Source or destination port", (p, i, s) -> {
            if (has(p, i, 0, 4)) {
                s.integer(u16(p, i, 0));
                s.integer(u16(p, i, 2));
            }
        });
    }

    /** Registers the fields of {@code udp}. */
    public static void udp(FieldRegistrar r) {
        portFields(r, "udp");
        r.field("udp.length", "udp", UINT, "Length", shortAt(4));
        r.field("udp.checksum", "udp", HEX16, "Checksum", shortAt(6));
        r.field("udp.payload", "udp", PLAIN_BYTES, "UDP payload", (p, i, s) -> {
            if (!has(p, i, 0, 8)) {
                return;
            }
            int length = u16(p, i, 4);
            int end = p.layerEnd(i);
            if (length >= 8) {
                end = Math.min(end, p.offset(i) + length);
            }
            // the captured part of the datagram's data, none when no byte of it was captured
            if (end > p.offset(i) + 8) {
                s.bytes(p.buffer(), p.offset(i) + 8, end - p.offset(i) - 8);
            }
        });
        r.field("udp.stream", "udp", UINT, "Stream index", (p, i, s) -> {
            long stream = p.udpStream(i);
            if (stream >= 0) {
                s.integer(stream);
            }
        });
    }

    /** Registers the fields of {@code sctp}. */
    public static void sctp(FieldRegistrar r) {
        r.field("sctp.srcport", "sctp", UINT, "Source port", shortAt(0));
        r.field("sctp.dstport", "sctp", UINT, "Destination port", shortAt(2));
        r.field("sctp.verification_tag", "sctp", HEX32, "Verification tag", intAt(4));
        r.field("sctp.checksum", "sctp", HEX32, "Checksum", intAt(8));
        r.field("sctp.chunk_type", "sctp", UINT, "Chunk type", (p, i, s) -> {
            int limit = p.layerEnd(i) - p.offset(i);
            for (int c = 12; c + 4 <= limit;) {
                s.integer(u8(p, i, c));
                int len = u16(p, i, c + 2);
                if (len < 4) {
                    return;
                }
                c += (len + 3) & ~3;
            }
        });
    }
}
