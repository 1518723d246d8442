package dev.trawl.decode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal pcap/pcapng reader for tests: reads a whole file into records, stopping quietly at the first
 * damaged header or block (what was read so far is kept). Not a general-purpose reader.
 */
final class CaptureFile {
    /** One captured frame. */
    record Frame(int linkType, long seconds, int nanos, int originalLength, byte[] data) {
    }

    private CaptureFile() {
    }

    static List<Frame> read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        List<Frame> frames = new ArrayList<>();
        if (bytes.length < 24) {
            return frames;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int magic = buf.getInt(0);
        try {
            if (magic == 0x0A0D0D0A) {
                readPcapng(buf, frames);
            } else {
                readPcap(buf, frames);
            }
        } catch (RuntimeException e) {
            // A damaged file: keep the frames read before the damage.
        }
        return frames;
    }

    private static void readPcap(ByteBuffer buf, List<Frame> frames) {
        int magic = buf.order(ByteOrder.BIG_ENDIAN).getInt(0);
        boolean nanos;
        switch (magic) {
            case 0xA1B2C3D4 -> nanos = false;
            case 0xA1B23C4D -> nanos = true;
            default -> {
                buf.order(ByteOrder.LITTLE_ENDIAN);
                int le = buf.getInt(0);
                if (le == 0xA1B2C3D4) {
                    nanos = false;
                } else if (le == 0xA1B23C4D) {
                    nanos = true;
                } else {
                    return;
                }
            }
        }
        int major = buf.getShort(4) & 0xFFFF;
        if (major != 2) {
            return;
        }
        int linkType = buf.getInt(20);
        if ((linkType & 0x03FF0000) != 0) {
            return; // reserved bits set: libpcap and Wireshark refuse such files
        }
        int snaplen = buf.getInt(16);
        int pos = 24;
        while (pos + 16 <= buf.limit()) {
            long sec = buf.getInt(pos) & 0xFFFFFFFFL;
            long frac = buf.getInt(pos + 4) & 0xFFFFFFFFL;
            int caplen = buf.getInt(pos + 8);
            int len = buf.getInt(pos + 12);
            if (caplen < 0 || pos + 16 + caplen > buf.limit() || caplen > Math.max(snaplen, 262144) + 65536) {
                return;
            }
            byte[] data = new byte[caplen];
            buf.get(pos + 16, data);
            frames.add(new Frame(linkType & 0xFFFF, sec, (int) (nanos ? frac : frac * 1000), Math.max(len, caplen),
                    data));
            pos += 16 + caplen;
        }
    }

    private record Interface(int linkType, int snaplen, long unitsPerSecond, long offsetSeconds) {
    }

    private static void readPcapng(ByteBuffer buf, List<Frame> frames) {
        List<Interface> interfaces = new ArrayList<>();
        int pos = 0;
        while (pos + 12 <= buf.limit()) {
            int type = buf.getInt(pos);
            if (type == 0x0A0D0D0A) {
                buf.order(buf.get(pos + 8) == 0x1A ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                if (buf.getInt(pos + 8) != 0x1A2B3C4D) {
                    return;
                }
                if ((buf.getShort(pos + 12) & 0xFFFF) != 1) {
                    return;
                }
                interfaces.clear();
            } else {
                type = buf.getInt(pos);
            }
            int len = buf.getInt(pos + 4);
            if (len < 12 || (len & 3) != 0 || pos + len > buf.limit()) {
                return;
            }
            switch (type) {
                case 1 -> interfaces.add(readInterface(buf, pos, len));
                case 6 -> { // enhanced packet block
                    Interface itf = interfaces.get(buf.getInt(pos + 8));
                    long ts = (buf.getInt(pos + 12) & 0xFFFFFFFFL) << 32 | (buf.getInt(pos + 16) & 0xFFFFFFFFL);
                    int caplen = buf.getInt(pos + 20);
                    int origlen = buf.getInt(pos + 24);
                    if (caplen < 0 || 28 + caplen > len) {
                        return;
                    }
                    byte[] data = new byte[caplen];
                    buf.get(pos + 28, data);
                    frames.add(frame(itf, ts, origlen, data));
                }
                case 3 -> { // simple packet block
                    Interface itf = interfaces.get(0);
                    int origlen = buf.getInt(pos + 8);
                    int caplen = Math.min(Math.min(origlen, len - 16), itf.snaplen > 0 ? itf.snaplen : Integer.MAX_VALUE);
                    byte[] data = new byte[caplen];
                    buf.get(pos + 12, data);
                    frames.add(new Frame(itf.linkType, DecodedPacket.NO_TIMESTAMP, 0, origlen, data));
                }
                case 2 -> { // obsolete packet block
                    Interface itf = interfaces.get(buf.getShort(pos + 8) & 0xFFFF);
                    long ts = (buf.getInt(pos + 12) & 0xFFFFFFFFL) << 32 | (buf.getInt(pos + 16) & 0xFFFFFFFFL);
                    int caplen = buf.getInt(pos + 20);
                    int origlen = buf.getInt(pos + 24);
                    byte[] data = new byte[caplen];
                    buf.get(pos + 28, data);
                    frames.add(frame(itf, ts, origlen, data));
                }
                case 0x00000BAD, 0x40000BAD -> { // custom block: Wireshark shows its data as a frame
                    byte[] data = new byte[len - 16];
                    buf.get(pos + 12, data);
                    frames.add(new Frame(0xFFFF, DecodedPacket.NO_TIMESTAMP, 0, data.length, data));
                }
                default -> {
                }
            }
            pos += len;
        }
    }

    private static Frame frame(Interface itf, long ts, int origlen, byte[] data) {
        long units = itf.unitsPerSecond;
        long sec = Long.divideUnsigned(ts, units) + itf.offsetSeconds;
        long rem = Long.remainderUnsigned(ts, units);
        int nanos = (int) (units <= 1_000_000_000L ? rem * (1_000_000_000L / units)
                : rem / (units / 1_000_000_000L));
        return new Frame(itf.linkType, sec, nanos, Math.max(origlen, data.length), data);
    }

    private static Interface readInterface(ByteBuffer buf, int pos, int len) {
        int linkType = buf.getShort(pos + 8) & 0xFFFF;
        long units = 1_000_000;
        long offset = 0;
        int o = pos + 16;
        int end = pos + len - 4;
        while (o + 4 <= end) {
            int code = buf.getShort(o) & 0xFFFF;
            int olen = buf.getShort(o + 2) & 0xFFFF;
            if (code == 0) {
                break;
            }
            if (code == 9 && olen >= 1) {
                int v = buf.get(o + 4) & 0xFF;
                units = (v & 0x80) != 0 ? 1L << (v & 0x7F) : pow10(v);
            } else if (code == 14 && olen == 8) {
                offset = buf.getLong(o + 4);
            }
            o += 4 + ((olen + 3) & ~3);
        }
        return new Interface(linkType, buf.getInt(pos + 12), units, offset);
    }

    private static long pow10(int v) {
        long r = 1;
        for (int i = 0; i < v && i < 18; i++) {
            r *= 10;
        }
        return r;
    }
}
