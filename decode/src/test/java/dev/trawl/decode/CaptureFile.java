package dev.trawl.decode;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.file.CaptureCursor;
import dev.trawl.pcap.file.RecordHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole capture into frames as tshark numbers them, through pcap-api's {@link CaptureCursor}: every packet
 * with all the bytes its record holds (tshark does not cut a record to the snapshot length, as libpcap does), and
 * a pcapng custom block's data as a frame of its own. Stops quietly at the first damaged record (what was read so
 * far is kept). For tests.
 */
final class CaptureFile {
    /** The link type tshark gives the frames it makes of custom blocks. */
    static final int CUSTOM_BLOCK_LINK_TYPE = 0xFFFF;

    /** One captured frame. */
    record Frame(int linkType, long seconds, int nanos, int originalLength, byte[] data) {
    }

    private CaptureFile() {
    }

    static List<Frame> read(Path path) throws IOException {
        List<Frame> frames = new ArrayList<>();
        CaptureCursor cursor;
        try {
            cursor = CaptureCursor.open(path);
        } catch (MalformedCaptureException e) {
            return frames;
        }
        RecordHeader header = new RecordHeader();
        try (cursor) {
            while (cursor.next()) {
                int type = cursor.blockType();
                if (cursor.isPacket()) {
                    byte[] data = bytes(cursor.recordedData());
                    long seconds = cursor.seconds();
                    int nanos = cursor.nanos();
                    if (type == CaptureCursor.SIMPLE_PACKET) {
                        seconds = DecodedPacket.NO_TIMESTAMP;
                        nanos = 0;
                    } else if (cursor.format() == CaptureFormat.PCAP) {
                        // tshark shows a pcap fraction of a second or more as recorded, where libpcap carries it
                        RecordHeader h = cursor.peek(cursor.offset(), header);
                        seconds = h.seconds();
                        nanos = (int) (cursor.filePrecision() == TimestampPrecision.NANO ? h.fraction()
                                : h.fraction() * 1000);
                    }
                    frames.add(new Frame(cursor.linkType(), seconds, nanos,
                            Math.max(cursor.originalLength(), data.length), data));
                } else if (type == CaptureCursor.CUSTOM || type == CaptureCursor.CUSTOM_NO_COPY) {
                    ByteBuffer block = cursor.record();
                    // type, length and private enterprise number before the data; the length again after it
                    byte[] data = bytes(block.position(block.position() + 12).limit(block.limit() - 4));
                    frames.add(new Frame(CUSTOM_BLOCK_LINK_TYPE, DecodedPacket.NO_TIMESTAMP, 0, data.length, data));
                }
            }
        } catch (MalformedCaptureException e) {
            // A damaged file: keep the frames read before the damage.
        }
        return frames;
    }

    private static byte[] bytes(ByteBuffer view) {
        byte[] copy = new byte[view.remaining()];
        view.get(view.position(), copy);
        return copy;
    }
}
