package dev.trawl.filter;

import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.file.CaptureCursor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packets of a classic pcap file as libpcap delivers them to a filter, read through pcap-api's
 * {@link CaptureCursor}: the file's link type, and each packet's bytes and original length, up to the first
 * damaged record. For tests.
 */
final class TinyPcap {
    record Packet(ByteBuffer data, int originalLength) {
    }

    final int linkType;
    final List<Packet> packets = new ArrayList<>();

    TinyPcap(Path file) throws IOException {
        CaptureCursor opened = CaptureCursor.open(file);
        linkType = opened.linkType();
        try (CaptureCursor cursor = opened) {
            while (cursor.next()) {
                ByteBuffer view = cursor.data();
                ByteBuffer data = ByteBuffer.allocate(view.remaining());
                data.put(0, view, view.position(), view.remaining());
                packets.add(new Packet(data, cursor.originalLength()));
            }
        } catch (MalformedCaptureException e) {
            // a damaged file: the packets before the damage, as libpcap reads them
        }
    }
}
