package dev.trawl.filter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A test-only reader of classic pcap files: link type and (bytes, original length) per packet. */
final class TinyPcap {
    record Packet(ByteBuffer data, int originalLength) {
    }

    final int linkType;
    final List<Packet> packets = new ArrayList<>();

    TinyPcap(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = buf.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            buf.order(ByteOrder.BIG_ENDIAN);
        }
        linkType = buf.getInt(20) & 0x0fffffff;
        int pos = 24;
        while (pos + 16 <= buf.capacity()) {
            int incl = buf.getInt(pos + 8);
            int orig = buf.getInt(pos + 12);
            pos += 16;
            if (incl < 0 || pos + incl > buf.capacity()) {
                break;
            }
            ByteBuffer data = ByteBuffer.allocate(incl);
            data.put(0, buf.array(), pos, incl);
            packets.add(new Packet(data, orig));
            pos += incl;
        }
    }
}
