package dev.trawl.pcap.panama;

import static dev.trawl.pcap.panama.Libpcap.C_INT;
import static dev.trawl.pcap.panama.Libpcap.C_POINTER;
import static dev.trawl.pcap.panama.Libpcap.LINKER;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * libpcap's functions that configure a {@code pcap_t} before or after activation, query a live capture, and
 * list devices. Holder classes as in {@link PcapCore}; optional functions are {@code null} when absent.
 */
@SuppressWarnings("restricted") // the module exists to link libpcap; it asks for native access
final class PcapConfig {
    private PcapConfig() {
    }

    private static final class pcap_set_snaplen {
        // int pcap_set_snaplen(pcap_t *p, int snaplen);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = Libpcap.require("pcap_set_snaplen");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_set_snaplen(MemorySegment p, int snaplen) {
        try {
            return (int) pcap_set_snaplen.HANDLE.invokeExact(p, snaplen);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_set_promisc {
        // int pcap_set_promisc(pcap_t *p, int promisc);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = Libpcap.require("pcap_set_promisc");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_set_promisc(MemorySegment p, int promisc) {
        try {
            return (int) pcap_set_promisc.HANDLE.invokeExact(p, promisc);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_set_timeout {
        // int pcap_set_timeout(pcap_t *p, int to_ms);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = Libpcap.require("pcap_set_timeout");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_set_timeout(MemorySegment p, int toMs) {
        try {
            return (int) pcap_set_timeout.HANDLE.invokeExact(p, toMs);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_set_immediate_mode {
        // int pcap_set_immediate_mode(pcap_t *p, int immediate_mode);  (libpcap 1.5)
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = Libpcap.find("pcap_set_immediate_mode").orElse(null);
        static final MethodHandle HANDLE = Libpcap.downcallOrNull(ADDR, DESC);
    }

    static int pcap_set_immediate_mode(MemorySegment p, int immediate) {
        try {
            return (int) pcap_set_immediate_mode.HANDLE.invokeExact(p, immediate);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_set_buffer_size {
        // int pcap_set_buffer_size(pcap_t *p, int buffer_size);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = Libpcap.require("pcap_set_buffer_size");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_set_buffer_size(MemorySegment p, int size) {
        try {
            return (int) pcap_set_buffer_size.HANDLE.invokeExact(p, size);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_set_tstamp_type {
        // int pcap_set_tstamp_type(pcap_t *p, int tstamp_type);  (libpcap 1.2)
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = Libpcap.find("pcap_set_tstamp_type").orElse(null);
        static final MethodHandle HANDLE = Libpcap.downcallOrNull(ADDR, DESC);
    }

    static int pcap_set_tstamp_type(MemorySegment p, int type) {
        try {
            return (int) pcap_set_tstamp_type.HANDLE.invokeExact(p, type);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_set_tstamp_precision {
        // int pcap_set_tstamp_precision(pcap_t *p, int tstamp_precision);  (libpcap 1.5)
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = Libpcap.find("pcap_set_tstamp_precision").orElse(null);
        static final MethodHandle HANDLE = Libpcap.downcallOrNull(ADDR, DESC);
    }

    static int pcap_set_tstamp_precision(MemorySegment p, int precision) {
        try {
            return (int) pcap_set_tstamp_precision.HANDLE.invokeExact(p, precision);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_set_rfmon {
        // int pcap_set_rfmon(pcap_t *p, int rfmon);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = Libpcap.find("pcap_set_rfmon").orElse(null);
        static final MethodHandle HANDLE = Libpcap.downcallOrNull(ADDR, DESC);
    }

    static int pcap_set_rfmon(MemorySegment p, int rfmon) {
        try {
            return (int) pcap_set_rfmon.HANDLE.invokeExact(p, rfmon);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }



    private static final class pcap_setdirection {
        // int pcap_setdirection(pcap_t *p, pcap_direction_t d);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = Libpcap.find("pcap_setdirection").orElse(null);
        static final MethodHandle HANDLE = Libpcap.downcallOrNull(ADDR, DESC);
    }

    static int pcap_setdirection(MemorySegment p, int direction) {
        try {
            return (int) pcap_setdirection.HANDLE.invokeExact(p, direction);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_list_datalinks {
        // int pcap_list_datalinks(pcap_t *p, int **dlt_buf);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_list_datalinks");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_list_datalinks(MemorySegment p, MemorySegment dltBuf) {
        try {
            return (int) pcap_list_datalinks.HANDLE.invokeExact(p, dltBuf);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_free_datalinks {
        // void pcap_free_datalinks(int *dlt_list);
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_free_datalinks");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static void pcap_free_datalinks(MemorySegment dltList) {
        try {
            pcap_free_datalinks.HANDLE.invokeExact(dltList);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_set_datalink {
        // int pcap_set_datalink(pcap_t *p, int dlt);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = Libpcap.require("pcap_set_datalink");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_set_datalink(MemorySegment p, int dlt) {
        try {
            return (int) pcap_set_datalink.HANDLE.invokeExact(p, dlt);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_setnonblock {
        // int pcap_setnonblock(pcap_t *p, int nonblock, char *errbuf);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_setnonblock");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_setnonblock(MemorySegment p, int nonblock, MemorySegment errbuf) {
        try {
            return (int) pcap_setnonblock.HANDLE.invokeExact(p, nonblock, errbuf);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_getnonblock {
        // int pcap_getnonblock(pcap_t *p, char *errbuf);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_getnonblock");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_getnonblock(MemorySegment p, MemorySegment errbuf) {
        try {
            return (int) pcap_getnonblock.HANDLE.invokeExact(p, errbuf);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_stats {
        // int pcap_stats(pcap_t *p, struct pcap_stat *ps);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_stats");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_stats(MemorySegment p, MemorySegment ps) {
        try {
            return (int) pcap_stats.HANDLE.invokeExact(p, ps);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_sendpacket {
        // int pcap_sendpacket(pcap_t *p, const u_char *buf, int size);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_INT);
        static final MemorySegment ADDR = Libpcap.require("pcap_sendpacket");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_sendpacket(MemorySegment p, MemorySegment buf, int size) {
        try {
            return (int) pcap_sendpacket.HANDLE.invokeExact(p, buf, size);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_lookupnet {
        // int pcap_lookupnet(const char *device, bpf_u_int32 *netp, bpf_u_int32 *maskp, char *errbuf);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_lookupnet");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_lookupnet(MemorySegment device, MemorySegment netp, MemorySegment maskp, MemorySegment errbuf) {
        try {
            return (int) pcap_lookupnet.HANDLE.invokeExact(device, netp, maskp, errbuf);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_findalldevs {
        // int pcap_findalldevs(pcap_if_t **alldevsp, char *errbuf);
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_findalldevs");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static int pcap_findalldevs(MemorySegment alldevsp, MemorySegment errbuf) {
        try {
            return (int) pcap_findalldevs.HANDLE.invokeExact(alldevsp, errbuf);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    private static final class pcap_freealldevs {
        // void pcap_freealldevs(pcap_if_t *alldevs);
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MemorySegment ADDR = Libpcap.require("pcap_freealldevs");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    static void pcap_freealldevs(MemorySegment alldevs) {
        try {
            pcap_freealldevs.HANDLE.invokeExact(alldevs);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }
}
