package dev.trawl.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The completion script, run by bash as it runs it on a tab: what it offers for a line being typed. */
class CompletionTest {
    /** What the script puts in COMPREPLY for {@code line}, the cursor at its end. */
    private static String complete(String line) throws IOException, InterruptedException {
        Path script = Files.createTempFile("trawl-completion", ".bash");
        try {
            Files.writeString(script, Completion.script(Trawl.SPEC, List.of(StatsCommand.SPEC, ExampleCommand.SPEC),
                    ExampleCommand.NAMES));
            String program = "source \"$1\"; read -ra COMP_WORDS <<< \"$2\"; [[ $2 == *' ' ]] && COMP_WORDS+=('');"
                    + " COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _trawl; echo \"${COMPREPLY[*]}\"";
            Process p = new ProcessBuilder("bash", "-c", program, "bash", script.toString(), line)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            return out;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    @Test
    void offersOptionsSubcommandsChoicesAndExampleNames() throws IOException, InterruptedException {
        assertEquals("--list-backends", complete("trawl --list"));
        assertEquals("stats", complete("trawl st"));
        assertEquals("fields", complete("trawl -r f.pcap -T fi"));
        assertEquals("micro nano", complete("trawl --time-stamp-precision "));
        assertEquals("pcap pcapng", complete("trawl -w out -F pcap"));
        assertEquals("--debug", complete("trawl stats --de"));
        assertEquals("FollowStreams", complete("trawl example Fo"));
        // a file name, which bash's default completion supplies
        assertEquals("", complete("trawl -r "));
    }
}
