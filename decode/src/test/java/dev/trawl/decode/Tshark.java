package dev.trawl.decode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the installed tshark for the tests that compare with it. */
public final class Tshark {
    private Tshark() {
    }

    /**
     * Runs {@code tshark ARGS...} and returns what it wrote on standard output (its warnings on standard error
     * are dropped).
     *
     * @throws IOException if tshark cannot run or takes more than two minutes
     */
    public static String output(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add("tshark");
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tshark timed out: " + command);
        }
        return out;
    }
}
