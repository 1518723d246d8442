package dev.trawl.pcap.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the shared test corpus is: the one locator of every module's tests. The corpus is the directory named
 * by the system property {@value #PROPERTY} (the parent pom sets it to {@code ../shared/corpus} beside the
 * checkout), else by the environment variable {@value #ENV}. A test that needs the corpus and does not find it
 * fails, saying where the corpus was expected and how to point to it: a missing corpus must never turn tests
 * into skips, least of all in CI.
 *
 * <p>This class depends on the JDK only, so that {@code pcap-api}, which the kit itself depends on, compiles
 * the same source into its tests. Stateless and thread-safe.
 */
public final class TestCorpus {
    /** The system property that names the corpus directory. */
    public static final String PROPERTY = "trawl.corpus";
    /** The environment variable that names it when the property is not set. */
    public static final String ENV = "TRAWL_CORPUS";

    private TestCorpus() {
    }

    /**
     * The corpus directory.
     *
     * @throws AssertionError if it is not named, or not there; the message says where it was expected and how
     *     to point to it
     */
    public static Path root() {
        String property = System.getProperty(PROPERTY);
        String env = System.getenv(ENV);
        String named = property != null && !property.isBlank() ? property : env;
        if (named == null || named.isBlank()) {
            throw new AssertionError("the shared test corpus is not named: set -D" + PROPERTY + "=DIR (the parent "
                    + "pom sets it to ../shared/corpus beside the checkout, so run the tests through Maven) or the "
                    + "environment variable " + ENV + "=DIR");
        }
        Path root = Path.of(named).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("captures"))) {
            throw new AssertionError("the shared test corpus is expected at " + root + " (from "
                    + (named.equals(property) ? "-D" + PROPERTY : ENV) + "), but " + root.resolve("captures")
                    + " is not a directory: put the corpus there, or point -D" + PROPERTY + " or " + ENV + " at it");
        }
        return root;
    }

    /**
     * A file or directory of the corpus, by its path relative to the root ({@code "filters/expressions.tsv"}).
     *
     * @throws AssertionError if the corpus or the file is missing
     */
    public static Path file(String relative) {
        Path root = root();
        Path file = root.resolve(relative);
        if (!Files.exists(file)) {
            throw new AssertionError("the shared test corpus at " + root + " has no " + relative
                    + ": update the corpus, or point -D" + PROPERTY + " or " + ENV + " at a complete one");
        }
        return file;
    }

    /** The directory of capture files. */
    public static Path captures() {
        return file("captures");
    }

    /**
     * A capture file of the corpus, by name ({@code "dns_tcp.pcap"}).
     *
     * @throws AssertionError if the corpus or the capture is missing
     */
    public static Path capture(String name) {
        return file("captures/" + name);
    }

    /** Every {@code .pcap} and {@code .pcapng} file of the corpus, sorted by name. */
    public static List<Path> captureFiles() {
        try (Stream<Path> files = Files.list(captures())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pcap")
                    || f.getFileName().toString().endsWith(".pcapng")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
