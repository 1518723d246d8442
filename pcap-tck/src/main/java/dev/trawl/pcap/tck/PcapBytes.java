package dev.trawl.pcap.tck;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.file.CaptureCursor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a whole classic pcap file held in memory (what a dumper wrote, what {@code tcpdump -w -} printed) with
 * pcap-api's {@link CaptureCursor}, the codec every backend's files are checked against, strictly: a damaged or
 * truncated record, or bytes after the last one, is an error.
 */
final class PcapBytes {
    /** The parsed file: header fields and packets (every byte each record holds). */
    record File(boolean nanos, ByteOrder order, int major, int minor, int snaplen, int linkType,
            List<PacketRecord> packets) {
    }

    private PcapBytes() {
    }

    static File parse(byte[] bytes) {
        try (CaptureCursor cursor = CaptureCursor.wrap(ByteBuffer.wrap(bytes), "pcap bytes")) {
            if (cursor.format() != CaptureFormat.PCAP) {
                throw new IllegalArgumentException("not a pcap file but " + cursor.format());
            }
            List<PacketRecord> packets = new ArrayList<>();
            while (cursor.next()) {
                ByteBuffer view = cursor.recordedData();
                byte[] data = new byte[view.remaining()];
                view.get(view.position(), data);
                // the lengths as the record states them, caplen above len included
                packets.add(new PacketRecord(cursor.seconds(), cursor.nanos(), cursor.originalLength(), data));
            }
            return new File(cursor.filePrecision() == TimestampPrecision.NANO, cursor.byteOrder(),
                    cursor.majorVersion(), cursor.minorVersion(), cursor.snapshotLength(), cursor.linkType(),
                    List.copyOf(packets));
        } catch (PcapException e) {
            throw new IllegalArgumentException("not a whole pcap file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new AssertionError("reading bytes in memory cannot fail", e);
        }
    }
}
