package dev.trawl.pcap.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.spi.PcapProvider;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provider's registration: in the module descriptor (module path) and in META-INF/services (class path). */
class JavaPcapProviderTest {
    @Test
    void theModuleDescriptorProvidesTheJavaBackendAndExportsTheCodecApi() throws Exception {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.exists(classes.resolve("module-info.class")), "compiled module descriptor");
        ModuleFinder finder = ModuleFinder.of(classes);
        ModuleDescriptor descriptor = finder.find("dev.trawl.pcap").orElseThrow().descriptor();
        assertTrue(descriptor.provides().stream().anyMatch(p -> p.service().equals(PcapProvider.class.getName())
                && p.providers().equals(List.of(JavaPcapProvider.class.getName()))), descriptor.toString());
        assertTrue(descriptor.exports().stream().anyMatch(e -> e.source().equals("dev.trawl.pcap.file")));

        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("dev.trawl.pcap"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());
        Class<?> service = layer.findLoader("dev.trawl.pcap").loadClass(PcapProvider.class.getName());
        List<String> names = ServiceLoader.load(layer, service).stream()
                .map(p -> p.type().getName()).toList();
        assertEquals(List.of(JavaPcapProvider.class.getName()), names);
    }

    @Test
    void theClassPathRegistrationNamesTheProvider() throws Exception {
        List<String> names = ServiceLoader.load(PcapProvider.class).stream().map(p -> p.type().getName()).toList();
        assertTrue(names.contains(JavaPcapProvider.class.getName()), names.toString());
        JavaPcapProvider provider = new JavaPcapProvider();
        assertEquals(0, provider.priority());
        assertEquals("java", provider.create().name());
    }
}
