package dev.trawl.pcap.file;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.spi.PcapProvider;

/**
 * The built-in provider: the {@code java} backend, which reads and writes pcap and pcapng files in pure Java,
 * with no native library. Its priority is 0, so that any native backend wins for live capture. Registered in
 * {@code module-info.java} and in {@code META-INF/services}; users reach it through
 * {@link dev.trawl.pcap.Pcap#backend(String) Pcap.backend("java")}.
 *
 * <p>Thread-safe; the backend it creates is stateless apart from the installed filter compiler.
 */
public final class JavaPcapProvider implements PcapProvider {
    /** Creates the provider; does nothing else. */
    public JavaPcapProvider() {
    }

    @Override
    public String name() {
        return JavaBackend.NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Backend create() {
        return new JavaBackend();
    }
}
