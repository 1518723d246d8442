package dev.trawl.cli;

import dev.trawl.pcap.Handle;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.file.CaptureInfo;

/**
 * The link type of each packet. A pcapng file may hold interfaces of different link types (and new ones
 * in later sections), which {@link Handle#linkType()} cannot say; the built-in java backend tells them
 * through {@code unwrap(CaptureInfo.class)}. Elsewhere every packet has the handle's link type.
 * Not thread-safe.
 */
final class LinkTypes {
    private final Handle handle;
    private final LinkType fallback;
    private final boolean perInterface;
    private final boolean pcapng;

    LinkTypes(Handle handle) {
        this.handle = handle;
        this.fallback = handle.linkType();
        this.pcapng = handle instanceof OfflineHandle offline && offline.format() == CaptureFormat.PCAPNG;
        this.perInterface = pcapng && describes(handle);
    }

    /** The pcapng interface the packet arrived on, or -1 when the capture is not a pcapng file (it has none). */
    int interfaceOf(Packet packet) {
        return pcapng ? packet.interfaceId() : -1;
    }

    private static boolean describes(Handle handle) {
        try {
            handle.unwrap(CaptureInfo.class);
            return true;
        } catch (IllegalArgumentException | NoClassDefFoundError e) {
            return false; // a native backend: libpcap itself refuses files that mix link types
        }
    }

    LinkType of(Packet packet) {
        if (!perInterface) {
            return fallback;
        }
        LinkType type = handle.unwrap(CaptureInfo.class).linkTypeOf(packet.interfaceId());
        return type != null ? type : fallback;
    }
}
