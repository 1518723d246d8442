package dev.trawl.pcap.afpacket;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;

/**
 * The C library functions the backend calls, bound with {@code java.lang.foreign} in the jextract style: one
 * holder class per function, resolved on first use, called with {@code invokeExact}. Functions whose failure
 * is reported take a call-state segment first ({@link #newCallState}) into which the linker copies
 * {@code errno} right after the call, before the JVM can overwrite it; {@link #errno} reads it back.
 *
 * <p>Only the reading thread calls {@code poll} on a handle, with a call state of its own; every other call
 * is cold and takes a call state from a confined arena of the caller's.
 */
@SuppressWarnings("restricted") // the module exists to call the C library; it asks for native access
final class Libc {
    static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final long ERRNO = CALL_STATE.byteOffset(groupElement("errno"));
    private static final Linker.Option SAVE_ERRNO = Linker.Option.captureCallState("errno");

    static final int EINTR = 4;
    static final int ENXIO = 6;
    static final int EAGAIN = 11;
    static final int EPERM = 1;
    static final int EACCES = 13;
    static final int ENODEV = 19;
    static final int EINVAL = 22;
    static final int ENOBUFS = 105;
    static final int EOPNOTSUPP = 95;
    static final int ENETDOWN = 100;

    private Libc() {
    }

