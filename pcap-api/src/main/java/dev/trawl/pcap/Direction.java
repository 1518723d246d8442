package dev.trawl.pcap;

/** Which packets a live capture sees, relative to the device, as libpcap's {@code pcap_direction_t}. */
public enum Direction {
    /** Packets sent and received (the default). */
    INOUT(0),
    /** Packets received only. */
    IN(1),
    /** Packets sent only. */
    OUT(2);

    private final int code;

    Direction(int code) {
        this.code = code;
    }

    /** libpcap's {@code PCAP_D_} code. */
    public int code() {
        return code;
    }
}
