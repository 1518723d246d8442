package dev.trawl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.trawl.decode.spi.DecoderPlugin;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.spi.ProtocolRegistrar;
import dev.trawl.pcap.spi.ServiceProviders;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtocolRegistryTest {
    /** A plugin that registers one protocol on a UDP port. */
    public static final class GoodPlugin implements DecoderPlugin {
        @Override
        public void registerProtocols(ProtocolRegistrar r) {
            r.bind(Dispatch.UDP_PORT, 9997, r.protocol("good", (buf, off, end, ctx) -> Protocols.DATA));
        }
    }

    /** A plugin whose constructor fails: it never gets to register. */
    public static final class UnloadablePlugin implements DecoderPlugin {
        public UnloadablePlugin() {
            throw new IllegalStateException("cannot start");
        }

        @Override
        public void registerProtocols(ProtocolRegistrar r) {
        }
    }

    /** A plugin that fails while registering. */
    public static final class FailingPlugin implements DecoderPlugin {
        @Override
        public void registerProtocols(ProtocolRegistrar r) {
            throw new IllegalStateException("registration failed");
        }
    }

    @Test
    void aPluginThatFailsToLoadOrRegisterIsSkippedAndTheOthersAreKept(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services/" + DecoderPlugin.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, String.join("\n", "no.such.Plugin", UnloadablePlugin.class.getName(),
                FailingPlugin.class.getName(), GoodPlugin.class.getName()));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            ServiceProviders<DecoderPlugin> found = ServiceProviders.load(DecoderPlugin.class, List.of(loader));
            assertEquals(List.of("no.such.Plugin", UnloadablePlugin.class.getName()),
                    found.failures().stream().map(ServiceProviders.Failure::provider).toList());

            ProtocolRegistry registry = ProtocolRegistry.withPlugins(found);

            assertNotEquals(Protocols.NONE, registry.id("good"), "the plugin after the broken ones is registered");
            assertEquals(registry.id("good"), registry.lookup(Dispatch.UDP_PORT, 9997));
            assertEquals(List.of(GoodPlugin.class), registry.plugins().stream().skip(1)
                    .map(Object::getClass).toList(), "the failing plugin is left out of the list");
            assertEquals(ProtocolRegistry.builder().build().size() + 1, registry.size());
        }
    }
}
