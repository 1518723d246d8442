package dev.trawl.pcap.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.trawl.pcap.CaptureStats;
import dev.trawl.pcap.Direction;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.spi.LibpcapErrors;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A live capture on a device through an activated {@code pcap_t}. */
final class JnaLiveHandle extends JnaHandle implements LiveHandle {
    private final String device;
    private final List<String> warnings;
    private final Object sendLock = new Object();
    private Memory sendBuffer;

    JnaLiveHandle(JnaBackend backend, long pcap, String device, TimestampPrecision precision, List<String> warnings) {
        super(backend, pcap, precision, "capture on " + device, false, true, null);
        this.device = device;
        this.warnings = List.copyOf(warnings);
    }

    @Override
    boolean offline() {
        return false;
    }

    @Override
    PcapException readError(String text) {
        return LibpcapErrors.readFailure(device, false, text);
    }

    @Override
    int filterNetmask() {
        Memory out = new Memory(8);
        byte[] errbuf = Errors.errbuf();
        long base = Pointer.nativeValue(out);
        if (NativePcap.pcap_lookupnet(device, base, base + 4, errbuf) != 0) {
            return NETMASK_UNKNOWN; // no IPv4 address: "broadcast" filters will say so, as in tcpdump
        }
        // tcpdump passes the mask exactly as pcap_lookupnet stored it; so does this.
        return out.getInt(4);
    }

    @Override
    public String device() {
        ensureOpen();
        return device;
    }

    @Override
    public List<String> warnings() {
        ensureOpen();
        return warnings;
    }

    @Override
    public void send(ByteBuffer frame) throws PcapException {
        Objects.requireNonNull(frame, "frame");
        int length = frame.remaining();
        guard.enterShared();
        try {
            synchronized (sendLock) {
                if (sendBuffer == null || sendBuffer.size() < Math.max(length, 1)) {
                    sendBuffer = new Memory(Math.max(length, 2048));
                }
                sendBuffer.getByteBuffer(0, length).put(0, frame, frame.position(), length);
                if (NativePcap.pcap_sendpacket(pcap, Pointer.nativeValue(sendBuffer), length) != 0) {
                    throw new PcapException(device + ": send failed: " + NativePcap.pcap_geterr(pcap));
                }
            }
        } finally {
            guard.exitShared();
        }
    }

    @Override
    public CaptureStats stats() throws PcapException {
        Memory stat = new Memory(16);
        stat.clear();
        guard.runShared(() -> {
            if (NativePcap.pcap_stats(pcap, Pointer.nativeValue(stat)) != 0) {
                throw new PcapException(device + ": " + NativePcap.pcap_geterr(pcap));
            }
        });
        // struct pcap_stat { u_int ps_recv; u_int ps_drop; u_int ps_ifdrop; }
        return new CaptureStats(stat.getInt(0) & 0xffffffffL, stat.getInt(4) & 0xffffffffL,
                stat.getInt(8) & 0xffffffffL);
    }

    @Override
    public void setDirection(Direction direction) throws PcapException {
        Objects.requireNonNull(direction, "direction");
        guard.runShared(() -> {
            if (NativePcap.pcap_setdirection(pcap, direction.code()) != 0) {
                throw new PcapException(device + ": cannot set direction " + direction + ": "
                        + NativePcap.pcap_geterr(pcap));
            }
        });
    }

    @Override
    public void setNonBlocking(boolean nonBlocking) throws PcapException {
        byte[] errbuf = Errors.errbuf();
        guard.runShared(() -> {
            if (NativePcap.pcap_setnonblock(pcap, nonBlocking ? 1 : 0, errbuf) != 0) {
                throw new PcapException(device + ": " + Errors.text(errbuf));
            }
        });
    }

    @Override
    public boolean isNonBlocking() throws PcapException {
        byte[] errbuf = Errors.errbuf();
        return guard.callShared(() -> {
            int rc = NativePcap.pcap_getnonblock(pcap, errbuf);
            if (rc < 0) {
                throw new PcapException(device + ": " + Errors.text(errbuf));
            }
            return rc != 0;
        });
    }

    @Override
    public List<LinkType> linkTypes() throws PcapException {
        Memory out = new Memory(8);
        out.clear();
        return guard.callShared(() -> {
            int n = NativePcap.pcap_list_datalinks(pcap, Pointer.nativeValue(out));
            if (n < 0) {
                throw new PcapException(device + ": " + NativePcap.pcap_geterr(pcap));
            }
            Pointer list = out.getPointer(0);
            try {
                List<LinkType> types = new ArrayList<>(n);
                for (int dlt : list.getIntArray(0, n)) {
                    types.add(LinkType.fromDlt(dlt));
                }
                return List.copyOf(types);
            } finally {
                NativePcap.pcap_free_datalinks(Pointer.nativeValue(list));
            }
        });
    }

    @Override
    public void setLinkType(LinkType linkType) throws PcapException {
        Objects.requireNonNull(linkType, "linkType");
        guard.runShared(() -> {
            if (NativePcap.pcap_set_datalink(pcap, linkType.toDlt()) != 0) {
                throw new PcapException(device + ": cannot set link type " + linkType + ": "
                        + NativePcap.pcap_geterr(pcap));
            }
        });
    }

    @Override
    public String toString() {
        return "JnaLiveHandle[" + device + (isOpen() ? "" : ", closed") + "]";
    }
}
