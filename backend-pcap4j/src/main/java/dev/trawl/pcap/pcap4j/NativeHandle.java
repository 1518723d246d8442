package dev.trawl.pcap.pcap4j;

import com.sun.jna.Pointer;

import dev.trawl.pcap.PcapException;

import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;

/**
 * Reaches the {@code pcap_t} behind a pcap4j {@link PcapHandle}, for the few calls pcap4j lacks (setting a
 * compiled BPF program, compiling for the very handle).
 *
 * <p>pcap4j 1.8.2 keeps the pointer in a private field with no accessor, and its package is not open to
 * reflection on the module path. Its {@code toString()} does print it ({@code "... handle: [native@0x...]"}),
 * which works on the class path and the module path alike. The version is pinned, and the pointer found is
 * checked against pcap4j's own view of the handle (link type and snapshot length) before any use.
 */
final class NativeHandle {
    private static final String MARKER = "] handle: [native@0x";

    private NativeHandle() {
    }

    /**
     * The {@code pcap_t} of an open pcap4j handle.
     *
     * @throws PcapException if pcap4j's text does not carry a pointer that matches the handle
     */
    static Pointer of(PcapHandle handle) throws PcapException, NotOpenException {
        String text = handle.toString();
        int at = text.indexOf(MARKER);
        int end = at < 0 ? -1 : text.indexOf(']', at + MARKER.length());
        if (end < 0) {
            throw new PcapException("cannot reach the pcap_t of this pcap4j handle (pcap4j other than 1.8.2?)");
        }
        long peer;
        try {
            peer = Long.parseUnsignedLong(text.substring(at + MARKER.length(), end), 16);
        } catch (NumberFormatException e) {
            throw new PcapException("cannot reach the pcap_t of this pcap4j handle: " + e.getMessage(), e);
        }
        if (peer == 0) {
            throw new PcapException("pcap4j handle has a null pcap_t");
        }
        Pointer pcap = new Pointer(peer);
        if (LibPcap.pcap_datalink(pcap) != handle.getDlt().value()
                || LibPcap.pcap_snapshot(pcap) != handle.getSnapshot()) {
            throw new PcapException("the pcap_t found for this pcap4j handle does not match it");
        }
        return pcap;
    }
}
