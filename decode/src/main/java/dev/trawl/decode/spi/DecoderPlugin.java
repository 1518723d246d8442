package dev.trawl.decode.spi;

import dev.trawl.decode.field.FieldRegistrar;

/**
 * A service that adds protocols to trawl's decoder: found with {@link java.util.ServiceLoader} (declare it
 * with {@code provides dev.trawl.decode.spi.DecoderPlugin with ...} and a
 * {@code META-INF/services/dev.trawl.decode.spi.DecoderPlugin} file). A plugin registers decoders, binds them
 * to EtherTypes, ports or other dispatch keys, and optionally names fields. Constructors should be cheap;
 * registration runs once, when {@link dev.trawl.decode.ProtocolRegistry#standard()} is first used.
 */
public interface DecoderPlugin {
    /** Registers protocols and their dispatch bindings. */
    void registerProtocols(ProtocolRegistrar registrar);

    /** Registers fields of the plugin's protocols; none by default. */
    default void registerFields(FieldRegistrar registrar) {
    }
}
