package dev.trawl.decode.field;

/**
 * Receives fields while a {@link FieldRegistry} is built (see
 * {@link dev.trawl.decode.spi.DecoderPlugin#registerFields}). Used on one thread, during registration only.
 */
public interface FieldRegistrar {
    /**
     * Registers a field of protocol {@code protocolName} (a registered protocol, or {@code frame}).
     * A later registration of the same name replaces an earlier one.
     */
    void field(String name, String protocolName, FieldType type, String description, FieldExtractor extractor);

    /**
     * Registers a field that the layers of several protocols carry (the first is its own protocol), as
     * {@code dns.*} fields appear in {@code mdns} layers.
     */
    void field(String name, String[] protocolNames, FieldType type, String description,
            FieldExtractor extractor);

    /** The id of a registered protocol, or -1. */
    int protocolId(String protocolName);
}
