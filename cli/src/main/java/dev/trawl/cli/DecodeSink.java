package dev.trawl.cli;

import dev.trawl.cli.print.Out;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.ProjectedRow;
import dev.trawl.decode.Projection;
import dev.trawl.decode.Projector;
import dev.trawl.decode.display.DisplayFilter;
import dev.trawl.decode.field.DecodedPacketWriter;
import dev.trawl.pcap.Packet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes each packet once with trawl-decode, drops those the display filter ({@code -Y}) rejects, and hands
 * the rest to a decoded-packet writer ({@code -T fields/json/ek}) or to a plain sink (tcpdump lines).
 * Not thread-safe.
 */
final class DecodeSink implements PacketSink {
    private final PacketDecoder decoder = new PacketDecoder();
    private final LinkTypes linkTypes;
    private final DisplayFilter filter;
    private final DecodedPacketWriter writer;
    private final Out out;
    private final boolean flushEach;
    private final PacketSink plain;
    /**
     * Reads the fields the writer writes without decoding what they do not need, when nothing else (a display
     * filter) needs the decoded packet; null otherwise.
     */
    private Projector projector;
    /** A pcapng file's layout, when its custom blocks are shown as frames; null otherwise. */
    private PcapngLayout layout;
    /** The next custom block to show, and how many were shown so far (they shift the frame numbers). */
    private int nextBlock;
    private long shown;
    /** Where the conversation trackers' limits are reported at the end; null when they are off. */
    private PrintStream limitsReport;
    /** A link type no decoder knows: a custom block's data shows as data, as in tshark. */
    private static final int NO_LINK_TYPE = 0xFFFF;

    /** A sink that writes what passes the filter with {@code writer}, which appends to {@code out}. */
    DecodeSink(LinkTypes linkTypes, DisplayFilter filter, DecodedPacketWriter writer, Out out, boolean flushEach) {
        this(linkTypes, filter, writer, out, flushEach, null);
    }

    /** A sink that hands what passes the filter to {@code plain}. */
    DecodeSink(LinkTypes linkTypes, DisplayFilter filter, PacketSink plain) {
        this(linkTypes, filter, null, null, false, plain);
    }

    private DecodeSink(LinkTypes linkTypes, DisplayFilter filter, DecodedPacketWriter writer, Out out,
            boolean flushEach, PacketSink plain) {
        // Fields and display filters follow tshark, which puts fragmented datagrams and HTTP messages spanning
        // segments back together and follows conversations.
        decoder.reassembleFragments(writer != null || filter != null);
        decoder.followConversations(writer != null || filter != null);
        decoder.reassembleStreams(writer != null || filter != null);
        this.linkTypes = linkTypes;
        this.filter = filter;
        this.writer = writer;
        this.out = out;
        this.flushEach = flushEach;
        this.plain = plain;
    }

    /**
     * Follows TCP connections and UDP conversations with the {@code -o} preferences when the output shows every
     * field ({@code all}) or names one that needs them (the {@code -e} fields and those of the display filter),
     * reporting on {@code err} at the end what their limits made them forget.
     */
    DecodeSink conversations(Preferences preferences, boolean all, List<String> fields, PrintStream err) {
        List<String> names = new ArrayList<>(fields);
        if (filter != null) {
            names.addAll(filter.names());
        }
        preferences.apply(decoder, all, names);
        limitsReport = decoder.tcpTracker() != null || decoder.udpTracker() != null ? err : null;
        return this;
    }

    /**
     * Writes through a projection of the writer's fields (then those of the display filter), which reads common
     * packets straight from their bytes; only for a writer that writes rows, and a display filter, if any, that
     * reads fields alone ({@link DisplayFilter#rowFields()}).
     */
    DecodeSink projected(Projection projection) {
        if ((filter == null || filter.rowFields().isPresent()) && writer != null && writer.writesRows()) {
            this.projector = projection.projector(decoder);
        }
        return this;
    }

    /**
     * Shows a pcapng file's custom blocks as frames and its Simple Packet Blocks without time, as tshark does;
     * only for a file read whole and unfiltered, whose packets arrive numbered in file order.
     */
    DecodeSink layout(PcapngLayout layout) {
        this.layout = layout;
        return this;
    }

    @Override
    public boolean accept(Packet packet, long frameNumber) throws IOException {
        if (layout != null) {
            customBlocksBefore(frameNumber);
        }
        boolean simple = layout != null && layout.isSimple(frameNumber);
        if (projector != null) {
            projector.nextFrameNumber(frameNumber + shown);
            projector.decoder().nextInterface(linkTypes.interfaceOf(packet));
            ProjectedRow row;
            if (simple) {
                ByteBuffer data = packet.data();
                row = projector.project(linkTypes.of(packet).value(), data, data.position(), data.remaining(),
                        packet.originalLength(), DecodedPacket.NO_TIMESTAMP, 0);
            } else {
                row = projector.project(linkTypes.of(packet), packet);
            }
            if (filter != null && !filter.test(row)) {
                return false;
            }
            writer.write(row);
            if (flushEach) {
                out.flush();
            }
            return true;
        }
        DecodedPacket decoded;
        decoder.nextFrameNumber(frameNumber + shown);
        decoder.nextInterface(linkTypes.interfaceOf(packet));
        if (simple) {
            ByteBuffer data = packet.data();
            decoded = decoder.decode(linkTypes.of(packet).value(), data, data.position(), data.remaining(),
                    packet.originalLength(), DecodedPacket.NO_TIMESTAMP, 0);
        } else {
            decoded = decoder.decode(linkTypes.of(packet), packet);
        }
        if (filter != null && !filter.test(decoded)) {
            return false;
        }
        if (writer != null) {
            write(decoded);
            return true;
        }
        return plain.accept(packet, frameNumber);
    }

    /** Shows, as frames of their own, the custom blocks the file holds before packet {@code number}. */
    private void customBlocksBefore(long number) throws IOException {
        List<PcapngLayout.CustomBlock> blocks = layout.customBlocks();
        while (nextBlock < blocks.size() && blocks.get(nextBlock).packetsBefore() < number) {
            byte[] data = blocks.get(nextBlock++).data();
            shown++;
            decoder.nextFrameNumber(blocks.get(nextBlock - 1).packetsBefore() + shown);
            DecodedPacket decoded = decoder.decode(NO_LINK_TYPE, data, 0, data.length, data.length,
                    DecodedPacket.NO_TIMESTAMP, 0);
            if (writer != null && (filter == null || filter.test(decoded))) {
                write(decoded);
            }
        }
    }

    private void write(DecodedPacket decoded) throws IOException {
        writer.write(decoded);
        if (flushEach) {
            out.flush();
        }
    }

    @Override
    public void flush() throws IOException {
        if (writer != null) {
            out.flush();
        } else {
            plain.flush();
        }
    }

    /** Shows the custom blocks after the last packet: the file was read to its end. */
    @Override
    public void endOfInput() throws IOException {
        if (layout != null) {
            customBlocksBefore(Long.MAX_VALUE);
        }
    }

    @Override
    public void close() throws IOException {
        if (limitsReport != null) {
            Preferences.reportLimits(decoder, limitsReport);
        }
        if (writer != null) {
            writer.finish();
            out.close();
        } else {
            plain.close();
        }
    }
}
