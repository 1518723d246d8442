package dev.trawl.pcap;

import java.util.Objects;

/**
 * A filter expression and what compiling it needs besides, as {@code pcap_compile} takes them from its
 * arguments and the handle it compiles for: the link type and snapshot length of the capture, whether to
 * optimize the program, and the IPv4 netmask that {@code ip broadcast} needs.
 *
 * <p>{@link #of(String, LinkType)} gives tcpdump's choices for the rest: a snapshot length of
 * {@value #DEFAULT_SNAPLEN} bytes, optimized, the netmask unknown ({@link Handle#NETMASK_UNKNOWN}, which
 * only {@code ip broadcast} refuses). Each {@code with} method returns a copy with one value changed:
 *
 * <pre>{@code
 * BpfProgram program = backend.compileFilter(FilterSpec.of("udp port 53", LinkType.ETHERNET).withSnaplen(128));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param expression the pcap-filter(7) expression; an empty one matches every packet
 * @param linkType the link type of the packets the program will see
 * @param snaplen the capture's snapshot length, which the program returns for an accepted packet; as in
 *     libpcap, zero makes compilation fail
 * @param optimize whether to run the optimizer, as tcpdump does unless given {@code -O}
 * @param netmask the IPv4 netmask of the capture network, or {@link Handle#NETMASK_UNKNOWN}
 */
public record FilterSpec(String expression, LinkType linkType, int snaplen, boolean optimize, int netmask) {
    /** tcpdump's default snapshot length, as {@link LiveOptions#DEFAULT_SNAPLEN}. */
    public static final int DEFAULT_SNAPLEN = LiveOptions.DEFAULT_SNAPLEN;

    public FilterSpec {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(linkType, "linkType");
    }

    /** An expression for a link type, with tcpdump's snapshot length, optimized, netmask unknown. */
    public static FilterSpec of(String expression, LinkType linkType) {
        return new FilterSpec(expression, linkType, DEFAULT_SNAPLEN, true, Handle.NETMASK_UNKNOWN);
    }

    /** This spec with another snapshot length. */
    public FilterSpec withSnaplen(int snaplen) {
        return new FilterSpec(expression, linkType, snaplen, optimize, netmask);
    }

    /** This spec, optimized or not. */
    public FilterSpec withOptimize(boolean optimize) {
        return new FilterSpec(expression, linkType, snaplen, optimize, netmask);
    }

    /** This spec with another netmask, or {@link Handle#NETMASK_UNKNOWN}. */
    public FilterSpec withNetmask(int netmask) {
        return new FilterSpec(expression, linkType, snaplen, optimize, netmask);
    }
}
