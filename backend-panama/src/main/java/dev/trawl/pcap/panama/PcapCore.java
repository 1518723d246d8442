package dev.trawl.pcap.panama;

import static dev.trawl.pcap.panama.Libpcap.C_INT;
import static dev.trawl.pcap.panama.Libpcap.C_POINTER;
import static dev.trawl.pcap.panama.Libpcap.LINKER;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * libpcap's functions that open, describe and close a {@code pcap_t}, bound jextract-style: one lazily
 * initialised holder class per function ({@code DESC}, {@code ADDR}, {@code HANDLE}) called with
 * {@code invokeExact}. Optional functions, newer than some libpcap releases, have a {@code null} {@code ADDR}
 * and {@code HANDLE} when the loaded libpcap lacks them; callers check {@link Libpcap#has} first.
 */
@SuppressWarnings("restricted") // the module exists to link libpcap; it asks for native access
final class PcapCore {
    private PcapCore() {
    }

    private static final class pcap_lib_version {
        // const char *pcap_lib_version(void);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_lib_version");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static MemorySegment pcap_lib_version() {
        try {
            return (MemorySegment) pcap_lib_version.HANDLE.invokeExact();
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_init {
        // int pcap_init(unsigned int opts, char *errbuf);  (libpcap 1.10)
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER);
        static final MemorySegment ADDR = Libpcap.find("pcap_init").orElse(null);
        static final MethodHandle HANDLE = Libpcap.downcallOrNull(ADDR, DESC);
    }

    static int pcap_init(int opts, MemorySegment errbuf) {
        try {
            return (int) pcap_init.HANDLE.invokeExact(opts, errbuf);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_create {
        // pcap_t *pcap_create(const char *source, char *errbuf);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_create");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static MemorySegment pcap_create(MemorySegment source, MemorySegment errbuf) {
        try {
            return (MemorySegment) pcap_create.HANDLE.invokeExact(source, errbuf);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_activate {
        // int pcap_activate(pcap_t *p);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_activate");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_activate(MemorySegment p) {
        try {
            return (int) pcap_activate.HANDLE.invokeExact(p);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_geterr {
        // char *pcap_geterr(pcap_t *p);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_geterr");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static MemorySegment pcap_geterr(MemorySegment p) {
        try {
            return (MemorySegment) pcap_geterr.HANDLE.invokeExact(p);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_statustostr {
        // const char *pcap_statustostr(int error);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_INT);
        static final MemorySegment ADDR = Libpcap.require("pcap_statustostr");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static MemorySegment pcap_statustostr(int error) {
        try {
            return (MemorySegment) pcap_statustostr.HANDLE.invokeExact(error);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_close {
        // void pcap_close(pcap_t *p);
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_close");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static void pcap_close(MemorySegment p) {
        try {
            pcap_close.HANDLE.invokeExact(p);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_open_offline_with_tstamp_precision {
        // pcap_t *pcap_open_offline_with_tstamp_precision(const char *fname, u_int precision, char *errbuf);  (libpcap 1.5)
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_INT, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_open_offline_with_tstamp_precision");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static MemorySegment pcap_open_offline_with_tstamp_precision(MemorySegment fname, int precision, MemorySegment errbuf) {
        try {
            return (MemorySegment) pcap_open_offline_with_tstamp_precision.HANDLE.invokeExact(fname, precision, errbuf);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_fopen_offline_with_tstamp_precision {
        // pcap_t *pcap_fopen_offline_with_tstamp_precision(FILE *fp, u_int precision, char *errbuf);  (libpcap 1.5; absent from some Windows builds)
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_INT, C_POINTER);
        static final MemorySegment ADDR = Libpcap.find("pcap_fopen_offline_with_tstamp_precision").orElse(null);
        static final MethodHandle HANDLE = Libpcap.downcallOrNull(ADDR, DESC);
    }

    static MemorySegment pcap_fopen_offline_with_tstamp_precision(MemorySegment fp, int precision, MemorySegment errbuf) {
        try {
            return (MemorySegment) pcap_fopen_offline_with_tstamp_precision.HANDLE.invokeExact(fp, precision, errbuf);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_open_dead_with_tstamp_precision {
        // pcap_t *pcap_open_dead_with_tstamp_precision(int linktype, int snaplen, u_int precision);  (libpcap 1.5)
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_INT, C_INT, C_INT);
        static final MemorySegment ADDR = Libpcap.require("pcap_open_dead_with_tstamp_precision");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static MemorySegment pcap_open_dead_with_tstamp_precision(int linktype, int snaplen, int precision) {
        try {
            return (MemorySegment) pcap_open_dead_with_tstamp_precision.HANDLE.invokeExact(linktype, snaplen, precision);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_datalink {
        // int pcap_datalink(pcap_t *p);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_datalink");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_datalink(MemorySegment p) {
        try {
            return (int) pcap_datalink.HANDLE.invokeExact(p);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_snapshot {
        // int pcap_snapshot(pcap_t *p);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_snapshot");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_snapshot(MemorySegment p) {
        try {
            return (int) pcap_snapshot.HANDLE.invokeExact(p);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_major_version {
        // int pcap_major_version(pcap_t *p);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_major_version");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_major_version(MemorySegment p) {
        try {
            return (int) pcap_major_version.HANDLE.invokeExact(p);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_minor_version {
        // int pcap_minor_version(pcap_t *p);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_minor_version");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_minor_version(MemorySegment p) {
        try {
            return (int) pcap_minor_version.HANDLE.invokeExact(p);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_is_swapped {
        // int pcap_is_swapped(pcap_t *p);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_is_swapped");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_is_swapped(MemorySegment p) {
        try {
            return (int) pcap_is_swapped.HANDLE.invokeExact(p);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_get_tstamp_precision {
        // int pcap_get_tstamp_precision(pcap_t *p);  (libpcap 1.5)
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_get_tstamp_precision");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_get_tstamp_precision(MemorySegment p) {
        try {
            return (int) pcap_get_tstamp_precision.HANDLE.invokeExact(p);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }
}
