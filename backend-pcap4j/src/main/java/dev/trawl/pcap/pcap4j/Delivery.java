package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.PacketHandler;

import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.RawPacketListener;

import java.io.IOException;

/**
 * The {@link RawPacketListener} a handle passes to pcap4j's {@code loop} and {@code dispatch}, its cheapest
 * delivery path: pcap4j calls it on the reading thread with a fresh {@code byte[]}, and keeps the header's
 * timestamp and original length in thread-locals just before the call. One per handle, reused for every
 * call, so a delivery allocates nothing beyond what pcap4j itself allocates.
 *
 * <p>A handler's exception is recorded and the native loop broken ({@code pcap_breakloop}), because pcap4j
 * would otherwise log and swallow it and go on delivering; the handle rethrows it once pcap4j returns.
 */
final class Delivery implements RawPacketListener {
    private final PcapHandle pcap;
    private final PacketView view;
    private Recovery recovery;
    /** Records libpcap has handed to pcap4j on this handle, by any read call: the index of the next one. */
    private long records;
    private PacketHandler handler;
    private long delivered;
    private Throwable failure;

    Delivery(PcapHandle pcap, boolean unsignedSeconds) {
        this.pcap = pcap;
        this.view = new PacketView(unsignedSeconds);
    }

    /** Lets the delivery rebuild a record pcap4j could not deliver (pcap files and streams only). */
    void recoverWith(Recovery recovery) {
        this.recovery = recovery;
    }

    /** Counts a record read by {@code next()}. */
    void countRecord() {
        records++;
    }

    /** The index the next record libpcap hands to pcap4j will have. */
    long records() {
        return records;
    }

    /** Starts a call of pcap4j's loop or dispatch. */
    void begin(PacketHandler handler) {
        this.handler = handler;
        this.delivered = 0;
        this.failure = null;
    }

    /** Ends the call; the view is no longer valid. */
    void end() {
        handler = null;
        view.clear();
    }

    long delivered() {
        return delivered;
    }

    Throwable failure() {
        return failure;
    }

    @Override
    public void gotPacket(byte[] packet) {
        records++; // libpcap has consumed the record, whether or not it is delivered
        if (failure != null) {
            return; // the loop is being broken; deliver nothing more
        }
        view.set(packet, pcap.getTimestamp(), pcap.getOriginalLength());
        deliver();
    }

    private void deliver() {
        delivered++;
        try {
            handler.onPacket(view);
        } catch (IOException | RuntimeException | Error e) {
            fail(e);
        }
    }

    /**
     * Records that pcap4j could not deliver a packet: it throws while building the packet's
     * {@code java.sql.Timestamp} when the file's sub-second field is out of range, before our listener runs.
     * A pcap file's record is then rebuilt and delivered; otherwise the read fails.
     */
    void undeliverable(Throwable cause) {
        if (failure != null) {
            return;
        }
        if (recovery != null) {
            try {
                view.set(recovery.lastRecord(records));
                records++;
                deliver();
                return;
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
        MalformedCaptureException e = new MalformedCaptureException(
                "a packet's timestamp fraction is out of range, which pcap4j cannot represent: "
                        + cause.getMessage(), -1);
        e.addSuppressed(cause);
        fail(e);
    }

    private void fail(Throwable e) {
        failure = e;
        try {
            pcap.breakLoop();
        } catch (NotOpenException closed) {
            // closed meanwhile: the loop ends anyway
        }
    }
}
