package dev.trawl.pcap.jna;

import com.sun.jna.Callback;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Native;

/**
 * libpcap's functions, bound with JNA direct mapping ({@code static native} methods registered with
 * {@link Native#register}), which costs far less per call than interface mapping. Every pointer travels as a
 * {@code long} so that no {@link com.sun.jna.Pointer} is allocated per call; the backend refuses to load on
 * platforms whose pointers are not 64 bits wide. Error buffers are {@code byte[PCAP_ERRBUF_SIZE]}.
 *
 * <p>Only symbols present in every libpcap from 1.5 on are here; newer ones live in {@link OptionalPcap}.
 */
final class NativePcap {
    /** {@code PCAP_ERRBUF_SIZE}. */
    static final int ERRBUF_SIZE = 256;

    private NativePcap() {
    }

    /** Binds the native methods of this class to the library; called once by {@link JnaBackend}. */
    static void register(NativeLibrary library) {
        Native.register(NativePcap.class, library);
    }

    /** {@code typedef void (*pcap_handler)(u_char *user, const struct pcap_pkthdr *h, const u_char *bytes);} */
    interface PacketCallback extends Callback {
        void invoke(long user, long header, long bytes);
    }

    // ---- library ----
    /** {@code const char *pcap_lib_version(void);} */
    static native String pcap_lib_version();

    /** {@code const char *pcap_statustostr(int error);} */
    static native String pcap_statustostr(int error);

    /** {@code char *pcap_geterr(pcap_t *p);} */
    static native String pcap_geterr(long p);

    // ---- devices ----
    /** {@code int pcap_findalldevs(pcap_if_t **alldevsp, char *errbuf);} */
    static native int pcap_findalldevs(long alldevsp, byte[] errbuf);

    /** {@code void pcap_freealldevs(pcap_if_t *alldevs);} */
    static native void pcap_freealldevs(long alldevs);

    // ---- opening and closing ----
    /** {@code pcap_t *pcap_create(const char *source, char *errbuf);} */
    static native long pcap_create(String source, byte[] errbuf);

    /** {@code int pcap_set_snaplen(pcap_t *p, int snaplen);} */
    static native int pcap_set_snaplen(long p, int snaplen);

    /** {@code int pcap_set_promisc(pcap_t *p, int promisc);} */
    static native int pcap_set_promisc(long p, int promisc);

    /** {@code int pcap_set_timeout(pcap_t *p, int to_ms);} */
    static native int pcap_set_timeout(long p, int toMs);

    /** {@code int pcap_set_immediate_mode(pcap_t *p, int immediate_mode);} */
    static native int pcap_set_immediate_mode(long p, int immediate);

    /** {@code int pcap_set_buffer_size(pcap_t *p, int buffer_size);} */
    static native int pcap_set_buffer_size(long p, int bufferSize);

    /** {@code int pcap_set_tstamp_type(pcap_t *p, int tstamp_type);} */
    static native int pcap_set_tstamp_type(long p, int type);

    /** {@code int pcap_set_tstamp_precision(pcap_t *p, int tstamp_precision);} */
    static native int pcap_set_tstamp_precision(long p, int precision);

    /** {@code int pcap_get_tstamp_precision(pcap_t *p);} */
    static native int pcap_get_tstamp_precision(long p);

    /** {@code int pcap_set_rfmon(pcap_t *p, int rfmon);} */
    static native int pcap_set_rfmon(long p, int rfmon);

    /** {@code int pcap_activate(pcap_t *p);} */
    static native int pcap_activate(long p);

    /** {@code pcap_t *pcap_open_offline_with_tstamp_precision(const char *fname, u_int precision, char *errbuf);} */
    static native long pcap_open_offline_with_tstamp_precision(String fname, int precision, byte[] errbuf);

    /** {@code pcap_t *pcap_fopen_offline_with_tstamp_precision(FILE *fp, u_int precision, char *errbuf);} */
    static native long pcap_fopen_offline_with_tstamp_precision(long fp, int precision, byte[] errbuf);

    /** {@code pcap_t *pcap_open_dead_with_tstamp_precision(int linktype, int snaplen, u_int precision);} */
    static native long pcap_open_dead_with_tstamp_precision(int linktype, int snaplen, int precision);

