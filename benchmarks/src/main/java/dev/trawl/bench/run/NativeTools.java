package dev.trawl.bench.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the C programs of the benchmark (shipped as resources under {@code c/}) with gcc against the
 * installed libpcap, and runs processes with a time bound.
 */
public final class NativeTools {
    /** The C programs, each one source file linked with libpcap. */
    public static final List<String> PROGRAMS = List.of("trawl_cbench", "trawl_clive", "trawl_csend");

    private final Path binDir;

    private NativeTools(Path binDir) {
        this.binDir = binDir;
    }

    /** Compiles every program into {@code dir/bin}. */
    public static NativeTools build(Path dir) throws IOException, InterruptedException {
        Path src = dir.resolve("c");
        Path bin = dir.resolve("bin");
        Files.createDirectories(src);
        Files.createDirectories(bin);
        for (String program : PROGRAMS) {
            Path source = src.resolve(program + ".c");
            try (InputStream in = NativeTools.class.getResourceAsStream("/c/" + program + ".c")) {
                if (in == null) {
                    throw new IOException("C source c/" + program + ".c is missing from the class path");
                }
                Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
            }
            run(List.of("gcc", "-O2", "-Wall", "-pthread", "-o", bin.resolve(program).toString(), source.toString(), "-lpcap"),
                    120);
        }
        return new NativeTools(bin);
    }

    /** The path of a built program. */
    public Path program(String name) {
        return binDir.resolve(name);
    }

    /**
     * Runs a command, waiting at most {@code timeoutSeconds}, and returns its standard output.
     *
     * @throws IOException if it cannot start, fails, or times out; the message carries its error output
     */
    public static String run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path err = Files.createTempFile("trawl-bench", ".err");
        Path out = Files.createTempFile("trawl-bench", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IOException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IOException("failed with status " + process.exitValue() + ": " + String.join(" ", command)
                        + "\n" + Files.readString(err).strip());
            }
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(out);
        }
    }

    /** Splits a line on tabs. */
    static List<String> fields(String line) {
        return new ArrayList<>(List.of(line.split("\t", -1)));
    }
}
