package dev.trawl.pcap.pcap4j;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/** The C library calls the stream and recovery paths need, bound on first use. */
final class Libc {
    static {
        Native.register(Libc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private Libc() {
    }

    /** {@code long ftell(FILE *stream);} */
    static native NativeLong ftell(Pointer stream);

    /** {@code int pipe(int pipefd[2]);} */
    static native int pipe(int[] fds);

    /** {@code ssize_t write(int fd, const void *buf, size_t count);} */
    static native NativeLong write(int fd, Pointer buf, NativeLong count);

    /** {@code ssize_t read(int fd, void *buf, size_t count);} */
    static native NativeLong read(int fd, Pointer buf, NativeLong count);

    /** {@code int close(int fd);} */
    static native int close(int fd);
}