    /** {@code void pcap_close(pcap_t *p);} */
    static native void pcap_close(long p);

    // ---- reading ----
    /** {@code int pcap_next_ex(pcap_t *p, struct pcap_pkthdr **pkt_header, const u_char **pkt_data);} */
    static native int pcap_next_ex(long p, long headerOut, long dataOut);

    /** {@code int pcap_dispatch(pcap_t *p, int cnt, pcap_handler callback, u_char *user);} */
    static native int pcap_dispatch(long p, int cnt, PacketCallback callback, long user);

    /** {@code int pcap_loop(pcap_t *p, int cnt, pcap_handler callback, u_char *user);} */
    static native int pcap_loop(long p, int cnt, PacketCallback callback, long user);

    /** {@code void pcap_breakloop(pcap_t *p);} */
    static native void pcap_breakloop(long p);

    // ---- handle properties ----
    /** {@code int pcap_datalink(pcap_t *p);} */
    static native int pcap_datalink(long p);

    /** {@code int pcap_snapshot(pcap_t *p);} */
    static native int pcap_snapshot(long p);

    /** {@code int pcap_major_version(pcap_t *p);} */
    static native int pcap_major_version(long p);

    /** {@code int pcap_minor_version(pcap_t *p);} */
    static native int pcap_minor_version(long p);

    /** {@code int pcap_is_swapped(pcap_t *p);} */
    static native int pcap_is_swapped(long p);

    /** {@code int pcap_list_datalinks(pcap_t *p, int **dlt_buf);} */
    static native int pcap_list_datalinks(long p, long dltBufOut);

    /** {@code void pcap_free_datalinks(int *dlt_list);} */
    static native void pcap_free_datalinks(long dltList);

    /** {@code int pcap_set_datalink(pcap_t *p, int dlt);} */
    static native int pcap_set_datalink(long p, int dlt);

    /** {@code int pcap_setdirection(pcap_t *p, pcap_direction_t d);} */
    static native int pcap_setdirection(long p, int direction);

    /** {@code int pcap_setnonblock(pcap_t *p, int nonblock, char *errbuf);} */
    static native int pcap_setnonblock(long p, int nonblock, byte[] errbuf);

    /** {@code int pcap_getnonblock(pcap_t *p, char *errbuf);} */
    static native int pcap_getnonblock(long p, byte[] errbuf);

    /** {@code int pcap_stats(pcap_t *p, struct pcap_stat *ps);} */
    static native int pcap_stats(long p, long stats);

    /** {@code int pcap_sendpacket(pcap_t *p, const u_char *buf, int size);} */
    static native int pcap_sendpacket(long p, long buf, int size);

    // ---- filters ----
    /** {@code int pcap_compile(pcap_t *p, struct bpf_program *fp, const char *str, int optimize, bpf_u_int32 netmask);} */
    static native int pcap_compile(long p, long program, String expression, int optimize, int netmask);

    /** {@code int pcap_setfilter(pcap_t *p, struct bpf_program *fp);} */
    static native int pcap_setfilter(long p, long program);

    /** {@code void pcap_freecode(struct bpf_program *fp);} */
    static native void pcap_freecode(long program);

    /** {@code int pcap_lookupnet(const char *device, bpf_u_int32 *netp, bpf_u_int32 *maskp, char *errbuf);} */
    static native int pcap_lookupnet(String device, long netOut, long maskOut, byte[] errbuf);

    // ---- dumping ----
    /** {@code pcap_dumper_t *pcap_dump_open(pcap_t *p, const char *fname);} */
    static native long pcap_dump_open(long p, String fname);

    /** {@code pcap_dumper_t *pcap_dump_fopen(pcap_t *p, FILE *fp);} */
    static native long pcap_dump_fopen(long p, long fp);

    /** {@code void pcap_dump(u_char *user, const struct pcap_pkthdr *h, const u_char *sp);} */
    static native void pcap_dump(long dumper, long header, long bytes);

    /** {@code int pcap_dump_flush(pcap_dumper_t *p);} */
    static native int pcap_dump_flush(long dumper);

    /** {@code void pcap_dump_close(pcap_dumper_t *p);} */
    static native void pcap_dump_close(long dumper);
}
