package dev.trawl.examples;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.ReadStatus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Writes a capture with a dumper: first a packet built by hand (an ICMP echo request in Ethernet/IPv4),
 * then, when an input file is given, every UDP packet of it. The output opens in tcpdump and Wireshark.
 *
 * <pre>./trawl example WriteCapture OUT.pcapng [INPUT]</pre>
 */
public final class WriteCapture {
    private WriteCapture() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: WriteCapture OUT.pcap|OUT.pcapng [INPUT]");
            return;
        }
        Path out = Path.of(args[0]);
        CaptureFormat format = args[0].endsWith(".pcapng") ? CaptureFormat.PCAPNG : CaptureFormat.PCAP;
        // Pick a backend that writes this format (pcapng needs the built-in java codec with libpcap 1.10).
        Backend backend = Pcap.backendFor(format == CaptureFormat.PCAPNG ? Capability.DUMP_PCAPNG : Capability.DUMP);
        DumpOptions options = DumpOptions.builder().format(format).build();

        try (Dumper dumper = backend.openDumper(out, LinkType.ETHERNET, 65535, options)) {
            byte[] frame = echoRequest();
            long now = System.currentTimeMillis();
            dumper.write(now / 1000, (int) (now % 1000) * 1_000_000, frame.length, ByteBuffer.wrap(frame));

            if (args.length > 1) {
                try (OfflineHandle in = Pcap.openOffline(Path.of(args[1]))) {
                    in.setFilter("udp");
                    while (in.next() == ReadStatus.PACKET) {
                        dumper.write(in.packet()); // header and bytes, copied into the dumper's buffer
                    }
                }
            }
        }
        System.out.println("wrote " + out + " (" + format + ") with " + backend.name());
    }

    /** An Ethernet/IPv4/ICMP echo request from 192.0.2.1 to 192.0.2.2, checksums filled in. */
    static byte[] echoRequest() {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 8);
        b.put(new byte[] {0x02, 0, 0, 0, 0, 2}).put(new byte[] {0x02, 0, 0, 0, 0, 1})
                .putShort((short) EtherType.IPV4.value());
        int ip = b.position();
        b.put((byte) 0x45).put((byte) 0).putShort((short) 28).putShort((short) 1).putShort((short) 0)
                .put((byte) 64).put((byte) IpProtocol.ICMP.value()).putShort((short) 0)
                .put(new byte[] {(byte) 192, 0, 2, 1}).put(new byte[] {(byte) 192, 0, 2, 2});
        b.putShort(ip + 10, checksum(b.array(), ip, 20));
        int icmp = b.position();
        b.put((byte) 8).put((byte) 0).putShort((short) 0).putShort((short) 0x1234).putShort((short) 1);
        b.putShort(icmp + 2, checksum(b.array(), icmp, 8));
        return b.array();
    }

    private static short checksum(byte[] data, int off, int len) {
        int sum = 0;
        for (int i = 0; i < len; i += 2) {
            sum += ((data[off + i] & 0xff) << 8) | (data[off + i + 1] & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (short) ~sum;
    }
}
