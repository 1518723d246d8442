package dev.trawl.pcap.panama;

import static dev.trawl.pcap.panama.Libpcap.C_INT;
import static dev.trawl.pcap.panama.Libpcap.C_POINTER;
import static dev.trawl.pcap.panama.Libpcap.LINKER;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * libpcap's functions on the packet path: reading, filtering and dumping. Holder classes as in
 * {@link PcapCore}. {@code pcap_next_ex} has a second, critical handle (no thread-state transition) used only
 * by handles whose reads cannot block for long and never call back into Java.
 */
@SuppressWarnings("restricted") // the module exists to link libpcap; it asks for native access
final class PcapIo {
    private PcapIo() {
    }

    private static final class pcap_next_ex {
        // int pcap_next_ex(pcap_t *p, struct pcap_pkthdr **pkt_header, const u_char **pkt_data);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_next_ex");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
        // no thread-state transition: only for reads that cannot block long nor call back into Java
        static final MethodHandle CRITICAL = LINKER.downcallHandle(ADDR, DESC, Linker.Option.critical(false));
        // The same call with the pointers as 64-bit integers, which every 64-bit C calling convention passes
        // exactly as pointers: the per-packet call then skips unwrapping three MemorySegments.
        static final FunctionDescriptor RAW_DESC = FunctionDescriptor.of(C_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG);
        static final MethodHandle RAW = RAW_POINTERS ? LINKER.downcallHandle(ADDR, RAW_DESC) : null;
        static final MethodHandle RAW_CRITICAL = RAW_POINTERS
                ? LINKER.downcallHandle(ADDR, RAW_DESC, Linker.Option.critical(false)) : null;
    }

    /** Whether pointers can be passed as {@code long}s: pointers are 64 bits wide. */
    static final boolean RAW_POINTERS = ValueLayout.ADDRESS.byteSize() == 8;

    /** {@code pcap_next_ex} with raw addresses; only when {@link #RAW_POINTERS}. */
    static int pcap_next_ex_raw(long p, long header, long data) {
        try {
            return (int) pcap_next_ex.RAW.invokeExact(p, header, data);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    /** {@code pcap_next_ex} with raw addresses, critical; only when {@link #RAW_POINTERS}. */
    static int pcap_next_ex_raw_critical(long p, long header, long data) {
        try {
            return (int) pcap_next_ex.RAW_CRITICAL.invokeExact(p, header, data);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    static int pcap_next_ex(MemorySegment p, MemorySegment header, MemorySegment data) {
        try {
            return (int) pcap_next_ex.HANDLE.invokeExact(p, header, data);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    static int pcap_next_ex_critical(MemorySegment p, MemorySegment header, MemorySegment data) {
        try {
            return (int) pcap_next_ex.CRITICAL.invokeExact(p, header, data);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_dispatch {
        // int pcap_dispatch(pcap_t *p, int cnt, pcap_handler callback, u_char *user);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_dispatch");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_dispatch(MemorySegment p, int cnt, MemorySegment callback, MemorySegment user) {
        try {
            return (int) pcap_dispatch.HANDLE.invokeExact(p, cnt, callback, user);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_breakloop {
        // void pcap_breakloop(pcap_t *p);
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_breakloop");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static void pcap_breakloop(MemorySegment p) {
        try {
            pcap_breakloop.HANDLE.invokeExact(p);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_compile {
        // int pcap_compile(pcap_t *p, struct bpf_program *fp, const char *str, int optimize, bpf_u_int32 netmask);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_INT, C_INT);
        static final MemorySegment ADDR = Libpcap.require("pcap_compile");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_compile(MemorySegment p, MemorySegment fp, MemorySegment str, int optimize, int netmask) {
        try {
            return (int) pcap_compile.HANDLE.invokeExact(p, fp, str, optimize, netmask);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_freecode {
        // void pcap_freecode(struct bpf_program *fp);
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_freecode");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static void pcap_freecode(MemorySegment fp) {
        try {
            pcap_freecode.HANDLE.invokeExact(fp);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_setfilter {
        // int pcap_setfilter(pcap_t *p, struct bpf_program *fp);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_setfilter");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_setfilter(MemorySegment p, MemorySegment fp) {
        try {
            return (int) pcap_setfilter.HANDLE.invokeExact(p, fp);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_dump_open {
        // pcap_dumper_t *pcap_dump_open(pcap_t *p, const char *fname);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_dump_open");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static MemorySegment pcap_dump_open(MemorySegment p, MemorySegment fname) {
        try {
            return (MemorySegment) pcap_dump_open.HANDLE.invokeExact(p, fname);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_dump_open_append {
        // pcap_dumper_t *pcap_dump_open_append(pcap_t *p, const char *fname);  (libpcap 1.7)
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = Libpcap.find("pcap_dump_open_append").orElse(null);
        static final MethodHandle HANDLE = Libpcap.downcallOrNull(ADDR, DESC);
    }

    static MemorySegment pcap_dump_open_append(MemorySegment p, MemorySegment fname) {
        try {
            return (MemorySegment) pcap_dump_open_append.HANDLE.invokeExact(p, fname);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_dump_fopen {
        // pcap_dumper_t *pcap_dump_fopen(pcap_t *p, FILE *fp);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = Libpcap.find("pcap_dump_fopen").orElse(null);
        static final MethodHandle HANDLE = Libpcap.downcallOrNull(ADDR, DESC);
    }

    static MemorySegment pcap_dump_fopen(MemorySegment p, MemorySegment fp) {
        try {
            return (MemorySegment) pcap_dump_fopen.HANDLE.invokeExact(p, fp);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_dump {
        // void pcap_dump(u_char *user, const struct pcap_pkthdr *h, const u_char *sp);
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_dump");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static void pcap_dump(MemorySegment user, MemorySegment header, MemorySegment data) {
        try {
            pcap_dump.HANDLE.invokeExact(user, header, data);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_dump_flush {
        // int pcap_dump_flush(pcap_dumper_t *p);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_dump_flush");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_dump_flush(MemorySegment dumper) {
        try {
            return (int) pcap_dump_flush.HANDLE.invokeExact(dumper);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_dump_close {
        // void pcap_dump_close(pcap_dumper_t *p);
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_dump_close");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static void pcap_dump_close(MemorySegment dumper) {
        try {
            pcap_dump_close.HANDLE.invokeExact(dumper);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }
}
