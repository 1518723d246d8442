package dev.trawl.spark.example;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a capture of generated Ethernet/IPv4/UDP packets for measurements: an IMIX-like mix of sizes, 256
 * sources, one packet per millisecond, written by pcap-api's built-in dumper as pcap or pcapng.
 */
final class SyntheticCapture {
    private static final int[] SIZES = {64, 64, 64, 64, 64, 64, 64, 576, 576, 576, 1500};

    private SyntheticCapture() {
    }

    /** Writes {@code count} packets; returns the file's size in bytes. */
    static long write(Path file, CaptureFormat format, int count, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] frame = new byte[1500];
        DumpOptions options = DumpOptions.builder().format(format).precision(TimestampPrecision.MICRO).build();
        try (Dumper out = Pcap.backend("java").openDumper(file, LinkType.ETHERNET, 65535, options)) {
            for (int i = 0; i < count; i++) {
                int size = SIZES[random.nextInt(SIZES.length)];
                ByteBuffer p = ByteBuffer.wrap(frame);
                p.putLong(0x0001020304050001L).putInt(0x02030406).putShort((short) EtherType.IPV4.value());
                p.put((byte) 0x45).put((byte) 0).putShort((short) (size - 14)).putInt(0).put((byte) 64)
                        .put((byte) IpProtocol.UDP.value()).putShort((short) 0)
                        .putInt(0x0a000000 | random.nextInt(256)).putInt(0x0a000100);
                p.putShort((short) (1024 + random.nextInt(50000))).putShort((short) 53).putShort((short) (size - 34))
                        .putShort((short) 0);
                out.write(1_700_000_000L + i / 1000, i % 1000 * 1_000_000, size, ByteBuffer.wrap(frame, 0, size));
            }
        } catch (PcapException e) {
            throw new IOException(e);
        }
        return Files.size(file);
    }
}
