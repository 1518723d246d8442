package dev.trawl.cli;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * {@code -Z USER}: gives up root once the capture device is open, as tcpdump's {@code droproot} does:
 * {@code getpwnam}, {@code initgroups}, {@code setgid}, {@code setuid}, called in libc through the JDK's
 * foreign function API. glibc applies {@code setuid} to every thread of the process, so the JVM's other
 * threads lose root too. The drop is then checked: getting root back must fail. Linux (glibc, 64-bit) only.
 * Stateless.
 */
final class Privileges {
    private static final int EPERM = 1;
    // struct passwd on 64-bit glibc: char *pw_name; char *pw_passwd; uid_t pw_uid; gid_t pw_gid; ...
    private static final long PW_UID_OFFSET = 16;
    private static final long PW_GID_OFFSET = 20;

    private Privileges() {
    }

    static void drop(String user) throws CliException {
        preloadClasses();
        try {
            dropNative(user);
        } catch (CliException e) {
            throw e;
        } catch (Throwable e) {
            throw new CliException("-Z is not supported here: " + e.getMessage()
                    + " (run with --enable-native-access=ALL-UNNAMED on Linux/glibc)", e);
        }
    }

    private static void dropNative(String user) throws Throwable {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        Linker.Option errno = Linker.Option.captureCallState("errno");
        VarHandle errnoHandle = Linker.Option.captureStateLayout()
                .varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
        MethodHandle geteuid = linker.downcallHandle(find(libc, "geteuid"), FunctionDescriptor.of(ValueLayout.JAVA_INT));
        MethodHandle getpwnam = linker.downcallHandle(find(libc, "getpwnam"),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        MethodHandle initgroups = linker.downcallHandle(find(libc, "initgroups"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT), errno);
        MethodHandle setgid = linker.downcallHandle(find(libc, "setgid"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), errno);
        MethodHandle setuid = linker.downcallHandle(find(libc, "setuid"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), errno);

        if ((int) geteuid.invokeExact() != 0) {
            System.err.println("trawl: -Z " + user + " ignored: not running as root");
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocateFrom(user);
            MemorySegment pw = (MemorySegment) getpwnam.invokeExact(name);
            if (pw.equals(MemorySegment.NULL)) {
                throw new CliException("couldn't find user '" + user + "'");
            }
            pw = pw.reinterpret(PW_GID_OFFSET + 4);
            int uid = pw.get(ValueLayout.JAVA_INT, PW_UID_OFFSET);
            int gid = pw.get(ValueLayout.JAVA_INT, PW_GID_OFFSET);
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            if ((int) initgroups.invokeExact(state, name, gid) != 0
                    || (int) setgid.invokeExact(state, gid) != 0
                    || (int) setuid.invokeExact(state, uid) != 0) {
                int code = (int) errnoHandle.get(state, 0L);
                throw new CliException("couldn't change to '" + user + "' uid=" + uid + " gid=" + gid + ": "
                        + (code == EPERM ? "Operation not permitted" : "errno " + code));
            }
            if (uid != 0 && (int) setuid.invokeExact(state, 0) == 0) {
                throw new CliException("dropping root to '" + user + "' did not stick: setuid(0) still succeeds");
            }
        }
    }

    /**
     * Loads trawl's classes (and JNA's) before root is given up: the class path usually lies under
     * a directory the new user cannot read, such as {@code /root/.m2} or a private build directory, and the JVM
     * loads classes lazily. Class-path entries may be jars or class directories.
     */
    private static void preloadClasses() {
        ClassLoader loader = Privileges.class.getClassLoader();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            java.nio.file.Path path = java.nio.file.Path.of(entry);
            if (java.nio.file.Files.isDirectory(path)) {
                try (var files = java.nio.file.Files.walk(path)) {
                    files.map(f -> path.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                            .forEach(name -> preload(name, loader));
                } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
                    // an unreadable directory: nothing to preload from it
                }
            } else if (entry.endsWith(".jar")) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entry)) {
                    for (var it = jar.entries(); it.hasMoreElements(); ) {
                        preload(it.nextElement().getName(), loader);
                    }
                } catch (java.io.IOException ignored) {
                    // an unreadable entry: nothing to preload from it
                }
            }
        }
    }

    private static void preload(String name, ClassLoader loader) {
        if (name.endsWith(".class") && !name.contains("-") && (name.startsWith("dev/trawl/")
                || name.startsWith("com/sun/jna/"))) {
            try {
                Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
            } catch (Throwable ignored) {
                // a class that cannot load here (another platform's) is not needed here either
            }
        }
    }

    private static MemorySegment find(SymbolLookup lookup, String symbol) {
        return lookup.find(symbol).orElseThrow(() -> new UnsupportedOperationException("libc has no " + symbol));
    }
}
