package dev.trawl.cli;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.pcap.Packet;

import java.io.IOException;

/**
 * Decodes each packet once with trawl-decode, drops those the display filter ({@code -Y}) rejects, and hands
 * the rest to a decoded-packet writer ({@code -T fields/json/ek}) or to a plain sink (tcpdump lines).
 * Not thread-safe.
 */
final class DecodeSink implements PacketSink {
    /** Writes decoded packets. */
    interface Writer {
        void begin() throws IOException;

        void write(DecodedPacket packet) throws IOException;

        void end() throws IOException;

        void flush() throws IOException;
    }

    private final PacketDecoder decoder = new PacketDecoder();
    private final LinkTypes linkTypes;
    private final DisplayFilter filter;
    private final Writer writer;
    private final PacketSink plain;
    private boolean begun;

    DecodeSink(LinkTypes linkTypes, DisplayFilter filter, Writer writer, PacketSink plain) {
        // Fields and display filters follow tshark, which puts fragmented datagrams back together.
        decoder.reassembleFragments(writer != null || filter != null);
        this.linkTypes = linkTypes;
        this.filter = filter;
        this.writer = writer;
        this.plain = plain;
    }

    @Override
    public boolean accept(Packet packet, long frameNumber) throws IOException {
        DecodedPacket decoded = decoder.decode(linkTypes.of(packet), packet);
        decoder.frameNumber(frameNumber);
        if (filter != null && !filter.test(decoded)) {
            return false;
        }
        if (writer != null) {
            if (!begun) {
                begun = true;
                writer.begin();
            }
            writer.write(decoded);
            return true;
        }
        return plain.accept(packet, frameNumber);
    }

    @Override
    public void flush() throws IOException {
        if (writer != null) {
            writer.flush();
        } else {
            plain.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            if (!begun) {
                begun = true;
                writer.begin();
            }
            writer.end();
            writer.flush();
        } else {
            plain.close();
        }
    }
}
