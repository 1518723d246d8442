package dev.trawl.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The streams one run of the tool uses: standard input, output (data) and error (diagnostics). Tests pass
 * their own; {@link Trawl#main} passes the process's.
 *
 * @param in standard input, for {@code -r -} and {@code --check-filters -}
 * @param out where packets, fields and listings go
 * @param err where messages, the progress bar and capture statistics go
 */
record Io(InputStream in, PrintStream out, PrintStream err) {
    /**
     * The raw stream for bulk data output: for the process's own standard output, an unbuffered file
     * stream (the tool buffers itself), so that large writes skip the PrintStream's locking and flushing.
     * Closing it leaves the process's standard output open, for what is written after (statistics).
     */
    OutputStream dataOut() {
        return out == System.out ? new StandardOutput() : out;
    }

    /** The process's standard output, written straight to its file descriptor, which closing keeps open. */
    private static final class StandardOutput extends FilterOutputStream {
        StandardOutput() {
            super(new FileOutputStream(FileDescriptor.out));
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Whether standard error is the process's own and a terminal. */
    boolean errIsTerminal() {
        return err == System.err && isTerminal(2);
    }

    /** Whether standard output is the process's own and a terminal. */
    boolean outIsTerminal() {
        return out == System.out && isTerminal(1);
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return false; // not Linux, or no /proc: assume not a terminal
        }
    }
}
