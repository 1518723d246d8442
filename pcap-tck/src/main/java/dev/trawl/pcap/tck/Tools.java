package dev.trawl.pcap.tck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The external programs the kit uses as oracles and for network setup: {@code tcpdump} (which reads with
 * libpcap but is a separate program), {@code tshark} and {@code ip}. Runs each with a bound on its time.
 */
final class Tools {
    /** The result of a run. */
    record Result(int exit, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private static final Map<Path, PcapBytes.File> TCPDUMP_CACHE = new ConcurrentHashMap<>();
    private static volatile Boolean tcpdumpPresent;

    private Tools() {
    }

    static Path find(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Whether tcpdump is installed. */
    static boolean hasTcpdump() {
        if (tcpdumpPresent == null) {
            tcpdumpPresent = find("tcpdump") != null;
        }
        return tcpdumpPresent;
    }

    /** Skips the rest of the calling test when tcpdump is not installed. */
    static void assumeTcpdump() {
        Assumptions.assumeTrue(hasTcpdump(), "tcpdump is not installed; it is the reference reader here");
    }

    /**
     * What tcpdump reads from a capture, with nanosecond timestamps: it rewrites every packet it reads with
     * {@code -w -}, and the kit parses that with its own reader. Cached per file. {@code null} when tcpdump
     * cannot open the file, or is not installed (then only the byte comparison is left out).
     */
    static PcapBytes.File tcpdumpRead(Path file) {
        if (!hasTcpdump()) {
            return null;
        }
        return TCPDUMP_CACHE.computeIfAbsent(file.toAbsolutePath(), path -> {
            Result r = run(30, "tcpdump", "-n", "--time-stamp-precision=nano", "-r", path.toString(), "-w", "-");
            if (r.stdout.length == 0) {
                return null; // tcpdump could not open it: no reference
            }
            return PcapBytes.parse(r.stdout);
        });
    }

    /**
     * tshark's values of some fields (-T fields) for every frame of a capture, one array of cells per frame.
     * Fails the calling test when tshark is missing and the environment variable {@code CI} is {@code true};
     * skips it otherwise.
     */
    static List<String[]> tsharkFields(Path file, String... fields) {
        if (find("tshark") == null) {
            String why = "tshark is not installed; it is the reference here";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + "; CI=true, so this is a failure, not a skip");
            }
            Assumptions.abort(why);
        }
        List<String> command = new ArrayList<>(List.of("tshark", "-r", file.toString(), "-T", "fields"));
        for (String field : fields) {
            command.add("-e");
            command.add(field);
        }
        Result r = run(60, command.toArray(String[]::new));
        if (r.exit() != 0) {
            throw new IllegalStateException("tshark cannot read " + file + ": " + r.stderr());
        }
        return r.out().lines().filter(line -> !line.isBlank()).map(line -> line.split("\t", -1)).toList();
    }

    /**
     * The lines tcpdump prints for a capture ({@code -n -r file} and the options given), standard output only.
     * Skips the calling test when tcpdump is not installed.
     */
    static List<String> tcpdumpLines(Path file, String... options) {
        assumeTcpdump();
        List<String> command = new ArrayList<>(List.of("tcpdump", "-n", "-r", file.toString()));
        command.addAll(List.of(options));
        Result r = run(30, command.toArray(String[]::new));
        if (r.exit() != 0) {
            throw new IllegalStateException("tcpdump cannot read " + file + ": " + r.stderr());
        }
        return r.out().lines().toList();
    }

    static Result run(long timeoutSeconds, String... command) {
        Path program = find(command[0]);
        if (program == null) {
            throw new IllegalStateException(command[0] + " is not installed");
        }
        command = command.clone();
        command[0] = program.toString();
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = daemon(() -> copy(process.getErrorStream(), err));
            Thread outReader = daemon(() -> copy(process.getInputStream(), out));
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            outReader.join(TimeUnit.SECONDS.toMillis(timeoutSeconds));
            errReader.join(TimeUnit.SECONDS.toMillis(timeoutSeconds));
            return new Result(process.exitValue(), out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "trawl-tck-process-reader");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // the process ended; what was read is what there is
        }
    }
}
