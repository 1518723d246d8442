package dev.trawl.pcap.file;

import dev.trawl.pcap.LinkType;

import java.util.List;
import java.util.Objects;

/**
 * A pcapng Interface Description Block: read from a file, or given to {@link PcapngDumper#addInterface}.
 * Immutable; the {@code with...} methods return modified copies.
 *
 * @param linkType the link type of the interface's packets
 * @param snaplen the snapshot length as stated (0 means no limit)
 * @param name {@code if_name}, or {@code null}
 * @param description {@code if_description}, or {@code null}
 * @param filter the {@code if_filter} expression (of the libpcap type), or {@code null}
 * @param os {@code if_os}, or {@code null}
 * @param fcsLength {@code if_fcslen} in bytes, or -1 when absent
 * @param tsresol the raw {@code if_tsresol} byte: bit 7 clear, 10^-n seconds; set, 2^-n; default 6
 * @param tsOffset {@code if_tsoffset}: seconds added to every timestamp, 0 when absent
 * @param comments the block's comments
 */
public record InterfaceInfo(LinkType linkType, int snaplen, String name, String description, String filter,
        String os, int fcsLength, int tsresol, long tsOffset, List<String> comments) {

    /** The default {@code if_tsresol}: microseconds. */
    public static final int TSRESOL_MICRO = 6;
    /** The {@code if_tsresol} for nanoseconds. */
    public static final int TSRESOL_NANO = 9;

    public InterfaceInfo {
        Objects.requireNonNull(linkType, "linkType");
        comments = List.copyOf(comments);
        if (tsresol < 0 || tsresol > 255) {
            throw new IllegalArgumentException("tsresol is one byte: " + tsresol);
        }
    }

    /** An interface with only a link type and snapshot length, microsecond timestamps. */
    public static InterfaceInfo of(LinkType linkType, int snaplen) {
        return new InterfaceInfo(linkType, snaplen, null, null, null, null, -1, TSRESOL_MICRO, 0, List.of());
    }

    /** A copy with this {@code if_name}. */
    public InterfaceInfo withName(String newName) {
        return new InterfaceInfo(linkType, snaplen, newName, description, filter, os, fcsLength, tsresol, tsOffset,
                comments);
    }

    /** A copy with this {@code if_description}. */
    public InterfaceInfo withDescription(String newDescription) {
        return new InterfaceInfo(linkType, snaplen, name, newDescription, filter, os, fcsLength, tsresol, tsOffset,
                comments);
    }

    /** A copy with this {@code if_filter} expression. */
    public InterfaceInfo withFilter(String newFilter) {
        return new InterfaceInfo(linkType, snaplen, name, description, newFilter, os, fcsLength, tsresol, tsOffset,
                comments);
    }

    /** A copy with this raw {@code if_tsresol} byte. */
    public InterfaceInfo withTsresol(int newTsresol) {
        return new InterfaceInfo(linkType, snaplen, name, description, filter, os, fcsLength, newTsresol, tsOffset,
                comments);
    }

    /** A copy with these comments. */
    public InterfaceInfo withComments(List<String> newComments) {
        return new InterfaceInfo(linkType, snaplen, name, description, filter, os, fcsLength, tsresol, tsOffset,
                newComments);
    }

    /** Whether {@link #tsresol()} is a power of two rather than of ten. */
    public boolean isBinaryResolution() {
        return (tsresol & 0x80) != 0;
    }
}
