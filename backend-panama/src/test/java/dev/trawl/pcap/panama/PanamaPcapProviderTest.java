package dev.trawl.pcap.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PermissionDeniedException;
import dev.trawl.pcap.spi.PcapProvider;
import dev.trawl.pcap.tck.VethPair;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("native")
class PanamaPcapProviderTest {
    @Test
    void providerIsFoundWithItsNameAndPriority() {
        PcapProvider provider = ServiceLoader.load(PcapProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("panama")).findFirst().orElseThrow();
        assertEquals(300, provider.priority());
        assertTrue(provider instanceof PanamaPcapProvider);
    }

    @Test
    void backendDeclaresWhatLibpcap110Has() throws Exception {
        Backend backend = Pcap.backend("panama");
        assertTrue(backend.libraryVersion().startsWith("libpcap version 1."), backend.libraryVersion());
        for (Capability c : List.of(Capability.LIVE_CAPTURE, Capability.OFFLINE_FILE, Capability.OFFLINE_STREAM,
                Capability.READ_PCAPNG, Capability.FILTER, Capability.DUMP, Capability.DUMP_APPEND,
                Capability.DUMP_STREAM, Capability.IMMEDIATE_MODE, Capability.NANOSECOND_TIMESTAMPS,
                Capability.BREAK_LOOP)) {
            assertTrue(backend.supports(c), c.toString());
        }
        assertFalse(backend.supports(Capability.DUMP_PCAPNG), "libpcap 1.10 writes no pcapng");
        assertFalse(backend.supports(Capability.READ_GZIP), "libpcap reads no gzip");
    }

    @Test
    void aLibpcapThatIsNotThereIsReportedWithWhatWasTried() {
        String before = System.getProperty(Libpcap.LIBRARY_PROPERTY);
        System.setProperty(Libpcap.LIBRARY_PROPERTY, "/nonexistent/libpcap.so.1");
        try {
            assertEquals(List.of("/nonexistent/libpcap.so.1"), Libpcap.candidates());
        } finally {
            if (before == null) {
                System.clearProperty(Libpcap.LIBRARY_PROPERTY);
            } else {
                System.setProperty(Libpcap.LIBRARY_PROPERTY, before);
            }
        }
        assertTrue(Libpcap.candidates().contains("libpcap.so.1"), Libpcap.candidates().toString());
    }

    @Test
    void withoutNativeAccessTheBackendIsUnavailableWithAClearMessageAndNoStackTrace() throws Exception {
        Result r = probe(List.of());
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.stdout.contains("unavailable: native access is not enabled"), r.toString());
        assertTrue(r.stdout.contains("--enable-native-access=ALL-UNNAMED"), r.toString());
        assertFalse(r.stderr.contains("\tat ") || r.stdout.contains("\tat "), "no stack trace: " + r);
        assertFalse(r.stderr.contains("restricted method"), "no JDK warning: " + r);
    }

    @Test
    void withNativeAccessTheBackendLoads() throws Exception {
        Result r = probe(List.of("--enable-native-access=ALL-UNNAMED"));
        assertTrue(r.stdout.contains("panama: libpcap version"), r.toString());
    }

    @Test
    void aMissingLibpcapIsUnavailableWithTheNamesTried() throws Exception {
        Result r = probe(List.of("--enable-native-access=ALL-UNNAMED",
                "-D" + Libpcap.LIBRARY_PROPERTY + "=/nonexistent/libpcap.so.1"));
        assertTrue(r.stdout.contains("unavailable: libpcap not found; tried /nonexistent/libpcap.so.1"), r.toString());
        assertFalse(r.stderr.contains("\tat "), r.toString());
    }

    @Test
    @Tag("live")
    void withoutCaptureCapabilitiesOpeningIsPermissionDeniedWithTheHint() throws Exception {
        VethPair.requirePrivilege(); // root, as for a live capture
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        // root, but started without CAP_NET_RAW and CAP_NET_ADMIN: what an unprivileged user meets
        Result r = probe(List.of("/usr/bin/setpriv", "--bounding-set", "-net_raw,-net_admin"),
                List.of("--enable-native-access=ALL-UNNAMED"), "live");
        assertTrue(r.stdout.contains("failed: PermissionDeniedException status -8"), r.toString());
        assertTrue(r.stdout.contains(PermissionDeniedException.LINUX_HINT), r.toString());
    }

    @Test
    void onTheModulePathTheFlagNamesTheModule() throws Exception {
        String api = List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).stream()
                .filter(e -> e.contains("trawl-pcap-api") || e.replace('\\', '/').endsWith("pcap-api/target/classes"))
                .findFirst().orElseThrow();
        Path classes = Path.of(PanamaPcapProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path tests = Path.of(NativeAccessProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> modulePath = List.of("--module-path", classes + java.io.File.pathSeparator + api,
                "--add-modules", "dev.trawl.pcap.panama", "-cp", tests.toString());
        Result without = run(modulePath, List.of("dev.trawl.pcap.panama.probe.ModulePathProbe"));
        assertTrue(without.stdout.contains("module: dev.trawl.pcap"), without.toString());
        assertTrue(without.stdout.contains("--enable-native-access=dev.trawl.pcap.panama"), without.toString());
        List<String> flagged = new ArrayList<>(modulePath);
        flagged.add(0, "--enable-native-access=dev.trawl.pcap.panama");
        Result with = run(flagged, List.of("dev.trawl.pcap.panama.probe.ModulePathProbe"));
        assertTrue(with.stdout.contains("from module dev.trawl.pcap.panama"), with.toString());
        assertFalse(with.stderr.contains("WARNING"), with.toString());
    }

    private static Result run(List<String> jvmOptions, List<String> mainAndArgs) throws Exception {
        return run(List.of(), jvmOptions, mainAndArgs);
    }

    /** Runs this JVM's java with the options and main class, behind {@code wrapper} (a program and its arguments). */
    private static Result run(List<String> wrapper, List<String> jvmOptions, List<String> mainAndArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(mainAndArgs);
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the probe JVM did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result probe(List<String> jvmOptions) throws IOException, InterruptedException {
        return probe(List.of(), jvmOptions);
    }

    private static Result probe(List<String> wrapper, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> main = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"),
                NativeAccessProbe.class.getName()));
        main.addAll(List.of(args));
        return run(wrapper, jvmOptions, main);
    }
}
