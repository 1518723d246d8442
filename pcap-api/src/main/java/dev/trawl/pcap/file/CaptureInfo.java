package dev.trawl.pcap.file;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.TimestampPrecision;

import java.nio.ByteOrder;
import java.util.List;

/**
 * What the built-in {@code java} provider knows about an open capture file, beyond what {@link
 * dev.trawl.pcap.OfflineHandle} says: the raw link-type word of a pcap header with its FCS bits, and for
 * pcapng the sections read so far with their comments, interfaces, statistics, names and secrets. Obtain it
 * with {@code handle.unwrap(CaptureInfo.class)}; each call returns a snapshot of what has been read up to then
 * (pcapng blocks after the last packet read are not yet seen), the same one while no descriptive block has
 * been read since, so that asking per packet costs no copy. A file keeps at most about a million
 * descriptive records (sections, interfaces, statistics, names, secrets, comments) in memory; any beyond are
 * counted in {@link SectionInfo#skippedBlocks()} instead, so that a hostile file cannot exhaust memory.
 *
 * <p>Immutable and thread-safe.
 *
 * @param format pcap or pcapng
 * @param majorVersion the file's (first section's) major version
 * @param minorVersion the file's (first section's) minor version
 * @param byteOrder the byte order of the file (of the first section for pcapng)
 * @param rawLinkType for pcap, the header's whole link-type word including the FCS and reserved bits
 *     ({@code LT_LINKTYPE_EXT}); for pcapng, the first interface's link type
 * @param linkType the link type of the packets (the first interface's for pcapng)
 * @param snaplen the snapshot length as the file states it (the first interface's for pcapng)
 * @param filePrecision the resolution of the file's timestamps: {@code NANO} for pcap's nanosecond magic;
 *     for pcapng, that of the first interface (finer resolutions report {@code NANO})
 * @param sections the pcapng sections seen so far, in file order; empty for pcap. The packet read last belongs
 *     to the last of them, and its {@link dev.trawl.pcap.Packet#interfaceId()} indexes that section's
 *     {@link SectionInfo#interfaces()}, which give each interface's link type.
 */
public record CaptureInfo(CaptureFormat format, int majorVersion, int minorVersion, ByteOrder byteOrder,
        int rawLinkType, LinkType linkType, int snaplen, TimestampPrecision filePrecision,
        List<SectionInfo> sections) {

    /** The bit of a pcap link-type word that says the FCS length field is present. */
    public static final int FCS_LENGTH_PRESENT = 0x04000000;

    public CaptureInfo {
        sections = List.copyOf(sections);
    }

    /**
     * The number of FCS bytes at the end of each packet as the pcap header's link-type word states it
     * ({@code LT_FCS_LENGTH}, in bytes), or -1 when the header does not say. For pcapng see
     * {@link InterfaceInfo#fcsLength()}.
     */
    public int fcsLength() {
        if (format != CaptureFormat.PCAP || (rawLinkType & FCS_LENGTH_PRESENT) == 0) {
            return -1;
        }
        return ((rawLinkType >>> 28) & 0xF) * 2;
    }

    /**
     * The link type of interface {@code interfaceId} of the section the packet read last belongs to, as its
     * {@link dev.trawl.pcap.Packet#interfaceId()} names it (pcapng interface ids are local to their section);
     * for pcap, the file's link type for interface 0. Null when that section describes no such interface.
     */
    public LinkType linkTypeOf(int interfaceId) {
        if (sections.isEmpty()) {
            return interfaceId == 0 ? linkType : null;
        }
        List<InterfaceInfo> current = sections.get(sections.size() - 1).interfaces();
        return interfaceId >= 0 && interfaceId < current.size() ? current.get(interfaceId).linkType() : null;
    }

    /** Every interface of every section seen so far, in file order. */
    public List<InterfaceInfo> interfaces() {
        return sections.stream().flatMap(s -> s.interfaces().stream()).toList();
    }
}
