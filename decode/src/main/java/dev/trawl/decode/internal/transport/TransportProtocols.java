package dev.trawl.decode.internal.transport;

import static dev.trawl.decode.spi.Dispatch.IP_PROTO;

import dev.trawl.decode.internal.FastPath;
import dev.trawl.decode.spi.ProtocolRegistrar;
import dev.trawl.pcap.IpProtocol;

/**
 * The transport layer: TCP (with MPTCP's options as layers), UDP, SCTP and DCCP, and PGM by name, each bound to
 * its IP protocol number. Stateless.
 */
public final class TransportProtocols {
    private TransportProtocols() {
    }

    /** Registers the transport protocols and binds them to their IP protocol numbers. */
    public static void register(ProtocolRegistrar r) {
        r.bind(IP_PROTO, IpProtocol.TCP.value(), r.protocol("tcp", FastPath.TCP));
        r.bind(IP_PROTO, IpProtocol.UDP.value(), r.protocol("udp", FastPath.UDP));
        r.bind(IP_PROTO, IpProtocol.SCTP.value(), r.protocol("sctp", SctpDecoder::decode));
        r.bind(IP_PROTO, IpProtocol.DCCP.value(), r.protocol("dccp", DccpDecoder::decode));
        r.bind(IP_PROTO, IpProtocol.PGM.value(), r.protocol("pgm", null));
    }
}
