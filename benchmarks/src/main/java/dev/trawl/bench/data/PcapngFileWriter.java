package dev.trawl.bench.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a pcapng file in its simplest form: one little-endian section, one Ethernet interface without
 * options (so microsecond timestamps, the default {@code if_tsresol}), and one Enhanced Packet Block per
 * packet. Like {@link PcapFileWriter}, it is independent of trawl's own writers, so that trawl's readers are
 * never measured against a file trawl wrote.
 * <pre>
 * Section Header Block (28 bytes)        Interface Description Block (20 bytes)
 * +---------------------------------+    +---------------------------------+
 * | type 0x0A0D0D0A | length 28     |    | type 1          | length 20     |
 * | byte order 0x1A2B3C4D           |    | link type 1     | reserved 0    |
 * | major 1 | minor 0               |    | snaplen                         |
 * | section length -1 (64 bits)     |    | length 20                       |
 * | length 28                       |    +---------------------------------+
 * +---------------------------------+
 * Enhanced Packet Block (32 bytes + data padded to 4)
 * +---------------------------------+
 * | type 6          | block length  |
 * | interface 0                     |
 * | timestamp high | timestamp low  |   (microseconds since 1970, split in two 32-bit halves)
 * | captured length | original length
 * | data ... padding to 4 bytes     |
 * | block length                    |
 * +---------------------------------+
 * </pre>
 *
 * <p>Not thread-safe. Close it to flush the last blocks.
 */
final class PcapngFileWriter extends BufferedFileWriter {
    private static final int SECTION_HEADER = 0x0A0D0D0A;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int INTERFACE_DESCRIPTION = 1;
    private static final int ENHANCED_PACKET = 6;
    private static final int LINKTYPE_ETHERNET = 1;
    /** An Enhanced Packet Block without its data: 7 header words and the trailing length. */
    static final int PACKET_OVERHEAD = 32;
    /** The Section Header Block and the Interface Description Block. */
    static final int FILE_HEADER = 28 + 20;

    PcapngFileWriter(Path file) throws IOException {
        super(file);
        buffer.putInt(SECTION_HEADER).putInt(28).putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0)
                .putLong(-1).putInt(28);
        buffer.putInt(INTERFACE_DESCRIPTION).putInt(20).putShort((short) LINKTYPE_ETHERNET).putShort((short) 0)
                .putInt(PcapFileWriter.SNAPLEN).putInt(20);
    }

    /** The size of the block holding a packet of {@code length} bytes. */
    static int blockLength(int length) {
        return PACKET_OVERHEAD + ((length + 3) & ~3);
    }

    /** Appends one Enhanced Packet Block whose bytes are {@code frame[0, length)}. */
    void write(long micros, byte[] frame, int length) throws IOException {
        int block = blockLength(length);
        reserve(block);
        buffer.putInt(ENHANCED_PACKET).putInt(block).putInt(0).putInt((int) (micros >>> 32)).putInt((int) micros)
                .putInt(length).putInt(length).put(frame, 0, length);
        for (int pad = block - PACKET_OVERHEAD - length; pad > 0; pad--) {
            buffer.put((byte) 0);
        }
        buffer.putInt(block);
    }
}
