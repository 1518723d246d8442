package dev.trawl.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests that print captures built in the test with both tcpdump and trawl share: a directory for the
 * captures, and tcpdump on the path (in CI it is installed, so the tests run there).
 */
abstract class TcpdumpComparison {
    @TempDir
    Path dir;

    @BeforeEach
    void needsTcpdump() {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
    }
}
