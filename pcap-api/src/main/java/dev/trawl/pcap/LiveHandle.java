package dev.trawl.pcap;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A {@link Handle} capturing on a device. Thread safety as for {@link Handle}; {@link #send} and
 * {@link #stats()} may be called from a thread other than the reader's.
 */
public interface LiveHandle extends Handle {
    /** The device this handle captures on. */
    String device();

    /** Warnings libpcap gave when it activated the handle (e.g. promiscuous mode not supported). */
    List<String> warnings();

    /**
     * Sends a raw frame, link-layer header included: the bytes between the buffer's position and limit.
     * The buffer's position is not changed.
     */
    void send(ByteBuffer frame) throws PcapException;

    /** Sends a raw frame, link-layer header included. */
    default void send(byte[] frame) throws PcapException {
        send(ByteBuffer.wrap(frame));
    }

    /** Packet counts since the handle was opened. */
    CaptureStats stats() throws PcapException;

    /** Chooses which packets, by direction, the capture sees. */
    void setDirection(Direction direction) throws PcapException;

    /**
     * Switches non-blocking mode: in it, {@link #next()} returns {@link ReadStatus#TIMEOUT} at once when no
     * packet is ready, and {@link #dispatch} returns 0.
     */
    void setNonBlocking(boolean nonBlocking) throws PcapException;

    /** Whether the handle is in non-blocking mode. */
    boolean isNonBlocking() throws PcapException;

    /** The link types the device can deliver. */
    List<LinkType> linkTypes() throws PcapException;

    /** Changes the link type the device delivers; one of {@link #linkTypes()}. */
    void setLinkType(LinkType linkType) throws PcapException;
}
