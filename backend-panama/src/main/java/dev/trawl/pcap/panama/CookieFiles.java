package dev.trawl.pcap.panama;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.trawl.pcap.PcapException;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * C {@code FILE *} streams over Java streams, with glibc's {@code fopencookie}: libpcap reads a capture from an
 * {@link InputStream} and writes one to an {@link OutputStream} through them, without a thread or a
 * temporary file. The read, write and close callbacks are three upcall stubs made once for the process; the
 * cookie is a number that names a {@link Cookie} in a map, so no stub is made per stream.
 *
 * <p>Where {@code fopencookie} is absent (macOS, Windows, musl), {@link #available()} is false and the
 * stream capabilities are not declared. The callbacks catch everything: an exception must never unwind into
 * C. A stream's {@link java.io.IOException} is kept in its cookie and reported after libpcap returns.
 */
@SuppressWarnings("restricted") // the module exists to link libpcap; it asks for native access
final class CookieFiles {
    private static final Map<Long, Cookie> COOKIES = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();
    private static final int CHUNK = 64 * 1024;

    private CookieFiles() {
    }

    /** A Java stream behind a {@code FILE *}. */
    static final class Cookie {
        final long id;
        final InputStream in;
        final OutputStream out;
        private final byte[] buffer = new byte[CHUNK];
        volatile Throwable failure;
        private volatile boolean closed;

        Cookie(InputStream in, OutputStream out) {
            this.id = IDS.incrementAndGet();
            this.in = in;
            this.out = out;
        }

        /** Closes the Java stream; called by the C close callback, and directly to unblock a reader. */
        void closeStream() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                Closeable stream = in != null ? in : out;
                stream.close();
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                }
            }
        }
    }

    /** {@code cookie_io_functions_t { read; write; seek; close; }}. */
    private static final StructLayout IO_FUNCTIONS = MemoryLayout.structLayout(
            ADDRESS.withName("read"),
            ADDRESS.withName("write"),
            ADDRESS.withName("seek"),
            ADDRESS.withName("close")).withName("cookie_io_functions_t");

    private static final class fopencookie {
        // FILE *fopencookie(void *cookie, const char *mode, cookie_io_functions_t io_funcs);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, IO_FUNCTIONS);
        static final MemorySegment ADDR = Libpcap.LINKER.defaultLookup().find("fopencookie").orElse(null);
        static final MethodHandle HANDLE = Libpcap.downcallOrNull(ADDR, DESC);
    }

    private static final class fclose {
        // int fclose(FILE *stream);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        static final MemorySegment ADDR = Libpcap.LINKER.defaultLookup().find("fclose").orElseThrow();
        static final MethodHandle HANDLE = Libpcap.LINKER.downcallHandle(ADDR, DESC);
    }

    /** The upcall stubs, made on first use and kept for the life of the process. */
    private static final class Stubs {
        static final MemorySegment FUNCTIONS = make();

        private static MemorySegment make() {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                // ssize_t read(void *cookie, char *buf, size_t size);
                MemorySegment read = Libpcap.LINKER.upcallStub(
                        lookup.findStatic(CookieFiles.class, "read",
                                MethodType.methodType(long.class, MemorySegment.class, MemorySegment.class, long.class)),
                        FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG), Arena.global());
                // ssize_t write(void *cookie, const char *buf, size_t size);
                MemorySegment write = Libpcap.LINKER.upcallStub(
                        lookup.findStatic(CookieFiles.class, "write",
                                MethodType.methodType(long.class, MemorySegment.class, MemorySegment.class, long.class)),
                        FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG), Arena.global());
                // int close(void *cookie);
                MemorySegment close = Libpcap.LINKER.upcallStub(
                        lookup.findStatic(CookieFiles.class, "close",
                                MethodType.methodType(int.class, MemorySegment.class)),
                        FunctionDescriptor.of(JAVA_INT, ADDRESS), Arena.global());
                MemorySegment functions = Arena.global().allocate(IO_FUNCTIONS);
                functions.set(ADDRESS, IO_FUNCTIONS.byteOffset(MemoryLayout.PathElement.groupElement("read")), read);
                functions.set(ADDRESS, IO_FUNCTIONS.byteOffset(MemoryLayout.PathElement.groupElement("write")), write);
                functions.set(ADDRESS, IO_FUNCTIONS.byteOffset(MemoryLayout.PathElement.groupElement("seek")),
                        MemorySegment.NULL);
                functions.set(ADDRESS, IO_FUNCTIONS.byteOffset(MemoryLayout.PathElement.groupElement("close")), close);
                return functions;
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /** How many C streams over Java streams are open; for the tests' leak checks. */
    static int live() {
        return COOKIES.size();
    }

    /** Whether the C library has {@code fopencookie}. */
    static boolean available() {
        return fopencookie.ADDR != null;
    }

    /** Opens a {@code FILE *} reading from the stream; the cookie's close callback closes the stream. */
    static MemorySegment openRead(Cookie cookie) throws PcapException {
        return open(cookie, "rb");
    }

    /** Opens a {@code FILE *} writing to the stream. */
    static MemorySegment openWrite(Cookie cookie) throws PcapException {
        return open(cookie, "wb");
    }

    private static MemorySegment open(Cookie cookie, String mode) throws PcapException {
        COOKIES.put(cookie.id, cookie);
        MemorySegment file;
        try (Arena scratch = Arena.ofConfined()) {
            file = (MemorySegment) fopencookie.HANDLE.invokeExact(MemorySegment.ofAddress(cookie.id),
                    scratch.allocateFrom(mode), Stubs.FUNCTIONS);
        } catch (Throwable t) {
            COOKIES.remove(cookie.id);
            throw Libpcap.unexpected(t);
        }
        if (file.equals(MemorySegment.NULL)) {
            COOKIES.remove(cookie.id);
            throw new PcapException("fopencookie failed: cannot make a C stream over the Java stream");
        }
        return file;
    }

    /** Closes a {@code FILE *} that libpcap did not take over; this closes the Java stream too. */
    static void fclose(MemorySegment file) {
        try {
            int ignored = (int) fclose.HANDLE.invokeExact(file);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static long read(MemorySegment cookieId, MemorySegment buf, long size) {
        Cookie cookie = COOKIES.get(cookieId.address());
        if (cookie == null || cookie.in == null) {
            return -1;
        }
        try {
            int n = cookie.in.read(cookie.buffer, 0, (int) Math.min(size, cookie.buffer.length));
            if (n < 0) {
                return 0; // end of file
            }
            MemorySegment.copy(cookie.buffer, 0, buf.reinterpret(n), JAVA_BYTE, 0, n);
            return n;
        } catch (Throwable t) {
            cookie.failure = t;
            return -1;
        }
    }

    private static long write(MemorySegment cookieId, MemorySegment buf, long size) {
        Cookie cookie = COOKIES.get(cookieId.address());
        if (cookie == null || cookie.out == null) {
            return 0;
        }
        try {
            MemorySegment from = buf.reinterpret(size);
            for (long done = 0; done < size; ) {
                int n = (int) Math.min(size - done, cookie.buffer.length);
                MemorySegment.copy(from, JAVA_BYTE, done, cookie.buffer, 0, n);
                cookie.out.write(cookie.buffer, 0, n);
                done += n;
            }
            return size;
        } catch (Throwable t) {
            cookie.failure = t;
            return 0; // fopencookie: 0 reports an error; a negative value is not allowed
        }
    }

    private static int close(MemorySegment cookieId) {
        Cookie cookie = COOKIES.remove(cookieId.address());
        if (cookie == null) {
            return 0;
        }
        try {
            if (cookie.out != null && !cookie.closed) {
                cookie.out.flush();
            }
        } catch (Throwable t) {
            cookie.failure = t;
        }
        cookie.closeStream();
        return cookie.failure == null ? 0 : -1;
    }
}
