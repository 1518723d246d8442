package dev.trawl.decode.internal;

import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.internal.application.ApplicationProtocols;
import dev.trawl.decode.internal.lan.LanProtocols;
import dev.trawl.decode.internal.link.LinkProtocols;
import dev.trawl.decode.internal.network.NetworkProtocols;
import dev.trawl.decode.internal.routing.RoutingProtocols;
import dev.trawl.decode.internal.transport.TransportProtocols;
import dev.trawl.decode.internal.tunnel.TunnelProtocols;
import dev.trawl.decode.internal.wireless.WirelessProtocols;
import dev.trawl.decode.spi.DecoderPlugin;
import dev.trawl.decode.spi.ProtocolRegistrar;

/**
 * The protocols trawl decodes out of the box, registered family by family through the same plugin interface as
 * any other, and using nothing else: each decoder learns its own id from the context and takes the ids of the
 * protocols it names while it is registered here. The registry calls it first, whenever one is built. Stateless.
 */
public final class BuiltinProtocols implements DecoderPlugin {
    @Override
    public void registerProtocols(ProtocolRegistrar r) {
        r.protocol("data", FastPath.DATA);
        LinkProtocols.register(r);
        WirelessProtocols.register(r);
        LanProtocols.register(r);
        NetworkProtocols.register(r);
        TransportProtocols.register(r);
        TunnelProtocols.register(r);
        RoutingProtocols.register(r);
        ApplicationProtocols.register(r);
    }

    @Override
    public void registerFields(FieldRegistrar registrar) {
        BuiltinFields.register(registrar);
    }
}
