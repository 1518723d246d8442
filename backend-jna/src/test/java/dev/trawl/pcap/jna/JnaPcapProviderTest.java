package dev.trawl.pcap.jna;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendInfo;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.spi.PcapProvider;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("native")
class JnaPcapProviderTest {
    @Test
    void isFoundByTheServiceLoaderWithItsNameAndPriority() {
        PcapProvider provider = ServiceLoader.load(PcapProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof JnaPcapProvider).findFirst().orElseThrow();
        assertEquals("jna", provider.name());
        assertEquals(200, provider.priority());
    }

    @Test
    void pcapListsTheBackendAsAvailable() throws Exception {
        BackendInfo info = Pcap.backends().stream().filter(b -> b.name().equals("jna")).findFirst().orElseThrow();
        assertTrue(info.available(), info.toString());
        Backend backend = Pcap.backend("jna");
        assertSame(backend, new JnaPcapProvider().create(), "libpcap is loaded once");
        assertTrue(backend.libraryVersion().startsWith("libpcap version"), backend.libraryVersion());
    }

    @Test
    void declaresWhatLibpcapCanDo() throws Exception {
        Backend backend = Pcap.backend("jna");
        assertFalse(backend.supports(Capability.READ_GZIP), "libpcap reads no gzip");
        assertFalse(backend.supports(Capability.DUMP_PCAPNG), "libpcap 1.10 writes no pcapng");
        for (Capability c : new Capability[] {Capability.LIVE_CAPTURE, Capability.OFFLINE_STREAM,
                Capability.DUMP_STREAM, Capability.DUMP_APPEND, Capability.READ_PCAPNG, Capability.FILTER}) {
            assertTrue(backend.supports(c), c.toString());
        }
    }

    @Test
    void aMissingLibpcapSaysWhatToInstall() {
        dev.trawl.pcap.BackendUnavailableException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.trawl.pcap.BackendUnavailableException.class,
                () -> JnaBackend.findLibrary("trawl-no-such-library", "libtrawl-missing.so.9"));
        assertTrue(e.getMessage().startsWith("libpcap not found"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install libpcap0.8"), e.getMessage());
        assertTrue(e.getCause() instanceof UnsatisfiedLinkError);
    }

    @Test
    void theModuleExportsNothingAndProvidesTheProvider() {
        ModuleDescriptor module = ModuleFinder.of(Path.of("target/classes")).find("dev.trawl.pcap.jna")
                .orElseThrow().descriptor();
        assertTrue(module.exports().isEmpty(), "exports: " + module.exports());
        assertTrue(module.provides().stream().anyMatch(p -> p.service().equals(PcapProvider.class.getName())
                && p.providers().equals(java.util.List.of(JnaPcapProvider.class.getName()))));
        assertTrue(module.requires().stream().filter(r -> r.name().equals("com.sun.jna"))
                .noneMatch(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)),
                "never requires transitive a native binding");
    }

    @Test
    void aMissingFileIsAPlainPcapException(@TempDir Path dir) throws Exception {
        PcapException e = assertThrows(PcapException.class,
                () -> Pcap.backend("jna").openOffline(dir.resolve("none.pcap")));
        assertSame(PcapException.class, e.getClass(), "not a malformed file: a missing one");
    }
}
