package dev.trawl.pcap.jna;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The few C library calls the stream handles and dumpers need: libpcap reads and writes a {@code FILE *},
 * so a Java stream is joined to it through a pipe. Direct mapping, registered once by {@link JnaBackend}.
 */
final class Libc {
    private Libc() {
    }

    static void register() {
        Native.register(Libc.class, Platform.C_LIBRARY_NAME);
    }

    /** {@code int pipe(int pipefd[2]);} */
    static native int pipe(int[] fds);

    /** {@code FILE *fdopen(int fd, const char *mode);} */
    static native long fdopen(int fd, String mode);

    /** {@code int fclose(FILE *stream);} */
    static native int fclose(long stream);

    /** {@code ssize_t read(int fd, void *buf, size_t count);} */
    static native long read(int fd, long buf, long count);

    /** {@code ssize_t write(int fd, const void *buf, size_t count);} */
    static native long write(int fd, long buf, long count);

    /** {@code int close(int fd);} */
    static native int close(int fd);
}
