package dev.trawl.examples;

import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.conversation.TcpReassembler;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.ReadStatus;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reads a capture file and puts its TCP connections back together with {@link TcpReassembler}: prints, for each
 * direction of each connection, the pieces of data as they become readable in sequence order (their sizes, or
 * their bytes as text with {@code bytes}), the gaps where segments were lost, and how the stream ended.
 *
 * <pre>./trawl example FollowStreams FILE [bytes]</pre>
 */
public final class FollowStreams {
    private FollowStreams() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: FollowStreams FILE [bytes]");
            return;
        }
        boolean bytes = args.length > 1 && args[1].equals("bytes");
        TcpReassembler reassembler = new TcpReassembler(new TcpReassembler.Listener() {
            @Override
            public void data(TcpReassembler.Stream stream, ByteBuffer data) {
                StringBuilder line = name(stream).append(data.remaining()).append(" bytes");
                if (bytes) {
                    // the buffer is only valid during this call: read it now
                    line.append(": ");
                    while (data.hasRemaining()) {
                        int b = data.get() & 0xFF;
                        line.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
                    }
                }
                System.out.println(line);
            }

            @Override
            public void gap(TcpReassembler.Stream stream, long length) {
                System.out.println(name(stream).append(length).append(" bytes missing"));
            }

            @Override
            public void end(TcpReassembler.Stream stream, TcpReassembler.End reason) {
                System.out.println(name(stream).append("end (").append(reason).append(", ")
                        .append(stream.delivered()).append(" bytes)"));
            }
        });
        PacketDecoder decoder = new PacketDecoder();
        try (OfflineHandle handle = Pcap.openOffline(Path.of(args[0]))) {
            while (handle.next() == ReadStatus.PACKET) {
                reassembler.add(decoder.decode(handle.linkType(), handle.packet()));
            }
        }
        reassembler.finish();
        System.out.println(reassembler.deliveredBytes() + " bytes in order, " + reassembler.duplicateBytes()
                + " seen twice, " + reassembler.skippedBytes() + " missing");
    }

    /** "connection direction source:port > destination:port  " */
    private static StringBuilder name(TcpReassembler.Stream s) {
        try {
            return new StringBuilder().append(s.connection()).append('/').append(s.direction()).append(' ')
                    .append(InetAddress.getByAddress(s.sourceAddress()).getHostAddress()).append(':')
                    .append(s.sourcePort()).append(" > ")
                    .append(InetAddress.getByAddress(s.destinationAddress()).getHostAddress()).append(':')
                    .append(s.destinationPort()).append("  ");
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes: always an address
        }
    }
}
