package dev.trawl.decode.internal.wireless;

import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.spi.ProtocolRegistrar;
import dev.trawl.pcap.LinkType;

/**
 * Wireless LANs: the 802.11 MAC header, the radiotap, Prism and PPI headers monitor-mode captures put in front of it,
 * and the protocols that carry 802.11 frames between access points and their controllers (LWAPP, and CAPWAP by
 * name). Stateless.
 */
public final class WirelessProtocols {
    private WirelessProtocols() {
    }

    /** Registers the wireless protocols and binds them to their link types and ports. */
    public static void register(ProtocolRegistrar r) {
        r.bind(Dispatch.LINKTYPE, LinkType.IEEE802_11.value(), r.protocol("wlan", Ieee80211Decoder::decode));
        r.bind(Dispatch.LINKTYPE, LinkType.IEEE802_11_RADIOTAP.value(),
                r.protocol("radiotap", RadiotapDecoder::decode));
        r.bind(Dispatch.LINKTYPE, LinkType.IEEE802_11_PRISM.value(), r.protocol("prism", PrismDecoder::decode));
        r.bind(Dispatch.LINKTYPE, LinkType.PPI.value(), r.protocol("ppi", PpiDecoder::decode));
        int lwapp = r.protocol("lwapp", LwappDecoder::decode);
        r.bind(Dispatch.UDP_PORT, 12222, lwapp);
        r.bind(Dispatch.UDP_PORT, 12223, lwapp);
        r.bind(Dispatch.UDP_PORT, 5246, r.protocol("capwap", null)); // control
    }
}
