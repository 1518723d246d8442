package dev.trawl.pcap;

import java.io.IOException;

/**
 * Receives packets from {@link Handle#dispatch} and {@link Handle#loop}. The packet is a view valid only
 * during the call; {@link Packet#copy()} keeps it.
 *
 * <p>If the handler throws, the loop stops and the exception reaches the caller of {@code dispatch} or
 * {@code loop}: a {@link PcapException} or unchecked exception as itself, any other {@link IOException}
 * wrapped in a {@link PcapException}.
 */
@FunctionalInterface
public interface PacketHandler {
    /** Handles one packet. */
    void onPacket(Packet packet) throws IOException;
}
