package dev.trawl.pcap.file;

import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.PcapException;

/**
 * A {@link Dumper} writing pcapng, with the parts of the format a pcap dumper lacks: several interfaces,
 * section comments and interface statistics. Every dumper the {@code java} backend opens with
 * {@link dev.trawl.pcap.CaptureFormat#PCAPNG} implements it: cast the {@code Dumper}.
 *
 * <p>The file is one section. Interface 0 is the one described by the link type and snapshot length the
 * dumper was opened with; {@link #addInterface} adds more. {@link #write(dev.trawl.pcap.Packet)} writes an
 * Enhanced Packet Block on the packet's {@link dev.trawl.pcap.Packet#interfaceId()} with its comment and flags.
 * The section header is written with the first block, so {@link #sectionComment} must come before any write.
 *
 * <pre>{@code
 * DumpOptions pcapng = DumpOptions.builder().format(CaptureFormat.PCAPNG).build();
 * try (PcapngDumper out = (PcapngDumper) Pcap.backend("java")
 *         .openDumper(path, LinkType.ETHERNET, 65535, pcapng)) {
 *     out.sectionComment("lab capture");
 *     int wifi = out.addInterface(InterfaceInfo.of(LinkType.IEEE802_11_RADIOTAP, 65535).withName("wlan0"));
 *     out.write(new PacketRecord(seconds, nanos, length, bytes, wifi, "retransmitted", -1));
 *     out.writeStatistics(InterfaceStatistics.of(wifi, Instant.now(), received, dropped));
 * }
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public interface PcapngDumper extends Dumper {
    /**
     * Adds a comment to the section header.
     *
     * @throws IllegalStateException if a block has already been written
     */
    void sectionComment(String comment);

    /**
     * Describes another interface.
     *
     * @return its interface id, for {@link dev.trawl.pcap.Packet#interfaceId()}
     * @throws IllegalArgumentException if the resolution of its timestamps is not one the writer supports
     */
    int addInterface(InterfaceInfo description) throws PcapException;

    /**
     * Writes an Interface Statistics Block; counters of -1 are left out.
     *
     * @throws IllegalArgumentException if the interface does not exist
     */
    void writeStatistics(InterfaceStatistics statistics) throws PcapException;
}
