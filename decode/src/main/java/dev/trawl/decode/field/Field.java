package dev.trawl.decode.field;

import dev.trawl.decode.DecodedPacket;
import java.util.Objects;

/**
 * A named field, as Wireshark names it ({@code ip.src}, {@code tcp.flags}): which protocol's layers carry
 * it, how its values look, and how to read them. Fields of the {@code frame} protocol belong to the packet
 * as a whole; every other field is read from each layer of its protocol in turn, outermost first.
 *
 * <p>Immutable and thread-safe.
 */
public final class Field {
    private final String name;
    private final String protocolName;
    private final int protocol;
    private final int[] alsoIn;
    private final FieldType type;
    private final String description;
    private final FieldExtractor extractor;

    /**
     * Creates a field.
     *
     * @param name the full name, e.g. {@code ip.ttl}
     * @param protocolName the protocol's name, e.g. {@code ip}; {@code frame} for packet-wide fields
     * @param protocol the protocol id whose layers carry the field; -1 for frame fields
     * @param type how values print
     * @param description a short human-readable label
     * @param extractor reads the values
     */
    public Field(String name, String protocolName, int protocol, FieldType type, String description,
            FieldExtractor extractor) {
        this(name, protocolName, protocol, new int[0], type, description, extractor);
    }

    /**
     * Creates a field that other protocols' layers carry too, as {@code dns.*} fields appear in
     * {@code mdns} layers.
     *
     * @param alsoIn further protocol ids whose layers carry the field
     */
    public Field(String name, String protocolName, int protocol, int[] alsoIn, FieldType type,
            String description, FieldExtractor extractor) {
        this.alsoIn = alsoIn.clone();
        this.name = Objects.requireNonNull(name, "name");
        this.protocolName = Objects.requireNonNull(protocolName, "protocolName");
        this.protocol = protocol;
        this.type = Objects.requireNonNull(type, "type");
        this.description = Objects.requireNonNull(description, "description");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
    }

    public String name() {
        return name;
    }

    public String protocolName() {
        return protocolName;
    }

    /** The protocol id whose layers carry this field, or -1 for a frame field. */
    public int protocol() {
        return protocol;
    }

    public FieldType type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** Whether layers of protocol {@code id} carry this field. */
    public boolean carriedBy(int id) {
        if (id == protocol) {
            return true;
        }
        for (int also : alsoIn) {
            if (also == id) {
                return true;
            }
        }
        return false;
    }

    /** Whether this is a packet-wide ({@code frame.*}) field. */
    public boolean isFrameField() {
        return protocol < 0;
    }

    /** Reports every occurrence of this field in {@code packet}, outermost layer first. */
    public void extract(DecodedPacket packet, FieldSink sink) {
        if (protocol < 0) {
            extractor.extract(packet, -1, sink);
            return;
        }
        if (alsoIn.length == 0) {
            // layer by layer of the one protocol, which decodes no further than such a layer could be
            for (int i = packet.find(protocol); i >= 0; i = packet.findNext(protocol, i + 1)) {
                extractor.extract(packet, i, sink);
            }
            return;
        }
        for (int i = 0, n = packet.layerCount(); i < n; i++) {
            if (carriedBy(packet.protocol(i))) {
                extractor.extract(packet, i, sink);
            }
        }
    }

    /** Reports the occurrences of this field in layer {@code layer} alone. */
    public void extract(DecodedPacket packet, int layer, FieldSink sink) {
        extractor.extract(packet, layer, sink);
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
