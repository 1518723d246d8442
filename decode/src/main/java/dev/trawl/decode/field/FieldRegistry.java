package dev.trawl.decode.field;

import dev.trawl.decode.ProtocolRegistry;
import dev.trawl.decode.spi.DecoderPlugin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every field trawl can read, by its Wireshark name: the fields of the built-in protocols and of each
 * {@link DecoderPlugin}. Use it to resolve {@code -e ip.src}-style names ({@link #field(String)}), to list
 * the fields of a protocol for structured output ({@link #fieldsOf(int)}), or to list everything
 * ({@link #fields()}).
 *
 * <p>Immutable once built, and thread-safe.
 */
public final class FieldRegistry {
    private final ProtocolRegistry protocols;
    private final Map<String, Field> byName;
    private final Map<Integer, List<Field>> byProtocol;

    private FieldRegistry(ProtocolRegistry protocols, Map<String, Field> fields) {
        this.protocols = protocols;
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        Map<Integer, List<Field>> grouped = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            grouped.computeIfAbsent(f.protocol(), k -> new ArrayList<>()).add(f);
        }
        grouped.replaceAll((k, v) -> List.copyOf(v));
        this.byProtocol = Collections.unmodifiableMap(grouped);
    }

    private static final class Standard {
        static final FieldRegistry INSTANCE = of(ProtocolRegistry.standard());
    }

    /** The fields of the {@link ProtocolRegistry#standard() standard} protocols. */
    public static FieldRegistry standard() {
        return Standard.INSTANCE;
    }

    /** Builds the fields of every plugin of {@code protocols}. */
    public static FieldRegistry of(ProtocolRegistry protocols) {
        Map<String, Field> fields = new LinkedHashMap<>();
        FieldRegistrar registrar = new FieldRegistrar() {
            @Override
            public void field(String name, String protocolName, FieldType type, String description,
                    FieldExtractor extractor) {
                int id = "frame".equals(protocolName) ? -1 : protocols.id(protocolName);
                if (id < 0 && !"frame".equals(protocolName)) {
                    throw new IllegalArgumentException("field " + name + ": unknown protocol " + protocolName);
                }
                fields.put(name, new Field(name, protocolName, id, type, description, extractor));
            }

            @Override
            public void field(String name, String[] protocolNames, FieldType type, String description,
                    FieldExtractor extractor) {
                int[] ids = new int[protocolNames.length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = protocols.id(protocolNames[i]);
                    if (ids[i] < 0) {
                        throw new IllegalArgumentException("field " + name + ": unknown protocol "
                                + protocolNames[i]);
                    }
                }
                fields.put(name, new Field(name, protocolNames[0], ids[0],
                        java.util.Arrays.copyOfRange(ids, 1, ids.length), type, description, extractor));
            }

            @Override
            public int protocolId(String protocolName) {
                return protocols.id(protocolName);
            }
        };
        for (DecoderPlugin plugin : protocols.plugins()) {
            plugin.registerFields(registrar);
        }
        return new FieldRegistry(protocols, fields);
    }

    /** The protocols these fields belong to. */
    public ProtocolRegistry protocols() {
        return protocols;
    }

    /** The field named {@code name}, or {@code null}. */
    public Field field(String name) {
        return byName.get(name);
    }

    /**
     * The field named {@code name}.
     *
     * @throws IllegalArgumentException naming the unknown field, if there is none
     */
    public Field require(String name) {
        Field f = byName.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown field: " + name);
        }
        return f;
    }

    /** Every field, in registration order (protocol by protocol). */
    public List<Field> fields() {
        return List.copyOf(byName.values());
    }

    /** The fields of protocol {@code protocol} (-1 for frame fields), in registration order. */
    public List<Field> fieldsOf(int protocol) {
        return byProtocol.getOrDefault(protocol, List.of());
    }
}
