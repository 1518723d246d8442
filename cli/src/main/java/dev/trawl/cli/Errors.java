package dev.trawl.cli;

import dev.trawl.pcap.BackendUnavailableException;
import dev.trawl.pcap.InvalidFilterException;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.NoSuchDeviceException;
import dev.trawl.pcap.PermissionDeniedException;
import dev.trawl.pcap.UnsupportedCapabilityException;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions into the tool's one-line messages and exit statuses. Stateless. */
final class Errors {
    private Errors() {
    }

    /** Prints the message for a failure and returns the exit status. */
    static int report(Exception e, PrintStream err, boolean debug) {
        int status = e instanceof CliException cli ? cli.status() : 1;
        err.println("trawl: " + message(e));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    /**
     * The error for a capture whose reading failed after {@code packets} packets: every output mode and
     * {@code stats} say it in these words.
     */
    static CliException readError(String source, MalformedCaptureException e, long packets) {
        String text = message(e);
        return new CliException((text.contains(source) ? "" : source + ": ") + text + " (after " + packets
                + (packets == 1 ? " packet)" : " packets)"), e);
    }

    static String message(Throwable e) {
        if (e instanceof CliException) {
            return e.getMessage();
        }
        if (e instanceof InvalidFilterException f) {
            return "bad filter: " + f.getMessage();
        }
        if (e instanceof PermissionDeniedException) {
            String text = e.getMessage();
            return text.contains("CAP_NET_RAW") ? text : text + "; " + PermissionDeniedException.LINUX_HINT;
        }
        if (e instanceof NoSuchDeviceException d) {
            String text = d.getMessage();
            return (text.contains(d.device()) ? text : d.device() + ": " + text) + "; see trawl -D for the list";
        }
        if (e instanceof MalformedCaptureException m) {
            String text = m.getMessage();
            if (m.offset() >= 0 && !text.contains("offset")) {
                return "malformed capture at offset " + m.offset() + ": " + text;
            }
            return text;
        }
        if (e instanceof BackendUnavailableException) {
            return e.getMessage();
        }
        if (e instanceof UnsupportedCapabilityException) {
            return e.getMessage() + " (choose another with --backend; see --list-backends)";
        }
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + ": No such file or directory";
        }
        if (e instanceof AccessDeniedException f) {
            return f.getFile() + ": Permission denied";
        }
        if (e instanceof UncheckedIOException u) {
            return message(u.getCause());
        }
        String text = e.getMessage();
        return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
    }
}