    /** A segment for the {@code errno} of one call at a time. */
    static MemorySegment newCallState(Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    /** The {@code errno} the last call that took this state left. */
    static int errno(MemorySegment state) {
        return state.get(JAVA_INT, ERRNO);
    }

    /** {@code strerror} text for an error number, as libpcap prints it after a colon. */
    static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) Strerror.H.invokeExact(errno);
            return text.equals(MemorySegment.NULL) ? "error " + errno : text.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code "what: text of errno"}. */
    static String describe(String what, MemorySegment state) {
        return what + ": " + strerror(errno(state));
    }

    private static MethodHandle bind(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("the C library has no " + name));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new AssertionError("a downcall threw a checked exception", t);
    }

    /** Whether the C library has every function the backend calls. */
    static boolean complete() {
        for (String name : new String[] {"socket", "setsockopt", "getsockopt", "bind", "mmap", "munmap", "poll",
                "eventfd", "read", "write", "close", "send", "if_nametoindex", "if_indextoname", "ioctl",
                "getifaddrs", "freeifaddrs", "strerror"}) {
            if (LINKER.defaultLookup().find(name).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    // ---- sockets ------------------------------------------------------------------------------------------

    /** {@code int socket(int domain, int type, int protocol);} */
    private static final class Socket {
        static final MethodHandle H = bind("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
                SAVE_ERRNO);
    }

    static int socket(MemorySegment state, int domain, int type, int protocol) {
        try {
            return (int) Socket.H.invokeExact(state, domain, type, protocol);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code int setsockopt(int fd, int level, int name, const void *value, socklen_t length);} */
    private static final class SetSockOpt {
        static final MethodHandle H = bind("setsockopt",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), SAVE_ERRNO);
    }

    static int setsockopt(MemorySegment state, int fd, int level, int name, MemorySegment value) {
        try {
            return (int) SetSockOpt.H.invokeExact(state, fd, level, name, value, (int) value.byteSize());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code int getsockopt(int fd, int level, int name, void *value, socklen_t *length);} */
    private static final class GetSockOpt {
        static final MethodHandle H = bind("getsockopt",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), SAVE_ERRNO);
    }

    static int getsockopt(MemorySegment state, int fd, int level, int name, MemorySegment value, MemorySegment length) {
        try {
            return (int) GetSockOpt.H.invokeExact(state, fd, level, name, value, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code int bind(int fd, const struct sockaddr *address, socklen_t length);} */
    private static final class Bind {
        static final MethodHandle H = bind("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT),
                SAVE_ERRNO);
    }

    static int bind(MemorySegment state, int fd, MemorySegment address) {
        try {
            return (int) Bind.H.invokeExact(state, fd, address, (int) address.byteSize());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code ssize_t send(int fd, const void *buffer, size_t length, int flags);} */
    private static final class Send {
        static final MethodHandle H = bind("send",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), SAVE_ERRNO);
    }

    static long send(MemorySegment state, int fd, MemorySegment buffer, long length, int flags) {
        try {
            return (long) Send.H.invokeExact(state, fd, buffer, length, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code int close(int fd);} */
    private static final class Close {
        static final MethodHandle H = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    static int close(int fd) {
        try {
            return (int) Close.H.invokeExact(fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code int ioctl(int fd, unsigned long request, ...);} with one pointer argument. */
    private static final class Ioctl {
        static final MethodHandle H = bind("ioctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
                Linker.Option.firstVariadicArg(2), SAVE_ERRNO);
    }

    static int ioctl(MemorySegment state, int fd, long request, MemorySegment argument) {
        try {
            return (int) Ioctl.H.invokeExact(state, fd, request, argument);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- memory ---------------------------------------------------------------------------------------------

    /** {@code void *mmap(void *address, size_t length, int protection, int flags, int fd, off_t offset);} */
    private static final class Mmap {
        static final MethodHandle H = bind("mmap",
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG), SAVE_ERRNO);
    }

    /** Maps a file descriptor; returns the address, or -1 ({@code MAP_FAILED}). */
    static long mmap(MemorySegment state, long length, int protection, int flags, int fd) {
        try {
            return ((MemorySegment) Mmap.H.invokeExact(state, MemorySegment.NULL, length, protection, flags, fd, 0L))
                    .address();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code int munmap(void *address, size_t length);} */
    private static final class Munmap {
        static final MethodHandle H = bind("munmap", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    }

    static int munmap(long address, long length) {
        try {
            return (int) Munmap.H.invokeExact(address, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- waiting ----------------------------------------------------------------------------------------------

    /** {@code int poll(struct pollfd *fds, nfds_t count, int timeout);} */
    private static final class Poll {
        static final MethodHandle H = bind("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT),
                SAVE_ERRNO);
    }

    static int poll(MemorySegment state, MemorySegment fds, long count, int timeoutMillis) {
        try {
            return (int) Poll.H.invokeExact(state, fds, count, timeoutMillis);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@code poll} without {@code errno}: the linker slices the call-state segment on every call it does not
     * compile inline, and a call made once per ring block never is, so the reading thread's wait leaves
     * {@code errno} out and asks again with it only when the call fails.
     */
    private static final class PollNoErrno {
        static final MethodHandle H = bind("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    }

    static int poll(MemorySegment fds, long count, int timeoutMillis) {
        try {
            return (int) PollNoErrno.H.invokeExact(fds, count, timeoutMillis);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code int eventfd(unsigned int initial, int flags);} */
    private static final class EventFd {
        static final MethodHandle H = bind("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), SAVE_ERRNO);
    }

    static int eventfd(MemorySegment state, int initial, int flags) {
        try {
            return (int) EventFd.H.invokeExact(state, initial, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code ssize_t read(int fd, void *buffer, size_t length);} */
    private static final class Read {
        static final MethodHandle H = bind("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    }

    static long read(int fd, MemorySegment buffer) {
        try {
            return (long) Read.H.invokeExact(fd, buffer, buffer.byteSize());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code ssize_t write(int fd, const void *buffer, size_t length);} */
    private static final class Write {
        static final MethodHandle H = bind("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    }

    static long write(int fd, MemorySegment buffer) {
        try {
            return (long) Write.H.invokeExact(fd, buffer, buffer.byteSize());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- interfaces ---------------------------------------------------------------------------------------------

    /** {@code unsigned int if_nametoindex(const char *name);} */
    private static final class IfNameToIndex {
        static final MethodHandle H = bind("if_nametoindex", FunctionDescriptor.of(JAVA_INT, ADDRESS), SAVE_ERRNO);
    }

    static int ifNameToIndex(MemorySegment state, MemorySegment name) {
        try {
            return (int) IfNameToIndex.H.invokeExact(state, name);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code char *if_indextoname(unsigned int index, char *name);} */
    private static final class IfIndexToName {
        static final MethodHandle H = bind("if_indextoname", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS));
    }

    static MemorySegment ifIndexToName(int index, MemorySegment name) {
        try {
            return (MemorySegment) IfIndexToName.H.invokeExact(index, name);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code int getifaddrs(struct ifaddrs **list);} */
    private static final class GetIfAddrs {
        static final MethodHandle H = bind("getifaddrs", FunctionDescriptor.of(JAVA_INT, ADDRESS), SAVE_ERRNO);
    }

    static int getifaddrs(MemorySegment state, MemorySegment list) {
        try {
            return (int) GetIfAddrs.H.invokeExact(state, list);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code void freeifaddrs(struct ifaddrs *list);} */
    private static final class FreeIfAddrs {
        static final MethodHandle H = bind("freeifaddrs", FunctionDescriptor.ofVoid(JAVA_LONG));
    }

    static void freeifaddrs(long list) {
        try {
            FreeIfAddrs.H.invokeExact(list);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code char *strerror(int errnum);} */
    private static final class Strerror {
        static final MethodHandle H = bind("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }
}
