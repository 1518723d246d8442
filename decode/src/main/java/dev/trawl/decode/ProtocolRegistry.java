package dev.trawl.decode;

import dev.trawl.decode.internal.BuiltinProtocols;
import dev.trawl.decode.internal.FastPath;
import dev.trawl.decode.internal.IntMap;
import dev.trawl.decode.spi.DecoderPlugin;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.spi.ProtocolDecoder;
import dev.trawl.decode.spi.ProtocolRegistrar;
import dev.trawl.pcap.spi.ServiceProviders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The protocols a {@link PacketDecoder} knows: their ids, names and decoders, and the dispatch tables that
 * lead from one layer to the next. {@link #standard()} holds the built-in protocols plus every
 * {@link DecoderPlugin} found with {@link ServiceProviders} (the context class loader, then decode's own);
 * {@link #builder()} makes a custom one.
 *
 * <p>Immutable once built, and thread-safe.
 */
public final class ProtocolRegistry {
    private static final System.Logger LOG = System.getLogger(ProtocolRegistry.class.getName());

    private final String[] names;
    private final ProtocolDecoder[] decoders;
    private final boolean[] direct;
    private final boolean[] leaf;
    private final IntMap[] tables;
    private final Map<String, Integer> ids;
    private final List<DecoderPlugin> plugins;

    private ProtocolRegistry(Builder b) {
        this.names = b.names.toArray(new String[0]);
        this.decoders = b.decoders.toArray(new ProtocolDecoder[0]);
        this.direct = new boolean[decoders.length];
        this.leaf = new boolean[decoders.length];
        for (int i = 0; i < decoders.length; i++) {
            direct[i] = FastPath.handles(i, decoders[i]);
            leaf[i] = FastPath.isLeaf(i, decoders[i]);
        }
        this.tables = b.tables;
        this.ids = Map.copyOf(b.ids);
        this.plugins = List.copyOf(b.plugins);
    }

    private static final class Standard {
        static final ProtocolRegistry INSTANCE = withPlugins(ServiceProviders.load(DecoderPlugin.class));
    }

    /**
     * The built-in protocols plus the plugins found. A plugin that failed to load, or that fails to register,
     * is logged and left out; the others are kept.
     */
    static ProtocolRegistry withPlugins(ServiceProviders<DecoderPlugin> found) {
        for (ServiceProviders.Failure failure : found.failures()) {
            LOG.log(System.Logger.Level.WARNING, "decoder plugin " + failure.provider()
                    + " could not be loaded and was skipped: " + failure.reason(), failure.cause());
        }
        Builder builder = builder();
        for (DecoderPlugin plugin : found.providers()) {
            try {
                builder.plugin(plugin);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "decoder plugin " + plugin.getClass().getName()
                        + " failed to register and was skipped", e);
            }
        }
        return builder.build();
    }

    /** The built-in protocols plus every plugin on the class or module path; built on first use. */
    public static ProtocolRegistry standard() {
        return Standard.INSTANCE;
    }

    /** A builder that starts with the built-in protocols. */
    public static Builder builder() {
        Builder b = new Builder();
        b.plugin(new BuiltinProtocols());
        return b;
    }

    /** The number of protocol ids; ids run from 0 to {@code size() - 1}. */
    public int size() {
        return names.length;
    }

    /** The Wireshark-style name of protocol {@code id}, or {@code "unknown"} for an id out of range. */
    public String name(int id) {
        return id >= 0 && id < names.length ? names[id] : "unknown";
    }

    /** The id of the protocol named {@code name}, or {@link Protocols#NONE}. */
    public int id(String name) {
        Integer id = ids.get(name);
        return id == null ? Protocols.NONE : id;
    }

    /** The decoder of protocol {@code id}, or {@code null}. */
    public ProtocolDecoder decoder(int id) {
        return id >= 0 && id < decoders.length ? decoders[id] : null;
    }

    /** Whether protocol {@code id} still has its built-in decoder, which the decoder loop calls directly. */
    boolean isDirect(int id) {
        return id >= 0 && id < direct.length && direct[id];
    }

    /**
     * Whether protocol {@code id}'s decoder is a built-in one known to record no layer but its own (or data)
     * and to end the stack ({@link FastPath#isLeaf}).
     */
    boolean isLeaf(int id) {
        return id >= 0 && id < leaf.length && leaf[id];
    }

    /** The protocol bound to {@code key} in {@code table} ({@link Dispatch}), or {@link Protocols#NONE}. */
    public int lookup(int table, int key) {
        return tables[table].get(key);
    }

    /**
     * The protocol bound in {@code table} to the lower of two ports, else to the higher (a port 0 never
     * counts), as Wireshark tries a conversation's ports.
     */
    int lookupPorts(int table, int port1, int port2) {
        int low = Math.min(port1, port2);
        int high = Math.max(port1, port2);
        int p = low != 0 ? lookup(table, low) : Protocols.NONE;
        if (p < 0 && high != 0) {
            p = lookup(table, high);
        }
        return p;
    }

    /** The plugins this registry was built from, built-in first. */
    public List<DecoderPlugin> plugins() {
        return plugins;
    }

    /**
     * Collects protocols and bindings. Not thread-safe; build once and share the result.
     */
    public static final class Builder implements ProtocolRegistrar {
        private final List<String> names = new ArrayList<>(Arrays.asList(Protocols.BUILTIN_NAMES));
        private final List<ProtocolDecoder> decoders = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();
        private final IntMap[] tables = new IntMap[Dispatch.COUNT];
        private final List<DecoderPlugin> plugins = new ArrayList<>();

        private Builder() {
            for (int i = 0; i < names.size(); i++) {
                ids.put(names.get(i), i);
                decoders.add(null);
            }
            for (int i = 0; i < tables.length; i++) {
                tables[i] = new IntMap();
            }
        }

        /** Lets {@code plugin} register its protocols. */
        public Builder plugin(DecoderPlugin plugin) {
            plugin.registerProtocols(this);
            plugins.add(plugin);
            return this;
        }

        @Override
        public int protocol(String name, ProtocolDecoder decoder) {
            Integer id = ids.get(name);
            if (id == null) {
                id = names.size();
                names.add(name);
                decoders.add(decoder);
                ids.put(name, id);
            } else if (decoder != null) {
                decoders.set(id, decoder);
            }
            return id;
        }

        @Override
        public int protocol(String name, String displayName, ProtocolDecoder decoder) {
            int id = protocol(name, decoder);
            names.set(id, displayName);
            return id;
        }

        @Override
        public int protocolId(String name) {
            Integer id = ids.get(name);
            return id == null ? Protocols.NONE : id;
        }

        @Override
        public void bind(int table, int key, int protocol) {
            if (protocol < 0 || protocol >= names.size()) {
                throw new IllegalArgumentException("unknown protocol id " + protocol);
            }
            tables[table].put(key, protocol);
        }

        /** Builds the immutable registry. */
        public ProtocolRegistry build() {
            return new ProtocolRegistry(this);
        }
    }
}
