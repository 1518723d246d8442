package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.CaptureStats;
import dev.trawl.pcap.Direction;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.BlockingMode;
import org.pcap4j.core.PcapHandle.PcapDirection;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;
import org.pcap4j.util.Inet4NetworkAddress;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A live capture through pcap4j's {@code PcapHandle.Builder} ({@code pcap_create} and {@code pcap_activate}).
 * Thread safety as for {@link LiveHandle}; pcap4j locks {@link #send} and {@link #stats()} against close.
 */
final class Pcap4jLiveHandle extends Pcap4jHandle implements LiveHandle {
    private final List<String> warnings;

    Pcap4jLiveHandle(PcapHandle pcap, String device, TimestampPrecision precision, List<String> warnings)
            throws NotOpenException {
        super(pcap, device, "capture on " + device, precision, false, null);
        this.warnings = List.copyOf(warnings);
    }

    @Override
    boolean offline() {
        return false;
    }

    @Override
    ReadStatus endOrBreak() {
        breakRequested = false;
        return ReadStatus.INTERRUPTED; // on a live handle pcap_next_ex returns -2 only for a break
    }

    @Override
    PcapException readError(PcapNativeException e) {
        return Errors.live(source(), null, e);
    }

    @Override
    Inet4Address netmask() {
        // as tcpdump does: the device's IPv4 netmask when it has one, else "unknown"
        try {
            Inet4NetworkAddress net = Pcaps.lookupNet(source());
            if (net.getMask() != null) {
                return net.getMask();
            }
        } catch (PcapNativeException e) {
            // no IPv4 address on the device
        }
        return PcapHandle.PCAP_NETMASK_UNKNOWN;
    }

    @Override
    public String device() {
        return source();
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void send(ByteBuffer frame) throws PcapException {
        Objects.requireNonNull(frame, "frame");
        int length = frame.remaining();
        byte[] bytes;
        if (frame.hasArray() && frame.arrayOffset() + frame.position() == 0) {
            bytes = frame.array(); // pcap4j sends bytes[0, length): no copy needed
        } else {
            bytes = new byte[length];
            frame.get(frame.position(), bytes);
        }
        guard.enterShared();
        try {
            pcap.sendPacket(bytes, length);
        } catch (PcapNativeException e) {
            throw Errors.live(source(), "send", e);
        } catch (NotOpenException e) {
            throw closed(e);
        } finally {
            guard.exitShared();
        }
    }

    @Override
    public CaptureStats stats() throws PcapException {
        return shared("stats", () -> {
            PcapStat stat = pcap.getStats();
            return new CaptureStats(stat.getNumPacketsReceived(), stat.getNumPacketsDropped(),
                    stat.getNumPacketsDroppedByIf());
        });
    }

    @Override
    public void setDirection(Direction direction) throws PcapException {
        Objects.requireNonNull(direction, "direction");
        shared("set direction", () -> pcap.setDirection(toPcap4j(direction)));
    }

    /** A pcap4j call on the open handle, made beside the reader. */
    @FunctionalInterface
    private interface SharedCall<T> {
        T call() throws PcapNativeException, NotOpenException;
    }

    /** A pcap4j action on the open handle, made beside the reader. */
    @FunctionalInterface
    private interface SharedAction {
        void run() throws PcapNativeException, NotOpenException;
    }

    /**
     * Makes {@code call} inside the handle guard, pcap4j's failures turned into trawl's: a
     * {@link PcapException} naming {@code what} failed, or the closed handle's exception.
     */
    private <T> T shared(String what, SharedCall<T> call) throws PcapException {
        guard.enterShared();
        try {
            return call.call();
        } catch (PcapNativeException e) {
            throw Errors.live(source(), what, e);
        } catch (NotOpenException e) {
            throw closed(e);
        } finally {
            guard.exitShared();
        }
    }

    private void shared(String what, SharedAction action) throws PcapException {
        shared(what, () -> {
            action.run();
            return null;
        });
    }

    static PcapDirection toPcap4j(Direction direction) {
        return switch (direction) {
            case INOUT -> PcapDirection.INOUT;
            case IN -> PcapDirection.IN;
            case OUT -> PcapDirection.OUT;
        };
    }

    @Override
    public void setNonBlocking(boolean nonBlocking) throws PcapException {
        BlockingMode mode = nonBlocking ? BlockingMode.NONBLOCKING : BlockingMode.BLOCKING;
        shared("set non-blocking mode", () -> pcap.setBlockingMode(mode));
    }

    @Override
    public boolean isNonBlocking() throws PcapException {
        return shared("get non-blocking mode", () -> pcap.getBlockingMode() == BlockingMode.NONBLOCKING);
    }

    @Override
    public List<LinkType> linkTypes() throws PcapException {
        return shared("list link types", () -> {
            List<LinkType> types = new ArrayList<>();
            for (DataLinkType dlt : pcap.listDatalinks()) {
                types.add(LinkType.fromDlt(dlt.value()));
            }
            return List.copyOf(types);
        });
    }

    @Override
    public void setLinkType(LinkType linkType) throws PcapException {
        Objects.requireNonNull(linkType, "linkType");
        shared("set link type " + linkType, () -> {
            pcap.setDlt(DataLinkType.getInstance(linkType.toDlt()));
            linkTypeChanged();
        });
    }

    @Override
    public String toString() {
        return "pcap4j live handle on " + source() + (isOpen() ? "" : " (closed)");
    }
}
